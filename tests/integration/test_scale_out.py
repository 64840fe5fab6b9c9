"""Scaling out: two instances of every service in one consumer group, over four partitions, publish
the same clusters and verdicts as one instance of each (and as the in-process pipeline)."""

import asyncio
import re
import time

import pytest

from shared.analyze import analyze
from shared.chaos import claims_in_verdicts, read_committed
from shared.client import AsyncClient
from shared.pb import verdict_pb2
from shared.stack import LocalStack
from shared.storygen import generate

pytestmark = pytest.mark.asyncio(loop_scope="session")
ARTICLES = generate(160, seed=21, events=12)


async def published_verdicts(kafka_bootstrap: str, tmp_path, prefix: str, instances: dict[str, int],
                             expected_claims: int) -> tuple[dict, dict, dict]:
    """Runs the input through a stack; returns the latest verdict per cluster from the topic, which
    partition each cluster's verdicts went to, and which instance processed what."""
    env = {"CLAIMCHECK_TOPIC_PREFIX": prefix, "CLAIMCHECK_TOPIC_PARTITIONS": "4", "CLAIMCHECK_STORY_KEY": "place"}
    stack = LocalStack(kafka_bootstrap=kafka_bootstrap, env=env, log_dir=tmp_path / prefix, instances=instances)
    (tmp_path / prefix).mkdir()
    await asyncio.to_thread(stack.start)
    try:
        async with AsyncClient(stack.client_settings()) as cc:
            for article in ARTICLES:
                await cc.submit_article(article)
            deadline = time.monotonic() + 240
            while True:
                records = await read_committed(stack.bootstrap, stack.topics.verdicts)
                if claims_in_verdicts(records) >= expected_claims or time.monotonic() > deadline:
                    break
                await asyncio.sleep(1)
            claims = {c.claim.id: c.verdict.cluster_id for c in await cc.all_claims()}
        latest, partitions = {}, {}
        for record in records:
            verdict = verdict_pb2.Verdict.FromString(record.value)
            latest[verdict.cluster_id] = (verdict.status, tuple(verdict.independent_sources), verdict.revision)
            partitions.setdefault(verdict.cluster_id, set()).add(record.partition)
        logs = {name: stack.log_tail(name, 100_000) for name in stack.members}
        return latest, claims, {"partitions": partitions, "logs": logs}
    finally:
        await asyncio.to_thread(stack.stop)


async def test_two_instances_of_each_service_publish_what_one_does(kafka_bootstrap, tmp_path):
    reference = analyze(list(ARTICLES), story_key="place")
    want = {m.cluster_id: (reference.book.verdict(m.cluster_id).status,
                           tuple(reference.book.verdict(m.cluster_id).independent_sources),
                           reference.book.verdict(m.cluster_id).revision) for m in reference.matches}
    want_claims = {m.claim.id: m.cluster_id for m in reference.matches}
    assert len({article_story for article_story in
                (m.claim.story_key for m in reference.matches)}) >= 4, "the input must span several stories"

    one, one_claims, _ = await published_verdicts(kafka_bootstrap, tmp_path, "scale-one", {}, len(reference.matches))
    two, two_claims, seen = await published_verdicts(kafka_bootstrap, tmp_path, "scale-two",
                                                     {"extractor": 2, "matcher": 2, "scorer": 2},
                                                     len(reference.matches))
    assert one == want and one_claims == want_claims
    assert two == want and two_claims == want_claims
    # Each cluster's verdicts stay on one partition, and the work really was split.
    assert all(len(p) == 1 for p in seen["partitions"].values())
    for name in ("matcher", "matcher-1", "scorer", "scorer-1"):
        owned = [line for line in seen["logs"][name].splitlines()
                 if '"event": "assigned"' in line and re.search(r'"partitions": \[\d', line)]
        assert owned, f"{name} never owned a partition"
