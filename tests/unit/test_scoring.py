from services.scorer.scoring import CONFLICTING, CORROBORATED, SINGLE_SOURCE, VerdictBook
from shared.pb import claim_pb2, match_pb2


def placed(claim_id: str, source: str, cluster_id: str, *, independent_source: str = "",
           decision: int = match_pb2.MATCH_DECISION_SAME, matched: str = "", hedged: bool = False) -> match_pb2.ClaimMatch:
    claim = claim_pb2.Claim(id=claim_id, article_id=claim_id.split("#")[0], source=source,
                            text=f"text of {claim_id}", span=claim_pb2.Span(start=0, end=10), hedged=hedged)
    return match_pb2.ClaimMatch(claim=claim, cluster_id=cluster_id, matched_claim_id=matched,
                                independent_source=independent_source or source,
                                explanation=match_pb2.MatchExplanation(decision=decision, reason="test"))


def test_one_source_is_single_source_and_a_second_outlet_corroborates():
    book = VerdictBook()
    first = book.apply(placed("a1#0", "north.example", "a1#0"))
    assert first.status == SINGLE_SOURCE and first.revision == 1
    second = book.apply(placed("a2#0", "south.example", "a1#0", matched="a1#0"))
    assert second.status == CORROBORATED
    assert list(second.independent_sources) == ["north.example", "south.example"]
    assert second.previous_status == SINGLE_SOURCE and second.revision == 2
    assert [e.claim_id for e in second.evidence] == ["a1#0", "a2#0"]


def test_same_outlet_twice_and_a_reprint_count_once():
    book = VerdictBook()
    book.apply(placed("a1#0", "wire.example", "a1#0"))
    same_outlet = book.apply(placed("a2#3", "wire.example", "a1#0", matched="a1#0"))
    reprint = book.apply(placed("a3#0", "paper.example", "a1#0", independent_source="wire.example",
                                matched="a1#0"))
    assert same_outlet.status == SINGLE_SOURCE
    assert reprint.status == SINGLE_SOURCE and list(reprint.independent_sources) == ["wire.example"]


def test_an_outlet_that_only_says_it_may_be_so_does_not_corroborate():
    book = VerdictBook()
    book.apply(placed("a1#0", "north.example", "a1#0"))
    hedged = book.apply(placed("a2#0", "south.example", "a1#0", matched="a1#0", hedged=True))
    assert hedged.status == SINGLE_SOURCE and list(hedged.independent_sources) == ["north.example"]
    assert "1 outlet only says it may be so, not counted: south.example" in hedged.reason
    # the same outlet asserting it later counts
    asserted = book.apply(placed("a3#0", "south.example", "a1#0", matched="a1#0"))
    assert asserted.status == CORROBORATED and list(asserted.independent_sources) == ["north.example", "south.example"]
    assert "may be so" not in asserted.reason


def test_a_cluster_of_hedged_reports_has_no_source_asserting_it_until_one_does():
    book = VerdictBook()
    book.apply(placed("a1#0", "north.example", "a1#0", hedged=True))
    verdict = book.apply(placed("a2#0", "south.example", "a1#0", matched="a1#0", hedged=True))
    assert verdict.status == SINGLE_SOURCE and not verdict.independent_sources
    assert verdict.reason.startswith("no source asserts it; 2 outlets only say it may be so")
    assert verdict.canonical_text == "text of a1#0"
    # the first claim that asserts it names the cluster
    asserted = book.apply(placed("a3#0", "east.example", "a1#0", matched="a1#0"))
    assert asserted.canonical_text == "text of a3#0" and list(asserted.independent_sources) == ["east.example"]
    later = book.apply(placed("a4#0", "west.example", "a1#0", matched="a1#0"))
    assert later.canonical_text == "text of a3#0" and later.status == CORROBORATED


