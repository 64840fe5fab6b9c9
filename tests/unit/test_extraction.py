import re
from datetime import datetime, timezone

import pytest

from services.extractor import hedges

from services.extractor.entities import canonicalize, find_entities
from services.extractor.extraction import CHECK_WORTHINESS_THRESHOLD, analyze_sentence, extract_claims
from services.extractor.quantities import find_quantities
from shared.pb import article_pb2, claim_pb2

# A Thursday.
PUB = datetime(2024, 11, 14, 16, 0, tzinfo=timezone.utc)


def _article(text: str, article_id: str = "art-1") -> article_pb2.Article:
    art = article_pb2.Article(id=article_id, source="example.test", byline="By A. Writer", text=text)
    art.published_at.FromDatetime(PUB)
    return art


# --- attribution -------------------------------------------------------------------------------

def test_indirect_attribution_strips_frame() -> None:
    c = analyze_sentence("Norway confirmed on Wednesday that fishing quotas had been cut.", PUB)
    assert c.speaker == "Norway"
    assert c.reporting_verb == "confirm"
    assert c.statement == "fishing quotas had been cut"


def test_direct_quote_with_told() -> None:
    c = analyze_sentence('"The bridge will reopen in March," Mayor Ines Kall told reporters.', PUB)
    assert c.reporting_verb == "tell"
    assert c.speaker == "Mayor Ines Kall"
    assert c.statement == "The bridge will reopen in March"


def test_quote_then_said_speaker() -> None:
    c = analyze_sentence('"We have enough fuel," said Tomas Brun.', PUB)
    assert (c.speaker, c.reporting_verb, c.statement) == ("Tomas Brun", "say", "We have enough fuel")


def test_according_to_trailing_and_leading() -> None:
    trail = analyze_sentence("Exports fell 4 percent, according to the statistics office.", PUB)
    assert (trail.speaker, trail.reporting_verb) == ("the statistics office", "accord")
    assert trail.statement == "Exports fell 4 percent"
    lead = analyze_sentence("According to the coastguard, two trawlers sank.", PUB)
    assert (lead.speaker, lead.reporting_verb, lead.statement) == ("the coastguard", "accord", "two trawlers sank")


def test_trailing_said_attribution() -> None:
    c = analyze_sentence("The dam held overnight, the regional governor said.", PUB)
    assert (c.speaker, c.reporting_verb, c.statement) == ("the regional governor", "say", "The dam held overnight")


def test_an_opening_adverbial_leaves_the_frame_after_it() -> None:
    # The speaker after "On Monday," is lower case, and "In a statement on Monday, police said X" is
    # no trailing frame: X is the statement.
    for text, speaker in (("On Monday, officials said the coast road would reopen.", "officials"),
                          ("On Monday, he said the coast road would reopen.", "he"),
                          ("Late on Tuesday, the ministry said the coast road would reopen.", "the ministry"),
                          ("In a statement on Monday, police said the coast road would reopen.", "police")):
        c = analyze_sentence(text, PUB)
        assert (c.speaker, c.statement) == (speaker, "the coast road would reopen"), text
    # A clause before the comma keeps its trailing frame, whatever its verb looks like.
    for text in ("In Brevik, 14 people died, police said.", "On Monday the bridge collapsed, police said.",
                 "On Monday the bridge fell, police said.", "Fighting continues in the east, police said.",
                 "Early voting starts on Monday, police said."):
        c = analyze_sentence(text, PUB)
        assert c.speaker == "police" and c.statement == text[:text.index(", police")], text
    # A short opening with a year is an adverbial too; a lower-case noun that does not speak is no speaker.
    c = analyze_sentence("In 2023, the company said it would cut 500 jobs.", PUB)
    assert (c.speaker, c.statement) == ("the company", "it would cut 500 jobs")
    assert analyze_sentence("In March, sales reported by retailers rose by 3 percent.", PUB).speaker == ""


def test_passive_attribution() -> None:
    c = analyze_sentence("The closure of the mine was confirmed by Halvik Mining.", PUB)
    assert c.speaker == "Halvik Mining"
    assert c.reporting_verb == "confirm"


def test_appositive_speaker_is_the_name() -> None:
    c = analyze_sentence("Lena Voss, head of the pilots' union, said flights would resume on Monday.", PUB)
    assert c.speaker == "Lena Voss"
    assert c.statement == "flights would resume on Monday"


def test_claimed_to_have_keeps_subject_in_statement() -> None:
    c = analyze_sentence("Rebel forces claimed to have seized the airport.", PUB)
    assert c.reporting_verb == "claim"
    assert c.statement == "Rebel forces have seized the airport"


@pytest.mark.parametrize("sentence", [
    "The Kestrel Brigade rejected the ceasefire proposal on Sunday.",
    "The harbour court rejected the appeal on Monday.",
    "The Kestrel Brigade claimed responsibility for the attack on the depot.",
    "The storm claimed the lives of 12 people in Halden.",
    "The Harrow Front claimed victory in the port town.",
])
def test_claiming_or_rejecting_an_act_is_no_reporting_frame(sentence) -> None:
    c = analyze_sentence(sentence, PUB)
    assert c.speaker == "" and c.statement == sentence.rstrip(".")


def test_claiming_that_is_still_a_frame() -> None:
    c = analyze_sentence("The Kestrel Brigade claimed that it had shot down the drone.", PUB)
    assert c.speaker == "The Kestrel Brigade" and c.statement == "it had shot down the drone"


@pytest.mark.parametrize(("sentence", "statement"), [
    ("The ministry rejected claims that the dam had failed.", "the dam had failed"),
    ("The ministry rejected the reports as false.", "the reports as false"),
])
def test_rejecting_what_was_said_is_still_a_frame(sentence, statement) -> None:
    c = analyze_sentence(sentence, PUB)
    assert c.speaker == "The ministry" and c.statement == statement and c.negated


def test_unattributed_sentence_is_its_own_statement() -> None:
    c = analyze_sentence("The ferry left Bergen at 9 a.m. with 212 passengers.", PUB)
    assert c.speaker == "" and c.reporting_verb == ""
    assert c.statement == "The ferry left Bergen at 9 a.m. with 212 passengers"


# --- entities -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("Zelenskyy", "zelensky"), ("Selenskyj", "zelensky"), ("Peskow", "peskov"), ("Sudscha", "sudzha"),
        ("Polish", "poland"), ("U.S.", "united states"), ("American", "united states"),
        ("United States", "united states"), ("President Emmanuel Macron", "macron"),
        ("L.A.", "los angeles"),
    ],
)
def test_entity_variants_fold(variant: str, canonical: str) -> None:
    assert canonicalize(variant)[0] == canonical


def test_a_city_of_several_words_is_a_place_not_a_person_named_after_its_last_word() -> None:
    found = {e.text: (e.canonical, e.kind) for e in analyze_sentence(
        "Flights from New York and St Petersburg were diverted to Cape Town, Donald Trump said.", PUB).entities}
    assert found["New York"] == ("new york", claim_pb2.ENTITY_KIND_PLACE)
    assert found["St Petersburg"] == ("saint petersburg", claim_pb2.ENTITY_KIND_PLACE)
    assert found["Cape Town"] == ("cape town", claim_pb2.ENTITY_KIND_PLACE)
    assert canonicalize("Saint Petersburg") == canonicalize("St. Petersburg") == found["St Petersburg"]
    assert canonicalize("Donald Trump") == ("trump", claim_pb2.ENTITY_KIND_PERSON)
    # an abbreviated city gets the tables' one spelling, so the matcher sees one place
    assert canonicalize("Washington D.C.") == canonicalize("Washington DC") == ("washington dc", claim_pb2.ENTITY_KIND_PLACE)
    # a name that is also a city speaks as a person, unless it opens as city names do
    speaking = {e.text: (e.canonical, e.kind) for e in analyze_sentence(
        "Juan Diaz said the storm destroyed 40 boats in Manila.", PUB).entities}
    assert speaking["Juan Diaz"] == ("diaz", claim_pb2.ENTITY_KIND_PERSON)
    suing = analyze_sentence("New York said it would sue the port operator.", PUB).entities
    assert [(e.canonical, e.kind) for e in suing] == [("new york", claim_pb2.ENTITY_KIND_PLACE)]


def test_entities_found_with_exact_spans_and_no_sentence_opener() -> None:
    text = "The Polish minister met Wolodymyr Selenskyj in Warsaw."
    c = analyze_sentence(text, PUB)
    by_canon = {e.canonical: e for e in c.entities}
    assert set(by_canon) == {"poland", "zelensky", "warsaw"}
    for e in c.entities:
        assert text[e.span.start : e.span.end] == e.text


def test_a_common_plural_opening_the_sentence_is_not_part_of_the_name_after_it() -> None:
    text = "Residents of Brevik were evacuated, and parts of the coast road were closed."
    c = analyze_sentence(text, PUB)
    assert [(e.text, e.canonical) for e in c.entities] == [("Brevik", "brevik")]
    assert text[c.entities[0].span.start:c.entities[0].span.end] == "Brevik"
    # An institution or association of that shape keeps its whole name.
    assert [e.canonical for e in analyze_sentence("Bank of England officials raised rates.", PUB).entities] == [
        "bank of england"]
    assert [e.text for e in analyze_sentence("Sons of Brevik, a local charity, raised 40,000 euros.", PUB).entities] == [
        "Sons of Brevik"]


