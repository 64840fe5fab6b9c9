"""Verdicts per claim cluster: independent sources counted once, conflicts surfaced.

Plain domain code: no grpc, no aiokafka.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import Callable

from shared.pb import claim_pb2, match_pb2, verdict_pb2

SINGLE_SOURCE = verdict_pb2.VERDICT_STATUS_SINGLE_SOURCE
CORROBORATED = verdict_pb2.VERDICT_STATUS_CORROBORATED
CONFLICTING = verdict_pb2.VERDICT_STATUS_CONFLICTING

STATUS_NAMES = {
    SINGLE_SOURCE: "single_source",
    CORROBORATED: "corroborated",
    CONFLICTING: "conflicting",
}


# A verdict record stays small however large its cluster grows (every change re-publishes it).
HISTORY_LIMIT = 20
EVIDENCE_LIMIT = 20
SOURCES_IN_REASON = 10
CONFLICTS_IN_REASON = 5
# A verdict updated in place (snapshots=False) is copied afresh every this many revisions.
IN_PLACE_REBUILD_EVERY = 16
# Verdict changes kept for watchers resuming after a disconnect.
RESUME_WINDOW = 100_000


def status_name(status: int) -> str:
    return STATUS_NAMES.get(status, "unspecified")


def parse_source_aliases(spec: str) -> dict[str, str]:
    """'apnews.com=AP, ap.org=AP' -> {'apnews.com': 'AP', 'ap.org': 'AP'}: one outlet, many names."""
    aliases = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        alias, sep, outlet = item.partition("=")
        if not sep or not alias.strip() or not outlet.strip():
            raise ValueError(f"source alias {item!r} is not of the form alias=outlet")
        aliases[alias.strip()] = outlet.strip()
    return aliases


def claim_filter(entity: str = "", text: str = "", published_after: tuple[int, int] | None = None,
                 published_before: tuple[int, int] | None = None) -> Callable[[claim_pb2.Claim], bool] | None:
    """A predicate for ListClaims' filters; times are (seconds, nanos). None when nothing filters."""
    entity, text = entity.casefold(), text.casefold()
    if not (entity or text or published_after or published_before):
        return None

    def matches(claim: claim_pb2.Claim) -> bool:
        if entity and not any(entity in (e.text.casefold(), e.canonical.casefold()) for e in claim.entities):
            return False
        if text and text not in claim.text.casefold():
            return False
        published = (claim.published_at.seconds, claim.published_at.nanos)
        if published_after and published < published_after:
            return False
        return not (published_before and published >= published_before)

    return matches


@dataclass
class _Cluster:
    """Kept incrementally, so a claim joining a large cluster costs the same as joining a small one."""

    cluster_id: str
    first: match_pb2.ClaimMatch
    size: int = 0
    sources: set[str] = field(default_factory=set)
    sorted_sources: list[str] = field(default_factory=list)  # as verdicts list them
    # Outlets whose claims here only say it may be so (Claim.hedged), none of them asserting it: not counted.
    hedged_sources: list[str] = field(default_factory=list)
    conflict_count: int = 0
    conflicts: list[match_pb2.ClaimMatch] = field(default_factory=list)  # the first few, for the reason
    conflicts_named: str = ""  # those, as the reason names them
    evidence: list[match_pb2.ClaimMatch] = field(default_factory=list)
    verdict: verdict_pb2.Verdict | None = None
    asserted: bool = False  # whether an asserting claim has joined (it gives the verdict's canonical text)

    def add(self, match: match_pb2.ClaimMatch, is_conflict: bool, counts: bool = True) -> None:
        """`counts=False`: the claim joins but its outlet counts neither for nor against (it disputes
        a claim that only says it may be so)."""
        self.size += 1
        source = match.independent_source
        new_source = counts and source not in self.sources
        if new_source and match.claim.hedged:
            new_source = source not in self.hedged_sources
            if new_source:
                bisect.insort(self.hedged_sources, source)
        elif new_source:
            self.sources.add(source)
            bisect.insort(self.sorted_sources, source)
            if source in self.hedged_sources:  # it asserts now
                self.hedged_sources.remove(source)
        if is_conflict:
            self.conflict_count += 1
            if len(self.conflicts) < CONFLICTS_IN_REASON:
                self.conflicts.append(match)
                self.conflicts_named = "; ".join(f"{m.independent_source}: {m.explanation.reason}"
                                                 for m in self.conflicts)
        # Evidence shows every conflict and each source's first claim, up to the limit, so that a
        # verdict record stays small however large the cluster grows.
        if (is_conflict or new_source) and len(self.evidence) < EVIDENCE_LIMIT:
            self.evidence.append(match)


