"""How the CLI shows verdicts and claims: readable tables for people, JSON lines for scripts."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from typing import Iterable

from google.protobuf.json_format import MessageToDict
from google.protobuf.message import Message

from services.scorer.scoring import status_name
from shared.pb import verdict_pb2, verdict_service_pb2

STATUS_ORDER = {verdict_pb2.VERDICT_STATUS_CONFLICTING: 0, verdict_pb2.VERDICT_STATUS_CORROBORATED: 1,
                verdict_pb2.VERDICT_STATUS_SINGLE_SOURCE: 2}


def short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def json_line(message: Message) -> None:
    sys.stdout.write(json.dumps(MessageToDict(message, preserving_proto_field_name=True), ensure_ascii=False) + "\n")
    sys.stdout.flush()


def verdict_change(event: verdict_service_pb2.WatchVerdictsResponse) -> None:
    verdict = event.verdict
    before = status_name(verdict.previous_status) if verdict.previous_status else "new"
    change = f"{before} -> {status_name(verdict.status)}" if before != status_name(verdict.status) else \
        f"{status_name(verdict.status)} (+evidence)"
    print(f"  #{event.sequence:<5} {change:<30} [{len(verdict.independent_sources)} src] "
          f"{short(verdict.canonical_text, 70)}", flush=True)


def verdict_table(claims: Iterable[verdict_service_pb2.ClaimWithVerdict]) -> None:
    """One row per cluster: status, source count, the claim, who reports it, and why if it conflicts."""
    members: dict[str, list] = defaultdict(list)
    verdicts: dict[str, verdict_pb2.Verdict] = {}
    for item in claims:
        members[item.verdict.cluster_id].append(item.claim)
        verdicts[item.verdict.cluster_id] = item.verdict
    print(f"\n{'status':<14} {'sources':<8} claim")
    for cluster_id in sorted(verdicts, key=lambda c: (STATUS_ORDER.get(verdicts[c].status, 3), c)):
        verdict = verdicts[cluster_id]
        print(f"{status_name(verdict.status):<14} {len(verdict.independent_sources):<8} {short(verdict.canonical_text)}")
        count = len(members[cluster_id])
        sources = ", ".join(verdict.independent_sources) or "no outlet asserting it"
        hedging = sorted({c.source for c in members[cluster_id] if c.hedged} - set(verdict.independent_sources))
        if hedging:  # counted for nothing (Claim.hedged), but shown
            sources += f"; only say it may be so: {', '.join(hedging)}"
        print(f"{'':<23} from {sources}  ({count} claim{'s' if count != 1 else ''})")
        if verdict.status == verdict_pb2.VERDICT_STATUS_CONFLICTING:
            print(f"{'':<23} why: {short(verdict.reason, 100)}")