def test_a_capital_speaking_for_its_government_folds_to_the_country_but_a_target_stays_a_city() -> None:
    speaking = analyze_sentence("Ottawa said it would send 40 firefighters.", PUB)
    acting = analyze_sentence("The Kremlin rejected the offer on Friday.", PUB)
    target = analyze_sentence("Drones struck Ottawa overnight, police said.", PUB)
    assert [e.canonical for e in speaking.entities] == ["canada"]
    assert [e.canonical for e in acting.entities] == ["russia"]
    assert "ottawa" in [e.canonical for e in target.entities] and "canada" not in [e.canonical for e in target.entities]


def test_a_number_word_opening_the_sentence_is_not_a_name() -> None:
    c = analyze_sentence("Three thousand nurses in Tarsk joined the strike on Monday.", PUB)
    assert [e.canonical for e in c.entities] == ["tarsk"]
    assert [q.value for q in c.quantities] == [3000]


def test_normalized_text_folds_variants_and_numbers() -> None:
    a = analyze_sentence("Peskow said the U.S. offered three thousand tonnes of grain.", PUB)
    b = analyze_sentence("Peskov said the US offered 3,000 tonnes of grain.", PUB)
    assert a.normalized_text == b.normalized_text
    assert "united states" in a.normalized_text and "3000 tonne" in a.normalized_text


# --- quantities -----------------------------------------------------------------------------------

def _q(text: str) -> tuple[float, str]:
    (q,) = find_quantities(text)
    return q.value, q.unit


def test_money_forms_are_equivalent() -> None:
    assert _q("a deal worth $12.4 billion") == _q("a deal worth 12.4bn dollars") == (12.4e9, "usd")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("up 71.4 percent", (71.4, "percent")),
        ("up 71.4%", (71.4, "percent")),
        ("a rise of six and a half percent", (6.5, "percent")),
        ("some 3,000 troops", (3000.0, "")),
        ("some three thousand troops", (3000.0, "")),
        ("talks lasted eight hours", (8.0, "hour")),
        ("a 30-day truce", (30.0, "day")),
        ("a cost of €35 million", (35e6, "eur")),
        # a fraction of a scale, and a scale and a half, are one figure (with the scale's unit)
        ("a quarter of a million households", (250_000.0, "")),
        ("three quarters of a million euros in fines", (750_000.0, "eur")),
        ("half a million pounds", (500_000.0, "gbp")),
        ("a million and a half visitors", (1_500_000.0, "")),
        ("two and a half million visitors", (2_500_000.0, "")),
        # a fraction of a century or a decade is years
        ("jailed for a quarter century", (25.0, "year")),
        ("after half a decade of talks", (5.0, "year")),
        # a container port's unit, spelled out or in the plural
        ("the terminal handled 3.1 million twenty-foot equivalent units last year", (3_100_000.0, "teu")),
        ("it moved 650,000 TEUs in the first quarter", (650_000.0, "teu")),
        # currencies of other countries than the three most written
        ("fined ¥800,000", (800_000.0, "jpy")),
        ("a profit of 1.2 trillion yen", (1.2e12, "jpy")),
        ("a fine of 50,000 Swiss francs", (50_000.0, "chf")),
        ("a loan of 3.5 billion yuan", (3.5e9, "cny")),
        ("set aside 10 billion roubles", (10e9, "rub")),
        ("paid 2 billion hryvnias for grain", (2e9, "uah")),
        ("pledged 500 million zlotys", (500e6, "pln")),
    ],
)
def test_quantity_parsing(text: str, expected: tuple[float, str]) -> None:
    assert _q(text) == expected


def test_years_and_codes_are_not_quantities() -> None:
    assert find_quantities("The CVB-204 trial began in 2019 at 06:00.") == []


# --- dates ----------------------------------------------------------------------------------------

def test_dates_resolve_against_publication_time() -> None:
    c = analyze_sentence("The strike began on Monday, a day after talks failed on 10 November.", PUB)
    resolved = {d.text: d.resolved for d in c.dates}
    assert resolved == {"Monday": "2024-11-11", "10 November": "2024-11-10"}


@pytest.mark.parametrize("text, minutes, zone", [
    ("at 06:00 on Monday", 360, ""),
    ("at 6 a.m. on Monday", 360, ""),
    ("shortly after 9pm local time", 1260, "LOCAL TIME"),
    ("by 6.30pm", 1110, ""),
    ("at 12 a.m.", 0, ""),
    ("at noon", 720, ""),
    ("by 1830 GMT on Tuesday", 1110, "GMT"),
    ("at 14:00 (CET)", 840, "CET"),
])
def test_times_of_day_read_to_minutes_with_their_zone(text: str, minutes: int, zone: str) -> None:
    c = analyze_sentence(f"The dockworkers walked off the job {text}.", PUB)
    assert [(t.minutes, t.zone) for t in c.times] == [(minutes, zone)]
    # a time is neither a count ("6 a.m." is not six of anything) nor a year ("1830 GMT")
    assert list(c.quantities) == [] and all(not d.resolved.startswith("1830") for d in c.dates)
    start, end = c.times[0].span.start, c.times[0].span.end
    assert c.text[start:end] == c.times[0].text


@pytest.mark.parametrize("text", ["The final score was 2:1.", "Version 3.30 shipped in 2024.",
                                  "The road is 6 m wide.", "The vote was 6-4 at 9.30.",
                                  "The pastor quoted John 3:16 at the funeral.", "Dilute the cleaner 1:10 with water.",
                                  "Kiel won 23:21 against Flensburg.", "She finished the marathon in 2:49:10."])
def test_scores_versions_and_bare_decimals_are_not_times(text: str) -> None:
    assert list(analyze_sentence(text, PUB).times) == []


def test_times_of_claims_in_an_article_carry_article_offsets() -> None:
    text = "Talks failed late on Sunday. Some 4,000 dockworkers walked off the job at 06:00 on Monday."
    [claim] = [c for c in extract_claims(_article(text), threshold=0.0) if c.times]
    assert text[claim.times[0].span.start:claim.times[0].span.end] == "06:00"


def test_relative_and_future_dates() -> None:
    c = analyze_sentence("Officials said yesterday that talks will resume on Saturday.", PUB)
    resolved = {d.text: d.resolved for d in c.dates}
    assert resolved == {"yesterday": "2024-11-13", "Saturday": "2024-11-16"}
    last = analyze_sentence("The plant closed last Friday.", PUB)
    assert last.dates[0].resolved == "2024-11-08"


# --- negation -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Moscow has not agreed to the plan.",
        "The ministry denied that troops had crossed the border.",
        "The firm no longer sells the drug in Canada.",
        "The minister refused to confirm the figure.",
    ],
)
def test_negation_detected(text: str) -> None:
    assert analyze_sentence(text, PUB).negated


def test_plain_statement_not_negated() -> None:
    assert not analyze_sentence("Moscow agreed to the plan on Tuesday.", PUB).negated


# --- hedges ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "hedged"), [
    ("The harbour master may resign on Friday.", True),
    ("Officials said the fire could have been started deliberately.", True),
    ("Inspectors are investigating whether the fire at the depot was arson.", True),
    ("It is unclear whether the harbour master will resign.", True),
    ("Did the harbour master resign?", True),
    # asserted: a month, what was heard, a plain statement in a hedging frame's absence
    ("The harbour master resigned in May.", False),
    ("Rescuers could hear voices under the rubble of the depot.", False),
    ("The new crane could lift 80 tonnes, the port said.", False),
    ("Officials said the harbour master resigned on Friday.", False),
    ("Officials said the toll could rise to 40.", True),
    ("Port officials could not independently confirm the figure.", True),
    # a right, a capacity, an avoidable crash, a noun, a softened superlative
    ("Under the agreement, the truce may be extended by both sides.", False),
    ("The crash could have been avoided, investigators said.", False),
    ("The dockers fought with all their might to keep the depot open.", False),
    ("It was perhaps the largest protest the port has seen, with 20,000 marchers.", False),
    ("Thousands of dockers marched through the port on May Day.", False),
])
def test_a_statement_that_only_says_it_may_be_so_is_hedged(text, hedged):
    assert analyze_sentence(text, PUB).hedged is hedged


@pytest.mark.parametrize("text", [
    "The harbour master may resign.", "The toll could rise to 40.", "It could have been arson.",
    "Nobody knows whether it held.", "It is unclear.", "Officials could not independently confirm it.",
    "Police have not ruled out arson.", "Maybe it sank.", "It was possibly the cause.",
    "Unverified reports said it sank.", "Minister Might Quit Over Row", "Did it sink?",
    "The ministry neither confirmed nor denied it.", "The possibility that it sank remains.",
])
def test_the_hedges_first_search_lets_through_every_text_a_hedge_pattern_reads(text):
    # hedged() returns early when _ANY_CUE finds no cue word: a pattern it reads must not be left out
    patterns = [p for name, p in vars(hedges).items() if isinstance(p, re.Pattern) and name != "_ANY_CUE"]
    assert any(p.search(text) for p in patterns), text  # the sample exercises some pattern
    assert hedges._ANY_CUE.search(text), text


