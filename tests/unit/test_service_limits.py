"""The matcher's gRPC surface on real in-process servers: a flood of Compare calls is refused with a
status the caller can act on, not queued without bound, while health checks still answer; a text
without words is refused as INVALID_ARGUMENT."""

from __future__ import annotations

import asyncio
import threading
from types import SimpleNamespace

import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_status import rpc_status
from structlog.testing import capture_logs

from services.matcher import server as matcher_server
from shared.config import Settings
from shared.kafka_runner import free_ports
from shared.log import configure_logging
from shared.pb import matcher_service_pb2 as pb, matcher_service_pb2_grpc as pb_grpc
from shared.service import Registration, Worker, serve

COMPARE = pb.CompareRequest(text_a="The ferry line will stop on Monday.", text_b="The ferry line stops on Monday.")


@pytest.fixture
def held_compares(monkeypatch):
    """compare_texts that waits, in its worker thread, until the test lets it go."""
    release = threading.Event()
    started = threading.Semaphore(0)
    real = matcher_server.compare_texts

    def held(*args):
        started.release()
        release.wait(10)
        return real(*args)

    monkeypatch.setattr(matcher_server, "compare_texts", held)
    yield SimpleNamespace(release=release, started=started)
    release.set()


async def _started(held_compares, n: int) -> None:
    for _ in range(n):
        assert await asyncio.to_thread(held_compares.started.acquire, True, 5)


async def _matcher(max_pending_compares: int):
    server = grpc.aio.server()
    processor = SimpleNamespace(index=SimpleNamespace(threshold=60.0))
    Registration(matcher_server.MatcherServicer(processor, max_pending_compares),
                 pb.DESCRIPTOR.services_by_name["MatcherService"]).add_to(server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    return server, grpc.aio.insecure_channel(f"127.0.0.1:{port}")


async def test_compares_beyond_the_limit_are_unavailable_with_a_retry_delay(held_compares):
    server, channel = await _matcher(max_pending_compares=2)
    stub = pb_grpc.MatcherServiceStub(channel)
    try:
        first = [asyncio.ensure_future(stub.Compare(COMPARE)) for _ in range(2)]
        await _started(held_compares, 2)
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await stub.Compare(COMPARE)
        assert refused.value.code() == grpc.StatusCode.UNAVAILABLE
        assert "comparing 2 texts already" in refused.value.details()
        status = rpc_status.from_call(refused.value)
        retry = error_details_pb2.RetryInfo()
        assert status.details[0].Unpack(retry) and retry.retry_delay.nanos > 0
        held_compares.release.set()
        answers = await asyncio.gather(*first)
        assert all(a.explanation.decision == answers[0].explanation.decision for a in answers)
        assert (await stub.Compare(COMPARE)).explanation.reason  # the slots were given back
    finally:
        await channel.close()
        await server.stop(None)


async def test_a_caller_giving_up_does_not_free_the_slot_before_its_thread_ends(held_compares):
    server, channel = await _matcher(max_pending_compares=1)
    stub = pb_grpc.MatcherServiceStub(channel)
    try:
        with pytest.raises(grpc.aio.AioRpcError) as late:
            await stub.Compare(COMPARE, timeout=0.5)
        assert late.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await stub.Compare(COMPARE)
        assert refused.value.code() == grpc.StatusCode.UNAVAILABLE
        held_compares.release.set()
        for _ in range(50):  # the thread finishes, then its slot is free
            try:
                assert (await stub.Compare(COMPARE)).explanation.reason
                break
            except grpc.aio.AioRpcError as exc:
                assert exc.code() == grpc.StatusCode.UNAVAILABLE
                await asyncio.sleep(0.05)
        else:
            pytest.fail("the slot was never given back")
    finally:
        await channel.close()
        await server.stop(None)


async def test_a_compare_that_fails_after_its_caller_gave_up_is_logged(monkeypatch):
    release = threading.Event()

    def failing(*args):
        release.wait(10)
        raise RuntimeError("boom")

    monkeypatch.setattr(matcher_server, "compare_texts", failing)
    server, channel = await _matcher(max_pending_compares=1)
    stub = pb_grpc.MatcherServiceStub(channel)
    try:
        with capture_logs() as logs:
            with pytest.raises(grpc.aio.AioRpcError) as late:
                await stub.Compare(COMPARE, timeout=0.3)
            assert late.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
            release.set()
            for _ in range(100):
                if any(entry["event"] == "compare failed" for entry in logs):
                    break
                await asyncio.sleep(0.02)
        failed = [entry for entry in logs if entry["event"] == "compare failed"]
        assert failed and "boom" in failed[0]["error"], logs
    finally:
        release.set()
        await channel.close()
        await server.stop(None)


@pytest.mark.parametrize("text", ["...", "\u200b", "\U0001F44D", "__"])
async def test_a_text_without_words_is_invalid_argument(text):
    server, channel = await _matcher(max_pending_compares=1)
    stub = pb_grpc.MatcherServiceStub(channel)
    try:
        for call in (stub.Compare(pb.CompareRequest(text_a="The bridge reopened.", text_b=text)),
                     stub.FindSimilar(pb.FindSimilarRequest(text=text))):
            with pytest.raises(grpc.aio.AioRpcError) as refused:
                await call
            assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
            assert "has no words" in refused.value.details()
    finally:
        await channel.close()
        await server.stop(None)


async def test_health_checks_answer_while_compares_are_at_their_limit(held_compares):
    port = free_ports(1)[0]
    settings = Settings(max_pending_compares=2, shutdown_grace_s=0.1)
    processor = SimpleNamespace(index=SimpleNamespace(threshold=60.0))
    done = asyncio.Event()

    async def worker(stop: asyncio.Event) -> None:
        await done.wait()

    ready = Worker("test", worker)
    ready.ready.set()
    served = asyncio.ensure_future(serve(
        "matcher", settings, f"127.0.0.1:{port}",
        [Registration(matcher_server.MatcherServicer(processor, settings.max_pending_compares),
                      pb.DESCRIPTOR.services_by_name["MatcherService"])],
        [ready], configure_logging("test", "warning", "json")))
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{port}")
    stub = pb_grpc.MatcherServiceStub(channel)
    try:
        await asyncio.wait_for(channel.channel_ready(), 10)
        first = [asyncio.ensure_future(stub.Compare(COMPARE)) for _ in range(2)]
        await _started(held_compares, 2)
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await stub.Compare(COMPARE)
        assert refused.value.code() == grpc.StatusCode.UNAVAILABLE
        health = health_pb2_grpc.HealthStub(channel)
        for _ in range(50):  # SERVING once the worker's readiness is seen
            answer = await health.Check(health_pb2.HealthCheckRequest(service="claimcheck.v1.MatcherService"), timeout=5)
            if answer.status == health_pb2.HealthCheckResponse.SERVING:
                break
            await asyncio.sleep(0.05)
        assert answer.status == health_pb2.HealthCheckResponse.SERVING
        held_compares.release.set()
        assert len(await asyncio.gather(*first)) == 2
    finally:
        done.set()
        assert await asyncio.wait_for(served, 10) == 0
        await channel.close()
