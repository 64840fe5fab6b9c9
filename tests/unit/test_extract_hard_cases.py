"""Hard cases of news copy from issue 4, on sentences written for these tests."""

import re
from datetime import datetime, timezone

import pytest

from services.extractor.checkworthy import THRESHOLD, learned_logit, tokens
from services.extractor.clauses import split_clauses
from services.extractor.extraction import analyze_sentence, extract_claims, sentence_features
from services.extractor.worthiness import _words
from services.extractor.sentences import BYLINE, CAPTION, HEADING, LIST_ITEM, SENTENCE, segment, split_sentences
from shared.pb import article_pb2

PUB = datetime(2024, 11, 14, 16, 0, tzinfo=timezone.utc)


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def _article(text: str) -> article_pb2.Article:
    art = article_pb2.Article(id="hc", source="example.test", text=text)
    art.published_at.FromDatetime(PUB)
    return art


# --- sentences ------------------------------------------------------------------------------------

def test_clock_time_then_new_sentence_splits() -> None:
    text = "The blaze at the timber yard was under control at about 4 a.m. Three firefighters were treated for smoke."
    assert _sentences(text) == [
        "The blaze at the timber yard was under control at about 4 a.m.",
        "Three firefighters were treated for smoke.",
    ]


def test_clock_time_followed_by_weekday_does_not_split() -> None:
    text = "The polls close at 8 p.m. Sunday in most districts."
    assert _sentences(text) == [text]


def test_initialism_ends_sentence_only_before_an_opener() -> None:
    text = "The grain was shipped to the U.S. The buyer paid in advance. A U.S. Navy tug towed it."
    assert _sentences(text) == [
        "The grain was shipped to the U.S.",
        "The buyer paid in advance.",
        "A U.S. Navy tug towed it.",
    ]


def test_titles_months_and_initials_do_not_end_sentences() -> None:
    text = "Sen. Ida Marr met Lt. Col. Per Aune on Feb. 9 in Tromsø. J. K. Lund was there too."
    assert _sentences(text) == ["Sen. Ida Marr met Lt. Col. Per Aune on Feb. 9 in Tromsø.", "J. K. Lund was there too."]


def test_numbers_with_points_and_commas_stay_whole() -> None:
    text = "Output rose 2.75 percent to 1,204,500 tonnes. Prices fell by 0.5 points."
    assert _sentences(text) == ["Output rose 2.75 percent to 1,204,500 tonnes.", "Prices fell by 0.5 points."]


def test_question_quote_closed_by_attribution_stays_one_sentence() -> None:
    text = '"Who pays for the repairs?" Councillor Aro Pihl asked. Nobody answered.'
    assert _sentences(text) == ['"Who pays for the repairs?" Councillor Aro Pihl asked.', "Nobody answered."]


def test_quote_spanning_sentences_is_one_group() -> None:
    text = 'Mayor Lene Hald said, "The bridge is closed. Repairs start on Monday." Traffic was diverted.'
    segs = segment(text)
    assert [text[s.start : s.end] for s in segs] == [
        'Mayor Lene Hald said, "The bridge is closed.',
        'Repairs start on Monday."',
        "Traffic was diverted.",
    ]
    assert segs[0].quote == segs[1].quote >= 0 and segs[2].quote == -1


def test_byline_caption_heading_and_list_items_are_marked() -> None:
    text = (
        "Flood Barrier Fails In Lowland Town\n"
        "By Maren Dahl, Staff Reporter\n\n"
        "Photo: Sandbags stacked outside the town hall (Image: Fjord Wire)\n\n"
        "The council listed three measures:\n"
        "- 400 homes will be evacuated.\n"
        "- The main road closes at noon.\n\n"
        "The barrier failed on Tuesday."
    )
    kinds = [(s.kind, text[s.start : s.end]) for s in segment(text)]
    assert kinds == [
        (HEADING, "Flood Barrier Fails In Lowland Town"),
        (BYLINE, "By Maren Dahl, Staff Reporter"),
        (CAPTION, "Photo: Sandbags stacked outside the town hall (Image: Fjord Wire)"),
        (SENTENCE, "The council listed three measures:"),
        (LIST_ITEM, "- 400 homes will be evacuated."),
        (LIST_ITEM, "- The main road closes at noon."),
        (SENTENCE, "The barrier failed on Tuesday."),
    ]
    for s in segment(text):
        assert text[s.start : s.end] == text[s.start : s.end].strip()


def test_hard_wrapped_lines_are_joined_into_one_sentence() -> None:
    text = "The ferry operator said on Monday that the\nroute would reopen next week."
    assert _sentences(text) == [text]


# --- claims ---------------------------------------------------------------------------------------

def test_bylines_and_captions_never_become_claims() -> None:
    text = "By Maren Dahl, Staff Reporter\n\nPhoto: Police at the scene on 3 May (Credit: Fjord Wire)\n\nPolice arrested 12 people on Tuesday."
    claims = extract_claims(_article(text))
    assert [c.text for c in claims] == ["Police arrested 12 people on Tuesday."]