# --- check-worthiness -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "The stakes are incredibly high for everyone involved.",
        "Will the board really change course?",
        "The region must do better.",
        "The coming weeks could prove decisive.",
        "Along the river, the old mills stood silent under a grey sky.",
        "Yet the hardest part is still to come.",
        "It was a morning nobody in Varnes will ever forget.",
        "Locals say the valley will never be the same.",
        "Many voters wonder whether the council is listening.",
    ],
)
def test_opinion_and_rhetoric_score_below_threshold(text: str) -> None:
    assert analyze_sentence(text, PUB).check_worthiness < CHECK_WORTHINESS_THRESHOLD


@pytest.mark.parametrize(
    "text",
    [
        "The Port of Tarsk handled 9.8 million containers last year.",
        "Finance Minister Ola Berg said the deficit could reach 3 percent.",
        "Protesters blocked the main road into Kaunas on Friday.",
        "Residents said the river rose two metres overnight.",
    ],
)
def test_checkable_sentences_score_above_threshold(text: str) -> None:
    assert analyze_sentence(text, PUB).check_worthiness >= CHECK_WORTHINESS_THRESHOLD


# --- article level --------------------------------------------------------------------------------

def test_extract_claims_drops_opinion_and_sets_exact_spans() -> None:
    text = (
        "TARSK (Fjord Wire) — Dock workers at Tarsk walked out on Monday, the union said.\n\n"
        "The mood on the quay is grim. Some 2,400 members joined the strike.\n\n"
        "How long can it last?"
    )
    claims = extract_claims(_article(text))
    assert [c.id for c in claims] == ["art-1#0", "art-1#1"]
    assert [text[c.span.start : c.span.end] for c in claims] == [c.text for c in claims]
    assert claims[0].text.startswith("TARSK (Fjord Wire) —")
    assert claims[1].text == "Some 2,400 members joined the strike."
    for c in claims:
        assert (c.article_id, c.source, c.byline) == ("art-1", "example.test", "By A. Writer")
        assert c.published_at.ToDatetime(tzinfo=timezone.utc) == PUB
        for group in (c.entities, c.quantities, c.dates):
            for item in group:
                assert text[item.span.start : item.span.end] == item.text
    assert claims[0].speaker == "the union" and claims[0].dates[0].resolved == "2024-11-11"


def test_pronoun_speaker_resolved_to_previous_named_speaker() -> None:
    text = "Ilse Brandt said 38 ships were delayed. She said 45,000 containers were stranded."
    claims = extract_claims(_article(text))
    assert [c.speaker for c in claims] == ["Ilse Brandt", "Ilse Brandt"]


def test_extract_claims_is_deterministic_and_threshold_applies() -> None:
    text = "Exports rose 3 percent in May. The outlook is incredibly uncertain."
    first = extract_claims(_article(text))
    assert first == extract_claims(_article(text))
    assert len(extract_claims(_article(text), threshold=0.0)) == 2
    assert len(extract_claims(_article(text), threshold=1.01)) == 0


def test_plan_as_a_noun_does_not_send_a_weekday_forward() -> None:
    c = analyze_sentence("Kyiv agreed to the plan at Tuesday's meeting with the mediators.", PUB)
    assert c.dates[0].resolved == "2024-11-12"
    ahead = analyze_sentence("The agency plans to publish the audit on Tuesday.", PUB)
    assert ahead.dates[0].resolved == "2024-11-19"


def test_reported_future_with_would_points_forward() -> None:
    c = analyze_sentence("The union said members would not return to work before Friday.", PUB)
    assert c.dates[0].resolved == "2024-11-15"


def test_a_claimed_infinitive_after_an_opening_adverbial_is_the_statement() -> None:
    c = analyze_sentence("In the harbour district, Kestrel Brigade fighters claimed on Sunday to have seized the "
                         "customs office.", PUB)
    assert c.statement == "Kestrel Brigade fighters have seized the customs office"
    assert c.speaker == "Kestrel Brigade fighters" and c.reporting_verb == "claim"
    trailing = analyze_sentence("The customs office has fallen, the rebels claimed on Sunday.", PUB)
    assert trailing.statement == "The customs office has fallen" and trailing.speaker == "the rebels"


def test_a_two_word_name_ending_in_a_place_or_company_word_is_not_a_surname() -> None:
    # "Indian Ocean" is not a Mr Ocean, nor "Norvell Semiconductors" a Ms Semiconductors: the matcher
    # compares canonical forms, and "ocean" alone would meet every other ocean.
    assert canonicalize("Indian Ocean") == ("indian ocean", claim_pb2.ENTITY_KIND_PLACE)
    assert canonicalize("Calder Falls") == ("calder falls", claim_pb2.ENTITY_KIND_PLACE)
    assert canonicalize("Norvell Semiconductors") == ("norvell semiconductors", claim_pb2.ENTITY_KIND_ORGANIZATION)
    assert canonicalize("Donald Trump")[0] == "trump"


def test_a_bodys_word_before_a_place_word_is_a_place_and_a_longer_name_stays_a_body() -> None:
    # "Union Square" is no union; "Fox News Channel" is no channel, and no person called Channel when it speaks
    assert canonicalize("Union Square") == ("union square", claim_pb2.ENTITY_KIND_PLACE)
    assert canonicalize("Parliament Square") == ("parliament square", claim_pb2.ENTITY_KIND_PLACE)
    for body in ("Fox News Channel", "University of the Virgin Islands", "Army General Staff", "Union General Hospital"):
        assert canonicalize(body)[1] == claim_pb2.ENTITY_KIND_ORGANIZATION, body
    c = analyze_sentence("Fox News Channel reported that 12 people died in the flood.", PUB)
    assert [(e.canonical, e.kind) for e in c.entities][0] == ("fox news channel", claim_pb2.ENTITY_KIND_ORGANIZATION)


def test_a_regnal_number_or_generational_suffix_is_not_the_surname() -> None:
    assert canonicalize("King Haakon VII")[0] == "haakon"
    assert canonicalize("Pope Francis I")[0] == "francis" and canonicalize("Martin Luther King, Jr.")[0] == "king"
    assert canonicalize("Phase II")[0] != canonicalize("Phase III")[0]  # no title: a number of its own
    assert canonicalize("Arne Dahl Jr.")[0] == "dahl"
    assert canonicalize("Arne Dahl")[0] == "dahl"
    assert canonicalize("World War II")[0] != canonicalize("World War I")[0]  # no title, three words: kept


def test_a_title_case_headline_keeps_every_word_of_its_capitalised_runs() -> None:
    # In "Arvid Lund Dead At 71" the capitals tell no name: cutting the run to a surname made the
    # statement "dead at 71", with the man's name gone from what the matcher compares.
    headline = analyze_sentence("Arvid Lund Dead At 71, Family Says Tributes Pour In", PUB)
    assert {"arvid", "lund", "dead"} <= set(headline.normalized_text.split())
    # The name's canonical form is the one any sentence gives it: "Trump" meets "Donald Trump".
    named = analyze_sentence("Donald Trump to Visit Ostvik Harbour in March", PUB)
    assert "trump" in {e.canonical for e in named.entities} and "donald" in named.normalized_text.split()
    # A sentence dense with names is no headline: its person names still fold to the surname.
    sentence = analyze_sentence("Volodymyr Zelensky met Donald Trump in Washington on Friday.", PUB)
    assert {"zelensky", "trump"} <= {e.canonical for e in sentence.entities}


def test_one_of_a_unit_hyphenated_and_a_unit_and_a_half_are_quantities() -> None:
    def parsed(text):
        return [(q.value, q.unit) for q in find_quantities(text)]

    assert parsed("The dockers held a one-day strike") == [(1.0, "day")]
    assert parsed("The talks lasted an hour and a half") == [(1.5, "hour")]  # not the fraction a half
    assert parsed("The ferry was back a week and a half later") == [(1.5, "week")]
    assert parsed("The silence lasted a minute and a half") == [(1.5, "minute")]
    assert parsed("One of the ferries sails twice a day") == []  # still no amounts
    assert parsed("The truce would hold for one week") == [(1.0, "week")]  # one after a word of how long
    assert parsed("One day the ferry will sail again") == []


def test_what_a_web_page_says_about_itself_is_not_a_claim() -> None:
    notices = ["Sorry, we are not currently accepting comments on this article.",
               "Reuters contributed to this report.",
               "Click here to sign up for our daily newsletter.",
               "This story has been updated with a statement from the ministry.",
               "This article originally appeared at the North Harbour Gazette.",
               "Please check back for further updates."]
    news = "The council approved 12 new homes on Tuesday, the mayor said."
    article = article_pb2.Article(id="a", source="s.example", text=" ".join(notices[:2] + [news] + notices[2:]))
    assert [c.text for c in extract_claims(article)] == [news]
    # a report's or a story's publication is news
    for news_line in ("This report was published in the Lancet on Thursday.",
                      "This story first appeared on a satirical website in 2017."):
        assert len(extract_claims(article_pb2.Article(id="c", source="s.example", text=news_line))) == 1, news_line
    # "subscribe to" a view or a standard is not the page's
    kept = extract_claims(article_pb2.Article(
        id="b", source="s.example", text="The senator said she would subscribe to the 2015 accord on Monday."))
    assert len(kept) == 1


