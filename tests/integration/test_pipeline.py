"""The whole pipeline on a real broker: gRPC in, Kafka between the services, verdicts out on
both WatchVerdicts and the verdicts topic."""

import asyncio
import time

import grpc
import pytest
from aiokafka import AIOKafkaConsumer
from google.rpc import error_details_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_status import rpc_status

from shared import client
from shared.analyze import analyze
from shared.articles_io import by_publication_time, sample_articles
from shared.pb import article_pb2, extractor_service_pb2, extractor_service_pb2_grpc, verdict_pb2
from shared.pb import matcher_service_pb2, matcher_service_pb2_grpc

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def wait_for_claims(channel, expected: int, timeout: float = 90) -> list:
    deadline = time.monotonic() + timeout
    while True:
        claims = await client.list_all_claims(channel)
        if len(claims) >= expected or time.monotonic() > deadline:
            return claims
        await asyncio.sleep(0.3)


async def read_topic(bootstrap: str, topic: str) -> list:
    """Everything committed on a topic, as any outside subscriber would read it."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, isolation_level="read_committed",
                                enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    try:
        partitions = sorted(consumer.assignment())
        end = await consumer.end_offsets(partitions)
        records = []
        while any([await consumer.position(tp) < end[tp] for tp in partitions]):
            batch = await consumer.getmany(timeout_ms=500)
            records.extend(r for rs in batch.values() for r in rs)
        return records
    finally:
        await consumer.stop()


async def test_every_service_reports_serving_health(stack):
    for name, addr in stack.addrs.items():
        async with grpc.aio.insecure_channel(addr) as channel:
            reply = await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest())
            assert reply.status == health_pb2.HealthCheckResponse.SERVING, name


async def test_sample_story_reaches_the_expected_verdicts(stack):
    articles = by_publication_time(sample_articles())
    expected = analyze(sample_articles())  # the same domain code in-process: the reference
    async with grpc.aio.insecure_channel(stack.addrs["scorer"]) as scorer:
        watched: list[verdict_pb2.Verdict] = []

        async def watch():
            async for verdict in client.watch_verdicts(scorer):
                watched.append(verdict)

        watcher = asyncio.create_task(watch())
        await asyncio.sleep(0.5)
        async with grpc.aio.insecure_channel(stack.addrs["extractor"]) as extractor:
            for article in articles:
                reply = await client.submit_article(extractor, article)
                assert reply.article_id == article.id
        claims = await wait_for_claims(scorer, len(expected.matches))
        await asyncio.sleep(0.5)
        watcher.cancel()

    live = {c.claim.id: (c.verdict.cluster_id, c.verdict.status, tuple(c.verdict.independent_sources))
            for c in claims}
    reference = {m.claim.id: (m.cluster_id, expected.final_verdict(m).status,
                              tuple(expected.final_verdict(m).independent_sources)) for m in expected.matches}
    assert live == reference
    statuses = {status for _, status, _ in live.values()}
    assert statuses == {verdict_pb2.VERDICT_STATUS_SINGLE_SOURCE, verdict_pb2.VERDICT_STATUS_CORROBORATED,
                        verdict_pb2.VERDICT_STATUS_CONFLICTING}
    # A wire reprint never counts as a second source.
    assert all("bayherald.example" not in sources for _, _, sources in live.values())

    # WatchVerdicts saw each cluster reach its final state...
    final_watched = {}
    for verdict in watched:
        final_watched[verdict.cluster_id] = verdict
    final_live = {cluster: (status, sources) for cluster, status, sources in live.values()}
    assert {c: (v.status, tuple(v.independent_sources)) for c, v in final_watched.items()} == final_live

    # ...and so does a plain Kafka subscriber of the verdicts topic (latest record per key).
    latest = {}
    for record in await read_topic(stack.bootstrap, stack.topics.verdicts):
        verdict = verdict_pb2.Verdict.FromString(record.value)
        assert record.key.decode() == verdict.cluster_id
        assert dict(record.headers)["claimcheck-type"] == b"claimcheck.v1.Verdict"
        latest[verdict.cluster_id] = verdict
    assert {c: (v.status, tuple(v.independent_sources)) for c, v in latest.items()} == final_live


async def test_get_claim_returns_the_claim_with_its_verdict(stack):
    async with grpc.aio.insecure_channel(stack.addrs["scorer"]) as scorer:
        claims = await wait_for_claims(scorer, 1)
        from shared.pb import verdict_service_pb2, verdict_service_pb2_grpc

        stub = verdict_service_pb2_grpc.VerdictServiceStub(scorer)
        reply = await stub.GetClaim(verdict_service_pb2.GetClaimRequest(claim_id=claims[0].claim.id))
        assert reply.claim == claims[0].claim and reply.verdict.cluster_id == claims[0].verdict.cluster_id
        with pytest.raises(grpc.aio.AioRpcError) as missing:
            await stub.GetClaim(verdict_service_pb2.GetClaimRequest(claim_id="nope#0"))
        assert missing.value.code() == grpc.StatusCode.NOT_FOUND


async def test_invalid_article_is_rejected_and_nothing_is_published(stack):
    before = len(await read_topic(stack.bootstrap, stack.topics.articles))
    bad = article_pb2.Article(id="bad-1", source="", text="   ")
    async with grpc.aio.insecure_channel(stack.addrs["extractor"]) as channel:
        stub = extractor_service_pb2_grpc.ExtractorServiceStub(channel)
        with pytest.raises(grpc.aio.AioRpcError) as rejected:
            await stub.SubmitArticle(extractor_service_pb2.SubmitArticleRequest(article=bad))
    assert rejected.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "source" in rejected.value.details() and "text is empty" in rejected.value.details()
    status = rpc_status.from_call(rejected.value)
    bad_request = error_details_pb2.BadRequest()
    assert status.details[0].Unpack(bad_request)
    assert {v.field for v in bad_request.field_violations} == {"article.source", "article.text",
                                                               "article.published_at"}
    assert len(await read_topic(stack.bootstrap, stack.topics.articles)) == before


async def test_undecodable_request_is_invalid_argument_not_internal(stack):
    text_field = b"\x32\x02\xff\xfe"  # Article.text (field 6) holding bytes that are not UTF-8
    request = b"\x0a" + bytes([len(text_field)]) + text_field  # SubmitArticleRequest.article
    async with grpc.aio.insecure_channel(stack.addrs["extractor"]) as channel:
        raw_call = channel.unary_unary("/claimcheck.v1.ExtractorService/SubmitArticle")
        with pytest.raises(grpc.aio.AioRpcError) as rejected:
            await raw_call(request, timeout=10)
    assert rejected.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "claimcheck.v1.SubmitArticleRequest" in rejected.value.details()


async def test_matcher_compare_explains_a_conflict(stack):
    async with grpc.aio.insecure_channel(stack.addrs["matcher"]) as channel:
        stub = matcher_service_pb2_grpc.MatcherServiceStub(channel)
        reply = await stub.Compare(matcher_service_pb2.CompareRequest(
            text_a="Officials said 14 people died in the flooding in the northern province.",
            text_b="Officials said 17 people died in the flooding in the northern province."))
        assert reply.explanation.decision == 2  # MATCH_DECISION_CONFLICTING
        assert "14" in reply.explanation.reason and "17" in reply.explanation.reason
        with pytest.raises(grpc.aio.AioRpcError) as rejected:
            await stub.Compare(matcher_service_pb2.CompareRequest(text_a="", text_b="x"))
        assert rejected.value.code() == grpc.StatusCode.INVALID_ARGUMENT
