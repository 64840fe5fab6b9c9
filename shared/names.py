"""Words that come before a person's name without being part of it ("President", "Sir", "Foreign
Minister"): the extractor reads them to find where a name starts, the matcher to compare two
people by their names alone ("Senator Joe Manchin" / "Senator Kyrsten Sinema" share no name). And
bodies that never stand for a country, as the matcher tells two actors apart."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

TITLES = frozenset(
    "president,prime,minister,chancellor,secretary,spokesman,spokeswoman,spokesperson,mr,mrs,ms,"
    "dr,sir,dame,gen,general,sen,senator,rep,gov,governor,king,queen,pope,judge,chief,envoy,"
    "foreign,defence,defense,adviser,advisor,ambassador,commander,taoiseach,state,deputy,premier,vice,mayor,speaker,"
    "prince,princess,sheikh,emir,sultan,supreme,leader,attorney,chairman,chairwoman,professor,prof,former".split(",")
)
# Titles that are parts of names as often ("Burger King", "Islamic State", "General Motors").
NAME_TITLES = frozenset("state supreme king queen prince princess pope general".split())
PERSON_TITLES = TITLES - NAME_TITLES

# Bodies no country's name stands for, nor they for one: unions of countries and their agencies, and
# armed groups that govern no country ("the EU imposed sanctions" / "Britain imposed ...", "Hamas
# accepted the proposal" / "Israel accepted ..." are two facts, where "the White House" / "the United
# States" is one actor). Names as the matcher holds a body's words: lower case, as written.
NOT_A_COUNTRY = frozenset((
    "eu", "european union", "european commission", "nato", "un", "united nations", "who", "world health organization",
    "imf", "international monetary fund", "world bank", "opec", "g7", "g20", "african union", "asean", "wto",
    "iaea", "icc", "interpol", "unicef", "unhcr", "red cross", "icrc", "ecb", "european central bank",
    "hamas", "hezbollah", "houthis", "islamic state", "isis", "al-qaeda", "al-shabaab", "boko haram", "pkk", "wagner",
))


COMMON_SURNAMES = 1000  # the most common US surnames are no given names here ("Harris", "Warren")


def _census(part: str, limit: int | None = None) -> list[str]:
    """One of the `names` package's US Census 1990 lists, lower case, most common first."""
    lines = (files("names") / part).read_text(encoding="ascii").splitlines()
    return [line.split()[0].lower() for line in lines[:limit] if line.strip()]


@lru_cache(maxsize=1)
def all_given_names() -> frozenset[str]:
    """Every given name of the census lists (5,494), common surnames among them ("Charles", "Thomas")."""
    return frozenset(n for part in ("dist.male.first", "dist.female.first") for n in _census(part))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names, lower case: the US Census 1990 lists of first names (5,494 of them, many of other
    countries' too: "tomas", "helena"), the data of the `names` package (MIT), but for the
    COMMON_SURNAMES most common surnames of its list. A one-word name not among them is taken for no
    first name, so it cannot be one person's first name against another's surname."""
    surnames = set(_census("dist.all.last", COMMON_SURNAMES))
    return frozenset(n for n in all_given_names() if n not in surnames)