def test_list_items_become_claims_without_their_bullets() -> None:
    text = "The council agreed two measures:\n- 400 homes in Lindby will be evacuated by Friday.\n- The ferry to Holm stops on 3 December."
    claims = extract_claims(_article(text))
    assert [c.text for c in claims][-2:] == ["400 homes in Lindby will be evacuated by Friday.",
                                             "The ferry to Holm stops on 3 December."]
    for c in claims:
        assert text[c.span.start : c.span.end] == c.text


def test_quote_speaker_is_carried_to_every_sentence_of_the_quote() -> None:
    text = 'Mayor Lene Hald said, "The bridge was closed on Monday. Repairs will cost 4 million euros."'
    claims = extract_claims(_article(text))
    assert [c.speaker for c in claims] == ["Mayor Lene Hald", "Mayor Lene Hald"]
    assert claims[1].statement.startswith("Repairs will cost")


def test_a_frame_ending_in_a_colon_gives_its_speaker_to_the_quote_below_it() -> None:
    text = ('The harbour authority said in a statement:\n\n'
            '"The quay will reopen on 12 June. About 40 ships are expected in the first week."\n\n'
            'The mayor said:')
    claims = extract_claims(_article(text))
    # the frames state nothing themselves: no claim of their own, not even the last one with no quote
    assert [c.statement for c in claims] == ["The quay will reopen on 12 June",
                                             "About 40 ships are expected in the first week"]
    assert [c.speaker for c in claims] == ["The harbour authority"] * 2


def test_trailing_attribution_reaches_back_into_the_quote() -> None:
    text = '"Four ships ran aground in 2023. Two sank in January," the coastguard chief Ola Vik said.'
    claims = extract_claims(_article(text))
    assert [c.speaker for c in claims] == ["the coastguard chief Ola Vik"] * 2


def test_pronoun_speaker_resolves_to_person_named_as_subject() -> None:
    text = ("Finance Minister Kari Holm presented the budget on Tuesday. "
            "She said the deficit would fall to 2 percent next year.")
    claims = extract_claims(_article(text))
    assert claims[-1].speaker == "Kari Holm"


def test_passive_it_was_confirmed_by() -> None:
    c = analyze_sentence("It was confirmed by the Norwegian navy that two frigates had left Bergen.", PUB)
    assert (c.speaker, c.reporting_verb) == ("the Norwegian navy", "confirm")
    assert c.statement == "two frigates had left Bergen"


def test_denial_is_negated_and_keeps_speaker() -> None:
    c = analyze_sentence("The Kremlin denied that its troops had entered the village.", PUB)
    assert c.negated and c.reporting_verb == "deny" and c.speaker == "The Kremlin"


# --- compound sentences ---------------------------------------------------------------------------

def test_compound_sentence_with_two_facts_yields_two_claims_in_order() -> None:
    text = "Police arrested 14 people in Malmö on Friday, and the city council closed 3 schools on Saturday."
    claims = extract_claims(_article(text))
    assert [c.text for c in claims] == [
        "Police arrested 14 people in Malmö on Friday",
        "the city council closed 3 schools on Saturday.",
    ]
    assert [c.id for c in claims] == ["hc#0", "hc#1"]
    for c in claims:
        assert text[c.span.start : c.span.end] == c.text


def test_lists_of_nouns_and_reported_speech_are_not_cut() -> None:
    assert len(split_clauses("The storm hit farms, roads and schools, and cut power to 9,000 homes.")) == 1
    assert len(split_clauses("Holm said exports rose 4 percent, and that imports fell in March.")) == 1
    assert len(split_clauses('"We stayed, and we voted," the two residents said on Monday.')) == 1


def test_a_quantified_or_counted_subject_opens_a_clause_of_its_own() -> None:
    text = "The ferry company cancelled 12 sailings to Larvik on Monday, and two of its ships were held in Oslo harbour."
    claims = extract_claims(_article(text))
    assert [c.text for c in claims] == ["The ferry company cancelled 12 sailings to Larvik on Monday",
                                        "two of its ships were held in Oslo harbour."]
    for sentence, right in [
        ("Rescuers pulled 40 people from the river at Tarnow, but half of the rescued were released that night.",
         "half of the rescued were released that night."),
        ("The council closed the bridge on Tuesday morning, and 3,000 commuters were sent on a detour.",
         "3,000 commuters were sent on a detour."),
        ("The airline said it would refund every ticket, but no date for the payments was given on Friday.",
         "no date for the payments was given on Friday."),
    ]:
        assert [sentence[a:b] for a, b in split_clauses(sentence)][1:] == [right]


