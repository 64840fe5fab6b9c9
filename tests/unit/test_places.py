"""Which places two names can be, from the GeoNames and ISO 3166-2 tables (shared/places.py)."""

import pytest

from shared.places import APART, ONE, UNKNOWN, fold, is_city, relation


@pytest.mark.parametrize("x, y, kind", [
    ("Geneva", "Vienna", APART), ("Manchester", "Liverpool", APART), ("France", "Germany", APART),
    ("Houston", "Florida", APART), ("Paris", "Germany", APART), ("New York", "Los Angeles", APART),
    ("San Francisco", "San Diego", APART), ("Kyiv", "Kharkiv", APART),
    ("Brooklyn", "New York", ONE), ("Houston", "Texas", ONE), ("Paris", "France", ONE), ("Kyiv", "Ukraine", ONE),
    ("Hong Kong", "China", ONE), ("New York", "Newark", ONE), ("Durham", "County Durham", ONE),
    ("St Petersburg", "Saint Petersburg", ONE), ("Britain", "United Kingdom", ONE), ("NY", "Manhattan", ONE),
    # a city that also names a region which may hold the other; names the tables do not have
    ("Victoria", "Melbourne", UNKNOWN), ("Washington", "Seattle", UNKNOWN), ("Quebec", "Montreal", UNKNOWN),
    ("Halden", "Tarrin", UNKNOWN), ("Georgia", "Tbilisi", UNKNOWN),
    # abbreviations: New York City alone is not the state; DC is not the state of Washington
    ("NYC", "Buffalo", APART), ("Washington, D.C.", "Seattle", APART), ("DC", "Arlington", ONE),
    # a town (15,000 to 100,000 people) is in its country or US state, and never known to be apart
    ("Ronda", "Spain", ONE), ("Kendal", "UK", ONE), ("Bozeman", "Montana", ONE),
    ("Ronda", "France", UNKNOWN), ("Bozeman", "Ohio", UNKNOWN), ("Ronda", "Kendal", UNKNOWN),
    # a town named like a city elsewhere: the smaller Portland is in Maine
    ("Portland", "Maine", ONE), ("Springfield", "Ohio", ONE),
    # two countries, one name inside the other's; other names of one
    ("Sudan", "South Sudan", APART), ("Guinea", "Equatorial Guinea", APART), ("Niger", "Nigeria", APART),
    ("UAE", "United Arab Emirates", ONE), ("UAE", "United States", APART), ("Holland", "The Netherlands", ONE),
    # the nations of the UK: in it, and apart from each other and from Ireland
    ("England", "United Kingdom", ONE), ("Scotland", "Edinburgh", ONE), ("England", "Scotland", APART),
    ("Wales", "France", APART), ("Northern Ireland", "Ireland", APART),
])
def test_relation(x, y, kind):
    assert relation(x, y)[0] == kind and relation(y, x)[0] == kind


def test_an_apart_relation_says_why():
    assert relation("Manchester", "Liverpool") == (APART, "two cities 50 km apart")
    assert relation("Houston", "Florida") == (APART, "houston is not in florida")
    assert relation("D.C.", "Virginia") == (APART, "washington dc is not in virginia")


def test_city_names_fold_saint_and_diacritics_and_small_towns_are_not_cities():
    assert fold("St. Petersburg") == fold("Saint-Petersburg") == "saint petersburg"
    assert fold("São Paulo") == "sao paulo"
    assert is_city("New York") and is_city("São Paulo") and not is_city("Donald Trump") and not is_city("Halden")
    # the abbreviations relation() knows are cities here too; a country's is not
    assert is_city("NYC") and is_city("D.C.") and not is_city("UK")
    assert not is_city("Ronda")  # a town of 37,000: known to be in Spain, not a city the extractor names
