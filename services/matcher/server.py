"""Matcher process: MatcherService over gRPC, and the claims -> matches Kafka stage."""

from __future__ import annotations

import asyncio
from typing import Sequence

import grpc
import structlog

from services.extractor.extraction import analyze_sentence
from services.matcher.matching import DEFAULT_THRESHOLD
from services.matcher.stories import StoryIndexes
from shared import places
from shared.comparison import compare_texts, has_words
from shared.config import Settings
from shared.grpc_errors import reject_invalid, reject_unavailable
from shared.kafka import Output, TransformLoop, ensure_topics
from shared.log import configure_logging
from shared.pb import claim_pb2, matcher_service_pb2 as pb, matcher_service_pb2_grpc as pb_grpc
from shared.service import Registration, Worker, serve
from shared.validation import Violation, publication_time, validate_claim

log = structlog.get_logger()
MAX_QUERY_CHARS = 10_000


class ClaimProcessor:
    """Kafka stage: places each claim in a cluster; the index is rebuilt by replay on start."""

    input_type = claim_pb2.Claim

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self.index = self._new_index()

    def _new_index(self) -> StoryIndexes:
        return StoryIndexes(threshold=self._settings.match_threshold or DEFAULT_THRESHOLD,
                            window_seconds=self._settings.match_window_s)

    def validate(self, claim: claim_pb2.Claim) -> list[Violation]:
        return validate_claim(claim)

    def process(self, claim: claim_pb2.Claim) -> Sequence[Output]:
        match = self.index.place(claim)
        log.debug("claim placed", claim_id=claim.id, cluster_id=match.cluster_id,
                  decision=match.explanation.decision, score=match.explanation.score)
        return [Output(self._settings.topics.matches, match.cluster_id, match)]

    def replay(self, claim: claim_pb2.Claim) -> None:
        self.index.place(claim)

    def reset(self) -> None:
        self.index = self._new_index()


def _text_problems(field: str, text: str) -> list[Violation]:
    if not text.strip():
        return [Violation(field, "is empty")]
    if not has_words(text):
        return [Violation(field, "has no words (no letter or digit)")]
    if len(text) > MAX_QUERY_CHARS:
        return [Violation(field, f"is longer than {MAX_QUERY_CHARS} characters")]
    return []


class MatcherServicer(pb_grpc.MatcherServiceServicer):
    def __init__(self, processor: ClaimProcessor, max_pending_compares: int) -> None:
        self._processor = processor
        self._max_pending_compares = max_pending_compares
        self._pending_compares = 0

    async def Compare(self, request: pb.CompareRequest, context: grpc.aio.ServicerContext) -> pb.CompareResponse:
        problems = _text_problems("text_a", request.text_a) + _text_problems("text_b", request.text_b)
        published_a, problems_a = publication_time(request, "published_at_a")
        published_b, problems_b = publication_time(request, "published_at_b")
        await reject_invalid(context, problems + problems_a + problems_b)
        if self._pending_compares >= self._max_pending_compares:
            # A flood of long texts would otherwise queue without bound for the worker threads.
            await reject_unavailable(context, f"the matcher is comparing {self._pending_compares} texts already; "
                                     "retry with backoff", retry_after_s=0.5)
        # Up to 40 x 40 sentence pairs (a tenth of a second or more): off the event loop, which also
        # runs the Kafka stage. compare_texts reads no shared state.
        work = asyncio.ensure_future(asyncio.to_thread(compare_texts, request.text_a, request.text_b,
                                                       self._processor.index.threshold, published_a, published_b))
        self._pending_compares += 1
        # Counted until the thread is done, even when the caller gives up: a thread cannot be stopped.
        work.add_done_callback(self._compare_done)
        explanation = await asyncio.shield(work)
        return pb.CompareResponse(explanation=explanation)

    def _compare_done(self, work: asyncio.Future) -> None:
        self._pending_compares -= 1
        # A caller that gave up no longer awaits the result: its failure is reported here.
        if not work.cancelled() and (error := work.exception()) is not None:
            log.error("compare failed", error=repr(error), exc_info=error)

    async def FindSimilar(self, request: pb.FindSimilarRequest,
                          context: grpc.aio.ServicerContext) -> pb.FindSimilarResponse:
        problems = _text_problems("text", request.text)
        if request.limit < 0 or request.limit > 1000:
            problems.append(Violation("limit", "must be between 0 and 1000"))
        if not 0 <= request.min_score <= 100:
            problems.append(Violation("min_score", "must be between 0 and 100"))
        published, time_problems = publication_time(request, "published_at")
        await reject_invalid(context, problems + time_problems)
        query = analyze_sentence(request.text, published)
        found = self._processor.index.find_similar(query, request.limit or 10, request.min_score)
        return pb.FindSimilarResponse(results=[
            pb.SimilarClaim(claim=hit.match.claim, cluster_id=hit.match.cluster_id, explanation=hit.explanation,
                            relevance=hit.relevance)
            for hit in found])


async def main(settings: Settings) -> int:
    service_log = configure_logging("matcher", settings.log_level, settings.log_format)
    places.load()
    await ensure_topics(settings)
    processor = ClaimProcessor(settings)
    loop = TransformLoop(settings, stage="matcher", input_topic=settings.topics.claims,
                         processor=processor)
    return await serve(
        "matcher", settings, settings.listen_addr(settings.matcher_addr),
        [Registration(MatcherServicer(processor, settings.max_pending_compares), pb.DESCRIPTOR.services_by_name["MatcherService"])],
        [Worker("claims-to-matches", loop.run, loop.ready)],
        service_log)