@pytest.mark.parametrize("sentence, normalized, negated", [
    ("The mayor hasn't resigned.", "the mayor has not resigned", True),
    ("The mayor hasn’t resigned.", "the mayor has not resigned", True),  # typographic apostrophe
    ("The council won’t meet on Friday.", "the council will not meet on friday", True),
    ("Ferries can't sail.", "ferries can not sail", True),
    ("They're sure the ferries'll sail and we've seen it.", "they are sure the ferries will sail and we have seen it", False),
    ("The mayor’s office reopened.", "the mayor office reopened", False),
])
def test_contractions_are_spelled_out_and_read_as_negations(sentence, normalized, negated):
    claim = analyze_sentence(sentence)
    assert claim.normalized_text == normalized and claim.negated == negated


def test_a_dotted_acronym_is_the_acronym_and_a_name_ending_the_sentence_is_still_folded():
    dotted, plain = analyze_sentence("The E.U. fined the F.T.C. contractor."), analyze_sentence("The EU fined the FTC contractor.")
    assert dotted.normalized_text == plain.normalized_text == "the european union fined the ftc contractor"
    # the statement's closing period is also the abbreviation's
    ending = analyze_sentence("Nobody was held longer on death row than Okafor in the U.S.")
    assert ending.normalized_text.endswith("in the united states"), ending.normalized_text


@pytest.mark.parametrize("sentence, names", [
    ("I'm sure the ferry will sail, Okafor said.", ["okafor"]),
    ("We’re going to win the vote in Ohio.", ["ohio"]),
    ("Don't blame Brussels for the delay.", ["brussels"]),
    ("O'Neill resigned on Monday.", ["o'neill"]),
])
def test_a_contraction_opening_a_sentence_is_no_name(sentence, names):
    assert [e.canonical for e in analyze_sentence(sentence).entities] == names


def test_a_time_written_with_dotted_capitals_is_no_name():
    claim = analyze_sentence("The fire broke out at 10 P.M. on Friday.")
    assert [e.canonical for e in claim.entities] == [] and "pm" not in claim.normalized_text.split()


def test_a_name_with_a_typographic_apostrophe_is_the_same_name():
    assert analyze_sentence("O’Neill resigned.").entities[0].canonical == analyze_sentence("O'Neill resigned.").entities[0].canonical


@pytest.mark.parametrize("sentence", [
    "The ministry approved the plan, which critics say will raise prices.",
    "The company cut 500 jobs, which analysts said was expected.",
    "The mayor, who officials said was ill, resigned on Monday.",
    "The mayor, whose aides said he was ill, resigned on Monday.",
    "The report that officials said was leaked showed 40 deaths.",
    "The man who police said was armed was arrested on Monday.",
    "The ship that Houthi forces said they hit was Greek.",
    "The plan that critics say will raise prices was approved.",
    "Strikes hit the town, where health officials said 40 people were killed.",
    "The woman who claimed to have won twice was lying.",
    "The woman who reported that she won twice was lying.",
    "Where officials said the bridge failed, crews worked overnight.",
    # "claims", "reports" as nouns: "The" was the speaker
    "The claims were backed up by the bishop himself.",
    "The reports follow growing defections from other groups.",
])
def test_a_reporting_verb_in_a_relative_clause_frames_no_sentence(sentence):
    claim = analyze_sentence(sentence)
    assert (claim.speaker, claim.reporting_verb) == ("", "") and claim.statement == sentence.rstrip(".")
    # the sentence's own frame is still read
    framed = analyze_sentence(sentence.rstrip(".") + ", the minister said.")
    assert framed.speaker == "the minister" and framed.statement == sentence.rstrip(".")


@pytest.mark.parametrize("name, canonical", [
    ("Kim Jong Un", "kim jong un"), ("Kim Jong-un", "kim jong un"), ("Kim Yo Jong", "kim yo jong"),
    ("Moon Jae-in", "moon jae in"), ("Xi Jinping", "xi jinping"), ("Chen Shui-bian", "chen shui bian"),
    # Western names that open with such a word keep their surname
    ("Kim Kardashian", "kardashian"), ("Lee Harvey Oswald", "oswald"), ("Lee Ann Rimes", "rimes"), ("Lin Wood", "wood"),
    ("Andrew Yang", "yang"),
    # after a title too ("Premier Li Qiang" was Mr Qiang)
    ("Premier Li Qiang", "li qiang"), ("Vice President Kamala Harris", "harris"),
    ("Former Vice President Mike Pence", "pence"),
])
def test_an_east_asian_name_written_family_name_first_is_known_by_the_whole_name(name, canonical):
    # "Kim Jong Un" was the United Nations: its last word "Un" folded as the acronym
    assert canonicalize(name) == (canonical, claim_pb2.ENTITY_KIND_PERSON)


@pytest.mark.parametrize("name, canonical", [
    ("North Korea", "north korea"), ("South Korea", "south korea"), ("Czech Republic", "czechia"),
    ("Dominican Republic", "dominican republic"), ("Sri Lanka", "sri lanka"), ("New Zealand", "new zealand"),
    ("North Carolina", "north carolina"), ("West Virginia", "west virginia"),
    # demonyms of such countries
    ("South Korean", "south korea"), ("North Korean", "north korea"), ("Sri Lankan", "sri lanka"),
])
def test_a_country_or_state_of_several_words_is_no_person_named_by_its_last_word(name, canonical):
    # "North Korea" and "South Korea" were one person, "korea"; "Czech Republic" one named "republic"
    folded, kind = canonicalize(name)
    assert folded == canonical and kind != claim_pb2.ENTITY_KIND_PERSON


@pytest.mark.parametrize("sentences, canonical", [
    # a surname with its particles, whole or as the sentence writes it again
    (("Ursula von der Leyen visited Brevik.", "Von der Leyen said the talks would go on.",
      "The talks would go on, said von der Leyen."), "von der leyen"),
    (("Vincent van Gogh painted the Brevik harbour.", "The painting by van Gogh sold for $3 million."), "van gogh"),
    (("Marine Le Pen lost the vote in Brevik.", "Le Pen lost the vote in Brevik."), "le pen"),
    (("Habis Abdullah al Saoub remains at large.", "Police are still looking for Habis al Saoub."), "al saoub"),
])
def test_a_surname_with_particles_is_one_name_however_it_is_written(sentences, canonical):
    # "Ursula von der Leyen" was two names, "ursula" and "leyen"
    for sentence in sentences:
        found = [e.canonical for e in find_entities(sentence)]
        assert canonical in found, (sentence, found)


def test_particles_join_the_names_of_places_and_bodies_too():
    found = {e.text: e.canonical for e in find_entities("The Tour de France left Rio de Janeiro for the Place de la Concorde.")}
    assert found == {"Tour de France": "tour de france", "Rio de Janeiro": "rio de janeiro",
                     "Place de la Concorde": "place de la concorde"}
    # "al Qaeda" is also written "al-Qaeda": no particle opens a body's name
    assert [e.canonical for e in find_entities("He joined al Qaeda in 2001.")] == ["qaeda"]


@pytest.mark.parametrize("demonym, country", [("Turkish", "Turkey"), ("Jordanian", "Jordan"), ("Chadian", "Chad")])
def test_the_demonym_of_a_country_named_like_something_else_is_the_country(demonym, country):
    assert canonicalize(demonym)[0] == canonicalize(country)[0]


def test_names_that_only_end_like_a_country_keep_their_reading():
    assert canonicalize("Mark Cuban") == ("cuban", claim_pb2.ENTITY_KIND_PERSON)
    assert canonicalize("Ethiopian Airlines")[1] == claim_pb2.ENTITY_KIND_ORGANIZATION
    assert canonicalize("Helena Marsh") == ("marsh", claim_pb2.ENTITY_KIND_PERSON)


@pytest.mark.parametrize("sentence, speaker, statement", [
    ("The outbreak has killed 300 people, WHO said.", "WHO", "The outbreak has killed 300 people"),
    ("The outbreak has killed 300 people, WHO officials said.", "WHO officials", "The outbreak has killed 300 people"),
    ("The minister, who visited Kyiv on Monday — her first trip — told reporters the grain deal was dead.",
     "The minister", "the grain deal was dead"),
    ("Smith, who was arrested on Monday, said the ferry sank.", "Smith", "the ferry sank"),
    # a thousands separator is no clause boundary
    ("The company, which employs 5,000 people, said it would cut 500 jobs.", "The company", "it would cut 500 jobs"),
    ("The union, whose members voted to strike last week, said talks had failed.", "The union", "talks had failed"),
    # without a comma the pronoun may be the clause's subject: then the phrase is the speaker
    ("People who know him said he was kind.", "People who know him", "he was kind"),
    ("Experts that the BBC spoke to said the plan was flawed.", "Experts that the BBC spoke to", "the plan was flawed"),
    # ... or the clause has a verb of its own before the reporting verb
    ("Parents whose children attend the school said the building was unsafe.",
     "Parents whose children attend the school", "the building was unsafe"),
    ("The company that Musk bought said it would cut jobs.", "The company that Musk bought", "it would cut jobs"),
    ("A lawyer for the man who police shot said he was unarmed.", "A lawyer for the man who police shot", "he was unarmed"),
    # a passive reporting verb inside the clause leaves the main verb its frame
    ("The airline, which is said to be near collapse, announced 2,000 job cuts.", "The airline", "2,000 job cuts"),
    ("Jones, who was reported missing on Friday, told police she had been kidnapped.", "Jones", "she had been kidnapped"),
    # an opening subordinate clause is no speaker
    ("When she saw the damage, she said the house was lost.", "she", "the house was lost"),
    # a present-tense frame closing the sentence
    ("The port will stay closed until Monday, the agency reports.", "the agency", "The port will stay closed until Monday"),
    ("The port will stay closed until Monday, as the agency reports.", "the agency", "The port will stay closed until Monday"),
    # a noun in -ly is no adverb to trim from the speaker ("The family said" had no speaker)
    ("The family said the boy was safe.", "The family", "the boy was safe"),
    ("A US ally said the talks failed.", "A US ally", "the talks failed"),
    ("Kelly said the port was closed.", "Kelly", "the port was closed"),
    # a frame closing the sentence after a verb the trailing pattern does not know
    ("The trio were not considered a threat, a Guard spokesman had said.", "a Guard spokesman",
     "The trio were not considered a threat"),
])
def test_a_relative_clause_of_its_own_leaves_the_sentence_frame_alone(sentence, speaker, statement):
    claim = analyze_sentence(sentence)
    assert (claim.speaker, claim.statement) == (speaker, statement)