def test_adverbs_pronouns_and_described_figures_are_not_subjects() -> None:
    for sentence in [
        "The union rejected the offer on Friday evening, and no longer had any hope of a deal before May.",
        "Exports fell 3 percent in March, and more recently the port handled fewer containers.",
        "The council named two ministers who resigned in May, and three who stayed in their posts.",
        "Prices rose for the fourth month in a row, and one that economists had not expected at all.",
        # a figure continuing the object, the attribution after it
        "The mill produced 400 tonnes of steel in April, and 350 in May, its owners said.",
        "The army lost 30 tanks and trucks in the battle, and several hundred soldiers, officers estimated.",
        # quantifiers as adverbs, and times counted from the first clause's event
        "Rents rose quickly in the capital last year, and more than doubled in several suburbs.",
        "The local currency weakened in the spring, and all but collapsed by the end of the summer.",
        "The ferry left the harbour at dawn on Monday, and two hours later returned with engine trouble.",
        "The council has cut its budget for years now, and each year has closed another library.",
        "The scheme would help 3 million families who rent, and two million families who owned homes.",
        # a pronoun: alone the clause would name nobody
        "Police arrested 14 people in Malmo on Friday, and they were charged with arson on Saturday.",
        # a count of what the first clause names: alone it would count nothing
        "The hospital admitted 40 patients after the crash on Sunday, and all 40 of them were treated for burns.",
        "Nine climbers were flown off the mountain on Monday, and each one was checked by a doctor.",
        # a participle continuing the object, a hyphenated adjective, a relative clause's verb
        "The town restored its market hall last year, and two churches built in the 1700s.",
        "The club has played in a small ground for decades, and a purpose-built stadium for 20,000 fans.",
        "The mayor thanked the firefighters on Sunday, and the volunteers who brought them food and water.",
    ]:
        assert len(split_clauses(sentence)) == 1, sentence


def test_a_past_tense_without_ed_is_a_verb_of_the_clause() -> None:
    sentence = "The storm struck the coast on Monday night, and most of the boats sank in the harbour."
    assert [sentence[a:b] for a, b in split_clauses(sentence)] == [
        "The storm struck the coast on Monday night", "most of the boats sank in the harbour."]


def test_compound_with_an_opinion_half_stays_one_sentence() -> None:
    text = "The plant reopened on Monday with 200 workers, but the mood in town is incredibly gloomy."
    claims = extract_claims(_article(text))
    assert len(claims) <= 1 and all(c.span.start == 0 for c in claims)


# --- learned check-worthiness ---------------------------------------------------------------------

def test_tokens_are_lowercased_unigrams_and_bigrams_with_numbers_folded() -> None:
    assert tokens("Exports rose 4 percent") == {"exports", "rose", "<num>", "percent", "exports rose", "rose <num>",
                                                "<num> percent"}


def test_learned_model_prefers_figures_over_opinion() -> None:
    fact = "Unemployment fell to 4.1 percent in 2019, the lowest rate in 50 years."
    view = "I think we need to do better for our children."
    assert learned_logit(sentence_features(fact), fact) > learned_logit(sentence_features(view), view)
    assert 0.0 < THRESHOLD < 1.0


# --- roles ------------------------------------------------------------------------------------------

def test_a_role_named_once_stands_for_that_person_later_in_the_article() -> None:
    text = ("Harbour board spokeswoman Lena Vikstrom said on Monday that 14 cranes had stopped. "
            "The harbour board spokeswoman also said that two ferries were cancelled. "
            "Later, the board's spokeswoman told reporters that the strike had not ended.")
    claims = extract_claims(_article(text))
    assert [c.speaker for c in claims] == ["Harbour board spokeswoman Lena Vikstrom", "Lena Vikstrom", "Lena Vikstrom"]
    assert claims[2].statement == "the strike had not ended"  # "Later," is not the statement
    role_mention = [e for e in claims[1].entities if e.canonical == "vikstrom"]
    assert role_mention and role_mention[0].text == "The harbour board spokeswoman"


def test_a_role_the_article_never_names_stays_as_written() -> None:
    claims = extract_claims(_article("The port authority spokesman said that 14 cranes had stopped."))
    assert claims[0].speaker == "The port authority spokesman"
    assert not any(e.kind == 1 and e.text.startswith("The port") for e in claims[0].entities)


def test_every_role_holds_a_word_the_quick_test_looks_for():
    # RoleBook.learn skips a sentence holding none of _ROLE_WORDS: a role added without one would never bind
    from services.extractor.roles import _ROLE_WORDS, _ROLES

    assert all(any(word in role for word in _ROLE_WORDS) for role in _ROLES)


@pytest.mark.parametrize("text", ["could", "it could rain", "xcould", "could've", "_could", "2could", "écould", "percent",
                                  "per cent", "50percent", "won't", "ought to go", "noughts to"])
def test_word_alternatives_match_as_a_leading_word_boundary_does(text):
    fragments = ("could", "per cent", "percent", "won't", "ought to")
    fast = re.compile(_words(*fragments) + r"\b")
    plain = re.compile(r"\b(?:" + "|".join(fragments) + r")\b")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
