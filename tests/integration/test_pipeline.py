"""The whole pipeline on a real broker: gRPC in, Kafka between the services, verdicts out on
WatchVerdicts, ListClaims/GetClaim/GetArticle and the verdicts topic."""

import asyncio
import time
from datetime import datetime, timezone

import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_status import rpc_status

from shared.analyze import analyze
from shared.articles_io import by_publication_time, sample_articles
from shared.chaos import read_committed
from shared.client import AsyncClient
from shared.pb import article_pb2, match_pb2, matcher_service_pb2 as matcher_pb, verdict_pb2

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def wait_for_claims(cc: AsyncClient, expected: int, timeout: float = 90) -> list:
    deadline = time.monotonic() + timeout
    while True:
        claims = await cc.all_claims()
        if len(claims) >= expected or time.monotonic() > deadline:
            return claims
        await asyncio.sleep(0.3)


@pytest.fixture
async def cc(stack):
    async with AsyncClient(stack.client_settings()) as client:
        yield client


async def test_every_service_reports_serving_health(stack):
    for name, addr in stack.addrs.items():
        async with grpc.aio.insecure_channel(addr) as channel:
            reply = await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest())
            assert reply.status == health_pb2.HealthCheckResponse.SERVING, name


async def test_sample_story_reaches_the_expected_verdicts(stack, cc):
    articles = by_publication_time(sample_articles())
    expected = analyze(sample_articles())  # the same domain code in-process: the reference
    watched = []

    async def watch():
        async for event in cc.watch_verdicts():
            watched.append(event)

    watcher = asyncio.create_task(watch())
    await asyncio.sleep(0.5)
    for article in articles:
        assert (await cc.submit_article(article)).article_id == article.id
    claims = await wait_for_claims(cc, len(expected.matches))
    await asyncio.sleep(0.5)
    watcher.cancel()

    live = {c.claim.id: (c.verdict.cluster_id, c.verdict.status, tuple(c.verdict.independent_sources))
            for c in claims}
    reference = {m.claim.id: (m.cluster_id, expected.final_verdict(m).status,
                              tuple(expected.final_verdict(m).independent_sources)) for m in expected.matches}
    assert live == reference
    assert {status for _, status, _ in live.values()} == {
        verdict_pb2.VERDICT_STATUS_SINGLE_SOURCE, verdict_pb2.VERDICT_STATUS_CORROBORATED,
        verdict_pb2.VERDICT_STATUS_CONFLICTING}
    # A wire reprint never counts as a second source.
    assert all("bayherald.example" not in sources for _, _, sources in live.values())

    # WatchVerdicts saw every change, numbered without gaps, each cluster ending in its final state...
    assert [e.sequence for e in watched] == list(range(1, len(expected.matches) + 1))
    final_live = {cluster: (status, sources) for cluster, status, sources in live.values()}
    final_watched = {e.verdict.cluster_id: (e.verdict.status, tuple(e.verdict.independent_sources)) for e in watched}
    assert final_watched == final_live

    # ...and so does a plain Kafka subscriber of the verdicts topic (latest record per key).
    latest = {}
    for record in await read_committed(stack.bootstrap, stack.topics.verdicts):
        verdict = verdict_pb2.Verdict.FromString(record.value)
        headers = dict(record.headers)
        assert record.key.decode() == verdict.cluster_id
        assert headers["claimcheck-type"] == b"claimcheck.v1.Verdict"
        assert headers["traceparent"].startswith(b"00-"), "trace context must reach the verdicts"
        latest[verdict.cluster_id] = verdict
    assert {c: (v.status, tuple(v.independent_sources)) for c, v in latest.items()} == final_live

    # Resuming a watch after a "disconnect" brings the current verdict of each cluster changed since.
    missed = watched[-4:]
    latest_missed = {e.verdict.cluster_id: e for e in missed}
    resumed = []

    async def resume():
        async for event in cc.watch_verdicts(resume_after=missed[0].sequence - 1):
            resumed.append(event)
            if len(resumed) == len(latest_missed):
                return

    await asyncio.wait_for(resume(), 10)
    assert [(e.sequence, e.verdict) for e in resumed] == sorted(
        ((e.sequence, e.verdict) for e in latest_missed.values()), key=lambda pair: pair[0])