@pytest.mark.parametrize("sentence", [
    "The ferry operator, the region's largest, is said to be close to collapse.",
    "Last month, it was reported that the port had closed.",
    "The two officers, who were said to be looking for work, were on a visit to Paris.",
])
def test_a_passive_reporting_verb_names_no_speaker(sentence):
    # the words before "is said" were taken for the speaker and the infinitive for the statement
    claim = analyze_sentence(sentence)
    assert (claim.speaker, claim.reporting_verb) == ("", "") and claim.statement == sentence.rstrip(".")


def test_a_title_between_a_nationality_and_a_name_leaves_the_person_alone():
    claim = analyze_sentence("Chinese Premier Li Qiang said the economy grew 5 percent.")
    assert [(e.canonical, e.kind) for e in claim.entities] == [
        ("china", claim_pb2.ENTITY_KIND_PLACE), ("li qiang", claim_pb2.ENTITY_KIND_PERSON)]


@pytest.mark.parametrize("typed, plain", [
    ("Didn‘t the minister say the port would close?", "Didn't the minister say the port would close?"),
    ("Wasn‘t Smith in Paris?", "Wasn't Smith in Paris?"),
    ("Smith‘s plan failed.", "Smith's plan failed."),
    ("Russia‘s Kursk region was hit.", "Russia's Kursk region was hit."),
])
def test_a_left_quote_typed_as_an_apostrophe_reads_as_one(typed, plain):
    # "Didn‘t" was the name "Didn" and "Smith‘s" a name of its own
    a, b = analyze_sentence(typed), analyze_sentence(plain)
    assert [e.canonical for e in a.entities] == [e.canonical for e in b.entities]
    assert (a.normalized_text, a.negated) == (b.normalized_text, b.negated)


@pytest.mark.parametrize("sentence, names", [
    # a title of a place is the name, not the place
    ("The Mayor of Kyiv said the city had no power.", ["mayor of kyiv"]),
    ("The Emir of Qatar said the talks would resume.", ["emir of qatar"]),
    ("Prince William County closed its schools.", ["prince william county"]),
    # a title that is a name on its own stays one
    ("Prince said the contract was legal.", ["prince"]),
    ("Vice reported that the deal failed.", ["vice"]),
    # a place before a title is its own entity, as a nationality is
    ("Kyiv Mayor Vitali Klitschko said the city had no power.", ["kyiv", "klichko"]),
    # ... as is what else a title is of, before a full name
    ("Tesla Chief Executive Elon Musk said the car was ready.", ["tesla", "musk"]),
    ("Ontario Premier Doug Ford said schools would close.", ["ontario", "ford"]),
    # a title word inside a name is no title, an office before a title is part of it
    ("The Islamic State of Iraq claimed the attack.", ["islamic state of iraq"]),
    ("Police Chief John Ortiz said the road was closed.", ["ortiz"]),
    # a name of several words before the title: its own entity, the person by surname
    ("Federal Reserve Chairman Jerome Powell said rates would hold.", ["reserve", "powell"]),
    ("House Speaker Mike Johnson said the vote failed.", ["house", "johnson"]),
    ("Bank of England Governor Andrew Bailey said rates would hold.", ["bank of england", "bailey"]),
    ("Pentagon Press Secretary John Kirby said no.", ["pentagon", "kirby"]),
    ("District Attorney Alvin Bragg said charges were filed.", ["bragg"]),
])
def test_titles_and_the_names_they_precede(sentence, names):
    assert [e.canonical for e in analyze_sentence(sentence).entities] == names


@pytest.mark.parametrize("sentence", ["Temperatures in Ostvik reached 48C on Sunday.",
                                      "Temperatures in Ostvik reached 118 degrees Fahrenheit on Sunday."])
def test_a_temperature_scale_is_a_unit_not_a_name(sentence):
    c = analyze_sentence(sentence)
    assert [e.canonical for e in c.entities] == ["temperatures", "ostvik"]
    assert [q.unit for q in c.quantities] == ["celsius"]


@pytest.mark.parametrize(("sentence", "names"), [
    # a demonym alone names its country, read from the country's name or, when irregular, from the table
    ("Ethiopian troops entered the town.", ["ethiopia"]),
    ("Iraqi officials closed the border.", ["iraq"]),
    ("Sudanese forces shelled the market.", ["sudan"]),
    ("Mexican police arrested two men.", ["mexico"]),
    ("Norwegian investors sold the stake.", ["norway"]),
    # not a surname, a longer name, or a word that only looks like one ("Korean" is of two countries)
    ("Mark Cuban bought the team.", ["cuban"]),
    ("Ethiopian Airlines cancelled the flight.", ["ethiopian airlines"]),
    ("Korean carmakers raised prices.", ["korean"]),
    # a surname or a brand that ends as a demonym in -i does ("Sudani", "Bulgari")
    ("Sudani will visit Washington next week.", ["sudani", "washington"]),
    ("Bulgari opened its largest store in Dubai.", ["bulgari", "dubai"]),
])
def test_demonyms_name_their_country(sentence, names):
    assert [e.canonical for e in analyze_sentence(sentence).entities] == names



@pytest.mark.parametrize("sentence, speaker, statement", [
    # the one told is no part of the statement: a common noun phrase up to the statement's first word
    ("She told the radio station she had the surgery.", "She", "she had the surgery"),
    ("The envoy told the council 790 people were killed last month.", "The envoy", "790 people were killed last month"),
    ("The passenger told the gate agent \"You should not say that.\"", "The passenger", "You should not say that"),
    ("An official told the Times of India two guests were arrested.", "An official", "two guests were arrested"),
    # told whom, closing the sentence: the statement is the quote before it (it was "CNN", "News")
    ("\"They were no longer there,\" Rice, a former ambassador, told CNN.", "a former ambassador", "They were no longer there"),
    ("“It sounded unbelievable,” the boy’s father, Jason Steward, told the Daily News.", "Jason Steward",
     "It sounded unbelievable"),
])
def test_the_one_told_is_not_the_statement(sentence, speaker, statement):
    claim = analyze_sentence(sentence)
    assert (claim.speaker, claim.reporting_verb, claim.statement) == (speaker, "tell", statement)



