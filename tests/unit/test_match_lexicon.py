"""The curated lexicon (metonymy, demonyms, news synonyms, number words), rounding of figures, venue
conflicts, and conflicts found below the same-claim threshold. Sentences written for the tests."""

from sentences_for_tests import explain
from services.extractor.extraction import analyze_sentence
from services.matcher.amounts import rounds_to
from services.matcher.lexicon import fold_words
from services.matcher.matching import CONFLICTING, DIFFERENT, SAME
from services.matcher.normalize import match_form


def test_number_words_and_metonymy_fold():
    assert fold_words("four thousand nurses".split()) == ["4000", "nurses"]
    assert fold_words("twenty five ministers met".split()) == ["25", "ministers", "talks"]
    assert fold_words("no one came".split()) == ["no", "one", "came"]
    assert fold_words("the kremlin said".split()) == ["the", "russia", "said"]


def test_capital_for_its_country_is_the_same_claim():
    e = explain("Beijing said on Friday it would lift tariffs on Australian barley.",
                "China said on Friday it would lift tariffs on Australian barley imports.")
    assert e.decision == SAME


def test_demonym_and_synonym_paraphrase_is_the_same_claim():
    e = explain("French negotiators met the union leaders in Lyon on Monday.",
                "Talks between France's representatives and the union leaders were held in Lyon on Monday.")
    assert e.decision == SAME, e.reason


def test_words_for_an_aircraft_are_one_word():
    forms = [match_form(analyze_sentence(f"The {w} with 112 passengers on board landed safely at Port Alder."))
             for w in ("plane", "aircraft", "airliner", "jetliner")]
    assert len({f.core for f in forms}) == 1, [f.core for f in forms]
    e = explain("Officials said 112 passengers were on board the plane.",
                "Officials said 121 passengers were on board the aircraft.")
    assert e.decision == CONFLICTING and "112 vs 121" in e.reason, e.reason


def test_rounded_figure_agrees_but_a_small_count_does_not_round():
    assert rounds_to(24_600, 25_000) and rounds_to(71.4, 71)
    assert not rounds_to(31, 30) and not rounds_to(12, 10) and not rounds_to(24_600, 26_000)
    e = explain("The survey questioned 48,300 households in the region.",
                "The survey questioned about 48,000 households in the region.")
    assert e.decision == SAME, e.reason


def test_a_figure_marked_as_rounded_rounds_by_as_much_as_five_percent():
    assert rounds_to(48, 50, marked=True) and rounds_to(21, 20, marked=True)
    assert not rounds_to(61_500, 65_000, marked=True) and rounds_to(63_200, 65_000, marked=True)
    assert not rounds_to(12, 10, marked=True) and not rounds_to(44, 50, marked=True)  # within 5 percent only
    for rounded, precise in [
            ("Approximately 65,000 tonnes of grain left Odessa in May.", "63,200 tonnes of grain left Odessa in May."),
            ("Nearly a third of the nurses at Kelso hospital are on strike.",
             "32% of the nurses at Kelso hospital are on strike.")]:
        assert explain(rounded, precise).decision == SAME, explain(rounded, precise).reason
    # "about" as the preposition of a verb marks nothing
    e = explain("The council talked about 40 complaints on Monday.", "The council talked about 38 complaints on Monday.")
    assert e.decision == CONFLICTING, e.reason
    for rounded, precise in [("Nearly half of the dockers voted for the deal.", "48% of the dockers voted for the deal."),
                             ("About 20 people were hurt in the blast at Kelso.", "21 people were hurt in the blast at Kelso.")]:
        assert explain(rounded, precise).decision == SAME, explain(rounded, precise).reason
    # the same figures unmarked, or too far apart, still disagree
    for first, second in [("Half of the dockers voted for the deal.", "48% of the dockers voted for the deal."),
                          ("Nearly 20 people were hurt in the blast at Kelso.", "24 people were hurt in the blast at Kelso.")]:
        e = explain(first, second)
        assert e.decision == CONFLICTING and "number mismatch" in e.reason, e.reason


def test_two_cities_for_one_meeting_conflict():
    e = explain("The foreign ministers met on Friday in Marrakesh, Morocco.",
                "The foreign ministers' talks were held on Friday in the Moroccan capital, Rabat.")
    # the city named after its kind of place ("the Moroccan capital, Rabat") is the place; the demonym is not
    assert e.decision == CONFLICTING and "marrakesh vs rabat" in e.reason, e.reason


def test_different_duration_below_threshold_is_a_conflict():
    e = explain("The hearing lasted about three hours.",
                "According to a lawyer for the defence, the hearing ran for more than seven hours.")
    assert e.decision == CONFLICTING and "hour" in e.reason, e.reason


def test_a_hoax_headline_denies_the_claim():
    e = explain("A shark was seen swimming in a flooded Houston street",
                "Photo of shark swimming in flooded Houston street is a hoax")
    assert e.decision == CONFLICTING, e.reason


def test_unrelated_figures_stay_different():
    e = explain("The bridge cost 40 million euros to build.",
                "The stadium holds 40,000 spectators.")
    assert e.decision == DIFFERENT


def test_two_amounts_of_money_for_different_things_are_not_a_conflict():
    e = explain("Marlowe Foods has spent about 40 million euros on the new bakery, its chief executive said.",
                "Marlowe Foods shares lifted the company's market value to about 2.3 billion euros.")
    assert e.decision != CONFLICTING, e.reason


def test_the_same_amount_question_with_different_figures_still_conflicts():
    e = explain("The new bakery cost Marlowe Foods about 40 million euros.",
                "The new bakery cost Marlowe Foods about 55 million euros.")
    assert e.decision == CONFLICTING and "eur" in e.reason, e.reason


def test_and_a_half_folds_into_the_number():
    assert fold_words("a rise of six and a half percent".split()) == ["a", "rise", "of", "6.5", "percent"]
    assert fold_words("two and a half million people".split()) == ["2500000", "people"]


def test_one_sentence_told_of_two_towns_with_no_name_in_common_is_two_facts():
    e = explain("The coast road to Varnhem will stay closed until Friday, the highways agency said.",
                "The council said that the coast road to Oskarby will remain closed until Monday.")
    assert e.decision == DIFFERENT and "varnhem vs oskarby" in e.reason, e.reason


def test_spelling_variants_keep_their_initial_up_to_transliteration():
    from services.matcher.features import has_spelling_variant

    for a, b in (("peskov", "peskow"), ("zelensky", "selenskyj"), ("volodymyr", "wolodymyr"), ("hrushivka", "hrushiwka"),
                 ("yekaterinburg", "ekaterinburg"), ("gaddafi", "qaddafi"), ("tchaikovsky", "chaikovsky"),
                 ("zelensky", "zelenskyy")):
        assert has_spelling_variant(a, (b,)) and has_spelling_variant(b, (a,)), (a, b)
    # Close strings that are other names or words: a town is not its neighbour.
    for a, b in (("alder", "calder"), ("reason", "season"), ("rival", "trial"), ("strike", "striker"),
                 ("organise", "organiser")):
        assert not has_spelling_variant(a, (b,)), (a, b)
    e = explain("The harbour master said 120 boats were sunk at Port Alder.",
                "The harbour master said 130 boats were sunk at Calder Falls.")
    assert e.decision != CONFLICTING, e.reason
