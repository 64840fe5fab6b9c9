"""The one Kafka helper: topic creation, the record codec with its DLQ, and the exactly-once
consume-transform-produce loop every stateful stage runs.

Exactly-once here means: a batch's outputs and its input offsets commit in one Kafka transaction,
consumers read committed data only, and a stage's in-memory state is rebuilt on (re)start or
rebalance by replaying its owned partitions up to the committed offsets. A crash at any moment
therefore neither loses nor double-counts an input.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Callable, NamedTuple, Protocol, Sequence

import structlog
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, ConsumerRecord, TopicPartition
from aiokafka.coordinator.assignors.roundrobin import RoundRobinPartitionAssignor
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.helpers import create_ssl_context
from aiokafka.errors import KafkaError
from google.protobuf.message import DecodeError, Message

from shared.config import Settings, Topics
from shared.metrics import BATCH_SECONDS, CONSUMER_LAG, RECORDS
from shared.tracing import trace_headers, trace_id

CONTENT_TYPE = b"application/x-protobuf"
SCHEMA_VERSION = b"1"
TYPE_HEADER = "claimcheck-type"
VERSION_HEADER = "claimcheck-schema-version"
# On a latest-per-key record that stands for several changes: the traceparents of the changes before
# the last (whose own is the record's traceparent), oldest first, comma-separated.
COALESCED_TRACES_HEADER = "claimcheck-coalesced-traceparents"
_TOPIC_ALREADY_EXISTS = 36
# aiokafka keeps one produce request in flight per broker, carrying one batch per partition: with its
# 16 KiB default, a stage whose records are ~10 KiB (a verdict with its history and evidence) waited
# for one round trip per record. Half the default max request size leaves room for the request.
TRANSACTION_BATCH_BYTES = 512 * 1024

log = structlog.get_logger()


class PoisonMessage(Exception):
    """A record that can never be processed; it goes to the DLQ with this reason."""


class Output(NamedTuple):
    topic: str
    key: str
    value: Message
    # The value is the key's whole latest state (a compacted topic): a later output of the same topic
    # and key in one transaction supersedes it, so only the last is produced (Kafka Streams' record
    # cache does the same). It is serialized when the batch has been processed, so until then only
    # a later change of its key may change the value.
    latest_per_key: bool = False


def record_headers(message: Message, trace: Sequence[tuple[str, bytes]] = ()) -> list[tuple[str, bytes]]:
    return [
        ("content-type", CONTENT_TYPE),
        (TYPE_HEADER, message.DESCRIPTOR.full_name.encode()),
        (VERSION_HEADER, SCHEMA_VERSION),
        *trace,
    ]


def decode_record(record: ConsumerRecord, message_type: type[Message],
                  validate: Callable[[Message], list]) -> Message:
    """Parses and validates a record; headers are optional so plain feeds may produce too."""
    headers = dict(record.headers or ())
    declared = headers.get(TYPE_HEADER)
    if declared is not None and declared != message_type.DESCRIPTOR.full_name.encode():
        raise PoisonMessage(f"wrong message type {declared.decode(errors='replace')!r}, "
                            f"expected {message_type.DESCRIPTOR.full_name}")
    version = headers.get(VERSION_HEADER)
    if version is not None and version != SCHEMA_VERSION:
        raise PoisonMessage(f"unsupported schema version {version.decode(errors='replace')!r}")
    if not record.value:
        raise PoisonMessage("empty record value")
    try:
        message = message_type.FromString(record.value)
    except DecodeError as exc:
        raise PoisonMessage(f"undecodable {message_type.DESCRIPTOR.full_name}: {exc}") from None
    problems = validate(message)
    if problems:
        raise PoisonMessage("invalid: " + "; ".join(map(str, problems)))
    return message


def dlq_headers(record: ConsumerRecord, reason: str) -> list[tuple[str, bytes]]:
    kept = [(k, v) for k, v in (record.headers or ()) if not k.startswith("dlq-")]
    return kept + [
        ("dlq-error", reason.encode()),
        ("dlq-topic", record.topic.encode()),
        ("dlq-partition", str(record.partition).encode()),
        ("dlq-offset", str(record.offset).encode()),
    ]


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int
    config: dict[str, str]


def pipeline_topics(settings: Settings) -> list[TopicSpec]:
    topics: Topics = settings.topics
    parts = settings.topic_partitions
    # Stages rebuild their state by replaying their input, so input is kept as long as the state
    # it rebuilds (the scorer's retention, plus a day for stages catching up).
    replayable = {"retention.ms": str(int((settings.verdict_retention_s + 24 * 3600) * 1000))}
    specs = [
        TopicSpec(topics.articles, parts, replayable),
        TopicSpec(topics.claims, parts, replayable),
        TopicSpec(topics.matches, parts, replayable),
        # Latest verdict per cluster is what subscribers need; older revisions may be compacted away.
        TopicSpec(topics.verdicts, parts, {"cleanup.policy": "compact"}),
    ]
    return specs + [TopicSpec(Topics.dlq(s.name), 1, {}) for s in specs]


def kafka_options(settings: Settings) -> dict:
    """Connection settings for every aiokafka client: bootstrap plus TLS/SASL when configured."""
    options: dict = {"bootstrap_servers": settings.kafka_bootstrap,
                     "security_protocol": settings.kafka_security_protocol}
    if settings.kafka_security_protocol in ("SSL", "SASL_SSL"):
        options["ssl_context"] = create_ssl_context(cafile=settings.kafka_ssl_cafile or None)
    if settings.kafka_sasl_mechanism:
        options.update(sasl_mechanism=settings.kafka_sasl_mechanism,
                       sasl_plain_username=settings.kafka_sasl_username,
                       sasl_plain_password=settings.kafka_sasl_password)
    return options


async def stop_client(client: AIOKafkaConsumer | AIOKafkaProducer) -> None:
    """client.stop(), which can raise the CancelledError of the client's own fetch or sender task
    (cancelled by stop() while it slept in a retry backoff after the broker went away). That is not
    this task being cancelled: swallowed, it lets a stage rebuild after a broker restart instead of
    the error ending the service. A cancellation of this task is passed on."""
    try:
        await client.stop()
    except asyncio.CancelledError:
        task = asyncio.current_task()
        if task is not None and task.cancelling():
            raise


async def ensure_topics(settings: Settings) -> None:
    """Creates the pipeline's topics if missing; safe to call from every service at start."""
    admin = AIOKafkaAdminClient(**kafka_options(settings))
    await admin.start()  # before create_topics, or it speaks a protocol version Kafka 4 refuses
    try:
        existing = set(await admin.list_topics())
        wanted = [s for s in pipeline_topics(settings) if s.name not in existing]
        if not wanted:
            return
        response = await admin.create_topics([
            NewTopic(s.name, s.partitions, settings.replication_factor, topic_configs=s.config)
            for s in wanted
        ])
        for topic, code, *rest in response.topic_errors:
            if code not in (0, _TOPIC_ALREADY_EXISTS):
                raise KafkaError(f"creating topic {topic} failed with error code {code}: {rest}")
        log.info("topics created", topics=[s.name for s in wanted])
    finally:
        await admin.close()