@pytest.mark.parametrize("sentence, speaker, statement", [
    # a frame between commas inside the statement: both sides are the statement
    ("The port, officials said, will reopen on Monday.", "officials", "The port will reopen on Monday"),
    ("The death toll, he said on Tuesday, had risen to 40.", "he", "The death toll had risen to 40"),
    # ... unless a clause of its own follows it
    ("The ship sank, the coastguard said, adding that 12 people were rescued.", "the coastguard", "The ship sank"),
    ("Leaders met in secret, a source told the Guardian, although no deal was confirmed.", "a source",
     "Leaders met in secret"),
    ("The company will announce the move on Monday, the Journal said in a report on its website.", "the Journal",
     "The company will announce the move on Monday"),
    ("The boy has been in trouble before, his father said — once for a fight.", "his father",
     "The boy has been in trouble before"),
    # an opening "As X notes," or "As reported by X,"
    ("As the Journal notes, the move would be surprising.", "the Journal", "the move would be surprising"),
    ("As reported by Quartz, the gesture is a result of training.", "Quartz", "the gesture is a result of training"),
    # a conjunction or an age is no part of the speaker
    ("But he said the port would reopen.", "he", "the port would reopen"),
    ("Smith, 45, said the ferry sank.", "Smith", "the ferry sank"),
    ("Prince Naif, recently appointed heir to the throne, has said the committee is supported.", "Prince Naif",
     "the committee is supported"),
    ("He's said the port would reopen.", "He", "the port would reopen"),
    ("Earlier this week, the prime minister confirmed plans are underway to retake the city.", "the prime minister",
     "plans are underway to retake the city"),
    ("Three soldiers were killed in the attack, the ministry said, without giving further details.", "the ministry",
     "Three soldiers were killed in the attack"),
    ("The flights were cancelled, the airline said, because of the storm.", "the airline",
     "The flights were cancelled because of the storm"),
    ("The port, officials told Reuters on Monday, will reopen.", "officials", "The port will reopen"),
    ("To stress the point, Simon said, “You are shaking your head.”", "Simon", "You are shaking your head"),
    # a frame closing the sentence
    ("The port will reopen next week, the minister told a press conference in the capital.", "the minister",
     "The port will reopen next week"),
    ("The port will reopen next week, the official said speaking on condition of anonymity.", "the official",
     "The port will reopen next week"),
    ("The port will reopen, Smith wrote a day later.", "Smith", "The port will reopen"),
    ("The organs of victims are being sold, the ambassador to the United Nations said Tuesday.",
     "the ambassador to the United Nations", "The organs of victims are being sold"),
    ("He said he was leaving, the official told reporters.", "the official", "He said he was leaving"),
    ("“It sounded unbelievable,” Mr. Steward said, insisting his son meant no harm.", "Mr. Steward",
     "It sounded unbelievable"),
    ("‘Someone told reception a man was hurt,’ a hospital spokesman said.", "a hospital spokesman",
     "Someone told reception a man was hurt"),
    # openings that are no speaker
    ("Last week, the central bank said in a statement it would keep rates unchanged.", "the central bank",
     "it would keep rates unchanged"),
    ("On Monday, the company said, however, that it would appeal the ruling.", "the company", "it would appeal the ruling"),
    # where it was said, then a colon, is frame too
    ("The ministry said in a statement: the plant will close in March.", "The ministry", "the plant will close in March"),
    ("The union wrote in a post on X on Monday: “We will strike.”", "The union", "We will strike"),
    ("The mayor wrote on Facebook: the bridge will reopen in May.", "The mayor", "the bridge will reopen in May"),
    # a sentence adverb before the subject and its apposition
    ("Nonetheless, Ali Hassan, a spokesman for the group, wrote that the leader had been injured.", "Ali Hassan",
     "the leader had been injured"),
    ("Meanwhile, Jane Roe, an analyst at a think tank, said she was not surprised.", "Jane Roe", "she was not surprised"),
    ("Instead, he said that the crab had been pasted on to a satellite image.", "he",
     "the crab had been pasted on to a satellite image"),
    ("Moreover, the regulator said the merger would be blocked.", "the regulator", "the merger would be blocked"),
    # ... with no comma after it: only the adverb goes
    ("Yet Iran, which denies the charge, said the talks had failed.", "Iran", "the talks had failed"),
    ("Yet the company, which employs 500 people, said it would appeal.", "the company", "it would appeal"),
    ("But Jane Roe, an analyst at a think tank, told the paper that prices would rise.", "Jane Roe",
     "prices would rise"),
    # after a time, the subject before its apposition speaks too; after a participle, a name may be its object's
    ("On Monday, Col. John Doe, a military spokesman, said the soldiers had been vetted.", "Col. John Doe",
     "the soldiers had been vetted"),
    ("Speaking to the daily, Ajel, the firm's manager, Omar Said, said rules would be enforced.", "Omar Said",
     "rules would be enforced"),
    ("Reuters reported from Kyiv that air raid sirens sounded across the city.", "Reuters",
     "air raid sirens sounded across the city"),
    ("A man accused of murder told the court he was innocent.", "A man accused of murder", "he was innocent"),
    ("Over 200 scientists said the report understated the risks.", "Over 200 scientists", "the report understated the risks"),
    ("Several officials, including Rep. Jane Doe, R-Fla., have said they were working to free him.", "Several officials",
     "they were working to free him"),
    ("A Kurdish journalist, Rashad Qader, on his Twitter account stated that she is alive.", "Rashad Qader", "she is alive"),
    ("Bowman, who also gave an interview told CNN that she was thrilled.", "Bowman", "she was thrilled"),
    ("And five-year-old Alex has told his parents that his classmate will not play with him.", "five-year-old Alex",
     "his classmate will not play with him"),
    ("Steward’s father, though, just says it was harmless fun.", "Steward’s father", "it was harmless fun"),
    ("The fund is run by a former spy, as he admitted on television.", "he", "The fund is run by a former spy"),
    ("Papa John’s says it has been pulling advertising.", "Papa John’s", "it has been pulling advertising"),
    ("The port was closed, he then said.", "he", "The port was closed"),
    ("It said that the group had threatened a captive.", "It", "the group had threatened a captive"),
    # the verb before its subject, closing the sentence
    ("Prices rose sharply in March, said Smith.", "Smith", "Prices rose sharply in March"),
    ("Prices rose,   said Smith.", "Smith", "Prices rose"),
    # ... not when the words before it have a subject
    ("Smith, a spokesman for the company, said the firm plans to appeal.", "Smith", "the firm plans to appeal"),
    ("Jones, 52, said the town needs a new school.", "Jones", "the town needs a new school"),
    # what opens a statement before a closing frame is no time phrase unless it is only one
    ("This is a disaster, he said.", "he", "This is a disaster"),
    ("Last year sales fell, the company said.", "the company", "Last year sales fell"),
    ("Later flights were canceled, the airline acknowledged.", "the airline", "Later flights were canceled"),
    ("Rates will rise, the bank said two weeks ago.", "the bank", "Rates will rise"),
    ("The port will reopen, police said again on Friday.", "police", "The port will reopen"),
    ("The law is unconstitutional, the lawyer argued before the court.", "the lawyer", "The law is unconstitutional"),
    # a company named with 's
    ("Moody's warned that the debt was at risk.", "Moody's", "the debt was at risk"),
    ("The port reopened, said the United Nations.", "the United Nations", "The port reopened"),
    ("The device will have a sapphire screen, notes Phone Arena.", "Phone Arena", "The device will have a sapphire screen"),
    ("The worst is true: the implant, the site reports, is a prosthetic.", "the site",
     "The worst is true: the implant is a prosthetic"),
    ("'It would shame the government,' the official said, of selling the body.", "the official",
     "It would shame the government"),
    ("Cardinal Smith, who has been charged with fraud, once said that the church was poor.", "Cardinal Smith",
     "the church was poor"),
])
def test_frames_inside_and_around_the_statement(sentence, speaker, statement):
    claim = analyze_sentence(sentence)
    assert (claim.speaker, claim.statement) == (speaker, statement)


@pytest.mark.parametrize("sentence", [
    # a verb form after an article or a possessive is a noun; a negated one reports nothing
    "The author's claims were rejected by the court.",
    "He didn't say the port would reopen.",
    "I never told anyone about the deal.",
    # writing about something states nothing
    "Smith, 31, wrote about the war in Syria for Time magazine.",
    # a clause running into the verb is no speaker
    "The bridge was in ruins and Hutson says he was sure it would fall.",
    "You don't say.",
    "It's said that the port will reopen.",
    "It is a hard thing to say but it is true.",
    "The couple wrote a letter to the president asking for the honor.",
    "If recent reports are to be believed, the watch ships in April.",
    "The economy grew by 2% last year, even as the opposition party in parliament said growth was weak.",
    "The dam, which environmental groups say will destroy the river, was approved on Monday.",
    "As defector Cho explained,",
    # inside a quote not yet closed
    "'I said sorry to my wife and I apologize to all of you.'",
    "Botswana condemned the president's alleged remarks.",
    # ... or a preposition: "alleged" is an adjective there
    "Police questioned the mayor of Nantes over alleged bribery on Tuesday.",
    "It was a disaster, so I’d say not all of them are fine.",
])
def test_no_speaker(sentence):
    claim = analyze_sentence(sentence)
    assert (claim.speaker, claim.statement) == ("", sentence.strip(".,'"))


@pytest.mark.parametrize("framed, unframed", [
    ("President Joe Biden, officials said, will visit Kyiv.", "President Joe Biden will visit Kyiv."),
    # the seat of government acting is its country, the frame between them or not
    ("Moscow, the Kremlin said, is ready to talk.", "Moscow is ready to talk."),
])
def test_a_frame_cut_from_the_statement_leaves_its_names_folded(framed, unframed):
    # the statement's two sides are normalised as one statement: the name folds as it would unframed
    assert analyze_sentence(framed).normalized_text == analyze_sentence(unframed).normalized_text



@pytest.mark.parametrize("text", ["The port,\n\n\nsaid, will reopen.", ", said X.", ",", "   ", "a, said.", "\"", "said"])
def test_odd_text_reads_without_error(text):
    claim = analyze_sentence(text)  # blanks where a speaker would be raised IndexError
    assert claim.text == text



@pytest.mark.parametrize("sentence", ["Microsoft declined to comment.", "The principal declined to comment on the matter."])
def test_a_refusal_to_comment_is_the_whole_statement(sentence):
    # the statement was empty, or "the matter"
    claim = analyze_sentence(sentence)
    assert (claim.reporting_verb, claim.statement, claim.negated) == ("comment", sentence.rstrip("."), True)
    assert claim.speaker in sentence



