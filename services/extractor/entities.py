"""Named-entity mentions: capitalised name sequences, a guessed kind, and a folded canonical form.

The canonical form is what the matcher compares, so spelling variants across outlets must fold to
one string: diacritics are dropped, a few transliteration endings are regularised (German -ow ->
-ov, -yj/-yy -> -y, dsch -> dzh), demonyms map to their country, and one small alias table covers
the rest. Multi-word person names fold to the surname so "Donald Trump" and "Trump" meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from shared import places
from shared.names import NAME_TITLES, PERSON_TITLES, TITLES, all_given_names
from shared.places import ascii_lower
from shared.rarity import SPECIFIC_NAME_WEIGHT, lower_case_share, plain_apostrophes, title_case, weight
from shared.pb import claim_pb2

PERSON = claim_pb2.ENTITY_KIND_PERSON
ORG = claim_pb2.ENTITY_KIND_ORGANIZATION
PLACE = claim_pb2.ENTITY_KIND_PLACE
OTHER = claim_pb2.ENTITY_KIND_OTHER

# The one alias table: folded variant -> canonical. Demonyms and country abbreviations live here too.
ALIASES: dict[str, str] = {
    "us": "united states", "u.s.": "united states", "usa": "united states", "u.s.a.": "united states",
    "america": "united states", "american": "united states", "americans": "united states",
    "uk": "united kingdom", "u.k.": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom", "british": "united kingdom",
    "russian": "russia", "russians": "russia", "ukrainian": "ukraine", "ukrainians": "ukraine",
    "polish": "poland", "german": "germany", "germans": "germany", "french": "france",
    "italian": "italy", "danish": "denmark", "dutch": "netherlands", "chinese": "china",
    "israeli": "israel", "iranian": "iran", "saudi": "saudi arabia", "irish": "ireland",
    "european": "europe", "eu": "european union", "un": "united nations", "u.n.": "united nations",
    "selensky": "zelensky", "zelenskiy": "zelensky", "zelenski": "zelensky",
    "sacharova": "zakharova", "wolodymyr": "volodymyr", "dmitri": "dmitry",
    "sudsha": "sudzha", "g7": "group of seven", "kiev": "kyiv",
    "l.a.": "los angeles",
    # bodies named two ways in the same coverage (the matcher tells bodies apart by name), as the more
    # common name: folded to a rarer word, a name would weigh more in every statement naming it
    "meta": "facebook", "alphabet": "google", "department of defense": "pentagon", "defense department": "pentagon",
    "islamic resistance movement": "hamas", "european commission": "european union",
    "european union": "european union", "red cross": "red cross",  # whole names, no word folded ("europe union")
    # demonyms _demonym_country cannot read from a country's name
    "spanish": "spain", "swedish": "sweden", "finnish": "finland", "greek": "greece", "swiss": "switzerland",
    "thai": "thailand", "filipino": "philippines", "peruvian": "peru", "norwegian": "norway",
    "argentine": "argentina", "argentinian": "argentina", "emirati": "united arab emirates", "belgian": "belgium",
    "czech": "czechia", "slovak": "slovakia", "croat": "croatia", "serb": "serbia", "afghan": "afghanistan",
    "kazakh": "kazakhstan", "uzbek": "uzbekistan", "portuguese": "portugal", "dominican": "dominican republic",
    # demonyms in -i, listed: the ending alone reads surnames and brands ("Sudani", "Bulgari") as countries
    "iraqi": "iraq", "pakistani": "pakistan", "yemeni": "yemen", "kuwaiti": "kuwait", "qatari": "qatar",
    "omani": "oman", "bahraini": "bahrain", "bangladeshi": "bangladesh", "nepali": "nepal", "somali": "somalia",
    "azerbaijani": "azerbaijan",
    # of the countries whose names are as often something else (places._AMBIGUOUS_COUNTRIES), which
    # _demonym_country does not read: "Turkish" and "Turkey" are one country
    "turkish": "turkey", "turkiye": "turkey", "jordanian": "jordan", "chadian": "chad", "georgian": "georgia",
}
# Regular demonym endings and what the country's name ends in instead, tried in this order
# ("Nigerian" is Nigeria before Niger; "Sudanese", "Egyptian", "Mexican", "Hungarian").
_DEMONYM_ENDINGS = (("an", "a"), ("ian", ""), ("ian", "a"), ("an", ""), ("an", "o"), ("ian", "y"), ("ese", ""),
                    ("ese", "a"), ("ese", "on"))
# A capital or a seat of government standing for its country's government when it acts or speaks
# ("Kyiv said it would attend", "the Kremlin denied"): folded to the country only in that role.
GOVERNMENT_SEATS: dict[str, str] = {
    "kyiv": "ukraine", "moscow": "russia", "kremlin": "russia", "washington": "united states",
    "white house": "united states", "london": "united kingdom", "downing street": "united kingdom",
    "berlin": "germany", "paris": "france", "elysee": "france", "beijing": "china", "warsaw": "poland",
    "tehran": "iran", "jerusalem": "israel", "riyadh": "saudi arabia", "ottawa": "canada", "rome": "italy",
    "tokyo": "japan", "ankara": "turkey", "minsk": "belarus", "pyongyang": "north korea",
    "seoul": "south korea", "new delhi": "india", "brussels": "european union", "copenhagen": "denmark",
}
# First words of city names that no person's name opens with.
_CITY_PREFIXES = frozenset("new,san,santa,santo,sao,saint,st,los,las,el,la,le,port,fort,mount,cape,rio,kuala,abu,tel,"
                           "hong,ho,buenos,addis,ciudad,ras,dar,bandar,north,south,east,west,upper,lower,great,"
                           "salt,kansas,oklahoma,jersey,panama,guatemala,kuwait,mexico,quebec,sioux,virginia,"
                           "colorado,palm,long,grand,baton,little".split(","))
_ACTOR_VERB = re.compile(r"\s+(?:has|have|had|is|was|will|would|says|said|also|\w+ed|\w+s)\b")
_SENTENCE_OPENING = re.compile(r"[\s\"“(]*(?:[Tt]he\s+)?")


def as_actor(mention: EntityMention, sentence: str, speaker: str) -> EntityMention:
    """The mention with a seat of government folded to its country when it is the speaker or the
    subject of the sentence; otherwise unchanged ("drones hit Kyiv" keeps the city). A name of several
    words read as a city is a person when it speaks ("Juan Diaz said": Juan Díaz is also a city),
    unless it opens as city names do ("New York said", "San Francisco said")."""
    country = GOVERNMENT_SEATS.get(mention.canonical)
    if country is None:
        if mention.kind == PLACE and " " in mention.text and speaker.endswith(mention.text) and (
                ascii_lower(mention.text.split()[0]).rstrip(".") not in _CITY_PREFIXES
                and mention.text == re.sub(r"^(?:the|The)\s+", "", speaker)):
            return EntityMention(mention.text, _fold_word(mention.text.split()[-1]), PERSON, mention.start, mention.end)
        return mention
    bare_speaker = re.sub(r"^(?:the|The)\s+", "", speaker)
    opens = _SENTENCE_OPENING.fullmatch(sentence, 0, mention.start) is not None
    if mention.text == bare_speaker or (opens and _ACTOR_VERB.match(sentence, mention.end)):
        return EntityMention(mention.text, country, ORG, mention.start, mention.end)
    return mention


# Last words that make a name a place ("Red Sea", "Indian Ocean", "Calder Falls", "Kursk Region").
_PLACE_WORDS = frozenset(
    "sea,river,lake,island,islands,coast,bay,gulf,strait,mountains,square,county,province,valley,ocean,"
    "archipelago,falls,vale,peninsula,desert,forest,canal,hills,heights,point,springs,beach,harbour,harbor,"
    "fjord,glacier,channel,basin,plateau,delta,region,district".split(","))
# Place words that end the names of bodies as often ("Fox News Channel", "Port District", "Union Point")
# do not make a body's word before them a place; the others do ("Union Square").
_PLACE_AFTER_BODY_WORDS = _PLACE_WORDS - {"channel", "district", "point", "region"}
# Canonical forms that are places, for the kind guess.
_PLACES = frozenset(
    "united states,united kingdom,russia,ukraine,poland,germany,france,italy,denmark,netherlands,"
    "china,israel,iran,saudi arabia,ireland,europe,canada,kyiv,moscow,washington,london,berlin,"
    "paris,brussels,beijing,riyadh,jeddah,copenhagen,antwerp,hamburg,bremerhaven,kursk,sudzha,los angeles".split(",")
)
# Words naming an office with the title after them ("Police Chief", "District Attorney", "Interior
# Minister"): no entity of their own before a name.
_OF_OFFICE = frozenset("police district inspector surgeon press interior home justice finance health education "
                       "energy economy trade transport culture agriculture labor major lieutenant brigadier fire "
                       "county city school border".split())
# Titles that are names on their own too: "Prince said" (the singer, or Erik Prince), "Vice reported".
_TITLES_ALSO_NAMES = frozenset(("prince", "vice")
)
_ORG_WORDS = frozenset(
    "ministry,authority,union,council,agency,association,university,securities,line,biologics,"
    "press,office,house,court,bank,group,inc,corp,ltd,plc,company,party,government,parliament,"
    "kremlin,pentagon,army,navy,commission,committee,service,wire,airport,port,street,terminal,"
    "department,institute,organization,organisation,fund,league,club,news,times,post,media,semiconductor,"
    "semiconductors,industries,airlines,airways,motors,systems,technologies,holdings,pharmaceuticals,"
    "therapeutics,electronics,communications,networks,partners,brands,energy,international,petroleum,mining,"
    "insurance,shipping,logistics,chemicals,foundation,federation,coalition".split(",")
)
# Capitalised words that are not names when they open or stand alone.
_STOP = frozenset(
    "the,a,an,in,on,at,for,but,and,or,he,she,it,they,we,i,his,her,its,their,this,that,these,those,"
    "there,then,meanwhile,according,after,before,as,by,from,with,while,when,where,what,why,how,"
    "whether,if,yet,still,so,some,all,any,no,one,half,both,each,every,everyone,anyone,few,many,"
    "most,several,our,my,your,mr.,however,also,about,around,almost,more,less,until,since,during,"
    "monday,tuesday,wednesday,thursday,friday,saturday,sunday,january,february,march,april,may,june,"
    "july,august,september,october,november,december,speaking,asked,having,here,to,of,over,under,"
    "against,into,through,shares,side,volunteers,nobody,investors,analysts,officials,is,are,was,were,"
    "will,can,does,did,has,have,had,would,could,should,later,earlier,separately,afterwards,elsewhere,"
    "previously,instead,two,three,four,five,six,seven,eight,nine,ten,eleven,twelve,twenty,thirty,forty,"
    "fifty,sixty,seventy,eighty,ninety,hundred,hundreds,thousand,thousands,million,millions,dozens,"
    "tens".split(",")
)
# Lower-case particles of surnames ("Ursula von der Leyen", "Charles de Gaulle", "Lula da Silva"), and
# the words that join the words of other names ("Bank of England", "Procter and Gamble").
_PARTICLES = frozenset({"de", "del", "von", "van", "der", "den", "al", "bin", "la", "le", "du", "da", "dos", "di"})
_CONNECTORS = _PARTICLES | {"of", "and"}
# What may follow a name: "Martin Luther King Jr." is King; "King Abdullah II", "Pope Francis I" are
# Abdullah and Francis (a regnal number only after a title: "World War II", "Phase III" keep theirs).
_GENERATION = re.compile(r"(?:Jr|Sr)\.?,?")
_REGNAL = re.compile(r"(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})")

_WORD = r"[A-ZÀ-ÖØ-Þ][\w’‘ʼ'.&-]*"  # ‘ and ʼ: apostrophes as some copy types them
_PARTICLE = "(?:" + "|".join(sorted(_PARTICLES)) + ")"
# A run of capitalised words, joined by "of" or by up to two particles ("von der"), or a surname
# written with its particle inside a sentence ("said von der Leyen", "by van Gogh"; not "al": "al
# Qaeda" is also "al-Qaeda", a body).
_NAME_RUN = re.compile(
    rf"(?:\b(?!al\b){_PARTICLE}\s+(?:{_PARTICLE}\s+)?)?{_WORD}(?:\s+(?:of\s+|(?:{_PARTICLE}\s+){{1,2}})?{_WORD})*"
    rf"|\b(?:[A-Z]\.){{2,}}"
)
_POSSESSIVE = re.compile(r"(?:['’‘ʼ]s?|\.)$")


@dataclass(frozen=True, slots=True)
class EntityMention:
    text: str
    canonical: str
    kind: int
    start: int
    end: int


def _fold_word(word: str) -> str:
    w = ascii_lower(word)
    if _spelt_as_word(word, w):
        return w
    if w in ALIASES:
        return ALIASES[w]
    w = w.replace("dsch", "dzh").replace("tsch", "ch")
    w = re.sub(r"(?:yy|iy|yj|ij)$", "y", w)
    # plain ASCII German transliteration ("Peskow"), not Polish -ów, nor a short word ("the Dow", "Snow")
    if re.search(r"\w{3}owa?$", word):
        w = re.sub(r"ow(a?)$", r"ov\1", w)
    return ALIASES.get(w, w)


def _spelt_as_word(written: str, folded: str) -> bool:
    """A short alias written as a word, not in capitals: "Un" of "Kim Jong Un", "Us" of a title-case
    headline are no UN, no US."""
    return len(folded) <= 3 and folded in ALIASES and not written.isupper()


# Names written family name first: Korean ones before a given name of two syllables ("Kim Jong-un",
# "Kim Jong Un", "Moon Jae-in"), Chinese ones before a given name of one or two pinyin syllables
# ("Xi Jinping", "Li Keqiang", "Chen Shui-bian"). Known by the whole name, hyphens as spaces: the
# surname rule took "Un" (the United Nations) for Kim Jong Un's, and a family name alone would make
# one person of Kim Jong Un and Kim Yo Jong. "Kim Kardashian", "Lee Ann Rimes", "Lin Wood" do not
# have that shape.
_KOREAN_FAMILY = frozenset("kim lee park choi jung jeong kang cho yoon jang lim han shin seo kwon hwang ahn song "
                           "yoo hong jeon ko moon ban roh chun".split())
_CHINESE_FAMILY = frozenset("xi li wang zhang liu chen yang zhao huang zhou wu hu wen jiang deng mao zhu guo he "
                            "gao lin luo zheng liang xie song tang han feng yu dong xiao cheng cao yuan peng "
                            "zeng".split())
_KOREAN_SYLLABLE = re.compile(r"(?:kk|tt|pp|ss|jj|ch|[gkndtrlmbpsjhyw])?(?:yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|"
                              r"oo|ee|a|e|o|u|i)(?:ng|[knltmp])?")
_PINYIN_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|"
                    r"an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u)")
_PINYIN_NAME = re.compile(rf"{_PINYIN_SYLLABLE}(?:-?{_PINYIN_SYLLABLE})?")


def _family_name_first(words: list[str]) -> bool:
    family, given = ascii_lower(words[0]), [ascii_lower(w) for w in words[1:]]
    if family in _KOREAN_FAMILY:
        syllables = given[0].split("-") if len(given) == 1 else given
        if len(syllables) == 2 and (len(given) == 2 or "-" in given[0]) and all(
                _KOREAN_SYLLABLE.fullmatch(x) for x in syllables):
            return True
    return family in _CHINESE_FAMILY and len(given) == 1 and _PINYIN_NAME.fullmatch(given[0]) is not None


_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}")


@lru_cache(maxsize=65536)
def canonicalize(name: str, whole_name: bool = False) -> tuple[str, int]:
    """Folded canonical form and guessed kind for a name as written (titles included). `whole_name`: keep
    every word of a person's name (a run of a title-case headline may be more than a name)."""
    name = plain_apostrophes(name)  # "O’Neill" is "O'Neill"
    canon, kind = _canonical(name, whole_name)
    if "." in canon and _DOTTED_ACRONYM.fullmatch(name):
        return _canonical(name.replace(".", "").upper(), whole_name)  # "E.U." is "EU", "F.T.C." "FTC"
    return canon, kind


