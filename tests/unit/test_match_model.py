"""The same-claim model, cluster-level matching and the negation rules, with sentences written for
these tests."""

from services.extractor.extraction import analyze_sentence
from services.matcher.features import FEATURES, LocalRarity, pair_features
from services.matcher.matching import CONFLICTING, DIFFERENT, SAME, ClaimIndex
from services.matcher.normalize import match_form
from shared.rarity import weight
from shared.pb import claim_pb2
from sentences_for_tests import explain, placed_claim


def test_rare_words_weigh_more_than_common_ones():
    assert weight("lindqvist") > weight("firefighters") > weight("said")
    assert weight("the") == min(weight("the"), weight("people"))


def test_features_are_bounded_and_deterministic():
    a = match_form(analyze_sentence("Harbour master Ingrid Lindqvist said 40 tugboats escorted the tanker."))
    b = match_form(analyze_sentence("Lindqvist told reporters that 40 tugboats had been sent to the strait."))
    first = pair_features(a, b)
    assert first == pair_features(a, b) and len(first) == len(FEATURES)
    assert all(0.0 <= x <= 1.0 for x in first)


def test_paraphrase_sharing_speaker_and_figure_is_the_sameplaced_claim():
    e = explain("Harbour master Ingrid Lindqvist said 40 tugboats escorted the damaged tanker into port.",
                "Lindqvist told reporters that 40 tugboats had escorted the tanker.")
    assert e.decision == SAME


def test_spelling_variants_of_a_rare_name_count_as_shared():
    e = explain("Interior minister Oleksandr Kovalenkov said the border crossing at Hrushivka would reopen.",
                "Interior minister Aleksandr Kowalenkow said the border crossing at Hrushiwka would reopen.")
    assert e.decision == SAME


def test_a_negated_predicate_the_other_does_not_state_is_neither_same_nor_conflict():
    e = explain("Investigators said the origin of the explosion was not yet known.",
                "Investigators said they had opened an inquiry into the origin of the explosion.")
    assert e.decision == DIFFERENT
    assert "negates a predicate" in e.reason


def test_negation_conflicts_when_the_negated_predicate_is_shared():
    e = explain("The operator said the depot did not store any fertiliser.",
                "The fire brigade said the depot stored fertiliser alongside the timber.")
    assert e.decision == CONFLICTING and "confirm vs deny" in e.reason


def test_calling_a_report_a_hoax_conflicts_with_the_report():
    e = explain("A lioness escaped from the Brennholt zoo and roamed the town centre",
                "Reports that a lioness escaped from the Brennholt zoo are a hoax")
    assert e.decision == CONFLICTING


def test_both_sides_negated_is_not_a_conflict():
    e = explain("The rebels have not yet accepted the truce proposal.",
                "The rebels have not accepted the truce proposal so far.")
    assert e.decision == SAME


def test_words_every_claim_of_a_story_repeats_count_less():
    local = LocalRarity()
    story = [f"The strike at the Velmar terminal entered day {i} as talks on {w} stalled"
             for i, w in enumerate("pay pensions shifts overtime safety cranes rosters bonuses holidays".split())]
    for s in story:
        local.add(match_form(analyze_sentence(s)))
    assert local.factor("velmar") < 0.5 and local.factor("pension") >= local.factor("velmar")
    assert local.factor("unseen") == 1.0


def test_weighing_queries_against_an_unchanging_index_keeps_memory_bounded():
    # FindSimilar weighs each query's words; a story that gets no new claim never clears the cache.
    local = LocalRarity()
    for i in range(LocalRarity.MIN_CLAIMS):
        local.add(match_form(analyze_sentence(f"The ferry line {i} will stop in March.")))
    queries = [match_form(analyze_sentence(f"Query {i} about the ferry line.")) for i in range(LocalRarity.MAX_CACHED + 50)]
    for q in queries:
        assert local.weighted(q)["ferry"] < 1.0 * dict(q.bag)["ferry"]
    assert len(local._weighted) <= LocalRarity.MAX_CACHED


def test_a_loose_link_does_not_chain_two_clusters():
    index = ClaimIndex()
    a = index.place(placed_claim("a", "Dockworkers at the Velmar terminal walked out over pay on Monday."))
    b = index.place(placed_claim("b", "Velmar terminal dockworkers went on strike over pay on Monday."))
    c = index.place(placed_claim("c", "The Velmar terminal operator said cranes would be idle until Friday."))
    d = index.place(placed_claim("d", "Cranes at the Velmar terminal will stand idle until Friday, the operator said."))
    assert a.cluster_id == b.cluster_id
    assert c.cluster_id == d.cluster_id != a.cluster_id


def test_cluster_placement_is_deterministic():
    texts = ["Dockworkers at the Velmar terminal walked out over pay on Monday.",
             "Velmar terminal dockworkers went on strike over pay on Monday.",
             "The operator said the depot did not store any fertiliser.",
             "The fire brigade said the depot stored fertiliser alongside the timber."]
    runs = []
    for _ in range(2):
        index = ClaimIndex()
        runs.append([index.place(placed_claim(f"x{i}", t)).SerializeToString() for i, t in enumerate(texts)])
    assert runs[0] == runs[1]
