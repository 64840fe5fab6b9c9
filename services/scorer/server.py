"""Scorer process: VerdictService over gRPC, and the matches -> verdicts Kafka stage."""

from __future__ import annotations

import asyncio
import re
from typing import AsyncIterator, Sequence

import grpc
import structlog

from services.scorer.scoring import VerdictBook, claim_filter, parse_source_aliases, status_name
from shared.config import Settings
from shared.grpc_errors import reject_invalid, reject_unavailable
from shared.kafka import Follower, Output, TransformLoop, ensure_topics
from shared.log import configure_logging
from shared.pb import match_pb2, verdict_pb2, verdict_service_pb2 as pb, verdict_service_pb2_grpc as pb_grpc
from shared.service import Registration, Worker, serve
from shared.validation import MAX_SOURCE_CHARS, Violation, validate_claim_match, validate_id

log = structlog.get_logger()
# Input records per transaction at most: under a backlog a larger batch publishes a cluster changed
# several times in it once, and commits less often; a batch in hand is never waited for.
STAGE_BATCH = 2000
DEFAULT_PAGE_SIZE = 50
PAGE_TOKEN = re.compile(r"[0-9]{1,18}")  # ASCII only: str.isdigit() accepts "²", which int() refuses
MAX_PAGE_SIZE = 500
# A watcher this far behind is disconnected rather than buffered without bound.
WATCH_QUEUE_LIMIT = 10_000


class MatchProcessor:
    """Kafka stage: each placed claim updates its cluster's verdict; state rebuilt by replay. Queries
    are answered by the VerdictView, so this book keeps no claims.

    A verdict record is the cluster's whole latest state (revision and history count every change),
    so of several changes to one cluster in a batch only the last is produced, and the book updates
    verdicts in place rather than copying one per change."""

    input_type = match_pb2.ClaimMatch

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self.book = VerdictBook(settings.min_independent_sources, parse_source_aliases(settings.source_aliases),
                                keep_claims=False, retention_seconds=settings.verdict_retention_s, snapshots=False)

    def validate(self, match: match_pb2.ClaimMatch) -> list[Violation]:
        return validate_claim_match(match)

    def process(self, match: match_pb2.ClaimMatch) -> Sequence[Output]:
        verdict = self.book.apply(match)
        if verdict is None:
            return []
        log.debug("verdict", cluster_id=verdict.cluster_id, claim_id=match.claim.id,
                  article_id=match.claim.article_id, status=status_name(verdict.status),
                  sources=len(verdict.independent_sources), revision=verdict.revision)
        return [Output(self._settings.topics.verdicts, verdict.cluster_id, verdict, latest_per_key=True)]

    def replay(self, match: match_pb2.ClaimMatch) -> None:
        self.book.apply(match)

    def reset(self) -> None:
        self.book.reset()


def verdict_stage(settings: Settings) -> TransformLoop:
    """The matches -> verdicts stage, as the service runs it."""
    return TransformLoop(settings, stage="scorer", input_topic=settings.topics.matches,
                         processor=MatchProcessor(settings), max_batch=STAGE_BATCH)


class VerdictBroadcaster:
    """Fans verdict changes, with their sequence numbers, out to WatchVerdicts streams."""

    def __init__(self) -> None:
        self._queues: set[asyncio.Queue] = set()

    def publish(self, sequence: int, verdict: verdict_pb2.Verdict) -> None:
        for queue in list(self._queues):
            if queue.full():  # the stream sees it is unsubscribed once it drains its queue
                self._queues.discard(queue)
            else:
                queue.put_nowait((sequence, verdict))

    def drop_all(self) -> None:
        for queue in self._queues:
            if not queue.full():
                queue.put_nowait(None)
        self._queues.clear()

    def subscribe(self) -> asyncio.Queue:
        queue: asyncio.Queue = asyncio.Queue(WATCH_QUEUE_LIMIT)
        self._queues.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue) -> None:
        self._queues.discard(queue)

    def is_subscribed(self, queue: asyncio.Queue) -> bool:
        return queue in self._queues


class VerdictView:
    """The read model the gRPC API serves: every partition's committed matches, applied to a book
    of its own, so each scorer instance answers for all claims however the work is split. A rebuild
    (after a Kafka error) fills a new book aside; queries see the old one until the new one has
    caught up, never a half-built one."""

    def __init__(self, settings: Settings) -> None:
        self._new_book = lambda: VerdictBook(settings.min_independent_sources,
                                             parse_source_aliases(settings.source_aliases),
                                             retention_seconds=settings.verdict_retention_s)
        self.book = self._new_book()
        self._rebuilding: VerdictBook | None = None
        self.broadcaster = VerdictBroadcaster()

    def apply(self, match: match_pb2.ClaimMatch) -> None:
        if self._rebuilding is not None:
            self._rebuilding.apply(match)
            return
        verdict = self.book.apply(match)
        if verdict is not None:
            self.broadcaster.publish(self.book.sequence, verdict)

    def reset(self) -> None:
        self._rebuilding = self._new_book()

    def caught_up(self) -> None:
        if self._rebuilding is not None:
            self.book, self._rebuilding = self._rebuilding, None
            self.broadcaster.drop_all()  # watchers resume by sequence from the rebuilt view


