"""The matcher's small curated lexicon, in one place: general news synonyms, demonyms, capital ->
country metonymy, and number words. General English and world knowledge only, no story-specific
entries; applied to raw lower-case words before stemming (normalize.stem), so both outlets' wordings
fold to one token.

Each entry maps a raw word to the word(s) it stands for. Keep it small: every entry changes the
features of every pair, so additions are measured on all benchmarks (bench/matching/).
"""

from __future__ import annotations

# A capital or seat of government standing for its country or government ("Moscow said", "the
# Kremlin said", "Washington warned"), and demonyms ("Russian troops", "American negotiators").
# Only names rarely used for anything else. Places used for conflicts come from the extractor's
# entities, folded with this table too: "in Moscow" vs "in Kyiv" stays a place mismatch, "Beijing"
# vs "China" (the government speaking) is none.
METONYMY = {
    "moscow": "russia", "kremlin": "russia", "russian": "russia", "russians": "russia",
    "kyiv": "ukraine", "kiev": "ukraine", "ukrainian": "ukraine", "ukrainians": "ukraine",
    "american": "united states", "americans": "united states", "washington": "united states",
    "beijing": "china", "chinese": "china",
    "london": "britain", "british": "britain", "uk": "britain", "downing": "britain",
    "berlin": "germany", "german": "germany", "germans": "germany",
    "paris": "france", "french": "france", "elysee": "france",
    "tehran": "iran", "iranian": "iran", "pyongyang": "north korea",
    "ankara": "turkey", "turkish": "turkey", "warsaw": "poland", "polish": "poland",
    "tokyo": "japan", "japanese": "japan", "brussels": "eu",
}

# Words of news facts with one meaning in common use -> a representative word (raw form; the
# stemmer then folds inflections, and normalize._SYNONYMS folds the representative further).
SYNONYMS = {
    # meetings and negotiations ("met", "talks were held", "negotiations")
    "met": "talks", "meet": "talks", "meets": "talks", "meeting": "talks", "meetings": "talks",
    # envoys and delegations
    "negotiators": "envoys", "negotiator": "envoy", "representatives": "envoys",
    "representative": "envoy", "delegation": "envoys", "delegations": "envoys", "delegates": "envoys",
    # forces
    "troops": "forces", "soldiers": "forces", "army": "forces",
    # retaking territory
    "recaptured": "retook", "recapture": "retake", "regained": "retook", "retaken": "retook",
    # truce
    "truce": "ceasefire", "armistice": "ceasefire",
    # work and workers
    "employees": "workers", "staff": "workers", "staffers": "workers", "walkout": "strike",
    "stoppage": "strike", "wage": "pay", "wages": "pay", "salary": "pay", "salaries": "pay",
    # demands ("the union is seeking a 6.5% pay rise" is its demand; not "wants": the word is so common
    # that folding it to a rarer one would make any two statements of wanting look alike)
    "seeking": "demanding", "seeks": "demands", "seek": "demand", "sought": "demanded",
    # quarters of a year as analysts write them, the jobless, prison terms
    "q1": "first quarter", "q2": "second quarter", "q3": "third quarter", "q4": "fourth quarter",
    "jobless": "unemployment", "jailed": "sentenced", "imprisoned": "sentenced",
    # studies
    "study": "trial", "studies": "trial", "participants": "volunteers", "participant": "volunteer",
    # problems
    "problems": "concerns", "problem": "concern", "issues": "concerns",
    # reducing
    "reduced": "cut", "reduces": "cut", "reduce": "cut", "slashed": "cut", "lowered": "cut",
    # goods moving
    "weapons": "arms", "shipments": "deliveries", "shipment": "delivery", "assistance": "aid",
    "nation": "country", "nations": "countries", "administration": "government",
    "proposal": "plan", "proposals": "plans",
    "blaze": "fire", "blazes": "fires", "quake": "earthquake",
    # approximations: "about", a stop word (as written: the stem of "nearly" is "near", a word of place)
    "approximately": "about", "around": "about", "roughly": "about", "nearly": "about", "almost": "about",
    "some": "about",
    # taking a side (not "favours": a ruling that favours landlords gives them an advantage)
    "backed": "supported", "backing": "supporting", "supportive": "supporting",
    # aircraft
    "aircraft": "plane", "airliner": "plane", "airliners": "planes", "jetliner": "plane", "jetliners": "planes",
}

