"""Fault injection against a running LocalStack: stream articles over gRPC while services are
SIGKILLed (and optionally the broker bounced) at random moments, then compare everything the
pipeline published with a fault-free, in-process run of the same input.

Used by tests/integration/test_faults.py (small) and bench/chaos.py (the full run).
"""

from __future__ import annotations

import asyncio
import random
import signal
import time
from collections import Counter
from dataclasses import dataclass, field

import grpc
from aiokafka import AIOKafkaConsumer

from shared.client import AsyncClient
from shared.analyze import analyze
from shared.pb import article_pb2, verdict_pb2
from shared.stack import SERVICES, LocalStack

RETRYABLE = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.CANCELLED,
             grpc.StatusCode.UNKNOWN}


@dataclass
class ChaosReport:
    articles: int = 0
    submit_retries: int = 0
    kills: list[tuple[float, str]] = field(default_factory=list)
    broker_restarts: int = 0
    expected_claims: int = 0
    claims_seen: int = 0
    lost_claims: list[str] = field(default_factory=list)
    wrong_claims: list[str] = field(default_factory=list)
    verdict_records: int = 0
    duplicate_verdict_revisions: int = 0
    wrong_clusters: list[str] = field(default_factory=list)
    dlq_records: int = 0
    seconds: float = 0.0

    @property
    def clean(self) -> bool:
        return not (self.lost_claims or self.wrong_claims or self.duplicate_verdict_revisions
                    or self.wrong_clusters or self.dlq_records)

    def summary(self) -> dict:
        return {"articles": self.articles, "kills": len(self.kills), "broker_restarts": self.broker_restarts,
                "submit_retries": self.submit_retries, "expected_claims": self.expected_claims,
                "claims_seen": self.claims_seen, "lost": len(self.lost_claims),
                "wrong_claims": len(self.wrong_claims), "verdict_records": self.verdict_records,
                "duplicate_verdict_revisions": self.duplicate_verdict_revisions,
                "wrong_clusters": len(self.wrong_clusters), "dlq_records": self.dlq_records,
                "seconds": round(self.seconds, 1)}


async def submit_with_retry(cc: AsyncClient, article: article_pb2.Article, report: ChaosReport,
                            give_up_after: float = 120) -> None:
    """What a well-behaved newsroom client does: resubmit the same article until it is accepted."""
    deadline = time.monotonic() + give_up_after
    while True:
        try:
            await cc.submit_article(article)
            return
        except grpc.aio.AioRpcError as exc:
            if exc.code() not in RETRYABLE or time.monotonic() > deadline:
                raise
            report.submit_retries += 1
            await asyncio.sleep(0.2)


async def read_committed(bootstrap: str, topic: str) -> list:
    """Every committed record of a topic, as an outside subscriber sees it."""
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


async def _inflict(stack: LocalStack, rng: random.Random, kills: int, window: float, broker_restart: bool,
                   report: ChaosReport, started: float) -> None:
    moments = sorted(rng.uniform(0, window) for _ in range(kills))
    bounce_at = rng.uniform(window * 0.3, window * 0.6) if broker_restart else None
    for moment in moments:
        if bounce_at is not None and moment > bounce_at:
            await asyncio.sleep(max(0.0, started + bounce_at - time.monotonic()))
            await asyncio.to_thread(stack.kafka.stop)
            await asyncio.sleep(rng.uniform(1, 3))
            await asyncio.to_thread(stack.kafka.start)
            report.broker_restarts += 1
            bounce_at = None
        await asyncio.sleep(max(0.0, started + moment - time.monotonic()))
        victim = rng.choice(SERVICES)
        await asyncio.to_thread(stack.stop_service, victim, signal.SIGKILL)
        report.kills.append((round(time.monotonic() - started, 2), victim))
        await asyncio.sleep(rng.uniform(0.2, 1.5))
        stack.start_service(victim)


