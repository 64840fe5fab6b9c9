"""Synthetic breaking-news coverage for fault tests and benchmarks: many events at once, each
reported by several outlets in their own words, with wire reprints and the odd conflicting figure.

Deterministic for a seed, so a faulty run and a fault-free run see the same input.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from shared.pb import article_pb2

TOWNS = ["Port Alder", "Kessing", "Maravale", "Dunmore Bay", "Eastwick", "Halden", "Ostrava Vale",
         "Brightwater", "Carrow", "Felling", "Glenmoor", "Ravensholm", "Tarrin", "Westerby", "Lindqvist",
         "Sorrel Point", "Amberley", "Norwick", "Calder Falls", "Pemberton"]
BODIES = ["the fire service", "the coast guard", "the regional police", "the health ministry",
          "the port authority", "the transport ministry", "the city council", "the energy regulator",
          "the water board", "the interior ministry"]
OFFICIALS = ["Maria Okafor", "Jonas Feld", "Priya Lang", "Tomas Reyes", "Elin Sorby", "Ruth Mensah",
             "Lars Dekker", "Sanne Kuipers", "Pieter Smit", "Katrin Vogt", "Oksana Hrytsenko", "Tom Brandt"]
ROLES = ["spokesperson", "chief", "director", "minister", "commissioner"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
AGENCIES = ["Coast Wire", "Granite Wire Service", "Meridian Press", "Lowlands Press Agency"]

# Each fact has two phrasings (outlets paraphrase), a number that may be misreported, and a unit.
FACTS = [
    ("{n} people were evacuated from {town} after the {event}, {speaker} said.",
     "{speaker} said {n} people had been evacuated from {town} following the {event}.", "people"),
    ("{body_cap} confirmed that {n} homes in {town} were without power on {day}.",
     "{n} homes in {town} were left without power on {day}, {body} confirmed.", "homes"),
    ("{speaker} said {n} firefighters were sent to {town} to contain the {event}.",
     "{n} firefighters were deployed to {town} to fight the {event}, according to {speaker}.", "firefighters"),
    ("{body_cap} said {n} people were treated in hospital after the {event} in {town}.",
     "After the {event} in {town}, {n} people were treated in hospital, {body} said.", "patients"),
    ("{body_cap} announced that the main road to {town} will stay closed until {day}.",
     "The main road to {town} will remain closed until {day}, {body} announced.", ""),
    ("{speaker} told reporters that damage from the {event} in {town} was estimated at {n} million euros.",
     "Damage from the {event} in {town} is estimated at {n} million euros, {speaker} told reporters.", "eur"),
    ("{body_cap} said {n} schools in {town} would close on {day} because of the {event}.",
     "{n} schools in {town} will close on {day} because of the {event}, {body} said.", "schools"),
    ("{speaker} said rescue teams had searched {n} buildings in {town} since the {event}.",
     "Rescue teams have searched {n} buildings in {town} since the {event}, {speaker} said.", "buildings"),
]
EVENTS = ["flood", "fire", "landslide", "storm", "chemical leak", "bridge collapse", "power outage", "gas explosion"]
OPINIONS = ["It was a night nobody in {town} will forget.", "The mood in {town} is tense.",
            "Many residents wonder whether anyone is listening."]


@dataclass(frozen=True)
class _Event:
    key: str
    town: str
    event: str
    body: str
    speaker: str
    day: str
    numbers: tuple[int, ...]


def _new_event(rng: random.Random, index: int, taken: set[tuple[str, str]]) -> _Event:
    """A new event, of a kind and town no event in `taken` (those covered at about the same time)
    has: two fires in one town in the same hours would be reported in the same words, and no
    reader, nor the truth of a benchmark, could tell their reports apart."""
    role = rng.choice(ROLES)
    town, event = rng.choice(TOWNS), rng.choice(EVENTS)
    while (town, event) in taken and len(taken) < len(TOWNS) * len(EVENTS):
        town, event = rng.choice(TOWNS), rng.choice(EVENTS)
    return _Event(key=f"ev{index}", town=town, event=event, body=rng.choice(BODIES),
                  speaker=f"{role.capitalize()} {rng.choice(OFFICIALS)}", day=rng.choice(WEEKDAYS),
                  numbers=tuple(rng.randint(3, 900) for _ in FACTS))


def _sentence(event: _Event, fact: int, phrasing: int, number: int) -> str:
    template = FACTS[fact][phrasing]
    text = template.format(n=number, town=event.town, event=event.event, body=event.body,
                           body_cap=event.body[0].upper() + event.body[1:], speaker=event.speaker, day=event.day)
    return text[0].upper() + text[1:]


def _coverage_order(rng: random.Random, n_articles: int, n_events: int, concurrent: int) -> list[int]:
    """The event each article is about, in publication order. Events break one after another;
    each is covered by 5-40 articles (scaled so they add up to n_articles) falling within a
    stretch of the sequence, so about `concurrent` events are being covered at any time."""
    wanted = [rng.randint(5, 40) for _ in range(n_events)]
    scale = n_articles / sum(wanted)
    sizes = [int(w * scale) for w in wanted]
    by_remainder = sorted(range(n_events), key=lambda e: wanted[e] * scale - sizes[e], reverse=True)
    for e in by_remainder[: n_articles - sum(sizes)]:
        sizes[e] += 1
    stride = n_articles / n_events
    slots = []
    for e, size in enumerate(sizes):
        span = size * concurrent  # events start `stride` apart: ~concurrent overlap at a time
        slots += [(e * stride + rng.random() * span, e) for _ in range(size)]
    slots.sort()
    return [e for _, e in slots]


def generate(n_articles: int, seed: int = 7, events: int | None = None, outlets: int = 40,
             reprint_rate: float = 0.15, conflict_rate: float = 0.05, concurrent: int = 20,
             start: datetime = datetime(2026, 6, 1, 6, 0, tzinfo=timezone.utc),
             truth: dict[str, tuple[str, int, bool]] | None = None) -> list[article_pb2.Article]:
    """`n_articles` articles in publication order about `events` stories (default: one per 20
    articles), each covered by 5-40 of `outlets` outlets in a burst, about `concurrent` of them at
    once; some articles reprint an agency's copy, some misreport a figure. `truth`, when given, is
    filled with what each fact sentence states: sentence -> (event key, fact number, misreported),
    or None for a sentence written word for word by two events."""
    rng = random.Random(seed)
    stories: list[_Event] = []
    for i in range(events or max(1, n_articles // 20)):
        # events start one after another, about `concurrent` covered at once (_coverage_order)
        stories.append(_new_event(rng, i, {(e.town, e.event) for e in stories[-2 * concurrent:]}))
    outlet_names = [f"outlet{i:03d}.example" for i in range(outlets)]
    agency_copy: dict[str, article_pb2.Article] = {}
    articles = []
    for i, story in enumerate(_coverage_order(rng, n_articles, len(stories), min(concurrent, len(stories)))):
        event = stories[story]
        published = start + timedelta(seconds=37 * i)
        article = article_pb2.Article(id=f"{event.key}-a{i}", title=f"{event.event.capitalize()} in {event.town}")
        article.published_at.FromDatetime(published)
        original = agency_copy.get(event.key)
        if original is not None and rng.random() < reprint_rate:
            article.source = rng.choice(outlet_names)
            article.byline = original.byline.removeprefix("By ")
            article.text = original.text
        else:
            facts = rng.sample(range(len(FACTS)), rng.randint(2, 4))
            sentences = []
            for fact in facts:
                number = event.numbers[fact]
                if rng.random() < conflict_rate:
                    number += rng.randint(2, 40)
                sentences.append(_sentence(event, fact, rng.randint(0, 1), number))
                if truth is not None:  # a sentence two events happen to share is nobody's truth
                    said = (event.key, fact, "{n}" in FACTS[fact][0] and number != event.numbers[fact])
                    truth[sentences[-1]] = said if truth.get(sentences[-1], said) == said else None
            if rng.random() < 0.5:
                sentences.append(rng.choice(OPINIONS).format(town=event.town))
            if event.key not in agency_copy and rng.random() < 0.3:
                agency = rng.choice(AGENCIES)
                article.source = agency.lower().replace(" ", "") + ".example"
                article.byline = f"By {agency}"
                agency_copy[event.key] = article
            else:
                article.source = rng.choice(outlet_names)
                article.byline = f"By {rng.choice(OFFICIALS)}"
            article.text = "\n\n".join(" ".join(sentences[j:j + 2]) for j in range(0, len(sentences), 2))
        articles.append(article)
    return articles