def idempotent_producer(settings: Settings, **kwargs) -> AIOKafkaProducer:
    return AIOKafkaProducer(**kafka_options(settings), acks="all", enable_idempotence=True, **kwargs)


class _Rebalance(ConsumerRebalanceListener):
    """Only notes the change; the loop acts on it between batches. Nothing to commit on revoke:
    each batch commits its offsets in its own transaction."""

    def __init__(self, loop: "TransformLoop") -> None:
        self._loop = loop

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        for tp in revoked:  # records of these still in hand are not ours to process any more
            self._loop._live_from.pop(tp, None)

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        self._loop._new_assignment = set(assigned)


class Processor(Protocol):
    """A stage's domain logic, adapted: deterministic, so replaying its input rebuilds its state."""

    input_type: type[Message]

    def validate(self, message: Message) -> list: ...

    def process(self, message: Message) -> Sequence[Output]: ...

    def replay(self, message: Message) -> None:
        """Rebuilds state from an input already processed before (its outputs are on Kafka)."""

    def reset(self) -> None: ...


class TransformLoop:
    """Consume-transform-produce in Kafka transactions, as one member of the stage's consumer group.

    On every assignment the processor's state is rebuilt by replaying the owned partitions from
    the beginning up to their committed offsets, then records past them are processed live. Each
    owned partition has its own transactional producer (`<group>.p<partition>`), the pattern Kafka's
    exactly-once copiers use: whoever takes a partition over fences the previous owner's producer,
    so a stale instance can never commit output or offsets for it.
    """

    def __init__(self, settings: Settings, *, stage: str, input_topic: str, processor: Processor,
                 max_batch: int = 500) -> None:
        self._settings = settings
        self._input_topic = input_topic
        self._processor = processor
        self._max_batch = max_batch
        self.stage = stage
        self.group_id = f"{settings.topics.prefix}.{stage}"
        self.ready = asyncio.Event()
        self.processed = 0
        self._live_from: dict[TopicPartition, int] = {}
        self._joined = False
        self._new_assignment: set[TopicPartition] | None = None
        self._producers: dict[TopicPartition, AIOKafkaProducer] = {}
        self._log = log.bind(stage=stage, input_topic=input_topic, instance=settings.instance_id)

    async def run(self, stop: asyncio.Event) -> None:
        backoff = 0.5
        while not stop.is_set():
            try:
                await self._run_until(stop)
                return
            except KafkaError as exc:
                # ProducerFenced included: another member owns that partition now. The batch in flight
                # was aborted and state may hold part of it: rejoin and rebuild from committed offsets.
                self._log.warning("kafka error, rebuilding from committed offsets", error=repr(exc))
                self._joined = False
                self._live_from = {}
                self._new_assignment = None
                self._processor.reset()
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 10.0)

    async def _run_until(self, stop: asyncio.Event) -> None:
        consumer = AIOKafkaConsumer(
            **kafka_options(self._settings), group_id=self.group_id, enable_auto_commit=False,
            isolation_level="read_committed", auto_offset_reset="earliest",
            partition_assignment_strategy=(RoundRobinPartitionAssignor,))
        try:
            await consumer.start()
            consumer.subscribe([self._input_topic], listener=_Rebalance(self))
            await self._consume(consumer, stop)
        finally:  # stop() is safe on a client that never started
            await stop_client(consumer)
            await self._close_producers(list(self._producers))

    async def _assigned(self, consumer: AIOKafkaConsumer, assigned: set[TopicPartition]) -> None:
        """New ownership: state for exactly the owned partitions, rebuilt by replay."""
        await self._close_producers([tp for tp in self._producers if tp not in assigned])
        for tp in sorted(assigned):
            if tp not in self._producers:
                producer = idempotent_producer(self._settings, transactional_id=f"{self.group_id}.p{tp.partition}",
                                               max_batch_size=TRANSACTION_BATCH_BYTES)
                await producer.start()  # init_transactions: fences the partition's previous owner
                self._producers[tp] = producer
        # Read only after fencing: a stale owner's last commit is then either in or aborted.
        self._live_from = {tp: (await consumer.committed(tp)) or 0 for tp in sorted(assigned)}
        self._processor.reset()
        if assigned:
            await consumer.seek_to_beginning(*assigned)
        self._joined = True  # also with no partitions: more members than partitions is a valid state
        self._log.info("assigned", partitions=sorted(tp.partition for tp in assigned),
                       committed={tp.partition: o for tp, o in self._live_from.items()})

    async def _close_producers(self, partitions: list[TopicPartition]) -> None:
        for tp in partitions:
            await stop_client(self._producers.pop(tp))

    async def _consume(self, consumer: AIOKafkaConsumer, stop: asyncio.Event) -> None:
        while not stop.is_set():
            batch = await consumer.getmany(timeout_ms=200, max_records=self._max_batch)
            if self._new_assignment is not None:
                # Rebuild here, not in the rebalance callback, so no batch is handled half under the
                # old ownership; the batch in hand is dropped: the seek to the beginning re-reads it.
                assigned, self._new_assignment = self._new_assignment, None
                await self._assigned(consumer, assigned)
                continue
            if not self.ready.is_set() and self._joined and await self._caught_up(consumer):
                self._log.info("replay complete, processing live")
                self.ready.set()
            for tp in sorted(batch):
                live_from = self._live_from.get(tp)
                if live_from is None:  # revoked while the batch was in flight
                    continue
                replayed = [r for r in batch[tp] if r.offset < live_from]
                live = [r for r in batch[tp] if r.offset >= live_from]
                for record in replayed:
                    self._apply(record, replaying=True)
                RECORDS.labels(self.stage, "replayed").inc(len(replayed))
                if live:
                    with BATCH_SECONDS.labels(self.stage).time():
                        await self._process_in_transaction(self._producers[tp], tp, live)
            for tp in self._live_from:
                highwater = consumer.highwater(tp)
                if highwater is not None:
                    CONSUMER_LAG.labels(self.stage, str(tp.partition)).set(highwater - await consumer.position(tp))

    async def _caught_up(self, consumer: AIOKafkaConsumer) -> bool:
        for tp, offset in self._live_from.items():
            if await consumer.position(tp) < offset:
                return False
        return True

    async def _process_in_transaction(self, producer: AIOKafkaProducer, tp: TopicPartition,
                                      records: list[ConsumerRecord]) -> None:
        # Outputs superseded by a later one of their key are dropped; the rest go out in the order
        # of their last change, each with the trace context of the record that made that change
        # and the traceparents of the changes it also stands for.
        latest: dict[tuple[str, str], tuple[Output, list[tuple[str, bytes]], list[bytes]]] = {}
        poisoned = 0
        async with producer.transaction():
            for record in records:
                trace = trace_headers(record.headers)
                structlog.contextvars.bind_contextvars(trace_id=trace_id(trace))
                outputs, poison = self._apply(record)
                if poison is not None:
                    poisoned += 1
                    self._log.warning("poison message to DLQ", partition=record.partition,
                                      offset=record.offset, error=poison)
                    await producer.send(Topics.dlq(record.topic), record.value, key=record.key,
                                        headers=dlq_headers(record, poison))
                for out in outputs:
                    if out.latest_per_key:
                        superseded = latest.pop((out.topic, out.key), None)  # re-inserted: ordered by last change
                        carried = [] if superseded is None else superseded[2] + [
                            value for key, value in superseded[1] if key == "traceparent"]
                        latest[(out.topic, out.key)] = (out, trace, carried)
                    else:
                        await self._send(producer, out, trace)
            structlog.contextvars.unbind_contextvars("trace_id")
            for out, trace, carried in latest.values():
                if carried:
                    trace = trace + [(COALESCED_TRACES_HEADER, b",".join(carried))]
                await self._send(producer, out, trace)
            # The batch's offset goes in the same transaction as its outputs (one call: aiokafka#1098).
            await producer.send_offsets_to_transaction({tp: records[-1].offset + 1}, self.group_id)
        if tp in self._live_from:  # not if revoked meanwhile: the next assignment reads the commit
            self._live_from[tp] = records[-1].offset + 1
        self.processed += len(records)
        RECORDS.labels(self.stage, "processed").inc(len(records) - poisoned)
        RECORDS.labels(self.stage, "dlq").inc(poisoned)

    @staticmethod
    async def _send(producer: AIOKafkaProducer, out: Output, trace: list[tuple[str, bytes]]) -> None:
        await producer.send(out.topic, out.value.SerializeToString(), key=out.key.encode(),
                            headers=record_headers(out.value, trace))

    def _apply(self, record: ConsumerRecord, replaying: bool = False) -> tuple[Sequence[Output], str | None]:
        """Runs one record through the processor; a record that cannot be processed is poison."""
        try:
            message = decode_record(record, self._processor.input_type, self._processor.validate)
            if replaying:
                self._processor.replay(message)
                return (), None
            return self._processor.process(message), None
        except PoisonMessage as exc:
            return (), str(exc)
        except Exception as exc:  # a deterministic bug on one record must not stall the stage
            self._log.exception("processing failed", partition=record.partition, offset=record.offset)
            return (), f"processing failed: {exc!r}"


