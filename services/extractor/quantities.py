"""Numbers with units, written as digits or words, parsed to a comparable (value, unit).

"$12.4 billion", "12.4bn dollars" and "12,400 million USD" all become (12.4e9, "usd"); "six and a
half percent" and "6.5%" both become (6.5, "percent"). Years and codes (CVB-204, 06:00) are not
quantities: dates are handled in dates.py, identifiers are not numbers anyone checks as amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shared.figures import figure_text

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "dozen": 12,
}
# Unit words (singular/plural, symbols) -> normalised unit.
_UNITS = {
    "percent": "percent", "per cent": "percent", "%": "percent", "percentage points": "pp", "percentage point": "pp",
    "basis points": "bp", "basis point": "bp", "bps": "bp", "bp": "bp",
    "dollars": "usd", "dollar": "usd", "usd": "usd", "$": "usd", "us$": "usd",
    "euros": "eur", "euro": "eur", "eur": "eur", "€": "eur",
    "pounds": "gbp", "pound": "gbp", "gbp": "gbp", "£": "gbp", "sterling": "gbp",
    "danish crowns": "dkk", "crowns": "crown", "kroner": "dkk", "dkk": "dkk",
    "yen": "jpy", "jpy": "jpy", "¥": "jpy", "yuan": "cny", "renminbi": "cny", "cny": "cny",
    "swiss francs": "chf", "swiss franc": "chf", "chf": "chf", "roubles": "rub", "rubles": "rub", "rouble": "rub",
    "ruble": "rub", "hryvnias": "uah", "hryvnia": "uah", "uah": "uah", "zlotys": "pln",
    "zloty": "pln", "zlotych": "pln", "pln": "pln", "shekels": "ils", "shekel": "ils",
    "hours": "hour", "hour": "hour", "days": "day", "day": "day", "weeks": "week", "week": "week",
    "months": "month", "month": "month", "years": "year", "year": "year", "minutes": "minute", "minute": "minute",
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "km": "km", "miles": "mile",
    "mile": "mile", "tonnes": "tonne", "tonne": "tonne", "tons": "tonne", "ton": "tonne", "teu": "teu", "teus": "teu",
    "twenty-foot equivalent units": "teu", "twenty-foot equivalent unit": "teu",
    "barrels": "barrel", "barrel": "barrel", "doses": "dose",
    "metres": "metre", "meters": "metre", "metre": "metre", "meter": "metre", "centimetres": "cm",
    "centimeters": "cm", "centimetre": "cm", "centimeter": "cm", "cm": "cm", "millimetres": "mm", "millimeters": "mm",
    "millimetre": "mm", "millimeter": "mm", "mm": "mm",
    "kilograms": "kg", "kilogrammes": "kg", "kilogram": "kg", "kilogramme": "kg", "kg": "kg",
    "km/h": "km/h", "kph": "km/h", "kmh": "km/h", "kilometres per hour": "km/h", "kilometers per hour": "km/h",
    "mph": "mph", "miles per hour": "mph",
    # "1.5 points" is the unit "half a point" is (not "percentage points", "basis points": longer, matched first)
    "points": "point", "point": "point", "pts": "point", "of a point": "point", "of a percentage point": "pp",
    "of a percent": "percent",
    "degrees celsius": "celsius", "degrees centigrade": "celsius", "degrees c": "celsius", "celsius": "celsius",
    "°c": "celsius", "ºc": "celsius", "degrees fahrenheit": "fahrenheit", "degrees f": "fahrenheit",
    "fahrenheit": "fahrenheit", "°f": "fahrenheit", "ºf": "fahrenheit", "c": "celsius", "f": "fahrenheit",
}
# Units of one measure written in another size, as the unit they are compared in: "5 km" is "5,000
# metres", "25 basis points" "0.25 percentage points", "300 millimetres" "30 centimetres", "2,000 kg" "2 tonnes", "5 miles" "8 km", "100 mph"
# "160 km/h" (the matcher reads a rounded conversion as the figure written to fewer digits).
# (Not the bare "m": a million as often.)
_IN_UNIT = {"bp": ("pp", 1e-2), "km": ("metre", 1e3), "cm": ("metre", 1e-2), "mm": ("metre", 1e-3), "kg": ("tonne", 1e-3),
            "mile": ("metre", 1609.344), "mph": ("km/h", 1.609344)}
# Distances in miles are kept to three significant figures once in metres: "90 miles" is "145 km" as
# outlets write it, so "150 km" is that rounded (an exact 144.84 km is not). Speeds stay exact: "100 mph"
# (160.93 km/h) is "160 km/h" rounded, and three figures would make it the whole 161, which no rounding
# of 160 is.
_CONVERTED_INEXACTLY = frozenset(("mile",))
_WORDNUM = "|".join(sorted(_SMALL, key=len, reverse=True))
_LARGE_SCALE = r"(?:thousand|million|billion|trillion)"
_SCALE = rf"(?:hundred|{_LARGE_SCALE}|dozen)"
_WORD_NUMBER = rf"(?:(?:{_WORDNUM})(?:-(?:{_WORDNUM}))?|an?(?=\s+{_SCALE}))(?:(?:\s+|-)(?:and\s+)?(?:(?:{_WORDNUM})(?:-(?:{_WORDNUM}))?|{_SCALE}|a\s+half))*"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "bp", "bps", "Bps", "BPS", not "BP": "20 BP stations" are the company's; "46C", "115F" upper case,
# against the figure ("Grade 5 C") and not before a dash ("5F-16")
_CASED_UNITS = frozenset(("bp", "bps", "c", "f"))
_UNIT_RE = "|".join([re.escape(u) for u in sorted(_UNITS, key=len, reverse=True) if u not in "$€£¥" and u not in _CASED_UNITS]
                    + ["(?-i:bps?|Bps|BPS)", r"(?<=\d)(?-i:[CF])(?!-)"])
_QUANTITY = re.compile(
    rf"(?<![\w.,:/-])(?P<cur>US\$|[$€£¥])?\s?(?P<num>{_DIGITS}|\b(?:{_WORD_NUMBER})\b)"
    rf"(?:\s?(?P<scale>bn|mn|mln|trn|tn|k|m|b)\b|\s+(?P<scaleword>{_SCALE})\b)?"
    rf"(?:(?P<pct>%)|[\s-]?(?P<unit>{_UNIT_RE})\b)?"
    rf"(?![\w:/]|[.,]\d)",
    re.IGNORECASE,
)
# A range's second figure carries the scale and unit of both: "$1.2-1.5 billion", "5-7%", "15-20 percent".
_RANGE_REST = re.compile(rf"\s?[-–]\s?(?:US\$|[$€£¥])?\d[\d,]*(?:\.\d+)?(?:\s?(?P<scale>bn|mn|mln|m|b)\b|"
                         rf"\s+(?P<scaleword>{_LARGE_SCALE})\b)?(?:(?P<pct>%)|\s(?P<unit>percent|per\s+cent)\b)?", re.IGNORECASE)
# "half a million", "a quarter of a million": a fraction of a scale is one figure.
_SCALE_AFTER_FRACTION = re.compile(rf"(?:\s+of)?\s+an?\s+(?P<s>hundred|{_LARGE_SCALE})\b", re.IGNORECASE)
# Fractions of a whole ("half of the volunteers", "nearly a third of their value").
_FRACTION = re.compile(r"\b(?:(?P<a>a|one|two|three)[\s-])?(?P<f>half|third|thirds|quarter|quarters)\b", re.IGNORECASE)
# A fraction word with no count is a share only before a unit ("by Quarter Point") or "of" ("quarter of
# the votes", not after an ordinal or a period word: _PERIOD_BEFORE), or "half".
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_TEMPERATURES = frozenset(("celsius", "fahrenheit"))
_TEMPERATURE_CONTEXT = re.compile(r"\b(?:temperatures?|degrees?|heat|heatwave|cold|warm|hot|hottest|coldest|"
                                  r"record|highs?|lows?|freez\w*|weather|thermometers?|mercury)\b", re.IGNORECASE)
_MINUS_BEFORE = re.compile(r"(?:\bminus\s+|[-−–]\s?)\d?$", re.IGNORECASE)
_PERIOD_BEFORE = re.compile(r"\b(?:first|second|third|fourth|final|last|fiscal|same|previous|next|current|"
                            r"latest|each|every|this|that)\s+$", re.IGNORECASE)
_PART_AFTER = re.compile(r"-(?:finals?|finalists?|time)\b", re.IGNORECASE)
_FRACTIONS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}
_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3}
# "one" with a unit after a word of how long or how much: "hold for one week", "lasted one day", "within
# one hour" (not "one day he will", "one hour later").
_ONE_AS_AMOUNT = re.compile(r"\b(?:for|last(?:s|ed|ing)?|within|after|over|about|nearly|only|just|than)\s+$",
                            re.IGNORECASE)
# A fraction of a unit is that share of it: "half an hour", "a quarter of an hour", "half a day", "half a
# percent"; "half a percentage point", and "a quarter point", "a half-point" of a rate, are percentage points; "half a
# point" of an index or a game is a point.
_RATE = re.compile(r"\b(?:rates?|yields?|interest|inflation|mortgages?|bonds?|percentage)\b", re.IGNORECASE)
_UNIT_AFTER_FRACTION = re.compile(r"(?:\s+of)?(?:\s+an?)?[\s-](?P<u>percentage\s+points?|points?|percent|per\s+cent|minutes?|hours?|days?|"
                                  r"weeks?|months?|years?|century|decade)\b", re.IGNORECASE)
# "a quarter century", "half a decade": years
_YEARS_IN = {"century": 100, "decade": 10}
# "an hour and a half", "a week and a half": one and a half of the unit, not the fraction a half.
_AND_A_HALF = re.compile(r"\b(?:an?|one)\s+(?P<unit>minute|hour|day|week|month|year)\s+and\s+a\s+half\b", re.IGNORECASE)
_YEARLIKE = re.compile(r"^(?:1[89]|20)\d\d$")


@dataclass(frozen=True, slots=True)
class QuantityMention:
    text: str
    value: float
    unit: str
    start: int
    end: int


def parse_word_number(words: str) -> float | None:
    """'six and a half' -> 6.5, 'three thousand' -> 3000, 'twenty-four' -> 24."""
    total, current = 0.0, 0.0
    seen = False
    last_scale = 0.0  # "a million and a half" is half of the million more, not a half more
    tokens = re.split(r"[\s-]+", words.lower())
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "and":
            pass
        elif tok in ("a", "an") and i + 1 < len(tokens) and tokens[i + 1] == "half":
            if current or not last_scale:
                current += 0.5
            else:
                total += 0.5 * last_scale
            i += 1
        elif tok in ("a", "an"):
            current += 1
        elif tok in _SMALL:
            current += _SMALL[tok]
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in _SCALES:
            total += (current or 1) * _SCALES[tok]
            current, last_scale = 0.0, _SCALES[tok]
            seen = True
        else:
            return None
        i += 1
    return total + current if seen else None


def find_quantities(sentence: str) -> list[QuantityMention]:
    out: list[QuantityMention] = []
    for m in _QUANTITY.finditer(sentence):
        num = m.group("num")
        cur, scale, scaleword, unit = m.group("cur"), m.group("scale"), m.group("scaleword"), m.group("unit")
        if num[0].isdigit():
            if _YEARLIKE.match(num) and not (cur or scale or scaleword or unit or m.group("pct")):
                continue  # a year, not an amount
            value = float(num.replace(",", ""))
        else:
            if num[0].isupper() and m.start() > 0 and sentence[m.start() - 1] not in "\"“‘'(":
                continue  # "Group of Seven": a capitalised number word mid-sentence is a name
            if num.lower() in ("a", "an", "one") and not (scale or scaleword) and not (
                    unit and sentence[m.end("num")] == "-") and not (
                    unit and num.lower() == "one" and _ONE_AS_AMOUNT.search(sentence, max(0, m.start() - 16), m.start())):
                continue  # "one of", "a day": too ambiguous to be an amount ("a one-day strike", "for one week" are)
            parsed = parse_word_number(num)
            if parsed is None:
                continue
            value = parsed
        if not (scale or scaleword or unit or m.group("pct")) and (rest := _RANGE_REST.match(sentence, m.end())):
            scale, scaleword = rest["scale"], rest["scaleword"]
            unit = "percent" if rest["pct"] or rest["unit"] else None
        if scale:
            # A bare "m"/"b" is only a magnitude next to a currency ("$5m"), not "5 m" of distance.
            if scale.lower() in ("m", "b") and not cur and not unit:
                scale = None
            else:
                value *= _SCALES[scale.lower()]
        if scaleword:
            value *= _SCALES[scaleword.lower()]
        unit_norm = ""
        if m.group("pct"):
            unit_norm = "percent"
        elif unit:
            unit_norm = _UNITS[unit.lower()]
        elif cur:
            unit_norm = _UNITS[cur.lower()]
        if cur and not unit_norm:
            unit_norm = _UNITS[cur.lower()]
        if unit_norm in _TEMPERATURES:
            if unit in ("C", "F") and not _TEMPERATURE_CONTEXT.search(sentence):
                continue  # "seat 32F", "apartment 12C": a letter after a number, no temperature
            if _MINUS_BEFORE.search(sentence, max(0, m.start() - 7), m.start() + 1):
                value = -value  # "minus 40F", "-5C"
            if unit_norm == "fahrenheit":  # compared in celsius, to a tenth as outlets convert it: 118F is 47.8C
                value, unit_norm = round((value - 32) * 5 / 9, 1), "celsius"
        if unit_norm in _IN_UNIT:
            inexact = unit_norm in _CONVERTED_INEXACTLY
            unit_norm, factor = _IN_UNIT[unit_norm]
            value = round(value * factor, 9)
            if inexact:
                value = float(f"{value:.3g}")
        text = m.group().strip()
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        out.append(QuantityMention(text, value, unit_norm, start, start + len(text)))
    for m in _AND_A_HALF.finditer(sentence):
        out = [q for q in out if not m.start() <= q.start < m.end()]
        out.append(QuantityMention(m.group(), 1.5, _UNITS[m.group("unit").lower()], m.start(), m.end()))
    for m in _FRACTION.finditer(sentence):
        if not m["a"] and m.start() and sentence[m.start() - 1] == "-":
            continue  # "second-half points", "first-quarter profit": a part of a game or a year
        # "the third quarter (of 2024)", "for the quarter": a period or an ordinal, not a share
        if not m["a"] and m["f"].lower() != "half" and not _UNIT_AFTER_FRACTION.match(sentence, m.end()) and (
                not _OF_AFTER.match(sentence, m.end()) or _PERIOD_BEFORE.search(sentence, max(0, m.start() - 16), m.start())):
            continue
        if _PART_AFTER.match(sentence, m.end()):
            continue  # "a quarter-final", "at half-time"
        # "two-thirds" is one fraction, not the count two; "six and a half percent" is already one quantity
        out = [q for q in out if not (q.start == m.start() and q.end < m.end())]
        if any(q.start <= m.start() < q.end for q in out):
            continue
        count = _COUNT[m.group("a").lower()] if m.group("a") else 1
        value, unit, end = count / _FRACTIONS[m.group("f").lower()], "fraction", m.end()
        if scale := _SCALE_AFTER_FRACTION.match(sentence, m.end()):
            # the scale's own quantity ("a million euros") gives way, its unit and end kept
            of_scale = [q for q in out if m.end() <= q.start < scale.end()]
            value, end = value * _SCALES[scale["s"].lower()], max([scale.end()] + [q.end for q in of_scale])
            unit = next((q.unit for q in of_scale if q.unit), "")
            out = [q for q in out if q not in of_scale]
        elif of_unit := _UNIT_AFTER_FRACTION.match(sentence, m.end()):
            word = of_unit["u"].lower()
            if word.startswith("percentage") or (word.startswith("point") and _RATE.search(sentence)):
                unit = "pp"
            elif word in _YEARS_IN:
                value, unit = value * _YEARS_IN[word], "year"
            else:
                unit = "point" if word.startswith("point") else "percent" if word.startswith("per") else _UNITS[word]
            end = of_unit.end()
        out.append(QuantityMention(sentence[m.start():end], round(value, 6), unit, m.start(), end))
    out.sort(key=lambda q: q.start)
    return out


def value_form(q: QuantityMention) -> str:
    """Canonical text for a quantity inside normalized_text, e.g. '12400000000 usd'."""
    v = figure_text(q.value)
    return f"{v} {q.unit}" if q.unit else v