async def test_list_claims_filters_and_pages(cc):
    everything = await cc.all_claims()
    assert everything, "runs after the sample story"
    conflicting = await cc.all_claims(status=verdict_pb2.VERDICT_STATUS_CONFLICTING)
    assert conflicting and all(c.verdict.status == verdict_pb2.VERDICT_STATUS_CONFLICTING for c in conflicting)
    by_source = await cc.all_claims(source="porttimes.example")
    assert by_source and {c.claim.source for c in by_source} == {"porttimes.example"}
    by_text = await cc.all_claims(text="SHIP TRAFFIC")
    assert by_text and all("ship traffic" in c.claim.text.lower() for c in by_text)
    entity = everything[0].claim.entities[0].canonical
    by_entity = await cc.all_claims(entity=entity)
    assert by_entity and all(any(entity in (e.canonical, e.text.lower()) for e in c.claim.entities) for c in by_entity)
    later = max(c.claim.published_at.seconds for c in everything)
    recent = await cc.all_claims(published_after={"seconds": later})
    assert recent and all(c.claim.published_at.seconds >= later for c in recent) and len(recent) < len(everything)
    paged, token = [], ""
    while True:
        page = await cc.verdicts.ListClaims(verdict_pb2_request(page_size=2, page_token=token))
        assert len(page.claims) <= 2
        paged += page.claims
        token = page.next_page_token
        if not token:
            break
    assert [c.claim.id for c in paged] == [c.claim.id for c in everything]
    assert not any(c.verdict.evidence for c in paged), "pages carry verdict summaries"


def verdict_pb2_request(**fields):
    from shared.pb import verdict_service_pb2

    return verdict_service_pb2.ListClaimsRequest(**fields)


async def test_get_claim_and_get_article(cc):
    claims = await wait_for_claims(cc, 1)
    reply = await cc.get_claim(claims[0].claim.id)
    assert reply.claim == claims[0].claim and reply.verdict.cluster_id == claims[0].verdict.cluster_id
    assert reply.verdict.evidence and reply.verdict.history
    with pytest.raises(grpc.aio.AioRpcError) as missing:
        await cc.get_claim("nope#0")
    assert missing.value.code() == grpc.StatusCode.NOT_FOUND

    article = await cc.get_article(claims[0].claim.article_id)
    assert article.article.id == claims[0].claim.article_id
    own = [c.claim for c in claims if c.claim.article_id == article.article.id]
    assert [c.id for c in article.claims] == [c.id for c in own]


async def test_invalid_article_is_rejected_with_details_and_nothing_is_published(stack, cc):
    before = len(await read_committed(stack.bootstrap, stack.topics.articles))
    with pytest.raises(grpc.aio.AioRpcError) as rejected:
        await cc.submit_article(article_pb2.Article(id="bad-1", source="", text="   "))
    assert rejected.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "source" in rejected.value.details() and "text is empty" in rejected.value.details()
    status = rpc_status.from_call(rejected.value)
    bad_request = error_details_pb2.BadRequest()
    assert status.details[0].Unpack(bad_request)
    assert {v.field for v in bad_request.field_violations} == {"article.source", "article.text",
                                                               "article.published_at"}
    assert len(await read_committed(stack.bootstrap, stack.topics.articles)) == before


async def test_undecodable_request_is_invalid_argument_not_internal(stack):
    text_field = b"\x32\x02\xff\xfe"  # Article.text (field 6) holding bytes that are not UTF-8
    request = b"\x0a" + bytes([len(text_field)]) + text_field  # SubmitArticleRequest.article
    async with grpc.aio.insecure_channel(stack.addrs["extractor"]) as channel:
        raw_call = channel.unary_unary("/claimcheck.v1.ExtractorService/SubmitArticle")
        with pytest.raises(grpc.aio.AioRpcError) as rejected:
            await raw_call(request, timeout=10)
    assert rejected.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "claimcheck.v1.SubmitArticleRequest" in rejected.value.details()


