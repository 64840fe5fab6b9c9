"""Words that come before a person's name without being part of it ("President", "Sir", "Foreign
Minister"): the extractor reads them to find where a name starts, the matcher to compare two
people by their names alone ("Senator Joe Manchin" / "Senator Kyrsten Sinema" share no name)."""

from __future__ import annotations

TITLES = frozenset(
    "president,prime,minister,chancellor,secretary,spokesman,spokeswoman,spokesperson,mr,mrs,ms,"
    "dr,sir,dame,gen,general,sen,senator,rep,gov,governor,king,queen,pope,judge,chief,envoy,"
    "foreign,defence,defense,adviser,advisor,ambassador,commander,taoiseach,state,deputy,premier,vice,mayor,speaker,"
    "prince,princess,sheikh,emir,sultan,supreme,leader,attorney,chairman,chairwoman,professor,prof,former".split(",")
)
# Titles that are parts of names as often ("Burger King", "Islamic State", "General Motors").
NAME_TITLES = frozenset("state supreme king queen prince princess pope general".split())
PERSON_TITLES = TITLES - NAME_TITLES