@pytest.mark.parametrize(("headline", "names"), [
    # a capitalised preposition or auxiliary ends a run: the words after it name something else
    ("Rebel Commander Killed In Drone Strike Near Border",
     ["Rebel Commander", "Drone Strike", "Border"]),
    ("Harlan Voss Is Stepping Down As Mayor", ["Harlan Voss", "Stepping Down"]),  # a title alone names nobody
    ("Talks With Marovia Have Stalled", ["Talks", "Marovia"]),  # a participle after an auxiliary is the verb
    ("Ivo Brand Was Named Tarsk Coach", ["Ivo Brand", "Tarsk Coach"]),
    ("Kyiv Mayor Says Tarsk Attack Failed", ["Kyiv", "Tarsk Attack"]),  # a title alone names no one
    # prose capitalises them only in names and titles of works
    ("The cast of Made In Chelsea visited Tarsk.", ["Made In Chelsea", "Tarsk"]),
    ("Stand Up To Cancer raised money in Brevik.", ["Stand Up To Cancer", "Brevik"]),
    # the words that names keep in title case too
    ("Doctors Without Borders Opens Clinic", ["Doctors Without Borders Opens Clinic"]),
    ("Bank Of Tarsk Raises Rates", ["Bank Of Tarsk", "Rates"]),
    # nor do they keep the present tense of a headline's verb, inside the run or closing it
    ("Kim Jong Un Oversees Missile Launch From Pyongyang", ["Kim Jong Un", "Missile Launch", "Pyongyang"]),
    ("Singer Mara Quell Dies", ["Singer Mara Quell"]),
    # "And" joins two names in a headline ("Bank Of England" keeps its "Of")
    ("Polish And German Leaders Meet In Warsaw", ["Polish", "German Leaders", "Warsaw"]),
])
def test_a_title_case_run_ends_at_a_capitalised_preposition_or_auxiliary(headline, names):
    assert [e.text for e in analyze_sentence(headline).entities] == names


def test_a_common_participle_closing_a_run_is_a_headline_verb_not_a_surname():
    canon = {e.text: e.canonical for e in analyze_sentence("Militia Leader Omar Zadran Beheaded").entities}
    assert canon.get("Leader Omar Zadran") == "zadran", canon
    # names that end in -ed stay whole: no common word before the -ed, or rare as words
    for name in ("Rock Legend Lou Reed", "Foreign Minister Hamid Saeed", "Chairman Ali Ahmed", "Prime Minister Omar Sayed"):
        assert [e.text for e in analyze_sentence(f"{name} spoke in Brevik on Monday.").entities][0] == name
        assert [e.text for e in analyze_sentence(f"{name} Is Back In Brevik").entities][0] == name
    # in prose a capitalised participle is a name's ("Actor Brian Blessed", "West Ham United")
    assert [e.text for e in analyze_sentence("Actor Brian Blessed visited Brevik.").entities][0] == "Actor Brian Blessed"
    assert [e.text for e in analyze_sentence("Boxer Ivo Creed Is Back In Brevik").entities][0] == "Boxer Ivo Creed"


def test_a_short_alias_is_read_only_in_capitals():
    # "Un" of a Korean name is no UN; "UN", "US", "G7" as written are
    assert canonicalize("Kim Jong Un", whole_name=True)[0] == "kim jong un"
    assert "united nations" not in analyze_sentence("Kim Jong Un Is Seen In Public").normalized_text
    assert canonicalize("UN")[0] == "united nations" and canonicalize("US")[0] == "united states"
    assert canonicalize("G7")[0] == "group of seven"


def test_a_title_case_headline_is_not_split_at_a_title():
    # every word is capitalised there: a run is no sure name (Emergent train clustering fell 0.750 -> 0.745)
    entities = analyze_sentence("Federal Reserve Chairman Jerome Powell Says Rates Will Hold").entities
    assert entities[0].text == "Federal Reserve Chairman Jerome Powell"


@pytest.mark.parametrize(("sentence", "speaker", "statement"), [
    # verbs that frame a quotation or a "that" clause
    ('"The deal is dead," Berg conceded.', "Berg", "The deal is dead"),
    ("Berg promised that taxes would not rise.", "Berg", "taxes would not rise"),
    ("The minister vowed on Monday that the plant would stay open.", "The minister", "the plant would stay open"),
    # ... and take objects of their own otherwise: nothing is reported
    ("Germany pledged 40 tanks to Ukraine.", "", "Germany pledged 40 tanks to Ukraine"),
    ("Germany pledged that amount to Ukraine last year.", "", "Germany pledged that amount to Ukraine last year"),
    ("Viral tweets that showed flooding in Miami were fake.", "", "Viral tweets that showed flooding in Miami were fake"),
    # the verb before a body written in lower case
    ("Two people died in the crash, said police.", "police", "Two people died in the crash"),
    ("The road will reopen on Friday, said local officials.", "local officials", "The road will reopen on Friday"),
    # an abbreviated title after a quotation is part of the name
    ('"The deal is dead," said Dr. Lena Ferris, the chief negotiator.', "Dr. Lena Ferris", "The deal is dead"),
    ('"We will hold," said Maj. Gen. Piet Laar.', "Maj. Gen. Piet Laar", "We will hold"),
    # the plural present, after the statement or before "that"
    ("The ferry will resume on Monday, officials say.", "officials", "The ferry will resume on Monday"),
    ("Grain prices will double, traders warn.", "traders", "Grain prices will double"),
    ("The water is unsafe, residents claim.", "residents", "The water is unsafe"),
    ("The ferry will resume on Monday, say harbour officials.", "harbour officials", "The ferry will resume on Monday"),
    ("Analysts warn that grain prices will double.", "Analysts", "grain prices will double"),
    ("Unions insist that the strike will go on.", "Unions", "the strike will go on"),
    # ... which otherwise takes an object, or is a noun
    ("We add twelve stores every year.", "", "We add twelve stores every year"),
    ("The police report found the driver asleep.", "", "The police report found the driver asleep"),
    ("The grant comes from local councils, charities and the state.", "",
     "The grant comes from local councils, charities and the state"),
    ("Inspectors read the fire log, the flood survey and the police report.", "",
     "Inspectors read the fire log, the flood survey and the police report"),
    ("To Stop The Leak, Voss Ordered Raid On Tarsk Paper -- report", "",
     "To Stop The Leak, Voss Ordered Raid On Tarsk Paper -- report"),
    # the verbs that need "that" before their statement close it without
    ("The Tarsk side lost 3-0, its fans admit.", "its fans", "The Tarsk side lost 3-0"),
    ("Rents in Brevik have doubled since 2019, tenants write.", "tenants", "Rents in Brevik have doubled since 2019"),
    # listeners and speakers named by a plural noun
    ("Teachers tell parents the Brevik school will reopen on Monday.", "Teachers",
     "the Brevik school will reopen on Monday"),
    ("The vote in Lundmoor was rigged, say opposition leaders.", "opposition leaders", "The vote in Lundmoor was rigged"),
])
def test_more_frames_read_their_speaker(sentence: str, speaker: str, statement: str) -> None:
    c = analyze_sentence(sentence, PUB)
    assert (c.speaker, c.statement) == (speaker, statement)


@pytest.mark.parametrize(("sentence", "speaker", "statement"), [
    # the speaker after the statement, with an apposition
    ("The ferry will not sail before Friday, said Oskar Lind, the harbour master.", "Oskar Lind",
     "The ferry will not sail before Friday"),
    ("Wheat prices have doubled, said Ruth Amsel, an analyst at Corbel Capital.", "Ruth Amsel", "Wheat prices have doubled"),
    ("The barge carried 12 crew, said the owner, Norsk Lekter.", "the owner", "The barge carried 12 crew"),
    ("Wheat prices have doubled, said Ruth Amsel of the Institute for Grain Studies.", "Ruth Amsel",
     "Wheat prices have doubled"),
    ("Two men were arrested, said police in Brevik.", "police", "Two men were arrested"),
    ("Output will be halved, Tamsin Reed, a spokeswoman for the mill, said.", "Tamsin Reed", "Output will be halved"),
    ("Fares will rise in May, the mayor, a former judge, said on Monday.", "the mayor", "Fares will rise in May"),
    # ... not a leading frame with an apposition
    ("Jonas Berg, a spokesman for the port, said the quay would reopen.", "Jonas Berg", "the quay would reopen"),
    # "according to" inside the statement: both sides joined (a joined clause too: it may hold a negation) ...
    ("The raid, according to witnesses, lasted an hour.", "witnesses", "The raid lasted an hour"),
    ("The ferry docked in Oslo, according to the operator, and no one was hurt.", "the operator",
     "The ferry docked in Oslo and no one was hurt"),
    # ... or the first side, before an apposition or a participle
    ("Sales fell 3 percent, according to the company, the first drop in a decade.", "the company", "Sales fell 3 percent"),
    ("The handset ships in May, according to a supplier, citing factory orders.", "a supplier", "The handset ships in May"),
    # ... and nothing when either side has a frame of its own, a relative clause or a list follows, or the
    # phrase means "in line with"
    ("The paper reported that, according to his lawyer, the actor was in Rome.", "The paper",
     "according to his lawyer, the actor was in Rome"),
    ("The raid, according to witnesses, lasted an hour, police said.", "police",
     "The raid, according to witnesses, lasted an hour"),
    ("The ship, according to the coastguard, the owner and the insurer, sank in minutes.", "",
     "The ship, according to the coastguard, the owner and the insurer, sank in minutes"),
    ("The fire, according to the brigade, which arrived within minutes, was started deliberately.", "",
     "The fire, according to the brigade, which arrived within minutes, was started deliberately"),
    ("The funds were shared, according to the rules, among 12 regions.", "",
     "The funds were shared, according to the rules, among 12 regions"),
    # a frame inside the statement: lower-case bodies that speak, where it was written
    ("The dam, engineers warned, could fail within days.", "engineers", "The dam could fail within days"),
    ("Sales, the company said in its annual report, fell 4 percent.", "the company", "Sales fell 4 percent"),
    # listeners after "told"
    ("Erik Sand told investors the fleet would grow.", "Erik Sand", "the fleet would grow"),
    ("The mayor told reporters in New York the deal was done.", "The mayor", "the deal was done"),
])
def test_frames_around_an_apposition_or_inside_the_statement(sentence: str, speaker: str, statement: str) -> None:
    c = analyze_sentence(sentence, PUB)
    assert (c.speaker, c.statement) == (speaker, statement)