# Kinds of incident a news event is, by the nouns that name it ("the flood", "a gas explosion"):
# two reports naming incidents of different kinds only are about two events (matching._different_events).
# Each kind lists the words outlets use for it; a word with another common meaning ("strike": a
# walkout or an attack) is left out.
EVENT_KINDS = {
    word: kind for kind, words in {
        "fire": "fire fires blaze blazes wildfire wildfires inferno",
        "flood": "flood floods flooding floodwaters",
        "storm": "storm storms hurricane hurricanes typhoon typhoons cyclone cyclones tornado tornadoes gale gales",
        "explosion": "explosion explosions blast",
        "earthquake": "earthquake earthquakes quake quakes tremor tremors",
        "landslide": "landslide landslides mudslide mudslides",
        "leak": "leak leaks spill spills",
        "collapse": "collapse",
        "outage": "outage outages blackout blackouts",
        "crash": "crash crashes accident accidents collision collisions derailment",
        "shooting": "shooting shootings",
        "attack": "attack attacks bombing bombings airstrike airstrikes",
        # gatherings, held in many places at once (matching: two places, two gatherings)
        "protest": "protest protests protested protesting protester protesters protestor protestors demonstration "
                   "demonstrations demonstrators rally rallies marched marchers vigil vigils picket pickets",
    }.items() for word in words.split()
}
# Kinds of CONTRASTS whose alternatives are the outcomes of one event: told of a count, two sets ("1,500
# flights cancelled" / "1,500 delayed"); told of one thing, a conflict ("the concert was cancelled" /
# "was delayed").
ONE_OUTCOME_KINDS = frozenset(("disruption",))
# Event kinds held in many places at once: two places are two of them, not a dispute over where.
MANY_PLACED_EVENTS = frozenset(("protest",))

# Alternatives of one kind: two statements alike but for one of these each are about two things
# ("Exports rose 4 percent" / "Imports rose 4 percent", "the defence minister resigned" / "the finance
# minister resigned", "12 people were injured" / "12 people were arrested"): matching rule different_things.
# Words as written (raw, not stems: "nursing home" is no nurse, "finally" no final). Each member lists
# the forms of one thing. Left out: words with another common sense ("port", "hurt", "prime"), near
# synonyms ("rescued" and "evacuated" are one member), titles of one person ("governor" / "president"
# of a central bank), and the identity of one person ("a man" / "a woman", a role after "was a"):
# outlets disagreeing on who it was is a conflict to see, not two facts.
CONTRASTS = {
    "trade": ("exports export exported", "imports import imported"),
    # measures of an economy, kinds of aid, sides of a country (each word in one kind only)
    "indicator": ("unemployment joblessness", "inflation", "economy gdp"),
    "aid": ("military", "humanitarian"),
    "side": ("east eastern", "west western", "north northern", "south southern"),
    "toll": ("killed died dead deaths", "injured wounded injuries", "arrested detained arrests", "rescued evacuated",
             "missing", "questioned interviewed", "fined"),
    # what happened to flights, trains, sailings
    "disruption": ("cancelled canceled cancel cancels cancelling canceling cancellation cancellations",
                   "delayed delay delays delaying", "diverted"),
    # measures of a market (not "revenue": a company's sales are its revenue)
    "market": ("prices price shares stock", "sales", "applications"),
    # stock indices
    "index": ("dow", "nasdaq", "ftse", "dax", "nikkei", "topix", "kospi", "sensex", "stoxx"),
    # (the nouns: "the drug produced / delivered a 20% reduction" is one result)
    "earnings": ("profit profits", "revenue revenues", "deliveries", "production", "orders"),
    "vital": ("births", "marriages", "divorces"),
    # a company's officers, what a car runs on, what a weather warning is for
    "company_office": ("chairman chairwoman", "ceo executive", "cfo financial", "coo operating"),
    "fuel": ("electric", "hybrid", "petrol gasoline", "diesel"),
    "weather": ("snow snowfall", "wind winds", "rain rainfall", "ice", "fog", "heatwave"),
    "portfolio": ("defence defense", "finance", "foreign", "interior", "health", "education", "justice",
                  "transport", "agriculture", "environment"),
    "occupation": ("forces", "nurses", "doctors", "teachers", "journalists reporters", "activists", "students", "farmers",
                   "lawyers", "judges", "pilots"),
    "building": ("museum museums", "library libraries", "hospital hospitals", "church churches", "mosque mosques",
                 "airport airports", "stadium stadiums", "prison prisons", "refinery refineries", "station stations"),
}
ALTERNATIVES = {word: (kind, member.split()[0]) for kind, members in CONTRASTS.items()
                for member in members for word in member.split()}

