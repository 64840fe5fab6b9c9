from services.extractor.extraction import analyze_sentence
from services.matcher.matching import CONFLICTING, DIFFERENT, SAME, ClaimIndex, byline_credit, compare
from shared.pb import claim_pb2
from sentences_for_tests import explain, placed_claim


def decide(a: str, b: str) -> int:
    return explain(a, b).decision


def test_paraphrase_of_the_same_fact_is_same():
    assert decide("The harbour authority said ship traffic had been suspended until Thursday.",
                  "Ship traffic at the harbour was suspended until Thursday, the harbour authority said.") == SAME


def test_unrelated_statements_are_different():
    assert decide("The mayor opened a new library in the old town on Monday.",
                  "Ship traffic at the harbour was suspended until Thursday.") == DIFFERENT


def test_a_different_number_conflicts_even_when_the_words_match():
    explanation = compare(analyze_sentence("Fourteen people died in the flooding in the northern province."),
                          analyze_sentence("17 people died in the flooding in the northern province."))
    assert explanation.decision == CONFLICTING
    assert "14" in explanation.reason and "17" in explanation.reason


def test_confirm_versus_deny_conflicts():
    assert decide("The ministry confirmed that the two countries agreed to a prisoner exchange.",
                  "The ministry denied that the two countries agreed to a prisoner exchange.") == CONFLICTING


def test_agreed_versus_not_agreed_conflicts():
    assert decide("The union has agreed to the new wage offer from the port operators.",
                  "The union has not agreed to the new wage offer from the port operators.") == CONFLICTING


def test_byline_credit_folds_agency_spellings():
    assert byline_credit("By Granite Wire Service") == byline_credit("GRANITE WIRE SERVICE")
    assert byline_credit("Lowlands Press Agency (LPA)") == "lowlands press agency"


WIRE = "Sixty firefighters fought the blaze at the grain warehouse for six hours, the fire chief said."


def test_index_clusters_the_same_fact_from_two_outlets_and_keeps_others_apart():
    index = ClaimIndex()
    first = index.place(placed_claim("a1", source="north.example", text=WIRE))
    second = index.place(placed_claim(
        "a2", source="south.example",
        text="The fire chief said sixty firefighters fought the blaze at the grain warehouse for six hours."))
    other = index.place(placed_claim("a3", source="east.example", text="The city council will vote on the budget next month."))
    assert first.cluster_id == "a1#0" and second.cluster_id == "a1#0"
    assert second.explanation.decision == SAME and second.matched_claim_id == "a1#0"
    assert other.cluster_id == "a3#0"


def test_index_recognises_a_wire_reprint_by_text_and_byline():
    index = ClaimIndex()
    index.place(placed_claim("a1", source="wire.example", text=WIRE, byline="By Coast Wire"))
    reprint = index.place(placed_claim("a2", source="paper.example", text=WIRE, byline="Coast Wire"))
    own_report = index.place(placed_claim("a3", source="other.example", text=WIRE, byline="By Jane Reporter"))
    assert reprint.reprint_of_article_id == "a1" and reprint.independent_source == "wire.example"
    assert own_report.reprint_of_article_id == "" and own_report.independent_source == "other.example"
    # Later claims of a known reprint count for the original outlet too.
    later = index.place(placed_claim("a2", source="paper.example", text="Police said the cause is unknown.",
                                      byline="Coast Wire", ordinal=1))
    assert later.independent_source == "wire.example"


def test_placing_a_claim_twice_returns_the_first_placement():
    index = ClaimIndex()
    index.place(placed_claim("a1", source="north.example", text=WIRE))
    again = placed_claim("a2", source="south.example", text=WIRE)
    assert index.place(again) == index.place(again)
    assert len(index) == 2


def test_index_evicts_the_oldest_claims_beyond_its_bound():
    index = ClaimIndex(max_claims=2)
    for i, text in enumerate(["The bridge reopened on Monday.", "The airport closed on Sunday.",
                              "The museum reopened on Friday."]):
        index.place(placed_claim(f"a{i}", source=f"s{i}.example", text=text))
    assert len(index) == 2 and index.get("a0#0") is None and index.get("a2#0") is not None