@pytest.mark.parametrize(("sentence", "negated"), [
    ("Nobody was hurt when the roof fell in, said police.", True),
    ("No one has claimed the attack, officials said.", True),
    ("Everybody was evacuated before the roof fell in, said police.", False),
    ("Nobody but the pilot survived the crash.", False),
    ("The farmer, a nobody in local politics, won the mayoral race.", False),
])
def test_nobody_negates_the_claim(sentence: str, negated: bool) -> None:
    assert analyze_sentence(sentence, PUB).negated is negated


def test_a_company_named_by_its_trade_is_an_organisation_not_a_surname() -> None:
    # "Norvik Energy" and "Halden Energy" were both Mr or Ms "energy": two companies' share moves one fact
    assert canonicalize("Norvik Energy") == ("norvik energy", claim_pb2.ENTITY_KIND_ORGANIZATION)
    assert canonicalize("Amnesty International")[0] == "amnesty international"
    assert canonicalize("European Union")[0] == canonicalize("EU")[0] == "european union"
    assert canonicalize("Energy Minister Anna Berg") == ("berg", claim_pb2.ENTITY_KIND_PERSON)
    texts = {analyze_sentence(f"Shares in {name} fell 5 percent on Monday.", PUB).normalized_text
             for name in ("Norvik Energy", "Halden Energy")}
    assert len(texts) == 2, texts


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("Two-thirds of the staff were laid off.", 0.666667, "fraction"),  # was the count 2
    ("Three-quarters of voters backed the plan.", 0.75, "fraction"),
    ("Two dozen homes were flooded.", 24.0, ""),  # was 2
    ("A dozen people were hurt.", 12.0, ""),
    ("Half a million people fled the city.", 500_000.0, ""),  # was 0.5 and 1,000,000
    ("The deal is worth $1.2-1.5 billion.", 1.2e9, "usd"),  # a range's second figure gives the scale
    ("Prices rose 5-7% last year.", 5.0, "percent"),
])
def test_fractions_dozens_and_ranges_are_one_figure(sentence: str, value: float, unit: str) -> None:
    found = find_quantities(sentence)
    assert [(q.value, q.unit) for q in found] == [(value, unit)], found


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("Gusts reached 50 mph.", 50 * 1.609344, "km/h"),
    ("The convoy drove 10 miles north.", 16_100, "metre"),  # 16,093 m to three figures, as outlets convert it
])
def test_miles_are_compared_in_metric_units(sentence: str, value: float, unit: str) -> None:
    assert [(round(q.value, 6), q.unit) for q in find_quantities(sentence)] == [(round(value, 6), unit)]


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("The bank raised rates by 25 basis points.", 0.25, "pp"),
    ("The bank raised rates by 25bp.", 0.25, "pp"),
    ("The bank cut rates by 50 bps.", 0.5, "pp"),
    ("The bank raised rates by 0.5 percentage point.", 0.5, "pp"),
    ("The bank raised rates by a quarter point.", 0.25, "pp"),
    ("The bank raised rates by a quarter-point.", 0.25, "pp"),
    ("The bank cut rates by half a percentage point.", 0.5, "pp"),
    ("The talks lasted half an hour.", 0.5, "hour"),
    ("The queue moved a quarter of an hour later.", 0.25, "hour"),
    ("The port was shut for half a day.", 0.5, "day"),
    ("The index fell half a percent.", 0.5, "percent"),
    ("Half of the volunteers left.", 0.5, "fraction"),  # a share of a whole, not of a unit
    ("The first half of the year was calm.", 0.5, "fraction"),
    ("The group sold 20 BP stations.", 20.0, ""),  # the company, not basis points
    ("The runners finished a 5km race.", 5000.0, "metre"),
    ("Fed Raises Rates By 25 Bps", 0.25, "pp"),
    ("The Dow lost half a point on Monday.", 0.5, "point"),  # an index's point, not a rate's
    ("The forward scored 20 second-half points.", 20.0, ""),  # a half of the game, no fraction
    ("The home side won by 1.5 points.", 1.5, "point"),  # the unit of "half a point"
    ("The index dipped 0.08 of a point.", 0.08, "point"),
    ("Norvia Raises Rates by Quarter Point", 0.25, "pp"),  # a headline's fraction of a unit, no "a"
    ("Temperatures in Ostvik reached 41.2C on Sunday.", 41.2, "celsius"),
    ("Temperatures in Ostvik reached 41.2 degrees Celsius.", 41.2, "celsius"),
    ("Temperatures in Ostvik reached 41.2 °C.", 41.2, "celsius"),
    ("Temperatures in Ostvik reached 106F.", 41.1, "celsius"),  # compared in celsius, to a tenth
    ("Temperatures in Ostvik reached 118 degrees Fahrenheit.", 47.8, "celsius"),
    ("Temperatures in Ostvik fell to minus 40F on Monday.", -40.0, "celsius"),  # the sign before converting
    ("Temperatures in Ostvik fell to minus 12C on Monday.", -12.0, "celsius"),
    # a capital letter apart from the figure, or before a dash, is no temperature
    ("The air force received 5 F-16 jets.", 5.0, ""),
    ("Grade 5 C pupils sat the test.", 5.0, ""),
])
def test_basis_points_and_fractions_of_a_unit_are_figures_in_the_unit(sentence: str, value: float, unit: str) -> None:
    assert [(round(q.value, 6), q.unit) for q in find_quantities(sentence)] == [(value, unit)]


def test_a_letter_after_a_number_is_no_temperature_without_one_in_the_sentence() -> None:
    assert all(q.unit != "celsius" for q in find_quantities("She sat in seat 32F on the Ostvik ferry."))
    assert [q.unit for q in find_quantities("The temperature in Ostvik hit 32F.")] == ["celsius"]


@pytest.mark.parametrize("sentence", [
    "Vantora's profit rose in the third quarter.",
    "Vantora's revenue for the quarter came in ahead of forecasts.",
    "Vantora's profit fell in the first quarter of the year.",
    "Halden reached the quarter-final on Sunday.",
    "Halden led at half-time.",
])
def test_a_period_or_a_round_is_no_fraction(sentence: str) -> None:
    assert [q for q in find_quantities(sentence) if q.unit == "fraction"] == []


def test_dozens_of_is_no_figure() -> None:
    assert find_quantities("Dozens of people were hurt in the crush.") == []


@pytest.mark.parametrize(("one", "other"), [
    ("The ash cloud rose 5 km above the volcano.", "The ash cloud rose 5,000 metres above the volcano."),
    ("Thirty centimetres of snow fell overnight.", "300 millimetres of snow fell overnight."),
    ("The truck carried 2 tonnes of flour.", "The truck carried 2,000 kg of flour."),
    ("Police found a 9mm pistol in the car.", "Police found a 9-millimetre pistol in the car."),
    ("She won the 5km race.", "She won the 5-kilometre race."),
    ("Gusts reached 120 km/h on the coast.", "Gusts reached 120 kilometres per hour on the coast."),
    ("Gusts reached 50 mph on the coast.", "Gusts reached 50 miles per hour on the coast."),
    ("The queue stretched for 3 miles.", "The queue stretched for three miles."),
])
def test_one_measure_in_two_sizes_is_one_figure(one: str, other: str) -> None:
    a, b = find_quantities(one), find_quantities(other)
    assert [(q.value, q.unit) for q in a] == [(q.value, q.unit) for q in b], (a, b)


def test_a_weekday_after_a_reporting_verb_and_its_listener_is_when_it_was_said() -> None:
    # "told reporters on Monday that the plant would close": Monday past, whatever "would" says
    for frame in ("told reporters on Monday", "said in a statement on Monday", "told the council on Monday"):
        c = analyze_sentence(f"Berg {frame} that the plant would close.", PUB)
        assert [d.resolved for d in c.dates] == ["2024-11-11"], (frame, c.dates)
    assert [d.resolved for d in analyze_sentence("The talks will resume on Monday.", PUB).dates] == ["2024-11-18"]


def test_what_people_deserve_and_what_will_not_go_away_are_the_outlets_view():
    for opinion in ("The people of Brevik deserve straight answers.",
                    "Questions about safety at the Tarsk plant will not go away easily."):
        assert analyze_sentence(opinion).check_worthiness < CHECK_WORTHINESS_THRESHOLD, opinion
    # a speaker's view is a checkable report of what was said
    said = analyze_sentence("Tomas Varro said the families of Brevik deserved answers.")
    assert said.check_worthiness >= CHECK_WORTHINESS_THRESHOLD


def test_a_ruling_on_what_someone_deserved_is_a_claim():
    for said in ("The court ruled that Tomas Varro deserved a retrial.",
                 "Voters in Brevik will decide on March 3 whether Mara Quell deserves a second term."):
        assert analyze_sentence(said).check_worthiness >= CHECK_WORTHINESS_THRESHOLD, said