async def test_matcher_compare_explains_a_conflict(cc):
    reply = await cc.compare("Officials said 14 people died in the flooding in the northern province.",
                             "Officials said 17 people died in the flooding in the northern province.")
    assert reply.explanation.decision == match_pb2.MATCH_DECISION_CONFLICTING
    assert "14" in reply.explanation.reason and "17" in reply.explanation.reason
    assert reply.explanation.rule == "number_mismatch"
    # a paragraph is compared sentence by sentence
    reply = await cc.compare("Rescue teams reached the valley at dawn. Officials said 14 people died in the flooding "
                             "in the northern province.", "Officials said 17 people died in the flooding in the "
                             "northern province.")
    assert reply.explanation.rule == "number_mismatch" and "sentence 2 of 2" in reply.explanation.reason
    with pytest.raises(grpc.aio.AioRpcError) as rejected:
        await cc.compare("", "x")
    assert rejected.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_matcher_compare_resolves_dates_against_the_publication_times_given(stack, cc):
    # "on Tuesday" published on Tuesday and "yesterday" published on Wednesday are one day; both
    # published on Thursday (published_at_b defaults to published_at_a) they are two days.
    tuesday = "Dockworkers in Halden walked off the job on Tuesday, the union said."
    yesterday = "Dockworkers in Halden walked off the job yesterday, the union said."
    same_day = await cc.compare(tuesday, yesterday, datetime(2025, 6, 10, 18, tzinfo=timezone.utc),
                                datetime(2025, 6, 11, 9, tzinfo=timezone.utc))
    assert same_day.explanation.decision == match_pb2.MATCH_DECISION_SAME, same_day.explanation.reason
    apart = await cc.compare(tuesday, yesterday, datetime(2025, 6, 12, 9, tzinfo=timezone.utc))
    assert apart.explanation.rule == "date_mismatch", apart.explanation.reason
    assert "2025-06-10 vs 2025-06-11" in apart.explanation.reason
    raw = matcher_pb.CompareRequest(text_a=tuesday, text_b=yesterday)
    raw.published_at_b.seconds = 10**12
    async with grpc.aio.insecure_channel(stack.addrs["matcher"]) as channel:
        with pytest.raises(grpc.aio.AioRpcError) as rejected:
            await channel.unary_unary("/claimcheck.v1.MatcherService/Compare")(raw.SerializeToString(), timeout=10)
    assert rejected.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "published_at_b" in rejected.value.details()
    query = matcher_pb.FindSimilarRequest(text=tuesday)
    query.published_at.nanos = 2 * 10**9
    async with grpc.aio.insecure_channel(stack.addrs["matcher"]) as channel:
        with pytest.raises(grpc.aio.AioRpcError) as rejected:
            await channel.unary_unary("/claimcheck.v1.MatcherService/FindSimilar")(query.SerializeToString(), timeout=10)
    assert rejected.value.code() == grpc.StatusCode.INVALID_ARGUMENT and "published_at" in rejected.value.details()


async def test_find_similar_serves_an_indexed_claim_first_ranked_by_relevance(cc):
    claims = await cc.all_claims()
    text = max((c.claim.text for c in claims), key=len)
    found = (await cc.find_similar(text, limit=5)).results
    assert found and found[0].claim.text == text
    assert found[0].explanation.decision == match_pb2.MATCH_DECISION_SAME, found[0].explanation.reason
    relevance = [hit.relevance for hit in found]
    assert relevance == sorted(relevance, reverse=True) and 0 < relevance[-1] <= relevance[0] <= 100, relevance


async def test_the_example_subscriber_prints_the_verdicts(stack, cc):
    import subprocess
    import sys
    from pathlib import Path

    clusters = {c.verdict.cluster_id for c in await cc.all_claims()}
    script = Path(__file__).resolve().parents[2] / "deploy" / "examples" / "verdict_subscriber.py"
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(script), "--bootstrap", stack.bootstrap, "--topic", stack.topics.verdicts,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    seen: set[str] = set()
    try:
        while not clusters <= seen:
            line = await asyncio.wait_for(process.stdout.readline(), 30)
            seen.add(line.decode().split(" rev ")[0])
    finally:
        process.terminate()
        await process.wait()
    assert clusters <= seen


async def test_doctor_says_all_good_and_names_what_is_down(stack):
    import os
    import subprocess
    import sys

    env = {**os.environ, **stack.service_env()}
    ok = await asyncio.to_thread(subprocess.run, [sys.executable, "-m", "shared.cli", "doctor"], env=env,
                                 capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "all good" in ok.stdout and "FAIL" not in ok.stdout
    env["CLAIMCHECK_MATCHER_ADDR"] = "127.0.0.1:9"  # nothing listens there
    down = await asyncio.to_thread(subprocess.run, [sys.executable, "-m", "shared.cli", "doctor"], env=env,
                                   capture_output=True, text=True, timeout=120)
    assert down.returncode == 1
    assert "FAIL matcher at 127.0.0.1:9" in down.stdout and "is it running?" in down.stdout