def test_a_hedged_claim_disputes_nothing_and_what_disputes_it_agrees_with_nothing():
    book = VerdictBook()
    book.apply(placed("a1#0", "north.example", "a1#0"))
    could = book.apply(placed("a2#0", "south.example", "a1#0", decision=match_pb2.MATCH_DECISION_CONFLICTING,
                              matched="a1#0", hedged=True))
    assert could.status == SINGLE_SOURCE
    against_hedged = book.apply(placed("a3#0", "east.example", "a1#0", decision=match_pb2.MATCH_DECISION_CONFLICTING,
                                       matched="a2#0"))
    assert against_hedged.status == SINGLE_SOURCE and list(against_hedged.independent_sources) == ["north.example"]


def test_redelivered_claim_changes_nothing():
    book = VerdictBook()
    book.apply(placed("a1#0", "north.example", "a1#0"))
    assert book.apply(placed("a1#0", "north.example", "a1#0")) is None
    assert book.verdict("a1#0").revision == 1


def test_conflict_between_outlets_makes_the_cluster_conflicting_with_the_reason():
    book = VerdictBook()
    book.apply(placed("a1#0", "north.example", "a1#0"))
    book.apply(placed("a2#0", "south.example", "a1#0", matched="a1#0"))
    conflict = placed("a3#0", "east.example", "a1#0", decision=match_pb2.MATCH_DECISION_CONFLICTING,
                      matched="a1#0")
    conflict.explanation.reason = "number mismatch: 14 vs 17"
    verdict = book.apply(conflict)
    assert verdict.status == CONFLICTING
    assert "14 vs 17" in verdict.reason and "east.example" in verdict.reason


def test_min_sources_is_configurable():
    book = VerdictBook(min_independent_sources=3)
    book.apply(placed("a1#0", "n.example", "c"))
    assert book.apply(placed("a2#0", "s.example", "c")).status == SINGLE_SOURCE
    assert book.apply(placed("a3#0", "e.example", "c")).status == CORROBORATED


def test_claims_pages_and_filters():
    book = VerdictBook()
    for i in range(5):
        book.apply(placed(f"a{i}#0", "north.example" if i % 2 else "south.example", f"a{i}#0"))
    page, after = book.claims(limit=2)
    assert [c.id for c, _ in page] == ["a0#0", "a1#0"] and after == 2
    page, after = book.claims(start=after, limit=2)
    assert [c.id for c, _ in page] == ["a2#0", "a3#0"]
    north, end = book.claims(source="north.example", limit=10)
    assert [c.id for c, _ in north] == ["a1#0", "a3#0"] and end is None
    assert book.claims(status=CORROBORATED)[0] == []


def test_aliases_of_one_outlet_count_once():
    from services.scorer.scoring import parse_source_aliases

    book = VerdictBook(source_aliases=parse_source_aliases("apnews.com=AP, ap.org=AP"))
    book.apply(placed("a1#0", "apnews.com", "c"))
    verdict = book.apply(placed("a2#0", "ap.org", "c"))
    assert verdict.status == SINGLE_SOURCE and list(verdict.independent_sources) == ["AP"]
    assert verdict.evidence[0].source == "apnews.com" and verdict.evidence[0].independent_source == "AP"
    assert "counted for AP" in verdict.history[-1].cause and verdict.claim_count == 2
    assert book.apply(placed("a3#0", "reuters.com", "c")).status == CORROBORATED


def test_malformed_alias_spec_is_an_error():
    import pytest

    from services.scorer.scoring import parse_source_aliases

    with pytest.raises(ValueError, match="alias=outlet"):
        parse_source_aliases("apnews.com")


def test_history_records_every_change_with_time_and_cause():
    book = VerdictBook()
    first = placed("a1#0", "north.example", "c")
    first.claim.published_at.FromJsonString("2026-03-01T10:00:00Z")
    second = placed("a2#0", "south.example", "c", matched="a1#0")
    second.claim.published_at.FromJsonString("2026-03-01T11:00:00Z")
    second.explanation.reason = "similarity 91.0"
    book.apply(first)
    verdict = book.apply(second)
    assert [(h.revision, h.status) for h in verdict.history] == [(1, SINGLE_SOURCE), (2, CORROBORATED)]
    assert verdict.history[1].changed_at.ToJsonString() == "2026-03-01T11:00:00Z"
    assert "a2#0" in verdict.history[1].cause and "similarity 91.0" in verdict.history[1].cause
    assert verdict.updated_at == verdict.history[-1].changed_at