class VerdictBook:
    """The scorer's state. Deterministic, so replaying the matches topic rebuilds it exactly."""

    def __init__(self, min_independent_sources: int = 2, source_aliases: dict[str, str] | None = None,
                 keep_claims: bool = True, retention_seconds: float = 0.0, snapshots: bool = True) -> None:
        """`keep_claims=False` keeps only what scoring needs (the claim ids seen and the source each
        counted for), not the claims themselves: for a scorer that produces verdicts but answers no
        claim queries. `retention_seconds` > 0 bounds memory: claims published that long before the
        newest one seen, and clusters no claim that recent joined, are forgotten. It is event time,
        so a replay forgets exactly what the first pass forgot.

        `snapshots=False` updates each cluster's verdict object in place instead of copying it per
        change (a copy with its history and evidence is a large part of a change's cost): `apply`
        then returns the cluster's live verdict, which later changes of that cluster overwrite. For a
        caller that publishes only the latest verdict of a cluster, or serializes it at once."""
        self.min_independent_sources = min_independent_sources
        self.source_aliases = dict(source_aliases or {})
        self.keep_claims = keep_claims
        self.retention_seconds = retention_seconds
        self.snapshots = snapshots
        self._clusters: dict[str, _Cluster] = {}
        self._counted_for: dict[str, str] = {}  # claim id -> the independent source it counted for
        self._hedged: set[str] = set()  # ids of the claims that only say it may be so (Claim.hedged)
        self._claims: dict[str, match_pb2.ClaimMatch] = {}
        # Claims in arrival order as (published seconds, claim id); a claim's position in the
        # arrival order (its page token) is its index here plus the number forgotten before it.
        self._arrivals: deque[tuple[float, str]] = deque()
        self._forgotten = 0
        # Cluster id -> the newest publication time among its claims, least recently joined first.
        self._cluster_newest: OrderedDict[str, float] = OrderedDict()
        self._newest = 0.0
        # Every verdict change gets the next sequence number; replay renumbers them identically.
        self.sequence = 0
        # (sequence, cluster id); a book that answers no queries serves no resuming watchers either.
        self._recent: deque[tuple[int, str]] = deque(maxlen=RESUME_WINDOW if keep_claims else 0)

    def apply(self, match: match_pb2.ClaimMatch) -> verdict_pb2.Verdict | None:
        """Adds a placed claim; returns the cluster's new verdict, or None if the claim was known."""
        if match.claim.id in self._counted_for:
            return None
        published = match.claim.published_at.seconds + match.claim.published_at.nanos / 1e9
        self._newest = max(self._newest, published)
        if self.retention_seconds > 0:  # first, so a claim never revives a cluster idle for longer
            self._forget_older_than(self._newest - self.retention_seconds)
        counted = self.source_aliases.get(match.independent_source, match.independent_source)
        if counted != match.independent_source:
            match = _with_independent_source(match, counted)
        cluster = self._clusters.get(match.cluster_id)
        if cluster is None:
            cluster = self._clusters[match.cluster_id] = _Cluster(match.cluster_id, first=match)
        is_conflict = (match.explanation.decision == match_pb2.MATCH_DECISION_CONFLICTING
                       and self._source_of(match.matched_claim_id) != match.independent_source)
        # A claim that only says it may be so disputes nothing, and what disputes it agrees with
        # nothing either ("could rise to 40" / "14 died"): such a claim joins, its outlet uncounted.
        hedged_dispute = is_conflict and (match.claim.hedged or match.matched_claim_id in self._hedged)
        cluster.add(match, is_conflict and not hedged_dispute, counts=not hedged_dispute or match.claim.hedged)
        self._counted_for[match.claim.id] = match.independent_source
        if match.claim.hedged:
            self._hedged.add(match.claim.id)
        if self.keep_claims:
            self._claims[match.claim.id] = match
        cluster.verdict = verdict = self._judge(cluster, match)
        self.sequence += 1
        self._recent.append((self.sequence, cluster.cluster_id))
        self._arrivals.append((published, match.claim.id))
        self._cluster_newest[cluster.cluster_id] = max(published, self._cluster_newest.get(cluster.cluster_id, 0.0))
        self._cluster_newest.move_to_end(cluster.cluster_id)
        return verdict

    def _forget_older_than(self, horizon: float) -> None:
        """Drops claims published before `horizon` and clusters whose newest claim is older. Both
        are taken from the front of their arrival order only, so a late claim with an old date
        waits for the claims that arrived before it: cheap, and still bounded."""
        arrivals = self._arrivals
        while arrivals and arrivals[0][0] < horizon:
            _, claim_id = arrivals.popleft()
            self._forgotten += 1
            self._counted_for.pop(claim_id, None)
            self._hedged.discard(claim_id)
            self._claims.pop(claim_id, None)
        clusters = self._cluster_newest
        while clusters:
            cluster_id, newest = next(iter(clusters.items()))
            if newest >= horizon:
                break
            clusters.popitem(last=False)
            del self._clusters[cluster_id]

    def __len__(self) -> int:
        """Claims held (counted and not yet forgotten)."""
        return len(self._counted_for)

    @property
    def cluster_count(self) -> int:
        return len(self._clusters)

    def changes_after(self, sequence: int) -> list[tuple[int, verdict_pb2.Verdict]] | None:
        """The current verdict of every cluster changed after `sequence`, with the sequence of its
        latest change, in that order; None when changes that old are no longer kept."""
        if not self.keep_claims or self._recent and sequence < self._recent[0][0] - 1:
            return None
        latest: dict[str, int] = {}
        for seq, cluster_id in self._recent:
            if seq > sequence:
                latest[cluster_id] = seq
        return sorted(((seq, self._clusters[cid].verdict) for cid, seq in latest.items() if cid in self._clusters),
                      key=lambda e: e[0])

    def _judge(self, cluster: _Cluster, latest: match_pb2.ClaimMatch) -> verdict_pb2.Verdict:
        """The cluster's next verdict: the previous one updated in place of a rebuild, so the cost
        of a change does not grow with the cluster."""
        previous = cluster.verdict
        if previous is None:
            first = cluster.first.claim
            verdict = verdict_pb2.Verdict(cluster_id=cluster.cluster_id, canonical_text=first.statement or first.text)
        elif not self.snapshots and previous.revision % IN_PLACE_REBUILD_EVERY:
            verdict = previous
        else:
            # A snapshot per change; or, updating in place, a fresh copy now and then, because
            # protobuf (upb) frees what a message held (old reasons, dropped history) only with it.
            verdict = verdict_pb2.Verdict()
            verdict.CopyFrom(previous)
        # Everything below is kept on the cluster as it grows, so a change costs no sort or join
        # over the whole cluster.
        sources = cluster.sorted_sources
        if not cluster.asserted and not latest.claim.hedged and cluster.sources:
            # the first claim that asserts it names the cluster, not a claim that it may be so
            cluster.asserted = True
            if latest is not cluster.first:
                verdict.canonical_text = latest.claim.statement or latest.claim.text
        if len(verdict.independent_sources) != len(sources):
            del verdict.independent_sources[:]
            verdict.independent_sources.extend(sources)
        if cluster.conflict_count:
            status, reason = CONFLICTING, cluster.conflicts_named
            if cluster.conflict_count > len(cluster.conflicts):
                reason += f"; and {cluster.conflict_count - len(cluster.conflicts)} more conflicts"
        elif len(sources) >= self.min_independent_sources:
            status = CORROBORATED
            reason = f"{len(sources)} independent sources agree: {_named(sources)}"
        elif sources:
            status = SINGLE_SOURCE
            reason = (f"{len(sources)} independent source ({_named(sources)}); "
                      f"{self.min_independent_sources} needed to corroborate")
        else:
            status, reason = SINGLE_SOURCE, "no source asserts it"
        hedging = cluster.hedged_sources
        if hedging and not cluster.conflict_count:
            says = "outlet only says" if len(hedging) == 1 else "outlets only say"
            reason += f"; {len(hedging)} {says} it may be so, not counted: {_named(hedging)}"
        verdict.previous_status = verdict.status  # still the previous one; UNSPECIFIED on a new verdict
        verdict.status, verdict.reason, verdict.claim_count = status, reason, cluster.size
        verdict.revision += 1
        verdict.updated_at.CopyFrom(latest.claim.published_at)
        change = verdict.history.add(revision=verdict.revision, status=status, cause=_cause(latest))
        change.changed_at.CopyFrom(latest.claim.published_at)
        if len(verdict.history) > HISTORY_LIMIT:
            del verdict.history[0]
        if cluster.evidence and cluster.evidence[-1] is latest:
            verdict.evidence.add(claim_id=latest.claim.id, article_id=latest.claim.article_id, source=latest.claim.source,
                                 independent_source=latest.independent_source, text=latest.claim.text,
                                 span=latest.claim.span, explanation=latest.explanation)
        return verdict

    def _source_of(self, claim_id: str) -> str:
        return self._counted_for.get(claim_id, "")

    def verdict(self, cluster_id: str) -> verdict_pb2.Verdict | None:
        cluster = self._clusters.get(cluster_id)
        return cluster.verdict if cluster else None

    def verdicts(self) -> list[verdict_pb2.Verdict]:
        return [c.verdict for c in self._clusters.values() if c.verdict is not None]

    def claim(self, claim_id: str) -> tuple[claim_pb2.Claim, verdict_pb2.Verdict] | None:
        known = self._claims.get(claim_id)
        cluster = self._clusters.get(known.cluster_id) if known is not None else None
        if cluster is None:  # unknown, or its cluster was forgotten before it (see _forget_older_than)
            return None
        return known.claim, cluster.verdict

    def claims(self, status: int = 0, source: str = "", start: int = 0, limit: int = 50,
               matches: Callable[[claim_pb2.Claim], bool] | None = None,
               ) -> tuple[list[tuple[claim_pb2.Claim, verdict_pb2.Verdict]], int | None]:
        """Claims in arrival order, filtered; returns a page and the position after it (None at the end).
        Positions stay valid while older claims are forgotten."""
        page = []
        for position in range(max(start, self._forgotten), self._forgotten + len(self._arrivals)):
            found = self.claim(self._arrivals[position - self._forgotten][1])
            if found is None:
                continue
            claim, verdict = found
            if status and verdict.status != status:
                continue
            if source and claim.source != source:
                continue
            if matches is not None and not matches(claim):
                continue
            if len(page) == limit:
                return page, position
            page.append((claim, verdict))
        return page, None

    def reset(self) -> None:
        self.__init__(self.min_independent_sources, self.source_aliases, self.keep_claims, self.retention_seconds,
                      self.snapshots)


def _with_independent_source(match: match_pb2.ClaimMatch, source: str) -> match_pb2.ClaimMatch:
    aliased = match_pb2.ClaimMatch()
    aliased.CopyFrom(match)
    aliased.independent_source = source
    return aliased


def _named(sources: list[str]) -> str:
    more = len(sources) - SOURCES_IN_REASON
    return ", ".join(sources[:SOURCES_IN_REASON]) + (f" and {more} more" if more > 0 else "")


def _cause(match: match_pb2.ClaimMatch) -> str:
    counted = match.independent_source
    via = f" (counted for {counted})" if counted != match.claim.source else ""
    how = match.explanation.reason or "first claim of the cluster"
    return f"claim {match.claim.id} from {match.claim.source}{via} joined: {how}"