def _canonical(name: str, whole_name: bool) -> tuple[str, int]:
    words = name.split()
    if len(words) > 1 and not whole_name and (_GENERATION.fullmatch(words[-1]) or _REGNAL.fullmatch(words[-1]) and (
            ascii_lower(words[0]).rstrip(".") in TITLES)):
        words = words[:-1]
        words[-1] = words[-1].rstrip(",")  # "Martin Luther King, Jr."
    low = [ascii_lower(w).rstrip(".") for w in words]
    office_title = len(low) > 2 and low[0] in _OF_OFFICE and low[1] in TITLES  # "Press Secretary X": a person
    # A body's word before a place word is a place ("Union Square", "Parliament Square"); not a longer name
    # ("Fox News Channel", "University of the Virgin Islands"), nor a place word that names bodies too.
    named_place = len(low) == 2 and low[0] in _ORG_WORDS and low[1] in _PLACE_AFTER_BODY_WORDS
    if not office_title and not named_place and (
            any(w in _ORG_WORDS for w in low) or name.isupper() and len(name) > 1 and "." not in name):
        whole = " ".join(low)
        return ALIASES.get(whole, " ".join(_fold_word(w) for w in words)), ORG
    # Leading titles ("Secretary of State", "Prime Minister") are not part of the name; a title of a
    # place is the name ("Mayor of Kyiv" is no Kyiv, "Prince William County" no Mr William).
    i = 1 if office_title else 0  # "Police Chief", "Interior Minister": the office is part of the title
    while i < len(words) - 1 and (low[i] in TITLES or low[i] in _CONNECTORS):
        if low[i] in _CONNECTORS and low[i + 1] not in TITLES:
            i = 0
            break
        i += 1
    if i and low[-1] in _PLACE_WORDS:
        i = 0
    titled = i > 0
    core = words[i:]
    whole = " ".join(low[i:])
    if whole in _PLACES:
        return whole, PLACE
    if whole in ALIASES and not _spelt_as_word(" ".join(core), whole):
        canon = ALIASES[whole]
        return canon, PLACE if canon in _PLACES else OTHER
    if len(core) == 1 and not titled:  # "Ethiopian troops"; not "Mark Cuban", "Ethiopian Airlines"
        country = _demonym_country(whole)
        if country:
            return country, PLACE if country in _PLACES else OTHER
    folded = [_fold_word(w) for w in core]
    canon = " ".join(folded)
    if canon in _PLACES:
        return canon, PLACE
    if folded[-1] in _PLACE_WORDS:
        return canon, PLACE
    if not titled and len(core) > 1 and places.is_city(" ".join(core)):
        return places.key(" ".join(core)), PLACE  # "New York", "St Petersburg": not a Mr York
    if len(core) > 1 and not titled:
        # A country or US state of several words is no person named by its last word: "North Korea" and
        # "South Korea" were both "korea", "Czech Republic" and "Dominican Republic" both "republic".
        # Of the kind a country of one word is: a place where named as one ("in South Africa"), else an actor.
        joined = " ".join(core)
        country = places.key(joined) if places.is_country(joined) or places.is_state(joined) else (
            _demonym_country(places.fold(joined)))  # "South Korean", "Sri Lankan"
        if country:
            return country, PLACE if country in _PLACES else OTHER
    has_connector = any(f in _CONNECTORS for f in folded)
    first_particle = next((j for j, w in enumerate(core) if ascii_lower(w) in _PARTICLES), 0)
    if first_particle and (titled or first_particle > 1 or ascii_lower(core[0]) in all_given_names()
                           or weight(ascii_lower(core[0])) >= SPECIFIC_NAME_WEIGHT):
        # a person's surname with its particle: "Ursula von der Leyen" and "von der Leyen" meet
        return " ".join(folded[first_particle:]), PERSON
    if (titled or 2 <= len(core) <= 3) and not has_connector:
        if whole_name:
            return canon, PERSON
        if _family_name_first(core):
            return ascii_lower(" ".join(core).replace("-", " ")), PERSON
        return folded[-1], PERSON  # surname: "Donald Trump" and "Trump" must meet
    return canon, OTHER


