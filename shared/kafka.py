"""The one Kafka helper: topic creation, the record codec with its DLQ, and the exactly-once
consume-transform-produce loop every stateful stage runs.

Exactly-once here means: a batch's outputs and its input offsets commit in one Kafka transaction,
consumers read committed data only, and a stage's in-memory state is rebuilt on (re)start by
replaying its input topic up to the committed offsets. A crash at any moment therefore neither
loses nor double-counts an input.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Callable, NamedTuple, Protocol, Sequence

import structlog
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.helpers import create_ssl_context
from aiokafka.errors import KafkaError, ProducerFenced, UnknownTopicOrPartitionError
from google.protobuf.message import DecodeError, Message

from shared.config import Settings, Topics
from shared.metrics import BATCH_SECONDS, CONSUMER_LAG, RECORDS
from shared.tracing import trace_headers, trace_id

CONTENT_TYPE = b"application/x-protobuf"
SCHEMA_VERSION = b"1"
TYPE_HEADER = "claimcheck-type"
VERSION_HEADER = "claimcheck-schema-version"
_TOPIC_ALREADY_EXISTS = 36

log = structlog.get_logger()


class PoisonMessage(Exception):
    """A record that can never be processed; it goes to the DLQ with this reason."""


class Output(NamedTuple):
    topic: str
    key: str
    value: Message


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
    specs = [
        TopicSpec(topics.articles, parts, {}),
        TopicSpec(topics.claims, parts, {}),
        TopicSpec(topics.matches, parts, {}),
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


class Processor(Protocol):
    """A stage's domain logic, adapted: deterministic, so replaying its input rebuilds its state."""

    input_type: type[Message]

    def validate(self, message: Message) -> list: ...

    def process(self, message: Message) -> Sequence[Output]: ...

    def replay(self, message: Message) -> None:
        """Rebuilds state from an input already processed before (its outputs are on Kafka)."""

    def reset(self) -> None: ...


class TransformLoop:
    """Consume-transform-produce in Kafka transactions, with replay of state on start.

    One instance owns all partitions of its input topic (manual assignment) and one stable
    transactional id, so a restarted instance fences its predecessor.
    """

    def __init__(self, settings: Settings, *, stage: str, input_topic: str, processor: Processor,
                 stateful: bool, on_commit: Callable[[Sequence[Output]], None] | None = None,
                 max_batch: int = 500) -> None:
        self._settings = settings
        self._input_topic = input_topic
        self._processor = processor
        self._stateful = stateful
        self._on_commit = on_commit
        self._max_batch = max_batch
        self.stage = stage
        self.group_id = f"{settings.topics.prefix}.{stage}"
        self._transactional_id = f"{self.group_id}.{settings.instance_id}"
        self.ready = asyncio.Event()
        self.processed = 0
        self._log = log.bind(stage=stage, input_topic=input_topic)

    async def run(self, stop: asyncio.Event) -> None:
        backoff = 0.5
        while not stop.is_set():
            try:
                await self._run_until(stop)
                return
            except ProducerFenced:
                self._log.error("producer fenced by a newer instance; stopping")
                raise
            except KafkaError as exc:
                # The batch in flight was aborted; in-memory state may hold part of it, so rebuild.
                self._log.warning("kafka error, rebuilding from committed offsets", error=repr(exc))
                self.ready.clear()
                self._processor.reset()
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 10.0)

    async def _run_until(self, stop: asyncio.Event) -> None:
        consumer = AIOKafkaConsumer(
            **kafka_options(self._settings), group_id=self.group_id,
            enable_auto_commit=False, isolation_level="read_committed", auto_offset_reset="earliest")
        producer = idempotent_producer(self._settings, transactional_id=self._transactional_id)
        try:
            await consumer.start()
            await producer.start()
            live_from = await self._assign(consumer, producer)
            await self._consume(consumer, producer, live_from, stop)
        finally:  # stop() is safe on a client that never started
            await producer.stop()
            await consumer.stop()

    async def _assign(self, consumer: AIOKafkaConsumer, producer: AIOKafkaProducer) -> dict[TopicPartition, int]:
        # The producer's partitions_for waits for metadata; the consumer's answers from its cache.
        partitions = await producer.partitions_for(self._input_topic)
        if not partitions:
            raise UnknownTopicOrPartitionError(self._input_topic)
        tps = [TopicPartition(self._input_topic, p) for p in sorted(partitions)]
        consumer.assign(tps)
        live_from = {tp: (await consumer.committed(tp)) or 0 for tp in tps}
        if self._stateful:
            await consumer.seek_to_beginning(*tps)
        else:
            for tp, offset in live_from.items():
                consumer.seek(tp, offset)
        self._log.info("assigned", committed={tp.partition: o for tp, o in live_from.items()},
                       replay=self._stateful)
        return live_from

    async def _consume(self, consumer: AIOKafkaConsumer, producer: AIOKafkaProducer,
                       live_from: dict[TopicPartition, int], stop: asyncio.Event) -> None:
        while not stop.is_set():
            if not self.ready.is_set() and await self._caught_up(consumer, live_from):
                self._log.info("replay complete, processing live")
                self.ready.set()
            batch = await consumer.getmany(timeout_ms=200, max_records=self._max_batch)
            records = [r for tp in sorted(batch) for r in batch[tp]]
            replayed = [r for r in records if r.offset < live_from[TopicPartition(r.topic, r.partition)]]
            live = [r for r in records if r.offset >= live_from[TopicPartition(r.topic, r.partition)]]
            for record in replayed:
                self._apply(record, replaying=True)
            RECORDS.labels(self.stage, "replayed").inc(len(replayed))
            if live:
                with BATCH_SECONDS.labels(self.stage).time():
                    await self._process_in_transaction(producer, live)
            for tp in live_from:
                highwater = consumer.highwater(tp)
                if highwater is not None:
                    CONSUMER_LAG.labels(self.stage, str(tp.partition)).set(highwater - await consumer.position(tp))

    async def _caught_up(self, consumer: AIOKafkaConsumer, live_from: dict[TopicPartition, int]) -> bool:
        for tp, offset in live_from.items():
            if await consumer.position(tp) < offset:
                return False
        return True

    async def _process_in_transaction(self, producer: AIOKafkaProducer, records: list[ConsumerRecord]) -> None:
        sent: list[Output] = []
        async with producer.transaction():
            for record in records:
                trace = trace_headers(record.headers)
                structlog.contextvars.bind_contextvars(trace_id=trace_id(trace))
                outputs, poison = self._apply(record)
                RECORDS.labels(self.stage, "processed" if poison is None else "dlq").inc()
                if poison is not None:
                    self._log.warning("poison message to DLQ", partition=record.partition,
                                      offset=record.offset, error=poison)
                    await producer.send(Topics.dlq(record.topic), record.value, key=record.key,
                                        headers=dlq_headers(record, poison))
                for out in outputs:
                    await producer.send(out.topic, out.value.SerializeToString(), key=out.key.encode(),
                                        headers=record_headers(out.value, trace))
                sent.extend(outputs)
            structlog.contextvars.unbind_contextvars("trace_id")
            offsets = {}
            for record in records:  # all of a batch's offsets together (aiokafka#1098)
                offsets[TopicPartition(record.topic, record.partition)] = record.offset + 1
            await producer.send_offsets_to_transaction(offsets, self.group_id)
        self.processed += len(records)
        if self._on_commit is not None and sent:
            self._on_commit(sent)

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