def _state_sizes(index: ClaimIndex) -> dict[str, int]:
    return {"rows": len(index._rows), "members": len(index._members), "sources": len(index._article_source),
            "credits": len(index._article_credit), "reprints": len(index._reprint_of),
            "refs": len(index._article_refs), "local_df": len(index._local.df), "blocking": len(index._blocking)}


def _wire_stream(n: int, hours_apart: float = 0.0):
    """Wire stories and their reprints, each with words of its own, one article after another."""
    for i in range(n):
        text = f"Firefighters evacuated {100 + i} residents from Kvarn{i}dal after the blaze at warehouse{i}, the fire chief said."
        at = 1_700_000_000 + int(i * hours_apart * 3600) + 1
        yield placed_claim(f"w{i}", source="wire.example", text=text, byline="By Coast Wire", at=at)
        yield placed_claim(f"p{i}", source=f"paper{i % 7}.example", text=text, byline="Coast Wire", at=at + 1)


def test_per_article_state_shrinks_with_the_claims_evicted_by_count():
    index = ClaimIndex(max_claims=10)
    placed = [index.place(c) for c in _wire_stream(200)]
    assert sum(1 for m in placed if m.reprint_of_article_id) > 150  # the reprints were recognised
    sizes = _state_sizes(index)
    assert sizes["rows"] == sizes["blocking"] == 10
    # Only the articles with a live claim remain (each reprint keeps its original while it lives).
    assert sizes["sources"] <= 11 and sizes["credits"] <= 11 and sizes["reprints"] <= 5 and sizes["refs"] <= 11
    assert sizes["members"] <= 10
    # The local document frequencies hold the words of the live claims only.
    assert sizes["local_df"] <= 10 * 12


def test_per_article_state_shrinks_with_the_claims_evicted_by_age():
    index = ClaimIndex(window_seconds=2 * 3600)
    for c in _wire_stream(200, hours_apart=1.0):
        index.place(c)
    sizes = _state_sizes(index)
    assert sizes["rows"] <= 6 and sizes["sources"] <= 6 and sizes["reprints"] <= 3 and sizes["local_df"] <= 6 * 12


def test_a_live_reprint_keeps_its_evicted_original_known():
    index = ClaimIndex(max_claims=2)
    index.place(placed_claim("w1", source="wire.example", text=WIRE, byline="By Coast Wire"))
    first = index.place(placed_claim("p1", source="paper.example", text=WIRE, byline="Coast Wire"))
    index.place(placed_claim("x1", source="other.example", text="The city council will vote on the budget next month."))
    # w1's claim is evicted, but p1 (live) names it as its original: its later claims still count for the wire.
    later = index.place(placed_claim("p1", source="paper.example", text="Police said the cause is unknown.",
                                      byline="Coast Wire", ordinal=1))
    assert first.reprint_of_article_id == "w1" and later.independent_source == "wire.example"
    assert index.get("w1#0") is None


def test_an_index_without_new_claims_still_empties_with_age():
    index = ClaimIndex(window_seconds=3600)
    for c in list(_wire_stream(5))[:6]:
        index.place(c)
    assert index.expire(1_700_000_000 + 1800) == 0 and len(index) == 6
    assert index.expire(1_700_000_000 + 7200) == 6
    assert len(index) == 0 and _state_sizes(index) == dict.fromkeys(_state_sizes(index), 0)


def test_a_story_quiet_for_two_windows_is_dropped_and_live_stories_keep_their_claims():
    from services.matcher import stories
    from services.matcher.stories import StoryIndexes

    hour = 3600
    indexes = StoryIndexes(window_seconds=hour)
    quiet = placed_claim("q1", "The ferry to Ostholm was cancelled on Monday.", at=1_780_000_000)
    quiet.story_key = "ostholm"
    indexes.place(quiet)
    for i in range(stories.QUIET_CHECK_EVERY):
        live = placed_claim(f"l{i}", f"Crews cleared {i + 3} trees from the road to Varnes.", at=1_780_000_000 + i * 10)
        live.story_key = "varnes"
        indexes.place(live)
    assert indexes.stories == 1 and indexes.get("q1#0") is None  # ~2.8 h later: two windows passed
    assert len(indexes) > 0 and indexes.get(f"l{stories.QUIET_CHECK_EVERY - 1}#0") is not None