@lru_cache(maxsize=4096)
def _demonym_country(word: str) -> str:
    """The country a regular demonym names, as the place tables know it ("ethiopian" -> "ethiopia",
    "sudanese" -> "sudan"), or ""."""
    for ending, country_ending in _DEMONYM_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            country = word[:-len(ending)] + country_ending
            if places.is_country(country):
                return places.key(country)
    return ""


_INNER_POSSESSIVE = re.compile(r"['’‘ʼ]s\s+|(?<=[a-z]{2})\.\s+")
# A headline capitalises almost every word: fewer than one in five in lower case ("British teenager
# Ibrahim Kamara Killed In ...": one of nine); prose writes more so, even among names ("Actor Brian
# Blessed visited Brevik": one of four).
HEADLINE_MAX_LOWER_CASE = 0.2
# In a headline, a capitalised preposition or auxiliary inside a run is no part
# of a name ("Rebel Commander Killed In Drone Strike", "Singer Is Engaged"); in prose it is a title's
# ("Made In Chelsea", "Stand Up To Cancer"). Not "of", "for" (headlines keep them in names: "Bank Of
# England"), nor "without", "against", "upon" ("Doctors Without Borders", "Newcastle Upon Tyne"), nor
# the words that are given names too ("Will", "May", "Said"); "And" joins two names ("Polish And German
# Leaders"). Nor is the present tense of the verbs that most often follow a headline's subject ("Kim
# Jong Un Oversees Missile Launch", "Lou Reed Dies"), inside a run or closing it; not "Claims",
# "Plans", "Talks", "Watch", "Launch": as often the nouns of a name or of what is named.
_HEADLINE_VERB = (r"(?:Oversees|Wins|Dies|Meets|Meet|Holds|Hold|Falls|Fall|Rises|Rise|Warns|Warn|Denies|Deny|Confirms|"
                  r"Announces|Signs|Bans|Seizes|Urges|Urge|Vows|Vow|Slams|Rejects|Reject|Approves|Faces|Seeks|Seek|"
                  r"Arrests|Sues|Quits|Resigns|Visits|Leaves|Joins|Unveils|Reveals|Admits|Accuses|Blames|Defends|"
                  r"Threatens|Agrees|Agree|Refuses|Refuse|Kills|Hits|Cuts|Raises|Pledges|Orders|Gets|Gives|Takes|"
                  r"Makes|Becomes|Returns|Survives|Dismisses|Fires|Hires|Names|Loses|Beats|Buys|Sells|Launches)")
