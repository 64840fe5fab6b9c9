"""Extractor process: ExtractorService over gRPC, and the articles -> claims Kafka stage."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from typing import Sequence

import grpc
import structlog
from aiokafka.errors import KafkaError

from services.extractor.stories import extract_story_claims, story_key
from shared import places
from shared.config import Settings
from shared.grpc_errors import reject_invalid, reject_unavailable
from shared.kafka import Output, TransformLoop, ensure_topics, idempotent_producer, record_headers
from shared.log import configure_logging
from shared.tracing import new_traceparent, trace_headers, trace_id
from shared.pb import article_pb2, extractor_service_pb2 as pb, extractor_service_pb2_grpc as pb_grpc
from shared.service import Registration, Worker, serve
from shared.validation import Violation, article_id_for, validate_article, validate_id

log = structlog.get_logger()


class ArticleProcessor:
    """Kafka stage: each article on the articles topic becomes claims on the claims topic. It also
    keeps the latest accepted articles (rebuilt by replay) for GetArticle."""

    input_type = article_pb2.Article

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self.articles: OrderedDict[str, article_pb2.Article] = OrderedDict()

    def _remember(self, article: article_pb2.Article) -> None:
        if not article.id:
            article.id = article_id_for(article)
        self.articles[article.id] = article
        self.articles.move_to_end(article.id)
        while len(self.articles) > self._settings.article_index_size:
            self.articles.popitem(last=False)

    def replay(self, article: article_pb2.Article) -> None:
        self._remember(article)

    def validate(self, article: article_pb2.Article) -> list[Violation]:
        return validate_article(article, self._settings.max_article_bytes)

    def process(self, article: article_pb2.Article) -> Sequence[Output]:
        self._remember(article)
        claims = extract_story_claims(article, self._settings.story_key)
        log.info("article extracted", article_id=article.id, source=article.source, claims=len(claims))
        # Keyed by story: one story's claims stay on one partition, in order, for one matcher.
        return [Output(self._settings.topics.claims, claim.story_key, claim) for claim in claims]

    def reset(self) -> None:
        self.articles.clear()


class ExtractorServicer(pb_grpc.ExtractorServiceServicer):
    def __init__(self, settings: Settings, processor: ArticleProcessor) -> None:
        self._settings = settings
        self._processor = processor
        self.producer = idempotent_producer(settings, linger_ms=2)
        self._waiting_for_kafka = 0

    async def _valid_article(self, article: article_pb2.Article, context: grpc.aio.ServicerContext) -> article_pb2.Article:
        await reject_invalid(context, validate_article(article, self._settings.max_article_bytes))
        if not article.id:
            article.id = article_id_for(article)
        return article

    async def Extract(self, request: pb.ExtractRequest, context: grpc.aio.ServicerContext) -> pb.ExtractResponse:
        article = await self._valid_article(request.article, context)
        return pb.ExtractResponse(claims=extract_story_claims(article, self._settings.story_key))

    async def GetArticle(self, request: pb.GetArticleRequest, context: grpc.aio.ServicerContext) -> pb.GetArticleResponse:
        await reject_invalid(context, validate_id("article_id", request.article_id))
        article = self._processor.articles.get(request.article_id)
        if article is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, f"no accepted article {request.article_id!r} "
                                f"(only the latest {self._settings.article_index_size} are kept)")
        return pb.GetArticleResponse(article=article, claims=extract_story_claims(article, self._settings.story_key))

    async def SubmitArticle(self, request: pb.SubmitArticleRequest,
                            context: grpc.aio.ServicerContext) -> pb.SubmitArticleResponse:
        article = await self._valid_article(request.article, context)
        if self._waiting_for_kafka >= self._settings.max_pending_submits:
            # Back-pressure: refuse now rather than queue without bound while Kafka is slow.
            await reject_unavailable(context, "too many articles are waiting for Kafka; nothing was accepted, "
                                     "retry with backoff", retry_after_s=1.0)
        self._waiting_for_kafka += 1
        trace = trace_headers(context.invocation_metadata()) or new_traceparent()
        structlog.contextvars.bind_contextvars(trace_id=trace_id(trace))
        try:
            # Keyed by story (the empty story too), so one story's articles are extracted, and its
            # claims matched, in the order they were accepted, whatever the number of partitions.
            key = story_key(article, self._settings.story_key)
            stored = await asyncio.wait_for(self.producer.send_and_wait(
                self._settings.topics.articles, article.SerializeToString(), key=key.encode(),
                headers=record_headers(article, trace)), timeout=context.time_remaining())
        except (KafkaError, asyncio.TimeoutError) as exc:
            log.warning("article not acknowledged by Kafka", article_id=article.id, error=repr(exc))
            # Resubmitting is safe: the same article id yields the same claim ids downstream.
            await reject_unavailable(context, f"Kafka did not acknowledge the article in time "
                                     f"({exc.__class__.__name__}); resubmit it (same id) with backoff")
        finally:
            self._waiting_for_kafka -= 1
        log.info("article accepted", article_id=article.id, source=article.source,
                 partition=stored.partition, offset=stored.offset)
        return pb.SubmitArticleResponse(article_id=article.id, partition=stored.partition, offset=stored.offset)


async def main(settings: Settings) -> int:
    service_log = configure_logging("extractor", settings.log_level, settings.log_format)
    places.load()
    await ensure_topics(settings)
    processor = ArticleProcessor(settings)
    servicer = ExtractorServicer(settings, processor)

    async def run_producer(stop: asyncio.Event) -> None:
        await servicer.producer.start()
        producer_worker.ready.set()
        try:
            await stop.wait()
        finally:
            await servicer.producer.stop()

    producer_worker = Worker("article-producer", run_producer)
    loop = TransformLoop(settings, stage="extractor", input_topic=settings.topics.articles,
                         processor=processor)
    return await serve(
        "extractor", settings, settings.listen_addr(settings.extractor_addr),
        [Registration(servicer, pb.DESCRIPTOR.services_by_name["ExtractorService"])],
        [producer_worker, Worker("articles-to-claims", loop.run, loop.ready)],
        service_log)
