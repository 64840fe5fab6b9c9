"""The same-claim model, cluster-level matching and the negation rules, with sentences written for
these tests."""

from services.extractor.extraction import analyze_sentence
from services.matcher.amounts import figures_written_twice
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


def _word_share(first: str, second: str) -> float:
    a, b = (match_form(analyze_sentence(s)) for s in (first, second))
    return pair_features(a, b)[FEATURES.index("wjac")]


def _figure_shared(first: str, second: str, figure: str, as_first_writes_it: str) -> bool:
    """Whether `second`, giving `figure`, shares as many words with `first` as it does with the
    figure written as `first` writes it."""
    return _word_share(first, second) == _word_share(first, second.replace(figure, as_first_writes_it))


def test_a_figure_written_another_way_counts_as_a_shared_word():
    # rounded ("close to 12,000" for 11,850), and to fewer decimals
    assert _figure_shared("Close to 12,000 nurses joined the walkout in Tarnow.",
                          "The walkout in Tarnow was joined by 11,850 nurses.", "11,850", "12,000")
    assert _figure_shared("Some 4 million litres of diesel were stored at the depot.",
                          "The depot stored 4.1 million litres of diesel.", "4.1", "4")


def _written_twice(first: str, second: str) -> dict:
    a, b = (match_form(analyze_sentence(s)) for s in (first, second))
    return figures_written_twice(a, b)


def test_figures_are_one_when_rounded_as_marked_or_a_duration_in_another_unit():
    assert _written_twice("Close to 12,000 nurses joined the walkout.", "11,850 nurses joined the walkout.") == {
        "12000": {"11850"}}
    assert _written_twice("11,850 nurses joined the walkout.", "12,000 or so nurses joined the walkout.") == {
        "11850": {"12000"}}
    assert _written_twice("The nurses will strike for 48 hours.", "The nurses will strike for two days.") == {
        "48": {"2"}}


def test_figures_that_only_do_not_conflict_are_not_one():
    # too far for the rounding; a round figure not marked as rounded; a bound; two durations apart
    assert _written_twice("Close to 12,000 nurses joined the walkout.", "13,200 nurses joined the walkout.") == {}
    assert _written_twice("The insurer paid $3 billion.", "The insurer paid $2.91 billion.") == {}
    assert _written_twice("More than 500 flights were cancelled.", "Brenholm cancelled 640 flights.") == {}
    assert _written_twice("The nurses will strike for 36 hours.", "The nurses will strike for two days.") == {}
    # money and a count are two kinds of figure, whatever their values
    assert _written_twice("The council spent about 2 million euros.", "The council hired 1,990,000 staff.") == {}


def test_a_rounded_figure_restates_the_precise_one():
    for first, second in [
            ("Nearly 9,000 seasonal workers signed up for the scheme this year.",
             "The scheme enrolled 8,760 people, the ministry said."),
            ("Almost 40,000 fans attended the final.", "The final drew a crowd of 39,640."),
            ("The tunnel will stay closed for 72 hours.", "Engineers expect a three-day closure of the tunnel.")]:
        e = explain(first, second)
        assert e.decision == SAME, e.reason