_RUN_BREAK = re.compile(r"\s+(?:In|To|At|On|Near|With|From|After|Over|Into|Amid|As|By|Onto|During|Before|Via|Vs\.?|"
                        rf"Is|Are|Was|Were|Has|Have|Had|Say|Says|Does|Did|And|{_HEADLINE_VERB})\s+(?=[A-ZÀ-ÖØ-Þ])")
_CLOSING_VERB = re.compile(rf"\s+{_HEADLINE_VERB}$")


def _runs(sentence: str):
    """Capitalised runs, split at inner possessives ("Russia's Kursk" -> "Russia's", "Kursk") and, in a
    headline, at its prepositions and auxiliaries (which belong to neither side)."""
    headline = lower_case_share(sentence) < HEADLINE_MAX_LOWER_CASE
    for m in _NAME_RUN.finditer(sentence):
        pos, text = m.start(), m.group()
        for piece in _INNER_POSSESSIVE.finditer(text):
            yield from _headline_pieces(pos, text[: piece.start() + (2 if piece.group()[0] != "." else 0)], headline)
            cut = piece.end()
            pos, text = pos + cut, text[cut:]
        yield from _headline_pieces(pos, text, headline)


# A participle as common as "assassinated" or "beheaded" (names are rarer: "Sayed", "Hamed"), from a verb
# as common as "behead" or "oust"; a stem of three letters must be a common word ("axe", not "sae", "ree").
_PARTICIPLE_MAX_WEIGHT = 3.5
_VERB_STEM_MAX_WEIGHT = 4.0


