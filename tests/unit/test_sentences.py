from services.extractor.sentences import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "The U.S. Navy said Gen. Ada Brook landed on Jan. 3 in Oslo. Dr. Lee disagreed."
    assert _sentences(text) == [
        "The U.S. Navy said Gen. Ada Brook landed on Jan. 3 in Oslo.",
        "Dr. Lee disagreed.",
    ]


def test_decimals_and_thousands_stay_inside_a_sentence() -> None:
    text = "Turnout reached 64.2 percent. About 3,500 ballots were void."
    assert _sentences(text) == ["Turnout reached 64.2 percent.", "About 3,500 ballots were void."]


def test_quote_followed_by_attribution_is_one_sentence() -> None:
    text = '"We are not leaving," the mayor told reporters. "Is this fair?" she asked. Nobody replied.'
    assert _sentences(text) == [
        '"We are not leaving," the mayor told reporters.',
        '"Is this fair?" she asked.',
        "Nobody replied.",
    ]


def test_dateline_belongs_to_first_sentence() -> None:
    text = "OSLO (Fjord Wire) — The ferry sank on Sunday. All crew survived."
    assert _sentences(text) == ["OSLO (Fjord Wire) — The ferry sank on Sunday.", "All crew survived."]


def test_credit_only_dateline_is_glued_too() -> None:
    text = "(Fjord Wire) — The ferry sank on Sunday."
    assert _sentences(text) == [text]


def test_paragraphs_always_break_even_without_punctuation() -> None:
    text = "Rates were held at 4 percent\n\nThe bank meets again in May."
    assert _sentences(text) == ["Rates were held at 4 percent", "The bank meets again in May."]


def test_spans_are_exact_and_stripped() -> None:
    text = "  First one here.   Second one, with St. Louis in it.\n\n  Third!  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["First one here.", "Second one, with St. Louis in it.", "Third!"]
    for s, e in spans:
        assert text[s:e] == text[s:e].strip()
    assert spans == sorted(spans)


def test_unknown_honorific_is_rejoined() -> None:
    assert _sentences("The Rev. Mary Oduya led the march. It ended at noon.") == [
        "The Rev. Mary Oduya led the march.",
        "It ended at noon.",
    ]