# Who one person was, after "is a", "was a", "as a" ("the victim was a nurse", "worked as a pilot"):
# two outlets naming two of these disagree about one fact (matching rule identity_mismatch, a conflict).
IDENTITIES = {
    "person": ("man men", "woman women", "boy boys", "girl girls"),
    "occupation": ("nurse nurses", "doctor doctors", "teacher teachers", "student students", "soldier",
                   "journalist journalists reporter reporters", "lawyer lawyers", "farmer farmers", "pilot pilots",
                   "engineer engineers", "priest priests", "firefighter firefighters"),
}
IDENTITY_WORDS = {word: (kind, member.split()[0]) for kind, members in IDENTITIES.items()
                  for member in members for word in member.split()}

# A word of a PHRASES entry that any figure fills ("for 20 years", "for two years").
ANY_NUMBER = "#"
# Words after "for" that tell how long, not for what: "campaigned for years against the dam".
_SPANS = tuple((w,) for w in ("years", "decades", "months", "weeks", "days", "hours", "more", "over", "nearly", "almost",
                               "several", "many", "some", ANY_NUMBER)) + tuple(
    (a, w) for a in ("a", "the") for w in ("year", "decade", "month", "week", "day", "past", "last", "first"))
# Phrases folded to the words they mean, keyed by their first word. States written as a phrase -> their
# words as a predicate, so one state is the other negated: "the fire is under control" / "still out of
# control" (not controlled).
PHRASES = {
    "under": {("control",): "controlled"},
    "out": {("of", "control"): "not controlled"},
    # A vote one way or the other is support or opposition (opposite predicates): "voted against the
    # bill" / "voted for the bill" conflict; "voted no" is "voted against". The vote stays a word of
    # the statement: "did not vote on the bill" denies "voted for it".
    # "voted down" opposes (not "Postal votes down 20%": the noun's direction)
    **{vote: {("against",): f"{vote} opposed", ("no",): f"{vote} opposed", ("for",): f"{vote} supported",
              ("yes",): f"{vote} supported", ("in", "favour", "of"): f"{vote} supported",
              ("in", "favor", "of"): f"{vote} supported", **({("down",): f"{vote} opposed"} if vote == "voted" else {})}
       for vote in ("vote", "votes", "voted", "voting")},
    "and": {("against",): "and opposed"},  # "voted for the budget and against the levy"
    # So is a campaign one way or the other ("campaigned for Brexit" / "campaigned against Brexit"), but
    # not "campaigned for years", "for 20 years", "for a decade"; and a stand: "in support of" / "in
    # opposition to", "is against" (not "against the law", "the wall", "the odds"), whoever takes it.
    # Not "marched for", "rallied against": one crowd for and one against a cause are often two, unless
    # they say so in those words. ("argued" is a reporting verb: the extractor drops it.)
    **{act: {**{("for",) + span: f"{act} for {' '.join(span)}" for span in _SPANS}, ("against",): f"{act} opposed",
             ("for",): f"{act} supported"}
       for act in ("campaigned", "campaigning", "lobbied", "lobbying")},
    # a court's ruling one way or the other: "ruled in favour of the baker" / "ruled against the baker"
    **{rule: {("in", "favour", "of"): f"{rule} supporting", ("in", "favor", "of"): f"{rule} supporting",
              ("against",): f"{rule} opposing"} for rule in ("ruled", "rules", "ruling", "found", "finds", "sided")},
    "in": {("support", "of"): "supporting", ("opposition", "to"): "opposing", ("favour", "of"): "supporting",
           ("favor", "of"): "supporting"},
    **{be: {**{("against", "the", thing): f"{be} against the {thing}" for thing in ("law", "laws", "rules", "wall", "odds",
                                                                                    "clock", "grain", "backdrop")},
            ("against",): f"{be} opposed"} for be in ("is", "are", "was", "were", "remains", "remained")},
    # "backed down", "backed out" retreat; "backed the plan" supports it
    "backed": {("down",): "retreated", ("away",): "retreated", ("off",): "retreated", ("out",): "withdrew"},
}

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def fold_words(words: list[str]) -> list[str]:
    """Raw lower-case tokens -> tokens with number words as digits ("four thousand" -> "4000",
    "11 million" -> "11000000") and lexicon entries replaced (a multi-word value becomes several
    tokens). "one" alone is left as it is (a pronoun as often as a number)."""
    out: list[str] = []
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        is_digit = w.replace(".", "", 1).isdigit()
        if w in NUMBER_WORDS or (is_digit and i + 1 < n and words[i + 1] in MULTIPLIERS):
            value = float(w) if is_digit else float(NUMBER_WORDS[w])
            j = i + 1
            if not is_digit and j < n and words[j] in NUMBER_WORDS and value >= 20 and NUMBER_WORDS[words[j]] < 10:
                value += NUMBER_WORDS[words[j]]  # "twenty five"
                j += 1
            if words[j:j + 3] == ["and", "a", "half"]:  # "six and a half percent"
                value += 0.5
                j += 3
            while j < n and words[j] in MULTIPLIERS:
                value *= MULTIPLIERS[words[j]]
                j += 1
            if w == "one" and j == i + 1:
                out.append(w)
            else:
                out.append(_fmt(value))
            i = j
            continue
        phrase = _phrase_at(words, i) if w in PHRASES else None
        if phrase:
            out.extend(phrase[0].split())
            i += phrase[1]
            continue
        mapped = METONYMY.get(w) or SYNONYMS.get(w)
        if mapped:
            out.extend(mapped.split())
        else:
            out.append(w)
        i += 1
    return out


# The words that may follow each PHRASES key: most keys ("in", "is") are followed by none of them.
_PHRASE_NEXT = {key: frozenset(rest[0] for rest in rests) for key, rests in PHRASES.items()}


def _fills(slot: str, word: str) -> bool:
    return slot == word or (slot == ANY_NUMBER and (word in NUMBER_WORDS or word.replace(".", "", 1).isdigit()))


def _phrase_at(words: list[str], i: int) -> tuple[str, int] | None:
    """(the words a PHRASES entry folds to, how many words it spans) at words[i], or None."""
    if i + 1 >= len(words) or words[i + 1] not in _PHRASE_NEXT[words[i]]:
        return None
    for rest, word in PHRASES[words[i]].items():
        if len(words) > i + len(rest) and all(_fills(slot, w) for slot, w in zip(rest, words[i + 1:i + 1 + len(rest)])):
            return word, 1 + len(rest)
    return None