def _summary(verdict: verdict_pb2.Verdict) -> verdict_pb2.Verdict:
    """A verdict without its evidence and history: pages of claims stay small."""
    summary = verdict_pb2.Verdict()
    summary.CopyFrom(verdict)
    summary.ClearField("evidence")
    summary.ClearField("history")
    return summary


class VerdictServicer(pb_grpc.VerdictServiceServicer):
    def __init__(self, view: VerdictView, max_watchers: int) -> None:
        self._max_watchers = max_watchers
        # Open streams, not subscribed queues: a stream whose queue filled up is unsubscribed but
        # holds its queue until it has drained it.
        self._watchers = 0
        self._view = view

    async def GetClaim(self, request: pb.GetClaimRequest, context: grpc.aio.ServicerContext) -> pb.GetClaimResponse:
        await reject_invalid(context, validate_id("claim_id", request.claim_id))
        found = self._view.book.claim(request.claim_id)
        if found is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, f"no claim {request.claim_id!r}")
        claim, verdict = found
        return pb.GetClaimResponse(claim=claim, verdict=verdict)

    async def ListClaims(self, request: pb.ListClaimsRequest,
                         context: grpc.aio.ServicerContext) -> pb.ListClaimsResponse:
        problems = []
        if not 0 <= request.page_size <= MAX_PAGE_SIZE:
            problems.append(Violation("page_size", f"must be between 0 and {MAX_PAGE_SIZE}"))
        if request.status not in verdict_pb2.VerdictStatus.values():
            problems.append(Violation("status", f"{request.status} is not a VerdictStatus"))
        if len(request.source) > MAX_SOURCE_CHARS:
            problems.append(Violation("source", f"is longer than {MAX_SOURCE_CHARS} characters"))
        if request.page_token and not PAGE_TOKEN.fullmatch(request.page_token):
            problems.append(Violation("page_token", "is not one this service issued"))
        await reject_invalid(context, problems)
        after = request.published_after if request.HasField("published_after") else None
        before = request.published_before if request.HasField("published_before") else None
        matches = claim_filter(request.entity, request.text,
                               (after.seconds, after.nanos) if after else None,
                               (before.seconds, before.nanos) if before else None)
        page, next_position = self._view.book.claims(
            status=request.status, source=request.source, start=int(request.page_token or 0),
            limit=request.page_size or DEFAULT_PAGE_SIZE, matches=matches)
        return pb.ListClaimsResponse(
            claims=[pb.ClaimWithVerdict(claim=c, verdict=_summary(v)) for c, v in page],
            next_page_token="" if next_position is None else str(next_position))

    async def WatchVerdicts(self, request: pb.WatchVerdictsRequest,
                            context: grpc.aio.ServicerContext) -> AsyncIterator[pb.WatchVerdictsResponse]:
        await reject_invalid(context, [Violation("resume_after", "must not be negative")] if request.resume_after < 0 else [])
        if self._watchers >= self._max_watchers:
            await reject_unavailable(context, f"this scorer serves {self._watchers} watchers already; "
                                     "retry with backoff (or on another instance)", retry_after_s=5.0)
        self._watchers += 1
        queue = self._view.broadcaster.subscribe()  # before reading the book, so no change falls between
        try:
            book = self._view.book
            # Both snapshots and their sequence are taken before the first yield: a change applied
            # while they are sent has a later sequence and comes through the queue.
            current = book.verdicts() if request.include_current else []
            missed = book.changes_after(request.resume_after) if request.resume_after else []
            last = max(book.sequence, request.resume_after)
            if missed is None:
                await context.abort(grpc.StatusCode.OUT_OF_RANGE,
                                    f"changes after {request.resume_after} are no longer kept; "
                                    "reconnect with include_current")
            for verdict in current:
                yield pb.WatchVerdictsResponse(verdict=verdict)
            for sequence, verdict in missed:
                yield pb.WatchVerdictsResponse(verdict=verdict, sequence=sequence)
            while True:
                event = await queue.get()
                if event is None:
                    await context.abort(grpc.StatusCode.UNAVAILABLE, "the scorer is rebuilding its view; "
                                        f"resume after sequence {last}")
                sequence, verdict = event
                if not self._view.broadcaster.is_subscribed(queue) and queue.empty():
                    await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED,
                                        "watcher fell too far behind; resume with the last sequence received")
                if sequence > last:
                    last = sequence
                    yield pb.WatchVerdictsResponse(verdict=verdict, sequence=sequence)
        finally:
            self._view.broadcaster.unsubscribe(queue)
            self._watchers -= 1


async def main(settings: Settings) -> int:
    service_log = configure_logging("scorer", settings.log_level, settings.log_format)
    await ensure_topics(settings)
    view = VerdictView(settings)
    loop = verdict_stage(settings)
    follower = Follower(settings, name="verdict-view", topic=settings.topics.matches,
                        message_type=match_pb2.ClaimMatch, validate=validate_claim_match,
                        apply=view.apply, reset=view.reset, caught_up=view.caught_up)
    return await serve(
        "scorer", settings, settings.listen_addr(settings.scorer_addr),
        [Registration(VerdictServicer(view, settings.max_watchers), pb.DESCRIPTOR.services_by_name["VerdictService"])],
        [Worker("matches-to-verdicts", loop.run, loop.ready), Worker("verdict-view", follower.run, follower.ready)],
        service_log)