class Follower:
    """Reads every partition of a topic, committed records only, from the beginning and on as they
    come, into a read model (no group, no offsets of its own). Serves queries that must see all
    partitions while the transactional work is split across instances.

    After an error the model is rebuilt from the beginning: `reset` starts the rebuild and
    `caught_up` says it has reached the point the old model had, so the old model can keep
    answering queries until then."""

    def __init__(self, settings: Settings, *, name: str, topic: str, message_type: type[Message],
                 validate: Callable[[Message], list], apply: Callable[[Message], None],
                 reset: Callable[[], None], caught_up: Callable[[], None] = lambda: None) -> None:
        self._settings = settings
        self._topic = topic
        self._message_type, self._validate = message_type, validate
        self._apply, self._reset, self._caught_up = apply, reset, caught_up
        self.ready = asyncio.Event()
        self._log = log.bind(follower=name, topic=topic)

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            # No group: subscribing assigns every partition of the topic to this consumer.
            consumer = AIOKafkaConsumer(self._topic, **kafka_options(self._settings), enable_auto_commit=False,
                                        isolation_level="read_committed", auto_offset_reset="earliest")
            try:
                await consumer.start()
                await self._follow(consumer, stop)
                return
            except KafkaError as exc:
                self._log.warning("kafka error, rebuilding the read model", error=repr(exc))
                self._reset()
                await asyncio.sleep(1)
            finally:
                await stop_client(consumer)

    async def _follow(self, consumer: AIOKafkaConsumer, stop: asyncio.Event) -> None:
        partitions = await _wait_for_assignment(consumer, self._topic)
        await consumer.seek_to_beginning(*partitions)
        caught_up_at = await consumer.end_offsets(partitions)
        rebuilt = False
        while not stop.is_set():
            batch = await consumer.getmany(timeout_ms=200, max_records=1000)
            for tp in sorted(batch):
                for record in batch[tp]:
                    try:
                        self._apply(decode_record(record, self._message_type, self._validate))
                    except PoisonMessage:
                        pass  # the transactional stage sent it to the DLQ
            if not rebuilt and all([await consumer.position(tp) >= end for tp, end in caught_up_at.items()]):
                self._log.info("read model caught up")
                rebuilt = True
                self._caught_up()
                self.ready.set()


async def _wait_for_assignment(consumer: AIOKafkaConsumer, topic: str) -> list[TopicPartition]:
    for _ in range(100):
        if consumer.assignment():
            return sorted(consumer.assignment())
        await asyncio.sleep(0.2)
    raise KafkaError(f"no partitions of {topic} were assigned")
