"""WatchVerdicts against the read model in-process: what a watcher receives while changes keep coming."""

import asyncio

from services.scorer.server import VerdictServicer, VerdictView
from shared.config import Settings
from shared.pb import claim_pb2, match_pb2, verdict_service_pb2 as pb


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
    stream = VerdictServicer(view).WatchVerdicts(pb.WatchVerdictsRequest(include_current=True), _Context())
    first = await anext(stream)
    view.apply(placed("a3#0", "south.example", "c1"))  # while the second current verdict is pending
    rest = [await asyncio.wait_for(anext(stream), 1) for _ in range(2)]
    await stream.aclose()
    assert {first.verdict.cluster_id, rest[0].verdict.cluster_id} == {"c1", "c2"}
    assert rest[1].verdict.cluster_id == "c1" and rest[1].verdict.revision == 2 and rest[1].sequence == 3
