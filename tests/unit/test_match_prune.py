"""The decision bound (services/matcher/prune.py) never prunes a candidate decide() would link, so
ClaimIndex places claims exactly as it would deciding every candidate."""

import math

from services.extractor.extraction import extract_claims
from services.matcher import features, matching, prune
from services.matcher.matching import CONFLICT_FLOOR, DEFAULT_THRESHOLD, ClaimIndex
from services.matcher.normalize import match_form
from services.matcher.stance import can_deny
from shared.storygen import generate

from sentences_for_tests import placed_claim


def _claims(n_articles: int = 150, seed: int = 5):
    return [c for a in generate(n_articles, seed=seed, events=6, conflict_rate=0.2) for c in extract_claims(a)]


def _bounded_candidates(claims):
    """Each claim's blocking candidates as _rank sees them, the claims placed in turn: (index, query
    form, candidate form, frame score, model-logit bound, word-share bound)."""
    index = ClaimIndex()
    for claim in claims:
        form = match_form(claim)
        hits = index._blocking.search_parts(form, 35.0, limit=30)
        if hits:
            query = prune.QuerySide(form, index._local, [index._rows[r].form for r, *_ in hits])
            for row_id, frame, set_ratio, sort_ratio in hits:
                other = index._rows[row_id].form
                yield (index, form, other, frame, *prune.upper_bounds(query, other, set_ratio, sort_ratio))
        index.place(claim)


def test_the_bounds_are_at_least_the_model_logit_and_word_share_on_every_candidate():
    checked = pruned = 0
    floor = prune.floor_z(CONFLICT_FLOOR * DEFAULT_THRESHOLD)
    for index, form, other, _, z_bound, shared_bound in _bounded_candidates(_claims()):
        x = features.pair_features(form, other, index._local)
        z = features.INTERCEPT + sum(w * v for w, v in zip(features.WEIGHTS, x))
        assert z_bound >= z and shared_bound >= x[features.FEATURES.index("wcont")]
        checked += 1
        pruned += z_bound < floor
    assert checked > 1000 and pruned > 200  # the bound is a bound, and it does prune


_ROUNDED = [  # figures written rounded and precise, each pair the same fact, and durations in two units
    ("Close to 12,000 nurses joined the walkout across Tarnow province.",
     "The walkout across Tarnow province was joined by 11,850 nurses."),
    ("Almost 40,000 fans attended the cup final in Brenholm.", "The cup final in Brenholm drew 39,640 fans."),
    ("Some 4 million litres of diesel leaked from the Halden depot.", "The Halden depot leaked 4.1 million litres of diesel."),
    ("About 67% of voters in Norwick turned out on Sunday.", "Turnout in Norwick on Sunday was 67.4 percent."),
    ("The Dunmore Bay tunnel will stay closed for 72 hours.", "The Dunmore Bay tunnel closes for three days."),
]


def test_the_bounds_hold_for_figures_written_another_way():
    claims = _claims(n_articles=40, seed=3)
    claims += [placed_claim(f"r{i}{side}", text=t) for i, pair in enumerate(_ROUNDED) for side, t in zip("ab", pair)]
    checked = 0
    for index, form, other, _, z_bound, shared_bound in _bounded_candidates(claims):
        x = features.pair_features(form, other, index._local)
        z = features.INTERCEPT + sum(w * v for w, v in zip(features.WEIGHTS, x))
        assert z_bound >= z and shared_bound >= x[features.FEATURES.index("wcont")]
        checked += bool(form.rounded or other.rounded)
    assert checked >= len(_ROUNDED) - 1  # the rounded figures were among the candidates bounded


_DENIALS = [  # in the generated stories' words, each a fact of its own
    "The port authority denied that the main road to Halden had been closed by the storm.",
    "Minister Pieter Smit said no schools in Norwick would close because of the strike.",
    "The water board said it had not found the cause of the leak at the Halden reservoir.",
    "Chief Priya Lang said nobody had been arrested over the fire at the Dunmore Bay depot.",
    "The city council did not confirm reports that rescue teams were withdrawn from Norwick.",
]


def test_a_pair_surely_different_by_its_bounds_is_decided_different():
    """Every candidate _rank leaves undecided, denials among them, is one decide() calls DIFFERENT."""
    claims = _claims(seed=11)
    claims[::7] = [placed_claim(f"d{i}", text=t) for i, t in zip(range(len(claims[::7])), _DENIALS * 100)]
    floors = matching._Floors.of(DEFAULT_THRESHOLD)
    skipped = denials_skipped = 0
    for index, form, other, frame, z_bound, shared_bound in _bounded_candidates(claims):
        denial_possible = can_deny(form) or can_deny(other)
        if matching._surely_different(z_bound, shared_bound, frame + 1, denial_possible, floors):
            assert matching.decide(form, other, DEFAULT_THRESHOLD, index._local).decision == matching.DIFFERENT
            skipped += 1
            denials_skipped += denial_possible
    assert skipped > 200 and denials_skipped > 20


def test_pruned_and_unpruned_indexes_place_every_claim_alike():
    claims = _claims(seed=9)
    claims += [placed_claim(f"x{i}", text=t) for i, t in enumerate([
        "The ferry Nordlys ran aground near the harbour entrance with 212 passengers on board, the coastguard said.",
        "The Nordlys ferry ran aground near the harbor entrance carrying 250 passengers, coastguards said.",
        "The coastguard denied that the ferry Nordlys ran aground near the harbour entrance.",
        "The victim was a nurse.", "The victim was a doctor."])]
    runs = []
    for prune_on in (True, False):
        index = ClaimIndex()
        index.prune = prune_on
        runs.append([index.place(c).SerializeToString() for c in claims])
    assert runs[0] == runs[1]
    assert prune.enabled()


def test_an_identity_clash_is_decided_whatever_the_bounds_say(monkeypatch):
    # identity_mismatch has no score floor, so _rank decides such pairs without asking the bounds
    monkeypatch.setattr(matching, "_surely_different", lambda *args: True)
    index = ClaimIndex()
    index.place(placed_claim("v1", text="The victim was a nurse at the city hospital."))
    second = index.place(placed_claim("v2", text="The victim was a doctor at the city hospital."))
    assert second.explanation.rule == "identity_mismatch" and second.matched_claim_id == "v1#0"


def test_floor_is_the_logit_of_the_decision_floor():
    floor = prune.floor_z(min(DEFAULT_THRESHOLD, CONFLICT_FLOOR * DEFAULT_THRESHOLD))
    assert abs(100 / (1 + math.exp(-floor)) - CONFLICT_FLOOR * DEFAULT_THRESHOLD) < 1e-9