def test_history_is_bounded():
    from services.scorer.scoring import HISTORY_LIMIT

    book = VerdictBook()
    for i in range(HISTORY_LIMIT + 20):
        verdict = book.apply(placed(f"a{i}#0", f"s{i}.example", "c"))
    assert len(verdict.history) == HISTORY_LIMIT and verdict.history[-1].revision == HISTORY_LIMIT + 20


def test_evidence_keeps_conflicts_and_one_claim_per_source_within_its_limit():
    from services.scorer.scoring import EVIDENCE_LIMIT

    book = VerdictBook()
    book.apply(placed("a1#0", "north.example", "c"))
    book.apply(placed("a2#0", "north.example", "c", matched="a1#0"))  # same outlet again: not shown
    book.apply(placed("a3#0", "east.example", "c", decision=match_pb2.MATCH_DECISION_CONFLICTING, matched="a1#0"))
    verdict = book.verdict("c")
    assert [e.claim_id for e in verdict.evidence] == ["a1#0", "a3#0"] and verdict.claim_count == 3
    for i in range(EVIDENCE_LIMIT * 2):
        verdict = book.apply(placed(f"b{i}#0", f"s{i}.example", "c"))
    assert len(verdict.evidence) == EVIDENCE_LIMIT and verdict.claim_count == 3 + EVIDENCE_LIMIT * 2
    assert len(verdict.independent_sources) == 2 + EVIDENCE_LIMIT * 2


def published(match: match_pb2.ClaimMatch, hours: float) -> match_pb2.ClaimMatch:
    match.claim.published_at.FromSeconds(int(1_780_000_000 + hours * 3600))
    return match


def test_retention_forgets_old_claims_and_idle_clusters_and_keeps_memory_bounded():
    book = VerdictBook(retention_seconds=24 * 3600)
    book.apply(published(placed("old#0", "north.example", "old#0"), 0))
    book.apply(published(placed("busy#0", "north.example", "busy#0"), 1))
    # A cluster joined recently stays; its old claim is forgotten on its own schedule.
    book.apply(published(placed("busy#1", "south.example", "busy#0", matched="busy#0"), 24.5))
    assert book.verdict("old#0") is None and book.verdict("busy#0").status == CORROBORATED
    book.apply(published(placed("late#0", "east.example", "late#0"), 25.5))
    assert book.claim("busy#0") is None and book.claim("busy#1") is not None
    for i in range(2_000):
        book.apply(published(placed(f"s{i}#0", "north.example", f"s{i}#0"), 26 + i))
    assert len(book) == 25 and book.cluster_count == 25  # one day of hourly claims, not 2,000


def test_a_claim_joining_a_cluster_idle_beyond_retention_starts_it_over_the_same_way_on_replay():
    """Event time, not the clock, decides what is forgotten: the same input forgets the same things."""
    def run() -> list[tuple[str, int, int]]:
        book = VerdictBook(retention_seconds=3600)
        out = []
        for i, hours in enumerate([0, 0.5, 3, 3.2, 0.1, 6]):
            verdict = book.apply(published(placed(f"a{i}#0", f"s{i % 3}.example", "c"), hours))
            out.append((verdict.cluster_id, verdict.revision, verdict.claim_count))
        return out
    first = run()
    assert first == run()
    # Idle 2.5 h before 3 h: forgotten; the late claim (0.1 h) joins the live cluster; idle again at 6 h.
    assert [count for _, _, count in first] == [1, 2, 1, 2, 3, 1]