async def run_chaos(stack: LocalStack, articles: list[article_pb2.Article], kills: int, seed: int = 1,
                    duration: float = 30.0, broker_restart: bool = False, settle_timeout: float = 300) -> ChaosReport:
    """Streams `articles` over `duration` seconds while inflicting faults; returns what was checked."""
    rng = random.Random(seed)
    report = ChaosReport(articles=len(articles))
    reference = analyze(list(articles))
    report.expected_claims = len(reference.matches)
    started = time.monotonic()
    faults = asyncio.create_task(_inflict(stack, rng, kills, duration, broker_restart, report, started))
    async with AsyncClient(stack.client_settings(), timeout=10) as cc:
        for i, article in enumerate(articles):
            await asyncio.sleep(max(0.0, started + duration * i / len(articles) - time.monotonic()))
            await submit_with_retry(cc, article, report)
    await faults
    for name in SERVICES:
        await asyncio.to_thread(stack.wait_ready, name, settle_timeout)
    live = await _wait_for_claims(stack, report.expected_claims, settle_timeout)
    await _wait_for_verdicts(stack, report.expected_claims, settle_timeout)
    report.seconds = time.monotonic() - started
    _compare(reference, live, report)
    await _check_verdict_topic(stack, reference, report)
    for topic in (stack.topics.articles, stack.topics.claims, stack.topics.matches):
        report.dlq_records += len(await read_committed(stack.bootstrap, stack.topics.dlq(topic)))
    return report


async def _wait_for_claims(stack: LocalStack, expected: int, timeout: float) -> list:
    deadline = time.monotonic() + timeout
    previous = None
    async with AsyncClient(stack.client_settings()) as cc:
        while True:
            claims = await cc.all_claims()
            # Two equal complete snapshots in a row: the view has settled.
            if (len(claims) >= expected and claims == previous) or time.monotonic() > deadline:
                return claims
            previous = claims
            await asyncio.sleep(0.5)


def claims_in_verdicts(records: list) -> int:
    """Claims the verdict records account for: each cluster's latest revision counts every claim that
    joined it (a record may stand for several changes, the scorer publishing only the latest)."""
    latest: dict[str, int] = {}
    for record in records:
        verdict = verdict_pb2.Verdict.FromString(record.value)
        latest[verdict.cluster_id] = max(latest.get(verdict.cluster_id, 0), verdict.revision)
    return sum(latest.values())


async def _wait_for_verdicts(stack: LocalStack, expected: int, timeout: float) -> None:
    """The API serves a read model that can be ahead of the verdicts topic: wait for the topic too."""
    deadline = time.monotonic() + timeout
    while (claims_in_verdicts(await read_committed(stack.bootstrap, stack.topics.verdicts)) < expected
           and time.monotonic() < deadline):
        await asyncio.sleep(1)


def _compare(reference, live: list, report: ChaosReport) -> None:
    want = {m.claim.id: (m.cluster_id, reference.final_verdict(m).status,
                         tuple(reference.final_verdict(m).independent_sources)) for m in reference.matches}
    got = {c.claim.id: (c.verdict.cluster_id, c.verdict.status, tuple(c.verdict.independent_sources))
           for c in live}
    report.claims_seen = len(got)
    report.lost_claims = sorted(set(want) - set(got))
    report.wrong_claims = sorted(cid for cid in set(want) & set(got) if want[cid] != got[cid])
    report.wrong_claims += sorted(set(got) - set(want))


async def _check_verdict_topic(stack: LocalStack, reference, report: ChaosReport) -> None:
    """Exactly-once on the output: each (cluster, revision) once, and the latest verdict per cluster
    equal to the fault-free run's, with one revision per claim that joined."""
    records = await read_committed(stack.bootstrap, stack.topics.verdicts)
    report.verdict_records = len(records)
    revisions = Counter()
    latest: dict[str, verdict_pb2.Verdict] = {}
    for record in records:
        verdict = verdict_pb2.Verdict.FromString(record.value)
        revisions[(verdict.cluster_id, verdict.revision)] += 1
        latest[verdict.cluster_id] = verdict
    report.duplicate_verdict_revisions = sum(n - 1 for n in revisions.values() if n > 1)
    sizes = Counter(m.cluster_id for m in reference.matches)
    for cluster_id, size in sizes.items():
        want = reference.book.verdict(cluster_id)
        got = latest.get(cluster_id)
        if (got is None or got.status != want.status or list(got.independent_sources) != list(want.independent_sources)
                or got.revision != size):
            report.wrong_clusters.append(cluster_id)
    report.wrong_clusters += sorted(set(latest) - set(sizes))