def _headline_pieces(pos: int, text: str, headline: bool):
    """(start, text) of the pieces of a run: in a headline, those between its capitalised function words
    and verbs (_RUN_BREAK), each without the verb opening or closing it (_without_verbs); in prose the
    run whole."""
    if not headline:
        yield pos, text
        return
    cut = 0
    for word in _RUN_BREAK.finditer(text):
        piece_start, piece = _without_verbs(text[cut: word.start()], opens=cut > 0)
        yield pos + cut + piece_start, piece
        cut = word.end()
    piece_start, piece = _without_verbs(text[cut:], opens=cut > 0)
    yield pos + cut + piece_start, piece


def _without_verbs(text: str, opens: bool) -> tuple[int, str]:
    """(offset, text) of a headline's run piece without the words that are its verb: a common past
    participle first after an auxiliary (`opens`: "Is Arrested", "Was Named Tarsk Coach") or last of
    three or more words ("Singer Mara Quell Engaged"), else a common present tense closing it
    (_HEADLINE_VERB: "Lou Reed Dies"). A name ending in -ed is rare as a word ("Lou Reed", "Ahmed") or
    has no common verb before its -ed ("Saeed", "Creed", "Breed")."""
    words = text.split()
    start = 0
    if opens and words and _common_participle(words[0]):
        start = len(text) - len(text[len(words[0]):].lstrip())
        text, words = text[start:], words[1:]
    if len(words) >= 3 and _common_participle(words[-1]):
        text = text[: len(text) - len(words[-1])].rstrip()
    elif len(words) >= 2:
        text = _CLOSING_VERB.sub("", text)
    return start, text