def test_pages_stay_valid_while_old_claims_are_forgotten():
    book = VerdictBook(retention_seconds=10 * 3600)
    for i in range(6):
        book.apply(published(placed(f"a{i}#0", "north.example", f"a{i}#0"), i))
    page, after = book.claims(limit=3)
    assert [c.id for c, _ in page] == ["a0#0", "a1#0", "a2#0"] and after == 3
    for i in range(6, 15):  # a0..a3 fall out of the 10-hour window
        book.apply(published(placed(f"a{i}#0", "north.example", f"a{i}#0"), i))
    page, after = book.claims(start=after, limit=3)
    assert [c.id for c, _ in page] == ["a4#0", "a5#0", "a6#0"] and after == 7
    assert [c.id for c, _ in book.claims(limit=1)[0]] == ["a4#0"]


def test_a_cluster_keeps_a_bounded_sample_of_its_conflicts_and_counts_the_rest():
    from services.scorer.scoring import CONFLICTS_IN_REASON

    book = VerdictBook()
    book.apply(placed("a0#0", "north.example", "c"))
    for i in range(1, 40):
        conflict = placed(f"a{i}#0", f"s{i}.example", "c", decision=match_pb2.MATCH_DECISION_CONFLICTING, matched="a0#0")
        conflict.explanation.reason = f"number mismatch: 14 vs {14 + i}"
        verdict = book.apply(conflict)
    cluster = book._clusters["c"]
    assert len(cluster.conflicts) == CONFLICTS_IN_REASON and cluster.conflict_count == 39
    assert verdict.reason.endswith(f"and {39 - CONFLICTS_IN_REASON} more conflicts") and "14 vs 15" in verdict.reason


def test_a_book_updating_verdicts_in_place_publishes_the_same_verdicts():
    matches = [placed("a1#0", "north.example", "c"), placed("b1#0", "west.example", "d"),
               placed("a2#0", "south.example", "c", matched="a1#0"),
               placed("a3#0", "east.example", "c", decision=match_pb2.MATCH_DECISION_CONFLICTING, matched="a1#0"),
               placed("b2#0", "west.example", "d", matched="b1#0")]
    copying, in_place = VerdictBook(), VerdictBook(snapshots=False)
    kept = []
    for match in matches:
        expected, got = copying.apply(match), in_place.apply(match)
        assert got.SerializeToString() == expected.SerializeToString()
        kept.append((expected, got))
    # Snapshots stay as they were; the in-place book's verdict of a cluster is one object, its latest.
    first_c, first_c_live = kept[0]
    assert first_c.revision == 1 and first_c_live.revision == 3 and first_c_live is in_place.verdict("c")
    assert in_place.verdict("c").previous_status == CORROBORATED
    in_place.reset()
    assert in_place.snapshots is False and in_place.verdict("c") is None


def test_a_verdict_updated_in_place_moves_to_a_fresh_message_now_and_then_with_the_same_content():
    """upb frees what a message held only with the message: without a fresh copy now and then, a
    cluster's verdict would grow with every reason and history entry it ever had."""
    from services.scorer.scoring import IN_PLACE_REBUILD_EVERY

    in_place, copying = VerdictBook(snapshots=False), VerdictBook()
    objects = []  # held, so no id is reused
    for i in range(3 * IN_PLACE_REBUILD_EVERY + 1):
        match = placed(f"a{i}#0", f"s{i % 5}.example", "c")
        verdict = in_place.apply(match)
        if not objects or objects[-1] is not verdict:
            objects.append(verdict)
        assert verdict.SerializeToString() == copying.apply(match).SerializeToString()
    assert len(objects) == 4  # the first, then one fresh copy per IN_PLACE_REBUILD_EVERY revisions


def test_the_verdict_table_names_the_outlets_that_only_say_it_may_be_so(capsys):
    from shared.pb import verdict_service_pb2
    from shared.render import verdict_table

    book = VerdictBook()
    hedged = placed("a1#0", "north.example", "a1#0", hedged=True)
    verdict = book.apply(hedged)
    verdict_table([verdict_service_pb2.ClaimWithVerdict(claim=hedged.claim, verdict=verdict)])
    out = capsys.readouterr().out
    assert "from no outlet asserting it; only say it may be so: north.example  (1 claim)" in out
