"""WatchVerdicts against the read model in-process: what a watcher receives while changes keep coming."""

import asyncio

import grpc
import pytest

from services.scorer.server import VerdictServicer, VerdictView
from shared.config import Settings
from shared.pb import claim_pb2, match_pb2, verdict_service_pb2 as pb, verdict_service_pb2_grpc as pb_grpc
from shared.service import Registration


def placed(claim_id: str, source: str, cluster_id: str) -> match_pb2.ClaimMatch:
    claim = claim_pb2.Claim(id=claim_id, article_id=claim_id.split("#")[0], source=source, text=f"text of {claim_id}")
    claim.published_at.FromSeconds(1_780_000_000)
    return match_pb2.ClaimMatch(claim=claim, cluster_id=cluster_id, independent_source=source)


class _Context:
    async def abort(self, code, details):
        raise AssertionError(f"aborted: {code} {details}")


async def test_a_change_applied_while_current_verdicts_are_sent_still_reaches_the_watcher():
    view = VerdictView(Settings())
    view.apply(placed("a1#0", "north.example", "c1"))
    view.apply(placed("a2#0", "north.example", "c2"))
    stream = VerdictServicer(view, max_watchers=10).WatchVerdicts(pb.WatchVerdictsRequest(include_current=True), _Context())
    first = await anext(stream)
    view.apply(placed("a3#0", "south.example", "c1"))  # while the second current verdict is pending
    rest = [await asyncio.wait_for(anext(stream), 1) for _ in range(2)]
    await stream.aclose()
    assert {first.verdict.cluster_id, rest[0].verdict.cluster_id} == {"c1", "c2"}
    assert rest[1].verdict.cluster_id == "c1" and rest[1].verdict.revision == 2 and rest[1].sequence == 3


async def _served(servicer: VerdictServicer):
    server = grpc.aio.server()
    Registration(servicer, pb.DESCRIPTOR.services_by_name["VerdictService"]).add_to(server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    return server, grpc.aio.insecure_channel(f"127.0.0.1:{port}")


async def _until(condition) -> None:
    for _ in range(200):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition never met")


async def test_watchers_beyond_the_limit_are_unavailable_until_one_leaves():
    view = VerdictView(Settings())
    servicer = VerdictServicer(view, max_watchers=2)
    server, channel = await _served(servicer)
    stub = pb_grpc.VerdictServiceStub(channel)
    try:
        streams = [stub.WatchVerdicts(pb.WatchVerdictsRequest()) for _ in range(2)]
        await _until(lambda: servicer._watchers == 2)
        # as when their queues fill: out of the broadcaster, but open, holding what they have queued
        for queue in list(view.broadcaster._queues):
            view.broadcaster.unsubscribe(queue)
        refused = stub.WatchVerdicts(pb.WatchVerdictsRequest())
        with pytest.raises(grpc.aio.AioRpcError) as error:
            await asyncio.wait_for(refused.read(), 5)
        assert error.value.code() == grpc.StatusCode.UNAVAILABLE and "2 watchers already" in error.value.details()
        streams[0].cancel()
        await _until(lambda: servicer._watchers == 1)
        welcome = stub.WatchVerdicts(pb.WatchVerdictsRequest())
        await _until(lambda: servicer._watchers == 2)
        view.apply(placed("b1#0", "north.example", "d1"))
        change = await asyncio.wait_for(welcome.read(), 5)
        assert change.verdict.cluster_id == "d1" and change.sequence == 1
        welcome.cancel()
        streams[1].cancel()
    finally:
        await channel.close()
        await server.stop(None)