def _common_participle(word: str) -> bool:
    w = word.lower()
    if not (w.endswith("ed") and len(w) >= 5 and w.isalpha() and weight(w) < _PARTICIPLE_MAX_WEIGHT):
        return False
    # "engaged", "killed", "stopped" (not "-eed": "breed", "creed" are no "bree", "cree" with a d)
    stems = (w[:-1] if not w.endswith("eed") else "", w[:-2], w[:-3] if w[-3] == w[-4] else "")
    return any(weight(s) < (_VERB_STEM_MAX_WEIGHT if len(s) >= 4 else SPECIFIC_NAME_WEIGHT)
               for s in stems if len(s) >= 3)



# Plurals of people or parts that open a sentence as its subject ("Residents of Brevik were evacuated",
# "Parts of Kyiv were without power"), not as the first word of a name ("Sons of Norway", "Knights of
# Columbus" keep theirs): the name is what follows "of".
_SUBJECT_PLURALS = frozenset(
    "residents parts members families relatives supporters citizens people inhabitants villagers workers "
    "employees passengers customers fans victims survivors parents students pupils children areas districts "
    "sections neighbourhoods neighborhoods streets suburbs".split())


def _subject_plural_opener(word: str, before: str) -> bool:
    """`word` opens the sentence and is one of the plurals that open a sentence as its subject."""
    return not before.strip(" \t\"“‘'(") and word.lower() in _SUBJECT_PLURALS


