"""`claimcheck doctor`: checks the broker, the topics, the consumer groups and the three services,
and says in plain words what is wrong and what to do."""

from __future__ import annotations

import asyncio

import grpc
from aiokafka import TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError
from grpc_health.v1 import health_pb2, health_pb2_grpc

from shared.client import open_channel
from shared.config import Settings
from shared.kafka import kafka_options, pipeline_topics

STAGES = {"extractor": "articles", "matcher": "claims", "scorer": "matches"}


def _say(ok: bool, line: str) -> bool:
    print(f"{'ok  ' if ok else 'FAIL'} {line}")
    return ok


async def _check_kafka(settings: Settings) -> bool:
    admin = AIOKafkaAdminClient(**kafka_options(settings), request_timeout_ms=5000)
    try:
        await asyncio.wait_for(admin.start(), 10)
    except (KafkaError, OSError, asyncio.TimeoutError) as exc:
        return _say(False, f"cannot reach Kafka at {settings.kafka_bootstrap} ({exc.__class__.__name__}): "
                           "is the broker running? (`claimcheck kafka`, or set CLAIMCHECK_KAFKA_BOOTSTRAP)")
    try:
        _say(True, f"Kafka answers at {settings.kafka_bootstrap}")
        present = set(await admin.list_topics())
        missing = [s.name for s in pipeline_topics(settings) if s.name not in present]
        healthy = _say(not missing, "all pipeline topics exist" if not missing else
                       f"missing topics {', '.join(missing)}: they are created when the services start")
        topics = settings.topics
        for stage, source in STAGES.items():
            topic = getattr(topics, source)
            if topic not in present:
                continue
            group = f"{topics.prefix}.{stage}"
            committed = await admin.list_consumer_group_offsets(group)
            ends = await _end_offsets(settings, [tp for tp in committed] or [TopicPartition(topic, 0)])
            lag = sum(max(0, ends[tp] - (committed[tp].offset if tp in committed else 0)) for tp in ends)
            healthy &= _say(lag < 10_000, f"{stage} is {lag} records behind on {topic}"
                            + ("" if lag < 10_000 else ": is it running, and keeping up?"))
        return healthy
    finally:
        await admin.close()


async def _end_offsets(settings: Settings, partitions: list[TopicPartition]) -> dict[TopicPartition, int]:
    from aiokafka import AIOKafkaConsumer

    consumer = AIOKafkaConsumer(**kafka_options(settings), enable_auto_commit=False)
    await consumer.start()
    try:
        return await consumer.end_offsets(partitions)
    finally:
        await consumer.stop()


async def _check_service(name: str, addr: str, settings: Settings) -> bool:
    async with open_channel(addr, settings) as channel:
        try:
            reply = await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=5)
        except grpc.aio.AioRpcError as exc:
            hint = ("is it running? (`claimcheck up`), and is the address right?"
                    if exc.code() == grpc.StatusCode.UNAVAILABLE else "")
            if "handshake" in (exc.details() or "").lower() or "ssl" in (exc.details() or "").lower():
                hint = "TLS handshake failed: check CLAIMCHECK_TLS_CA_FILE (and client certificates for mutual TLS)"
            return _say(False, f"{name} at {addr}: {exc.code().name} {exc.details()}; {hint}")
    status = health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
    serving = reply.status == health_pb2.HealthCheckResponse.SERVING
    return _say(serving, f"{name} at {addr} is {status}"
                + ("" if serving else ": it is still replaying its input, or cannot reach Kafka; see its logs"))


async def diagnose(settings: Settings) -> int:
    healthy = await _check_kafka(settings)
    for name in STAGES:
        healthy &= await _check_service(name, getattr(settings, f"{name}_addr"), settings)
    print("all good" if healthy else "something is wrong: see the FAIL lines above")
    return 0 if healthy else 1
