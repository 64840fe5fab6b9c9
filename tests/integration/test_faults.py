"""Faults inflicted on real processes and a real broker: SIGKILLed services, a bounced broker,
wiped state, poison messages. Small defaults here; bench/chaos.py runs the full-size version."""

import asyncio
import os
import signal

import pytest
from aiokafka import AIOKafkaProducer

from shared.chaos import read_committed, run_chaos
from shared.client import AsyncClient
from shared.pb import article_pb2, claim_pb2, match_pb2
from shared.stack import LocalStack
from shared.storygen import generate

pytestmark = pytest.mark.asyncio(loop_scope="session")
ARTICLES = int(os.environ.get("CLAIMCHECK_CHAOS_ARTICLES", "300"))
KILLS = int(os.environ.get("CLAIMCHECK_CHAOS_KILLS", "5"))


def own_stack(prefix: str, tmp_path, **kwargs) -> LocalStack:
    return LocalStack(env={"CLAIMCHECK_TOPIC_PREFIX": prefix}, log_dir=tmp_path, **kwargs)


async def test_killed_services_lose_nothing_and_count_nothing_twice(kafka_bootstrap, tmp_path):
    stack = await asyncio.to_thread(own_stack("chaos-kills", tmp_path, kafka_bootstrap=kafka_bootstrap).start)
    try:
        report = await run_chaos(stack, generate(ARTICLES, seed=11), kills=KILLS, seed=11, duration=25)
        print("chaos:", report.summary())
        assert len(report.kills) == KILLS
        assert report.clean, report.summary() | {"lost": report.lost_claims[:5], "wrong": report.wrong_claims[:5],
                                                 "wrong_clusters": report.wrong_clusters[:5]}
        assert report.claims_seen == report.expected_claims > ARTICLES

        # Replay: wipe every service's state (kill them all), and they rebuild the same.
        async with AsyncClient(stack.client_settings()) as cc:
            before = await cc.all_claims()
            similar_before = await cc.find_similar(before[0].claim.text, limit=5)
            article_before = await cc.get_article(before[-1].claim.article_id)
        for name in ("scorer", "matcher", "extractor"):
            await asyncio.to_thread(stack.stop_service, name, signal.SIGKILL)
            stack.start_service(name)
            await asyncio.to_thread(stack.wait_ready, name)
        async with AsyncClient(stack.client_settings()) as cc:
            assert await cc.all_claims() == before
            assert await cc.find_similar(before[0].claim.text, limit=5) == similar_before
            assert await cc.get_article(before[-1].claim.article_id) == article_before
    finally:
        await asyncio.to_thread(stack.stop)


async def test_broker_restart_mid_stream_loses_nothing(tmp_path):
    stack = own_stack("chaos-broker", tmp_path / "logs", kafka_data_dir=tmp_path / "kafka")
    (tmp_path / "logs").mkdir()
    await asyncio.to_thread(stack.start)
    try:
        report = await run_chaos(stack, generate(120, seed=5), kills=2, seed=5, duration=20, broker_restart=True)
        print("broker restart:", report.summary())
        assert report.broker_restarts == 1
        assert report.clean, report.summary()
    finally:
        await asyncio.to_thread(stack.stop)


def good_article(article_id: str) -> article_pb2.Article:
    article = article_pb2.Article(id=article_id, source="poison-check.example",
                                  text="The regional police said 42 people were evacuated from Tarrin on Monday.")
    article.published_at.FromJsonString("2026-06-01T08:00:00Z")
    return article


async def test_poison_messages_go_to_the_dlq_and_good_ones_are_processed(stack):
    topics = stack.topics
    valid_claim = claim_pb2.Claim(id="x#0", article_id="x", source="s", text="t", span=claim_pb2.Span(start=0, end=1))
    bad = {
        topics.articles: [
            (b"\xff\x00 random bytes \x13\x37", [], "undecodable"),
            (good_article("v2").SerializeToString(), [("claimcheck-schema-version", b"2")], "schema version"),
            (article_pb2.Article(id="no-source", text="x").SerializeToString(), [], "article.source"),
            (good_article("typed").SerializeToString(), [("claimcheck-type", b"claimcheck.v1.Claim")], "wrong message type"),
        ],
        topics.claims: [(claim_pb2.Claim(id="c#0").SerializeToString(), [], "claim.article_id")],
        topics.matches: [(match_pb2.ClaimMatch(claim=valid_claim).SerializeToString(), [], "cluster_id")],
    }
    good_ids = []
    producer = AIOKafkaProducer(bootstrap_servers=stack.bootstrap, acks="all", enable_idempotence=True)
    await producer.start()
    try:
        for topic, records in bad.items():
            for value, headers, _ in records:
                await producer.send_and_wait(topic, value, key=b"k", headers=headers)
                # A good article after each bad record, straight from a "feed" without headers.
                good_ids.append(f"good-{len(good_ids)}")
                await producer.send_and_wait(topics.articles, good_article(good_ids[-1]).SerializeToString())
    finally:
        await producer.stop()

    async with AsyncClient(stack.client_settings()) as cc:
        for _ in range(120):
            claims = await cc.all_claims(source="poison-check.example")
            if len(claims) >= len(good_ids):
                break
            await asyncio.sleep(0.5)
    assert sorted(c.claim.article_id for c in claims) == sorted(good_ids)

    for topic, records in bad.items():
        dead = await read_committed(stack.bootstrap, topics.dlq(topic))
        assert len(dead) == len(records), topic
        for record, (value, _, cause) in zip(dead, records):
            headers = dict(record.headers)
            assert record.value == value
            assert cause in headers["dlq-error"].decode(), headers["dlq-error"]
            assert headers["dlq-topic"].decode() == topic and int(headers["dlq-offset"]) >= 0