# A pronoun or auxiliary contracted, capitalised because it opens the sentence: "I'm", "We're", "Don't".
_CONTRACTION = re.compile(
    r"(?i)(?:i|you|we|they|he|she|it|there|here|that|what|who|where|when|why|how|let)'(?:m|re|ve|ll|d|s)|\w+n't")


def find_entities(sentence: str) -> list[EntityMention]:
    out: list[EntityMention] = []
    for start, text in _runs(sentence):
        words = text.split()
        # Drop function words that are capitalised only because they open the sentence/clause.
        while words and (words[0].lower().rstrip(".") in _STOP or _CONTRACTION.fullmatch(plain_apostrophes(words[0]))):
            start += len(words[0])
            rest = text[len(words[0]) :]
            start += len(rest) - len(rest.lstrip())
            text = rest.lstrip()
            words = words[1:]
        while words and (words[-1].lower() in _CONNECTORS or words[-1].lower().rstrip(".") in _STOP):
            text = text[: len(text) - len(words[-1])].rstrip()
            words = words[:-1]
        if len(words) > 2 and words[1] == "of" and _subject_plural_opener(words[0], sentence[:start]) and (
                canonicalize(text)[1] == OTHER):
            # "Residents of Tarrin", "Parts of Kyiv": the sentence's first word is no part of the name.
            cut = text.index(words[2], len(words[0]))
            start, text, words = start + cut, text[cut:], words[2:]
        if not words:
            continue
        # Trim possessive and trailing full stop (unless it is an initialism like U.S.).
        if not re.fullmatch(r"(?:[A-Z]\.)+", words[-1]):
            trimmed = _POSSESSIVE.sub("", text)
            text = trimmed or text
        if not text or len(text) < 2 and not text.isupper():
            continue
        if all(ascii_lower(w).rstrip(".") in TITLES for w in words) and not (
                len(words) == 1 and ascii_lower(words[0]) in _TITLES_ALSO_NAMES):
            continue
        # "Ukrainian President X", "Kyiv Mayor X", "Tesla Chief Executive Elon Musk": what the title is of
        # is its own entity, the rest is the person.
        # ("Kyiv Mayor" alone, as a headline's run ends at its verb, is Kyiv: the title names no one)
        if len(words) >= 2 and ascii_lower(words[1]) in TITLES and ascii_lower(words[1]) not in _CONNECTORS and (
                ascii_lower(words[0]) not in _OF_OFFICE) and (
                ascii_lower(words[0]) in ALIASES or canonicalize(words[0])[1] == PLACE
                or len(words) > 3 and ascii_lower(words[0]) not in TITLES
                and ascii_lower(words[1]) not in NAME_TITLES and "of" not in words[2:]):  # "Islamic State of Iraq"
            j = 1
        else:
            # "Federal Reserve Chairman Jerome Powell", "House Speaker Mike Johnson", "White House Press
            # Secretary X": a name of several words, then a title and a full name
            j = _title_after_name(words)
            if j and title_case(sentence):
                j = 0
        if j:
            skip = text.index(words[j], len(" ".join(words[:j])) - 1)
            head = text[:skip].rstrip()
            canon, kind = canonicalize(head)
            out.append(EntityMention(head, canon, kind, start, start + len(head)))
            start, text = start + skip, text[skip:]
            if all(ascii_lower(w).rstrip(".") in TITLES for w in text.split()):
                continue
        canon, kind = canonicalize(text)
        out.append(EntityMention(text, canon, kind, start, start + len(text)))
    return out


def _title_after_name(words: list[str]) -> int:
    """Where a title and a full name begin after a name of two or more words, or 0."""
    low = [ascii_lower(w).rstrip(".,") for w in words]
    for j in range(2, len(words) - 2):
        if low[j] in PERSON_TITLES:
            name = words[j + 1:]
            if "of" in low[j + 1:] or not all(w[:1].isupper() for w in name) or (
                    low[0] in PERSON_TITLES or low[1] in PERSON_TITLES):
                return 0
            return j - 1 if low[j - 1] in _OF_OFFICE else j  # "Press Secretary", "Police Chief"
    return 0
