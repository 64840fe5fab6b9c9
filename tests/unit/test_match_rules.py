"""Near misses and every conflict kind the matcher must get right, with sentences written for
these tests."""

from datetime import datetime, timezone

import pytest

from services.extractor.extraction import analyze_sentence
from services.matcher.blocking import BlockingIndex, pair_score
from services.matcher.matching import CONFLICTING, DIFFERENT, SAME, SIMILAR_POOL, ClaimIndex, compare, dateline_credit
from services.matcher.normalize import match_form, same_word, spelling_fold, stem
from services.matcher.stories import StoryIndexes
from shared.pb import claim_pb2
from sentences_for_tests import explain, placed_claim


def test_attribution_frame_and_reporting_verb_do_not_change_the_statement():
    e = explain("The regional governor said the bridge over the Maas would stay closed for repairs.",
                "The bridge over the Maas would stay closed for repairs, the regional governor told reporters.")
    assert e.decision == SAME and e.score >= 90


def test_seeking_is_demanding():
    cores = {match_form(analyze_sentence(s)).core for s in (
        "The Ostvik dockers' union is seeking a 6.5% wage increase.", "The Ostvik dockers' union is demanding a 6.5% pay rise.")}
    assert len(cores) == 1, cores


def test_light_stemming_and_synonyms_fold_word_forms():
    assert stem("closures") == stem("closure")
    assert stem("purchased") == stem("bought") == "buy"
    assert stem("killed") == stem("died") == "die"


def test_an_approximation_is_folded_as_written_and_leaves_no_place_word():
    # "nearly" would stem to "near", a word of place ("near the border"): it is "about", a stop word
    cores = {match_form(analyze_sentence(f"The port handled {about} 10 million containers last year.")).core
             for about in ("nearly", "roughly", "approximately", "about", "almost")}
    assert cores == {"port handle container"}, cores
    assert "near" in match_form(analyze_sentence("The port near Vlieborg handled 10 million containers.")).core


@pytest.mark.parametrize("forms", [
    # a final e the suffix took with it: the word and its inflections meet whichever way it went
    ("release", "released", "releasing", "releases"), ("idle", "idled"), ("continue", "continued", "continuing"),
    ("describe", "described"), ("resume", "resumed"), ("charge", "charged"), ("operate", "operated"),
    ("range", "ranged"), ("raise", "raised", "raising"), ("house", "houses", "housing"),
    # no e to put back: the word as written
    ("bring", "bringing", "brought"), ("catalog", "cataloged"), ("beat", "beating"), ("focus", "focused", "focuses"),
    ("tax", "taxes", "taxed"), ("inch", "inches"), ("watch", "watches", "watched"), ("bus", "buses"), ("plus", "pluses"),
    ("quote", "quoted"), ("expose", "exposed"), ("revise", "revised"), ("arise", "arising"),
    ("lunge", "lunged"), ("sever", "severed"), ("speed", "speeding"), ("succeed", "succeeded"), ("flee", "fleeing", "fled"),
])
def test_a_word_and_its_inflections_stem_alike(forms):
    assert len({stem(f) for f in forms}) == 1, {f: stem(f) for f in forms}


@pytest.mark.parametrize("word, other", [
    # a short consonant-vowel-consonant takes its e back: "noted" is no negation, "hoped" no hop
    ("noted", "not"), ("noting", "not"), ("hoped", "hopped"), ("rated", "rat"), ("filed", "filled"),
    ("uses", "us"), ("corpses", "corps"), ("presiding", "president"), ("labelled", "labelle"),
    # both spellings are words: the commoner one is not always the -ed form's ("lung", "severe", "route")
    ("lunged", "lung"), ("severed", "severe"), ("routed", "route"), ("binged", "bing"),
])
def test_an_inflection_does_not_stem_to_another_word(word, other):
    assert stem(word) != stem(other)


def test_a_verb_that_is_another_words_stem_does_not_link_two_facts():
    e = explain("The suspect lunged at officers with a knife, police said.",
                "The suspect had a punctured lung, police said.")
    assert e.decision == DIFFERENT


def test_british_and_american_spellings_of_a_doubled_l_stem_alike():
    assert stem("cancelled") == stem("canceled") == stem("cancel") == stem("cancelling")
    assert stem("controlled") == stem("control") and stem("travelled") == stem("travel")
    assert stem("installed") == stem("install")
    assert stem("called") == "call" and stem("fall") == "fall"  # one syllable: the double l stays


@pytest.mark.parametrize("british, american", [
    ("harbour", "harbor"), ("organisers", "organizers"), ("organised", "organized"), ("defence", "defense"),
    ("centre", "center"), ("analysed", "analyzed"), ("programme", "program"), ("travellers", "travelers"),
    ("neighbourhood", "neighborhood"), ("fuelled", "fueled"), ("metres", "meters"), ("fibre", "fiber"),
    # no ending rule covers these: the word list does
    ("jewellery", "jewelry"), ("judgement", "judgment"), ("centred", "centered"), ("catalogued", "cataloged"),
    ("grey", "gray"), ("manoeuvres", "maneuvers"), ("paediatric", "pediatric"),
    ("mould", "mold"), ("sceptical", "skeptical"), ("aluminium", "aluminum"), ("licence", "license"),
])
def test_a_british_spelling_folds_to_the_american_one(british, american):
    assert spelling_fold(stem(british)) == spelling_fold(stem(american))


def test_a_plural_stays_its_singular_whatever_the_word_list_says():
    # breame lists "busses" and "gasses" as the American spellings of "buses" and "gases"
    assert same_word(stem("buses"), {stem("bus")}) and same_word(stem("gases"), {stem("gas")})


def test_a_token_longer_than_any_word_is_not_folded():
    # a pasted hash or run-together text: left as it is (and the folds never scan it)
    token = "colourharbour" * 800
    assert spelling_fold(token) == token and spelling_fold("colour") == "color"


@pytest.mark.parametrize("word, other", [
    ("minister", "ministry"), ("police", "policy"), ("car", "care"), ("role", "roll"), ("fill", "file"),
    ("hour", "hor"), ("louis", "louise"), ("score", "scour"), ("flour", "flor"),
    # the word list's American spelling is another word's stem too
    ("tyres", "tired"), ("gauge", "gag"), ("tonnes", "tone"), ("draught", "draft"),
])
def test_two_words_that_look_alike_do_not_fold_together(word, other):
    assert spelling_fold(stem(word)) != spelling_fold(stem(other))
    if stem(word).rstrip("e") != stem(other).rstrip("e"):  # same_word forgives the stemmer's final -e
        assert not same_word(stem(word), {stem(other)})


def test_a_figure_followed_by_a_model_number_counts_what_follows_it():
    e = explain("Boeing delivered 12 737 jets and 4 787 jets to the airline in March.",
                "Boeing delivered 4 737 jets and 12 787 jets to the airline in March.")
    assert e.decision == CONFLICTING and e.rule == "number_mismatch", e.reason


def test_a_city_abbreviated_is_the_same_place():
    e = explain("Police in L.A. arrested 14 people after the march on Sunday.",
                "Police in Los Angeles arrested 14 people after the march on Sunday.")
    assert e.decision == SAME and "names shared 1.00" in e.reason, e.reason
    e = explain("L.A. police arrested 14 people after the march on Sunday.",
                "San Francisco police arrested 14 people after the march on Sunday.")
    assert e.rule == "place_mismatch", e.reason


def test_counts_that_differ_conflict_with_both_figures_in_the_reason():
    e = explain("Nine miners were trapped after the tunnel collapsed at the copper mine.",
                "Twelve miners were trapped after the tunnel collapsed at the copper mine.")
    assert e.decision == CONFLICTING and "9" in e.reason and "12" in e.reason


def test_same_figure_written_differently_is_the_same_claim():
    e = explain("The airline ordered 40 new aircraft worth $3.2 billion.",
                "The airline ordered forty new aircraft worth 3.2 billion dollars.")
    assert e.decision == SAME


def test_rounding_in_the_copy_is_not_a_conflict_but_a_different_percentage_is():
    assert explain("Turnout in the referendum was 61.2 percent, the electoral board said.",
                   "Turnout in the referendum was 61.2%, according to the electoral board.").decision == SAME
    e = explain("Turnout in the referendum was 61 percent.", "Turnout in the referendum was 64 percent.")
    assert e.decision == CONFLICTING and "percent" in e.reason


def test_numbers_are_paired_by_what_they_count():
    e = explain("The storm killed 6 people and injured 30 people in the coastal towns.",
                "The storm killed 6 people and injured 31 people in the coastal towns.")
    assert e.decision == CONFLICTING and "30" in e.reason and "31" in e.reason


def test_agreed_versus_has_not_agreed_conflicts():
    e = explain("The farmers' federation has agreed to end the blockade of the motorway.",
                "The farmers' federation has not agreed to end the blockade of the motorway.")
    assert e.decision == CONFLICTING and "confirm vs deny" in e.reason


def test_confirmed_versus_denied_conflicts():
    e = explain("The defence ministry confirmed that a drone hit the fuel depot near the border.",
                "The defence ministry denied that a drone hit the fuel depot near the border.")
    assert e.decision == CONFLICTING and "confirm vs deny" in e.reason


def test_both_sentences_negated_is_not_a_conflict():
    e = explain("The club has not paid the transfer fee for the striker, the director said.",
                "The director said the club had not paid the transfer fee for the striker.")
    assert e.decision == SAME


def test_out_of_control_denies_under_control():
    e = explain('"The blaze at the depot is under control," the fire chief said.',
                "The blaze at the depot was still out of control, the fire chief said.")
    assert e.decision == CONFLICTING and e.rule == "confirm_deny", e.reason
    assert explain("Crews brought the blaze at the depot under control on Sunday.",
                   "The blaze at the depot was under control by Sunday, crews said.").decision == SAME
    # "control" as a verb or a noun is no state: nothing is negated
    assert explain("Rebels control the port of Qasr.", "The port of Qasr is under rebel control.").decision == SAME


def test_a_figure_in_miles_meets_its_rounded_conversion():
    assert explain("Gusts of 100 mph hit the harbour.", "Gusts of 160 km/h hit the harbour.").decision == SAME
    e = explain("Gusts of 100 mph hit the harbour.", "Gusts of 120 km/h hit the harbour.")
    assert e.decision == CONFLICTING and e.rule == "number_mismatch", e.reason
    assert explain("The convoy was stopped 5 miles from the border.",
                   "The convoy was stopped 8 km from the border.").decision == SAME
    # a rough conversion of a rounded figure: 90 miles is 145 km, of which "150 km" is a rounding
    assert explain("The convoy was stopped about 90 miles north of the capital.",
                   "The convoy was stopped about 150 km north of the capital.").decision == SAME


@pytest.mark.parametrize(("first", "second", "rule"), [
    ("Exports of grain rose 6 percent in March.", "Imports of grain rose 6 percent in March.", "different_things"),
    ("The transport minister resigned on Friday.", "The justice minister resigned on Friday.", "different_things"),
    ("Nine people were injured in the stampede at the stadium.", "Nine people were arrested in the stampede at the stadium.",
     "different_things"),
    ("The city museum reopened after a long renovation.", "The city library reopened after a long renovation.",
     "different_things"),
    ("Unemployment in Norvia rose to 4.3% in July.", "Inflation in Norvia rose to 4.3% in July.", "different_things"),
    ("Norvia will send $500 million in military aid to Velmar.", "Norvia will send $500 million in humanitarian aid to Velmar.",
     "different_things"),
    ("Norvik Motors' quarterly revenue rose 8%.", "Norvik Motors' quarterly deliveries rose 8%.", "different_things"),
    ("Velmar fired a missile into the sea off its east coast.", "Velmar fired a missile into the sea off its west coast.",
     "different_things"),
    ("Police arrested 12 fans after the match in Brevik.", "Police fined 12 fans after the match in Brevik.",
     "different_things"),
    ("Norvell Energy's chief executive resigned on Monday.", "Norvell Energy's chief financial officer resigned on Monday.",
     "different_things"),
])
def test_the_same_template_of_two_alternatives_is_two_facts(first, second, rule):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == DIFFERENT and e.rule == rule, (a, b, e.reason)


@pytest.mark.parametrize(("first", "second"), [
    # both alternatives named on one side: nothing contrasts
    ("Schools and universities in the province closed on Monday.", "Schools in the province closed on Monday."),
    # one alternative each, but the rest of the statements differs: left to the model and the other rules
    ("Nine people were injured when the roof fell in.", "Police arrested two men over the collapse of the roof."),
    ("Grain exports to Egypt fell 9 percent in May.", "Egypt's grain imports fell 9 percent in May."),  # a mirror report
    # who one person was: a conflict to see, not two facts
    ("The victim was a nurse at the city hospital, police said.", "The victim was a doctor at the city hospital."),
    # words of the lexicon in another sense, and verbs of incidents
    ("The nursing home was evacuated on Sunday.", "The care home was evacuated on Sunday."),
    ("Soldiers opened fire on protesters in the square.", "Soldiers shot at protesters in the square."),
])
def test_alternatives_contrast_only_in_otherwise_alike_statements(first, second):
    assert explain(first, second).rule != "different_things"


@pytest.mark.parametrize(("first", "second"), [
    ("Norway pledged 12 air defence systems to Ukraine.", "Sweden pledged 12 air defence systems to Ukraine."),
    ("Investigators believe Poland laid the cable.", "Investigators believe Estonia laid the cable."),
    ("The Polish government banned the sale of the pesticide.", "The Japanese government banned the sale of the pesticide."),
    ("Texas sued the federal government over the rule.", "Oklahoma sued the federal government over the rule."),
    # a country the event is in, named first, is not an actor
    ("At the summit in Egypt, Norway pledged 40 tanks to Ukraine.", "At the summit in Egypt, Sweden pledged 40 tanks to Ukraine."),
    # countries told apart by place, not by word: both "united"
    ("The United Kingdom pledged 40 tonnes of flour to Ukraine.", "The United States pledged 40 tonnes of flour to Ukraine."),
    # a verb between a country and a person is no description of the person
    ("Norway sent Helena Marsh to the summit in Oslo.", "Sweden sent Helena Marsh to the summit in Oslo."),
    # a country named inside another's name, or shortened by the extractor ("South Sudan" -> "sudan")
    ("South Sudan pledged 20 tonnes of grain to the relief effort.", "Sudan pledged 20 tonnes of grain to the relief effort."),
])
def test_the_same_statement_of_two_countries_is_two_facts(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == DIFFERENT and e.rule == "different_actors", (a, b, e.reason)


def test_a_repeat_on_another_day_is_another_occasion_not_a_date_in_dispute():
    e = explain("A strike shut down the port of Brevik on Monday.", "A strike shut down the port of Brevik again on Thursday.")
    assert e.decision == DIFFERENT and e.rule == "different_events", e.reason
    e = explain("Dockworkers in Brevik walked out for a second time on Thursday.", "Dockworkers in Brevik walked out on Monday.")
    assert e.decision == DIFFERENT and e.rule == "different_events", e.reason
    # without the repeat, two days for one strike are in dispute
    e = explain("A strike shut down the port of Brevik on Monday.", "A strike shut down the port of Brevik on Thursday.")
    assert e.decision == CONFLICTING and e.rule == "date_mismatch", e.reason


def test_a_town_written_with_its_country_is_in_that_country():
    # "in Brevik, Norway" / "in Norway" was a place mismatch: a town the tables do not know against a country
    e = explain("Norvell Energy opened a new plant in Brevik, Norway, on Monday.",
                "Norvell Energy opened a new plant in Norway on Monday.")
    assert e.decision == SAME, e.reason
    for other in ("Norvell Energy opened a new plant in Sweden on Monday.",
                  "Norvell Energy opened a new plant in Tarsk, Norway, on Monday."):
        e = explain("Norvell Energy opened a new plant in Brevik, Norway, on Monday.", other)
        assert e.decision == CONFLICTING and e.rule == "place_mismatch", (other, e.reason)


@pytest.mark.parametrize("first, second", [
    ("President Lenn Varro visited Brazil on Tuesday.", "President Lenn Varro visited Argentina on Tuesday."),
    ("Canada imposed new sanctions on Iran over the drone attacks.",
     "Canada imposed new sanctions on Russia over the drone attacks."),
    ("Mara Quell met the Norwegian prime minister in Tarsk.", "Mara Quell met the Swedish prime minister in Tarsk."),
])
def test_the_same_act_towards_two_countries_is_two_facts(first, second):
    # the first name shared, one country each after it: it was one claim, corroborated
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == DIFFERENT and e.rule == "different_actors", (a, b, e.reason)


@pytest.mark.parametrize("first, second", [
    # a country listed beside the first: one pledge, its donors told two ways
    ("Norway and Denmark pledged 12 air defence systems to Tarsk.", "Norway and Finland pledged 12 air defence systems to Tarsk."),
    # people after the verb: one goal, a detail in dispute, not two facts
    ("Harlan Voss scored the winner after a cross from Luke Brand.", "Harlan Voss scored the winner after a cross from Ivo Holt."),
])
def test_other_names_after_a_shared_first_name_are_not_two_facts(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.rule != "different_actors", (a, b, e.reason)


@pytest.mark.parametrize("first, second, decision, rule", [
    # two countries of one last word are two actors, not one (both were the person "korea")
    ("The South Korean navy seized the tanker.", "The North Korean navy seized the tanker.",
     DIFFERENT, "different_actors"),
    # "north" and "south" inside two names are the names', not two sides of one place
    ("The 2031 Tarsk Cup will be hosted by South Korea.", "The 2031 Tarsk Cup will be hosted by North Korea.",
     CONFLICTING, "actor_mismatch"),
    # a word of the name written again elsewhere in the statement stays there ("New Zealand ... new")
    ("New Zealand became the first country to ban new coal mines.",
     "Denmark became the first country to ban new coal mines.", CONFLICTING, "actor_mismatch"),
])
def test_countries_of_several_words_are_told_apart_by_their_whole_name(first, second, decision, rule):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert (e.decision, e.rule) == (decision, rule), (a, b, e.reason)


@pytest.mark.parametrize(("first", "second"), [
    ("Chile won the regional rugby championship final on Sunday.", "Peru won the regional rugby championship final on Sunday."),
    ("Morocco will host the 2031 youth athletics championships.", "Kenya will host the 2031 youth athletics championships."),
    ("Iceland became the first country to ban plastic cutlery.", "Denmark became the first country to ban plastic cutlery."),
    ("Ohio is the country's largest producer of sweet corn.", "Iowa is the country's largest producer of sweet corn."),
    ("Estonia won gold in the women's relay final.", "Latvia won gold in the women's relay final."),
    ("The regional rugby final was won by Chile on Sunday.", "The regional rugby final was won by Peru on Sunday."),
    ("The 2031 Pacific Youth Games will be hosted by Chile.", "The 2031 Pacific Youth Games will be hosted by Peru."),
    # what follows in another clause, or after the thing, leaves the role as it is
    ("Chile won the regional rugby final, their coach said.", "Peru won the regional rugby final, their coach said."),
    ("The 2031 Pacific Youth Games will be hosted by Chile for two weeks.",
     "The 2031 Pacific Youth Games will be hosted by Peru for two weeks."),
    ("Officials said the regional rugby final was won by Chile.", "Officials said the regional rugby final was won by Peru."),
    # the author of one act, in dispute
    ("Officials said Chile planted the explosives on the undersea cable.", "Officials said Peru planted the explosives on the undersea cable."),
    ("The cyberattack on the port was orchestrated by Chile.", "The cyberattack on the port was orchestrated by Peru."),
    ("Investigators believe Poland sabotaged the cable.", "Investigators believe Estonia sabotaged the cable."),
    ("Officials said Chile carried out the cyberattack on the port.", "Officials said Peru carried out the cyberattack on the port."),
    # a country by its demonym, a group claiming the act, a group the passive names as its author
    ("Witnesses said Chilean troops carried out the killings in the village.",
     "Witnesses said Peruvian troops carried out the killings in the village."),
    ("The Kestrel Brigade claimed responsibility for the attack on the depot.",
     "The Harrow Front claimed responsibility for the attack on the depot."),
    ("The cyberattack on the port was carried out by the Kestrel Brigade.",
     "The cyberattack on the port was carried out by the Harrow Front."),
    ("Chile won Sunday's regional rugby final.", "Peru won Sunday's regional rugby final."),
    # a city of one of them named in both: the host city is not the winner
    ("Chile won the regional rugby final in Santiago.", "Peru won the regional rugby final in Santiago."),
])
def test_two_countries_in_a_role_only_one_can_hold_conflict(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == CONFLICTING and e.rule == "actor_mismatch", (a, b, e.reason)


@pytest.mark.parametrize("role", [
    "took the title at the regional basketball championship",
    "lifted the regional league trophy in Halden",
    "won silver in the women's 4x100m relay",
    "topped the medal table at the regional games",
    "were crowned regional champions in beach volleyball",
    "is the host nation for the 2031 youth championships",
    "will stage the final round of the regional tournament",
    "holds the rotating presidency of the regional council",
    "is the region's biggest producer of almonds",
    "has the largest sovereign wealth fund in the region",
    "was the happiest country in the region for a seventh year",
    "won the contract to supply the Halden ferries",
    "won the $40 million contract to supply the Halden ferries",
])
def test_more_roles_only_one_can_hold_conflict(role):
    first, second = f"Chile {role}.", f"Peru {role}."
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == CONFLICTING and e.rule == "actor_mismatch", (a, b, e.reason)


def test_a_prize_often_shared_is_no_role_only_one_holds():
    first, second = "Helena Marsh won the Nobel Peace Prize on Friday.", "Oliver Strand won the Nobel Peace Prize on Friday."
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.rule != "actor_mismatch", (a, b, e.reason)


@pytest.mark.parametrize(("first", "second"), [
    ("Helena Marsh was elected mayor of Eastbridge on Sunday.", "Oliver Strand was elected mayor of Eastbridge on Sunday."),
    ("Priya Raman was named the new chief executive of the utility.", "Tomas Berg was named the new chief executive of the utility."),
    ("Helena Marsh won the mayoral election in Eastbridge.", "Oliver Strand won the mayoral election in Eastbridge."),
    # the race named by whose or which day's it is
    ("Helena Marsh won Eastbridge's mayoral election.", "Oliver Strand won Eastbridge's mayoral election."),
    ("Helena Marsh won Sunday's mayoral runoff in Eastbridge.", "Oliver Strand won Sunday's mayoral runoff in Eastbridge."),
    ("Helena Marsh became mayor after the council vote.", "Oliver Strand became mayor after the council vote."),
    ("Helena Marsh was declared the winner of the mayoral race.", "Oliver Strand was declared the winner of the mayoral race."),
    # who someone was found to be, told before the name
    ("Police identified the arsonist as Helena Marsh.", "Police identified the arsonist as Oliver Strand."),
    ("The driver was named as 41-year-old Helena Marsh.", "The driver was named as 41-year-old Oliver Strand."),
    ("The arsonist was named by police as Helena Marsh.", "The arsonist was named by police as Oliver Strand."),
    ("A police spokesman identified the arsonist as Helena Marsh.", "A police spokesman identified the arsonist as Oliver Strand."),
    # who chose them, told first
    ("The harbour board appointed Helena Marsh as chief executive.", "The harbour board appointed Oliver Strand as chief executive."),
    ("Voters elected Helena Marsh mayor of Eastbridge.", "Voters elected Oliver Strand mayor of Eastbridge."),
    # a title one wins, of a person or a team
    ("Helena Marsh won the Eastbridge marathon on Sunday.", "Oliver Strand won the Eastbridge marathon on Sunday."),
    ("The Harbour City Gulls won the regional league title.", "The Harbour City Albatrosses won the regional league title."),
    ("Halden United won the regional cup final on Sunday.", "Brevik Rovers won the regional cup final on Sunday."),
    ("Vantora is the largest carmaker in Ostland.", "Kelmark is the largest carmaker in Ostland."),
    # who someone was found or named to be, after the name or before it
    ("Helena Marsh was identified as the gunman.", "Oliver Strand was identified as the gunman."),
    ("Police named Helena Marsh as the driver of the truck.", "Police named Oliver Strand as the driver of the truck."),
    ("The board named Helena Marsh as the company's new chief executive.",
     "The board named Oliver Strand as the company's new chief executive."),
    ("The Senate confirmed Helena Marsh as the new attorney general.", "The Senate confirmed Oliver Strand as the new attorney general."),
    ("Helena Marsh won the Booker Prize for her third novel.", "Oliver Strand won the Booker Prize for her third novel."),
    # who she is before the name describes her: the person is the holder
    ("The hostage was identified as French national Helena Marsh.", "The hostage was identified as French national Oliver Strand."),
])
def test_two_people_in_one_office_conflict(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == CONFLICTING and e.rule == "actor_mismatch", (a, b, e.reason)


@pytest.mark.parametrize(("first", "second"), [
    # offices many hold, or no office named
    ("Helena Marsh was elected to the city council on Sunday.", "Oliver Strand was elected to the city council on Sunday."),
    ("Helena Marsh was named in the squad for the cup final.", "Oliver Strand was named in the squad for the cup final."),
    ("Helena Marsh was appointed on Monday.", "Oliver Strand was appointed on Monday."),
    ("The harbour board appointed Helena Marsh to its audit committee.", "The harbour board appointed Oliver Strand to its audit committee."),
    ("Helena Marsh was named as a witness in the inquiry.", "Oliver Strand was named as a witness in the inquiry."),
    ("Helena Marsh was appointed joint managing director of the port.", "Oliver Strand was appointed joint managing director of the port."),
    ("Helena Marsh was elected vice-chair of the committee.", "Oliver Strand was elected vice-chair of the committee."),
    ("Helena Marsh won the election to the harbour board.", "Oliver Strand won the election to the harbour board."),
    ("Helena Marsh was elected unopposed on Sunday.", "Oliver Strand was elected unopposed on Sunday."),
    # one person spelled two ways
    ("Volodymyr Zelensky was elected president in 2019.", "Volodymyr Zelenskyy was elected president in 2019."),
    ("Police identified the arsonist as Helena Levi.", "Police identified the arsonist as Helena Levy."),
    # one of several, or an identification called wrong
    ("One of the injured was named as Helena Marsh.", "One of the injured was named as Oliver Strand."),
    ("Police identified a suspect as Helena Marsh.", "Police identified a suspect as Oliver Strand."),
    ("Online posts wrongly named the arsonist as Helena Marsh.", "Online posts wrongly named the arsonist as Oliver Strand."),
])
def test_people_are_read_only_as_holders_of_one_office(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.rule != "actor_mismatch", (a, b, e.reason)


@pytest.mark.parametrize(("first", "second"), [
    # roles many can hold: two facts
    ("Chile won a seat on the regional council.", "Peru won a seat on the regional council."),
    ("Iceland is the latest country to ban plastic cutlery.", "Denmark is the latest country to ban plastic cutlery."),
    ("Morocco hosted talks on water sharing last week.", "Kenya hosted talks on water sharing last week."),
    ("Chile won the backing of the regional football federation.", "Peru won the backing of the regional football federation."),
    ("Chile won Norvia's backing for the ferry bid.", "Peru won Norvia's backing for the ferry bid."),
    ("Chile won the regional cup qualifier on Sunday.", "Peru won the regional cup qualifier on Sunday."),
    ("Morocco hosted the visiting trade minister on Monday.", "Kenya hosted the visiting trade minister on Monday."),
    ("Morocco will co-host the 2031 youth athletics championships.", "Kenya will co-host the 2031 youth athletics championships."),
    ("Chile won the regional title for the first time.", "Peru won the regional title for the first time."),
    ("Iceland's aid package was the largest in its history.", "Denmark's aid package was the largest in its history."),
    # another event told in one word more: the men's title and the women's
    ("Chile won the men's regional rugby title on Sunday.", "Peru won the women's regional rugby title on Sunday."),
    # hoped for, denied, asked, or said of another clause: no role claimed
    ("Morocco hopes to host the 2031 youth athletics championships.", "Kenya hopes to host the 2031 youth athletics championships."),
    ("Chile has never won the regional rugby championship.", "Peru has never won the regional rugby championship."),
    ("Will Morocco host the 2031 youth athletics championships?", "Will Kenya host the 2031 youth athletics championships?"),
    ("Two stages of the regional cycling tour were won by Chile.", "Two stages of the regional cycling tour were won by Peru."),
    ("Iceland, which hosted the 2029 youth games, pledged 20 ambulances.", "Denmark, which hosted the 2029 youth games, pledged 20 ambulances."),
    # an act many do, not an attack
    ("Iceland carried out the evacuation of its citizens.", "Denmark carried out the evacuation of its citizens."),
    ("The evacuation of the port was carried out by the Kestrel Brigade.",
     "The evacuation of the port was carried out by the Harrow Front."),
    # a reaction many share, of countries by their demonyms
    ("Kenyan officials condemned the attack on the depot.", "Ugandan officials condemned the attack on the depot."),
    # each its own, or not an attack
    ("Chile shot down the drones that entered its airspace.", "Peru shot down the drones that entered its airspace."),
    ("Chile sabotaged the trade talks, officials said.", "Peru sabotaged the trade talks, officials said."),
    # a role shared with others
    ("Morocco will host the 2031 youth athletics championships alongside Tunisia.", "Kenya will host the 2031 youth athletics championships alongside Tunisia."),
])
def test_two_countries_in_a_role_many_can_hold_are_two_facts(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == DIFFERENT and e.rule == "different_actors", (a, b, e.reason)


def test_a_country_that_suffers_the_event_is_where_it_happened():
    e = explain("Iceland was struck by a magnitude 6.1 earthquake on Sunday.",
                "Denmark was struck by a magnitude 6.1 earthquake on Sunday.")
    assert e.decision == CONFLICTING and e.rule == "place_mismatch", e.reason


@pytest.mark.parametrize(("first", "second", "decision"), [
    ("Halden United beat Brevik Rovers 3-1 on Sunday.", "Brevik Rovers beat Halden United 3-1 on Sunday.", CONFLICTING),
    ("Chile defeated Peru in the regional final.", "Peru defeated Chile in the regional final.", CONFLICTING),
    ("Halden Shipping sued Brevik Ferries over the collision.", "Brevik Ferries sued Halden Shipping over the collision.",
     DIFFERENT),
    # two names told together, in either order: one act of both
    ("Helena Marsh and Oliver Strand met union leaders in Ostvik.", "Oliver Strand and Helena Marsh met union leaders in Ostvik.",
     SAME),
    # a country named before a person and, in the other, as where the person is: no swap
    ("Chilean opposition leader Helena Marsh went into hiding.", "Helena Marsh, the opposition leader in Chile, went into hiding.",
     SAME),
])
def test_two_names_in_each_others_place(first, second, decision):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == decision, (a, b, e.reason)


def test_two_countries_each_acting_on_the_other_are_two_facts():
    for a, b in (("Russia expelled 10 Polish diplomats on Monday.", "Poland expelled 10 Russian diplomats on Monday."),
                 ("Russia accused Poland of sheltering the saboteurs.", "Poland accused Russia of sheltering the saboteurs.")):
        for x, y in ((a, b), (b, a)):
            e = explain(x, y)
            assert e.decision == DIFFERENT, (x, y, e.reason)


@pytest.mark.parametrize(("first", "second"), [
    # one country named two ways, a body standing for it
    ("Britain pledged 12 air defence systems to Ukraine.", "The UK pledged 12 air defence systems to Ukraine."),
    ("The Kremlin rejected the proposal on Tuesday.", "Russia rejected the proposal on Tuesday."),
    ("Holland pledged 12 air defence systems to Ukraine.", "The Netherlands pledged 12 air defence systems to Ukraine."),
    ("Hong Kong banned the sale of the pesticide.", "China banned the sale of the pesticide."),  # a part of it
    # a country and a body
    ("The White House imposed new tariffs on steel.", "The United States imposed new tariffs on steel."),
    # one person or body named two ways: a short form, a spelling, a title, a surname alone
    ("The Nordic Investment Fund bought the harbour site.", "The NIF bought the harbour site."),
    ("The Bank of Ostland held its main rate at 4 percent.", "The BoO held its main rate at 4 percent."),
    ("The Fed held its main rate at 4 percent.", "The Federal Reserve held its main rate at 4 percent."),
    ("Brevik Wanderers were relegated on Saturday.", "Brevik were relegated on Saturday."),
    ("Valtersen Rovers were relegated on Saturday.", "Valters were relegated on Saturday."),
    ("Dmitry Sorokov was detained at the airport.", "Dmitri Sorokow was detained at the airport."),
    ("Helena Marsh opened the new bridge on Sunday.", "Mayor Marsh opened the new bridge on Sunday."),
    ("Senator Helena Marsh opened the new bridge on Sunday.", "Helena Marsh opened the new bridge on Sunday."),
    ("The Duke of Halden opened the new bridge on Sunday.", "Prince Oskar opened the new bridge on Sunday."),
    # one war, one numbered two ways; a description or a day the extractor may take for a name
    ("Halden was rebuilt after the Second World War ended.", "Halden was rebuilt after World War II ended."),
    ("The Brevik-based shipping firm cut 300 jobs on Monday.", "Halvorsen Shipping cut 300 jobs on Monday."),
    # two one-word names not opening the sentence: a first name and a surname may be one man
    ("In 2019, Tomas helped found the harbour rowing club.", "In 2019, Brandt helped found the harbour rowing club."),
    # a name before a person's that describes them: one person
    ("Vantora chief executive Lena Holt bought the harbour site.", "Kelmark chief executive Lena Holt bought the harbour site."),
    ("Vantora's Lena Holt bought the harbour site.", "Kelmark's Lena Holt bought the harbour site."),
    ("Disgraced financier Tomas Berg was sentenced to 12 years.", "Jailed financier Tomas Berg was sentenced to 12 years."),
    # a titled surname against a bare one-word name: may be her first name
    ("Ms. Berg, meanwhile, opened the harbour festival.", "Helena, meanwhile, opened the harbour festival."),
    # a one-word name opening the sentence named first by both: one meeting, its guests told two ways
    ("Halvorsen and Strand met union leaders in Ostvik.", "Halvorsen and Holt met union leaders in Ostvik."),
    # a body named by a surname or a word both write: not told apart
    ("Halvorsen Shipping will cut 300 jobs at its Brevik yard.", "Halvorsen Group will cut 300 jobs at its Brevik yard."),
    # the plural of a common word opening the sentence is people of a kind, told many ways
    ("Rescuers pulled two survivors from the rubble on Monday.", "Volunteers pulled two survivors from the rubble on Monday."),
    # a second name, or the agent of an act told of something else: one pledge, one deal
    ("The ceasefire was brokered by Qatar and signed on Friday.", "The ceasefire was brokered by Egypt and signed on Friday."),
    ("Norway and Denmark pledged 12 air defence systems.", "Norway and Finland pledged 12 air defence systems."),
    # common words opening the sentence, which the extractor may take for names
    ("Militants attacked the convoy near the border.", "Insurgents attacked the convoy near the border."),
    # two cities for one event: a place to see (place_mismatch), not two actors
    ("A fire broke out at a warehouse in Lyon on Monday.", "A fire broke out at a warehouse in Marseille on Monday."),
    # a figure or a denial in dispute stays for the conflict rules to judge
    ("Norway pledged 12 air defence systems to Ukraine.", "Sweden pledged 14 air defence systems to Ukraine."),
    ("Norway pledged air defence systems to Ukraine.", "Sweden has not pledged air defence systems to Ukraine."),
    # the rest of the statements differs: left to the model and the other rules
    ("Norway pledged 12 air defence systems to Ukraine.", "Sweden said it would train Ukrainian pilots next year."),
])
def test_names_of_one_actor_or_unlike_statements_are_not_two_actors(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.rule != "different_actors", (a, b, e.reason)


@pytest.mark.parametrize(("first", "second"), [
    ("Halvorsen Inc agreed to pay $5 million to settle the case.", "Nordlys Platforms agreed to pay $5 million to settle the case."),
    ("The jury acquitted Daniel Ormerod of all charges.", "The jury acquitted Colin Vasquez of all charges."),
    ("Helena Marsh will visit the flooded towns next week.", "Oliver Strand will visit the flooded towns next week."),
    ("Senator Helena Marsh voted against the harbour bill.", "Senator Oliver Strand voted against the harbour bill."),
    # one word of the name shared, a rare one of the other not ("Bank" of two banks, a first name)
    ("The Bank of Ostland raised its main rate by 25 basis points.", "The Bank of Vestmark raised its main rate by 25 basis points."),
    ("Amal Vermeer will represent the detained reporters.", "Amal Castellanos will represent the detained reporters."),
    # a one-word name opening the sentence, against another or a longer name
    ("Vantora recalled 120,000 vehicles over a seatbelt fault.", "Kelmark recalled 120,000 vehicles over a seatbelt fault."),
    ("Nordair suspended flights to the island until Friday.", "Air Ostland suspended flights to the island until Friday."),
    # a title marks a surname; a holder named after an office; two names owned by two countries
    ("Senator Marsh voted against the harbour bill.", "Senator Strand voted against the harbour bill."),
    ("Vantora cut 2,000 jobs at its Brevik plant.", "General Motors cut 2,000 jobs at its Brevik plant."),  # "General": no title
    ("Secretary of State Helena Marsh arrived in Ostvik on Tuesday.", "Secretary of State Oliver Strand arrived in Ostvik on Tuesday."),
    ("Norvia's Halvorsen Shipping will cut 300 jobs.", "Ostland's Brevik Ferries will cut 300 jobs."),
    # not a short form: letters in order are not initials, one word alike of two is not one name
    ("Brix will close its Ostvik plant next year.", "Brevik Industrial Exports will close its Ostvik plant next year."),
    ("Vester Rovers beat Halden 2-0 on Saturday.", "Vesterby Athletic beat Halden 2-0 on Saturday."),
    # two bodies rejecting one proposal: an act of each, not a frame that hides who
    ("The Kestrel Brigade rejected the ceasefire proposal on Sunday.", "The Harrow Front rejected the ceasefire proposal on Sunday."),
    # one word each, neither a given name: two surnames or two bodies, not one person's two names
    ("Prosecutors said Okafor had lied to investigators.", "Prosecutors said Lindqvist had lied to investigators."),
    ("Regulators fined Vantora £40 million for misleading customers.", "Regulators fined Kelmark £40 million for misleading customers."),
])
def test_two_people_or_bodies_doing_the_same_are_two_facts(first, second):
    """Two facts, one of each: a false corroboration would count one outlet's report of one company for
    another's (a name no table here knows as another's, a stage name or a parent company, is read as
    two actors too: a corroboration missed, not one invented)."""
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == DIFFERENT and e.rule == "different_actors", (a, b, e.reason)


@pytest.mark.parametrize(("first", "second"), [
    ("The victim was a nurse at the city hospital, police said.", "The victim was a doctor at the city hospital."),
    ("The suspect in the attack was a man in his twenties.", "The suspect in the attack was a woman in her twenties."),
    ("The driver worked as a pilot for the airline.", "The driver worked as an engineer for the airline."),
    # in apposition
    ("The cyclist, a 15-year-old boy, was airlifted to hospital.", "The cyclist, a 15-year-old girl, was airlifted to hospital."),
    ("Police said the arsonist, a man in his thirties, had been arrested.",
     "Police said the arsonist, a woman in her thirties, had been arrested."),
    ("Okafor, a nurse at the care home, was charged on Monday.", "Okafor, a teacher at the care home, was charged on Monday."),
    ("Police named the driver as Tomas Brandt, a pilot.", "Police named the driver as Tomas Brandt, an engineer."),
    ("The cyclist - a 15-year-old boy - was airlifted to hospital.", "The cyclist - a 15-year-old girl - was airlifted to hospital."),
    ("The cyclist (a 15-year-old boy) was airlifted to hospital.", "The cyclist (a 15-year-old girl) was airlifted to hospital."),
])
def test_who_one_person_was_told_two_ways_is_a_conflict(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == CONFLICTING and e.rule == "identity_mismatch", (a, b, e.reason)


@pytest.mark.parametrize(("first", "second"), [
    # only one side says who someone was
    ("The victim was a nurse at the city hospital.", "A doctor at the city hospital treated the victim."),
    # the same identity
    ("The victim was a nurse at the city hospital.", "The victim was a nurse at the hospital, police said."),
    # two people, a list, a choice, a general remark, a question
    ("He was a teacher at the school.", "She was a nurse at the school."),
    ("Staff such as nurses walked out on Monday.", "Staff such as doctors walked out on Monday."),
    ("Nobody knew whether the suspect was a man or a woman.", "Nobody knew whether the suspect was a woman."),
    ("Being a doctor is a hard job, he said.", "Being a teacher is a hard job, he said."),
    ("Is a nurse allowed to prescribe drugs?", "Is a doctor allowed to prescribe drugs?"),
    ("One victim was a man and the other was a woman.", "One victim was a woman and the other was a man."),
    # commas that set off no one's identity: a list, an opening phrase, a general remark, someone else
    ("Among the injured were a man, a woman and a child.", "Among the injured were a man, a girl and a child."),
    ("After the blast, a firefighter from the depot was treated for burns.",
     "After the blast, a soldier from the depot was treated for burns."),
    ("Yesterday, a student from the village won the scholarship.", "Yesterday, a teacher from the village won the scholarship."),
    ("The victim, a teacher, was stabbed on Monday.", "The victim was stabbed on Monday by a pupil, a student."),
    ("The cashier, a woman, was threatened with a knife.", "The cashier was threatened with a knife by a customer, a man."),
    # an identity that may have changed: both can be true
    ("The gunman, a former soldier, was shot dead by police.", "The gunman, a farmer, was shot dead by police."),
    # one identity told as apposition on one side and with "was a" on the other
    ("The cyclist, a 15-year-old boy, was airlifted to hospital.", "The cyclist was a boy of 15 and was airlifted to hospital."),
])
def test_an_identity_named_once_or_alike_is_no_conflict(first, second):
    assert explain(first, second).rule != "identity_mismatch"


def test_opposite_predicates_conflict():
    e = explain("Shares in the brewer rose sharply after the merger was announced.",
                "Shares in the brewer fell sharply after the merger was announced.")
    assert e.decision == CONFLICTING and "opposite" in e.reason


def test_different_dates_conflict():
    e = explain("The summit between the two leaders took place on 4 May in the capital.",
                "The summit between the two leaders took place on 9 May in the capital.")
    assert e.decision == CONFLICTING and "date" in e.reason


@pytest.mark.parametrize(("first", "second"), [
    ("The summit took place on 4 July in the capital.", "The summit took place on July 4 in the capital."),
    ("The summit is due on Tuesday, 14 October, in the capital.", "The summit is due on October 14 in the capital."),
    ("The summit is due on the 14th of October in the capital.", "The summit is due on 14 October in the capital."),
    ("The summit opened on 4 July 2019 in the capital.", "The summit opened on July 4, 2019 in the capital."),
])
def test_one_date_written_in_two_styles_is_one_date(first, second):
    for a, b in ((first, second), (second, first)):
        assert explain(a, b).decision == SAME, (a, b, explain(a, b).reason)


def test_weekdays_conflict_without_a_publication_time_and_only_with_each_other():
    # Compare and FindSimilar have no publication time, so "on Monday" stays unresolved: two
    # weekdays as written are two days, but one as written may be any resolved date.
    monday = "Dockworkers in Halden walked off the job on Monday, the union said."
    tuesday = "Dockworkers in Halden walked off the job on Tuesday, the union said."
    e = explain(monday, tuesday)
    assert e.decision == CONFLICTING and e.rule == "date_mismatch", e.reason
    assert explain(monday, "On Monday, dockworkers in Halden walked off the job, the union said.").decision == SAME
    published = datetime(2025, 6, 11, tzinfo=timezone.utc)  # a Wednesday: Monday is 2025-06-09
    resolved = compare(analyze_sentence(monday, published), analyze_sentence(tuesday))
    assert resolved.decision == SAME, resolved.reason


def test_times_of_day_conflict_within_one_zone_and_a_figure_as_of_two_times_is_two_facts():
    six = "Some 4,000 dockworkers in Halden walked off the job at 06:00 on Monday."
    e = explain(six, "Some 4,000 dockworkers in Halden walked off the job at 8 a.m. on Monday.")
    assert e.decision == CONFLICTING and e.rule == "time_mismatch" and "06:00 vs 08:00" in e.reason, e.reason
    # one time as outlets round it, a time inside a range, and times in two zones are no conflict
    assert explain(six, "Some 4,000 dockworkers in Halden walked off the job at 6.20am on Monday.").decision == SAME
    assert explain("The talks in Halden ran from 10am until 4pm on Monday.",
                   "The talks in Halden ran until 4pm on Monday, from 10 a.m.").decision == SAME
    assert explain("The strike in Halden began at 06:00 GMT on Monday.",
                   "The strike in Halden began at 07:00 CET on Monday.").decision == SAME
    assert explain("The strike in Halden began at 06:00 GMT on Monday.",
                   "The strike in Halden began at 09:00 UTC on Monday.").rule == "time_mismatch"  # one zone
    assert explain("Explosions were heard in Halden between 11pm and 1am.",
                   "Explosions were heard in Halden at midnight.").decision == SAME  # a range across midnight
    # a time of the attribution frame, or "noon" inside "afternoon", is not the fact's time
    assert explain("The mayor of Halden said at noon that the march would start in the afternoon.",
                   "The mayor of Halden said the march would start at 4 p.m.").rule != "time_mismatch"
    # a count as of two times of day changed over the day: two facts, not outlets disagreeing
    e = explain("The death toll from the Halden fire rose to 14 by noon.",
                "The death toll from the Halden fire rose to 17 by 6pm.")
    assert e.decision == DIFFERENT and e.rule == "figures_of_other_dates", e.reason


def test_different_places_for_the_same_event_conflict():
    e = explain("The delegations from both governments met in Geneva on Tuesday to discuss the truce.",
                "The delegations from both governments met in Vienna on Tuesday to discuss the truce.")
    assert e.decision == CONFLICTING and "place" in e.reason


def test_known_places_that_cannot_be_one_place_conflict_and_places_that_may_be_do_not():
    def held_in(place: str) -> str:
        return f"The match between the two clubs will be played in {place} next season."

    for x, y, why in (("Manchester", "Liverpool", "two cities 50 km apart"), ("Geneva", "Vienna", "two cities"),
                      ("France", "Germany", "two countries"), ("Houston", "Florida", "houston is not in florida")):
        e = explain(held_in(x), held_in(y))
        assert e.decision == CONFLICTING and e.rule == "place_mismatch" and why in e.reason, (x, y, e.reason)
    # a borough and its city, a city and its state or country, and a region the tables do not know
    for x, y in (("Brooklyn", "New York"), ("Houston", "Texas"), ("Lyon", "France"), ("Edinburgh", "Scotland")):
        e = explain(held_in(x), held_in(y))
        assert e.decision == SAME, (x, y, e.reason)
    # a place both name is context; a capital is a city where it is hit, not its country
    def hit(place: str) -> str:
        return f"Russian drones hit an apartment block in {place} overnight, killing three people."

    e = explain(hit("Kyiv"), hit("Kharkiv"))
    assert e.decision == CONFLICTING and "kyiv vs kharkiv" in e.reason, e.reason
    assert explain(hit("Kyiv"), hit("Ukraine")).decision == SAME
    # an abbreviated city is a city like its full name ("NYC": New York City, 306 km from Boston)
    e = explain(hit("NYC"), hit("Boston"))
    assert e.rule == "place_mismatch" and "306 km" in e.reason, e.reason
    assert explain(hit("NYC"), hit("Manhattan")).decision == SAME
    # one city spelt two ways, a territory of its country, a city and its neighbour across a state line
    for x, y in (("Odesa", "Odessa"), ("Hong Kong", "China"), ("New York", "Newark")):
        assert explain(held_in(x), held_in(y)).decision == SAME, (x, y)
    for x, y in (("San Francisco", "San Diego"), ("New York", "Los Angeles")):
        assert explain(held_in(x), held_in(y)).rule == "place_mismatch", (x, y)


def test_same_topic_different_fact_is_different():
    e = explain("The central bank raised its main interest rate by a quarter point.",
                "The finance minister presented a new budget to parliament on Friday.")
    assert e.decision == DIFFERENT and "below threshold" in e.reason


def test_dateline_credit_is_read_from_the_text():
    assert dateline_credit("OSLO (Fjord Press) — The ferry ran aground.") == "fjord press"
    assert dateline_credit("(FP) — The ferry ran aground.") == "fp"
    assert dateline_credit("The ferry ran aground.") == ""


FERRY = "The ferry Nordlys ran aground near the harbour entrance with 212 passengers on board, the coastguard said."


def test_reprint_recognised_by_dateline_credit_without_a_byline():
    index = ClaimIndex()
    index.place(placed_claim("w1", source="fjordpress.example", text=FERRY, byline="By Fjord Press"))
    copy = index.place(placed_claim("p1", source="localpaper.example", text="(Fjord Press) — " + FERRY))
    assert copy.reprint_of_article_id == "w1" and copy.independent_source == "fjordpress.example"


def test_conflicting_report_joins_the_cluster_as_a_conflict_link():
    index = ClaimIndex()
    first = index.place(placed_claim("a1", source="one.example", text=FERRY))
    other = index.place(placed_claim("a2", source="two.example", text=FERRY.replace("212", "250")))
    assert other.cluster_id == first.cluster_id and other.explanation.decision == CONFLICTING


def test_a_claim_disputing_the_member_closest_to_it_joins_as_a_conflict():
    index = ClaimIndex()
    six = index.place(placed_claim("a1", source="one.example",
                                   text="Tomas Varro was sentenced to six years in prison for fraud in Brevik on Thursday."))
    index.place(placed_claim("a2", source="two.example",
                             text="Tomas Varro, 58, was sentenced in Brevik on Thursday after a three-week trial."))
    five = index.place(placed_claim("a3", source="three.example",
                                    text="Tomas Varro was sentenced to five years in prison for fraud in Brevik on Thursday."))
    assert five.cluster_id == six.cluster_id
    assert five.explanation.decision == CONFLICTING and five.matched_claim_id == "a1#0", five.explanation.reason
    # a dispute with a claim of its own outlet is no conflict to show
    index = ClaimIndex()
    index.place(placed_claim("b1", source="one.example",
                             text="Tomas Varro was sentenced to six years in prison for fraud in Brevik on Thursday."))
    index.place(placed_claim("b2", source="two.example",
                             text="Tomas Varro, 58, was sentenced in Brevik on Thursday after a three-week trial."))
    same_outlet = index.place(placed_claim("b3", source="one.example",
                                           text="Tomas Varro was sentenced to five years in prison for fraud in Brevik on Thursday."))
    assert same_outlet.explanation.decision == SAME and same_outlet.matched_claim_id == "b2#0", same_outlet.explanation.reason
    # nor one further from the claim than a member it agrees with
    index = ClaimIndex()
    index.place(placed_claim("c1", source="one.example",
                             text="Tomas Varro was sentenced to six years in prison for fraud in Brevik on Thursday."))
    index.place(placed_claim("c2", source="two.example",
                             text="Tomas Varro was sentenced to prison for fraud in Brevik on Thursday, the court said."))
    closer = index.place(placed_claim("c3", source="three.example",
                                      text="Tomas Varro was sentenced to five years in prison for fraud in Brevik on Thursday."))
    assert closer.explanation.decision == SAME and closer.matched_claim_id == "c2#0", closer.explanation.reason


def test_replay_gives_identical_clusters():
    texts = [FERRY, FERRY.replace("212", "250"), "The harbour will reopen on Monday, the port authority said.",
             "The port authority said the harbour would reopen on Monday.", FERRY]
    runs = []
    for _ in range(2):
        index = ClaimIndex()
        runs.append([index.place(placed_claim(f"a{i}", source=f"s{i}.example", text=t)).SerializeToString() for i, t in enumerate(texts)])
    assert runs[0] == runs[1]


def test_claims_older_than_the_window_are_evicted():
    index = ClaimIndex(window_seconds=3600)
    index.place(placed_claim("a1", source="one.example", text=FERRY, at=1_000_000))
    late = index.place(placed_claim("a2", source="two.example", text=FERRY, at=1_000_000 + 7200))
    assert late.cluster_id == "a2#0" and index.get("a1#0") is None and len(index) == 1


def test_find_similar_ranks_the_closest_claim_first():
    index = ClaimIndex()
    index.place(placed_claim("a1", source="one.example", text=FERRY))
    index.place(placed_claim("a2", source="two.example", text="The harbour will reopen on Monday, the port authority said."))
    found = index.find_similar(analyze_sentence("The Nordlys ferry ran aground near the harbour entrance."), limit=5)
    assert found and found[0][0].claim.id == "a1#0"


FERRY_LINES = ("Ferries from Ostvik to Brevik will stop in March", "The ferry line will stop",
               "The harbour authority approved a new pier", "Fishing quotas were cut by a fifth")
FERRY_QUERY = "The Ostvik ferry line will stop sailing to Brevik in March"


def test_find_similar_ranks_a_full_restatement_above_a_short_claim_it_contains():
    # The same-claim model scores the short "The ferry line will stop" higher (all of it is in the
    # query), but it states neither town nor the month; the ranking weighs how much of the query
    # each candidate states.
    index = ClaimIndex()
    for i, text in enumerate(FERRY_LINES):
        index.add_unmatched(placed_claim(f"a{i}", text=text))
    found = index.find_similar(analyze_sentence(FERRY_QUERY), limit=2)
    assert [hit.match.claim.text for hit in found] == [FERRY_LINES[0], FERRY_LINES[1]], found
    assert found[0].explanation.score < found[1].explanation.score  # the order is not the decision's score
    assert found[0].relevance > found[1].relevance


def test_find_similar_over_stories_ranks_as_one_index_does():
    # Each line in a story of its own: the merged list is ordered by relevance, as within one index
    # (it was re-sorted by the same-claim score, which puts the short contained claim first).
    stories = StoryIndexes()
    for i, text in enumerate(FERRY_LINES):
        claim = placed_claim(f"a{i}", text=text)
        claim.story_key = f"story-{i}"
        stories.add_unmatched(claim)
    found = stories.find_similar(analyze_sentence(FERRY_QUERY), limit=2)
    assert [hit.match.claim.text for hit in found] == [FERRY_LINES[0], FERRY_LINES[1]], found


def test_find_similar_drops_results_below_min_score_and_still_fills_the_limit():
    index = ClaimIndex()
    for i, text in enumerate(FERRY_LINES):
        index.add_unmatched(placed_claim(f"a{i}", text=text))
    query = analyze_sentence(FERRY_QUERY)
    every = index.find_similar(query, limit=4)
    floor = max(hit.explanation.score for hit in every) - 0.01
    kept = index.find_similar(query, limit=1, min_score=floor)
    assert len(kept) == 1 and kept[0].explanation.score >= floor
    assert kept[0].match.claim.text == FERRY_LINES[1]  # the best-ranked one scores below the floor


def test_find_similar_results_for_a_limit_start_those_for_a_larger_one():
    # More candidates than the ranking model's pool: the order must not depend on the limit, and
    # a min_score that drops results still fills the limit from the candidates further down.
    index = ClaimIndex()
    for i in range(80):
        index.add_unmatched(placed_claim(f"a{i}", text=f"The council of district {i} approved the housing plan "
                                                          f"for {i + 3} new homes near the river"))
    query = analyze_sentence("The district council approved a housing plan near the river")
    every = index.find_similar(query, limit=100)
    assert len(every) > SIMILAR_POOL
    for limit in (1, 5, SIMILAR_POOL, SIMILAR_POOL + 5):
        assert index.find_similar(query, limit=limit) == every[:limit]
    floor = sorted(hit.explanation.score for hit in every)[len(every) // 2]
    kept = index.find_similar(query, limit=SIMILAR_POOL, min_score=floor)
    passing = [hit for hit in every if hit.explanation.score >= floor]
    assert kept == passing[:SIMILAR_POOL] and len(kept) == min(SIMILAR_POOL, len(passing))


def test_find_similar_over_stories_keeps_the_order_and_the_prefixes_of_one_index():
    stories = StoryIndexes()
    for story in ("north", "south"):
        for i in range(70):
            claim = placed_claim(f"{story}{i}", text=f"The council of district {i} approved the housing plan "
                                                     f"for {i + 3} new homes near the {story} river")
            claim.story_key = story
            stories.add_unmatched(claim)
    query = analyze_sentence("The district council approved a housing plan near the river")
    every = stories.find_similar(query, limit=200)
    assert len(every) > 2 * SIMILAR_POOL and [h.order() for h in every] == sorted(h.order() for h in every)
    for limit in (1, 5, SIMILAR_POOL, 2 * SIMILAR_POOL + 5):
        assert stories.find_similar(query, limit=limit) == every[:limit]


def test_find_similar_min_score_is_on_the_same_claim_score_not_the_frame_score():
    # A long query and a short candidate sharing a rare name: the frame score is low (most of the
    # query is unshared), the same-claim score high. A min_score between the two keeps the candidate.
    low_frame = "Lawyers for Kvist filed an appeal."
    index = ClaimIndex()
    for i, text in enumerate((low_frame, "Kvist was sacked by the board.", "The board praised Kvist.")):
        index.add_unmatched(placed_claim(f"a{i}", text=text))
    query = analyze_sentence("The operator plans to keep harbour master Kvist and run every crane through the coming "
                             "winter season whatever the union leadership says.")
    floor = 34.0
    frame = pair_score(match_form(query).core, match_form(analyze_sentence(low_frame)).core)
    every = index.find_similar(query, limit=10)
    [hit] = [h for h in every if h.match.claim.text == low_frame]
    assert frame < floor <= hit.explanation.score, (frame, hit.explanation.score)
    assert index.find_similar(query, limit=10, min_score=floor) == [h for h in every if h.explanation.score >= floor]


def test_blocking_finds_what_brute_force_finds_on_a_small_index():
    sentences = [f"The council of district {i} approved a plan for {w} housing near the river"
                 for i, w in enumerate("social student senior family affordable rental modular".split())]
    blocking = BlockingIndex()
    for row, s in enumerate(sentences):
        blocking.add(row, match_form(analyze_sentence(s)))
    query = match_form(analyze_sentence(sentences[3]))
    assert {r for r, _ in blocking.search(query, 70, limit=100)} == {r for r, _ in blocking.brute_force(query, 70)}


def test_when_a_statement_was_made_is_not_a_date_of_the_fact():
    from datetime import datetime, timezone

    from services.matcher.matching import compare

    published = datetime(2024, 11, 14, 16, 0, tzinfo=timezone.utc)  # a Thursday
    said_monday = analyze_sentence("The mayor said on Monday that the ring road would reopen in the spring.", published)
    said_wednesday = analyze_sentence("The mayor said on Wednesday that the ring road would reopen in the spring.",
                                      published)
    assert compare(said_monday, said_wednesday).decision == SAME
    in_march = analyze_sentence("The mayor said the ring road would reopen on 3 March.", published)
    in_june = analyze_sentence("The mayor said the ring road would reopen on 3 June.", published)
    e = compare(in_march, in_june)
    assert e.decision == CONFLICTING and "date" in e.reason


@pytest.mark.parametrize("first, second", [
    ("The economy of Vlieborg grew 1.2 percent in the third quarter.",
     "The economy of Vlieborg shrank 1.2 percent in the third quarter."),
    ("The central bank of Vlieborg hiked its main interest rate on Thursday.",
     "The central bank of Vlieborg cut its main interest rate on Thursday."),
    ("The harbour authority imposed a ban on night sailings at Port Alder.",
     "The harbour authority lifted a ban on night sailings at Port Alder."),
    ("The ferry captain was found alive after the collision off Port Alder.",
     "The ferry captain died in the collision off Port Alder."),
    ("The appeals court upheld the conviction of the former mayor of Vlieborg.",
     "The appeals court overturned the conviction of the former mayor of Vlieborg."),
    ("The harbour authority reopened the coast road to Varnhem on Tuesday.",
     "The harbour authority shut the coast road to Varnhem on Tuesday."),
    # "up" / "down" as the direction of a figure
    ("Shares in the Vlieborg shipyard closed up 4 percent on Friday.",
     "Shares in the Vlieborg shipyard closed down 4 percent on Friday."),
    ("Passenger numbers at Port Alder were down by 12 percent in March.",
     "Passenger numbers at Port Alder were up 12 percent in March."),
    ("Shares in the Vlieborg shipyard closed 4% down on Friday.",
     "Shares in the Vlieborg shipyard closed up 4% on Friday."),
    ("Shares in the Vlieborg shipyard closed sharply down on Friday.",
     "Shares in the Vlieborg shipyard closed up sharply on Friday."),
    ("Shares in the Vlieborg shipyard were up $2 on Friday.",
     "Shares in the Vlieborg shipyard were down two dollars on Friday."),
    # success or failure, support or opposition, a vote one way or the other
    ("The test launch of the Vlieborg rocket succeeded on Friday.", "The test launch of the Vlieborg rocket failed on Friday."),
    ("The shipyard's bid to refloat the ferry was successful.", "The shipyard's bid to refloat the ferry failed."),
    ("The dockworkers' union supports the Vlieborg harbour plan.", "The dockworkers' union opposes the Vlieborg harbour plan."),
    ("Councillor Ines Marlow voted against the Vlieborg harbour budget.",
     "Councillor Ines Marlow voted for the Vlieborg harbour budget."),
    ("Councillor Ines Marlow voted in favour of the Vlieborg harbour budget.",
     "Councillor Ines Marlow voted no on the Vlieborg harbour budget."),
    ("The dockworkers' union endorsed the Vlieborg harbour plan.", "The dockworkers' union opposed the Vlieborg harbour plan."),
    ("The council passed the Vlieborg harbour budget.", "The Vlieborg harbour budget failed in the council."),
    ("The attempt to refloat the Vlieborg ferry was unsuccessful.", "The attempt to refloat the Vlieborg ferry succeeded."),
    # a side taken in other words, a bill signed or vetoed, a curfew lifted or extended, a death contested
    ("The dockworkers' union backed the Vlieborg harbour plan.", "The dockworkers' union opposed the Vlieborg harbour plan."),
    ("The dockworkers' union is against the Vlieborg harbour plan.", "The dockworkers' union is in favour of the Vlieborg harbour plan."),
    ("The dockworkers' union is supportive of the Vlieborg harbour plan.",
     "The dockworkers' union is opposed to the Vlieborg harbour plan."),
    ("Councillor Ines Marlow campaigned for the Vlieborg harbour plan.",
     "Councillor Ines Marlow campaigned against the Vlieborg harbour plan."),
    ("Dockworkers struck in Vlieborg in support of the harbour plan.",
     "Dockworkers struck in Vlieborg in opposition to the harbour plan."),
    ("The Vlieborg council voted down the harbour budget.", "The Vlieborg council voted for the harbour budget."),
    ("Governor Ines Marlow signed the Vlieborg harbour bill.", "Governor Ines Marlow vetoed the Vlieborg harbour bill."),
    ("The Vlieborg council lifted the night curfew on Friday.", "The Vlieborg council extended the night curfew on Friday."),
    ("The Vlieborg council lifted the night curfew in March.", "The Vlieborg council extended the night curfew on March 12."),
    ("Postal votes in Vlieborg were down 20% on the last election.", "Postal votes in Vlieborg were up 20% on the last election."),
    ("The commander of the Vlieborg garrison was killed in the strike.",
     "The commander of the Vlieborg garrison survived the strike."),
    ("Officials in Vlieborg imposed a curfew.", "Officials in Vlieborg lifted the curfew."),
    # a court's ruling either way, a verdict, a company's year, a patient's condition
    ("The Vlieborg court ruled in favour of the baker.", "The Vlieborg court ruled against the baker."),
    ("The former mayor of Vlieborg was found guilty of fraud.", "The former mayor of Vlieborg was acquitted of fraud."),
    ("Norvik Energy reported a net profit for 2024.", "Norvik Energy reported a net loss for 2024."),
    ("The injured driver is in stable condition in Vlieborg.", "The injured driver is in critical condition in Vlieborg."),
    ("The central bank of Norvia kept rates unchanged on Thursday.", "The central bank of Norvia cut rates on Thursday."),
])
def test_opposite_predicates_conflict_in_either_order_and_in_every_inflection(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == CONFLICTING and e.rule == "opposite_predicates", (a, b, e.reason)


@pytest.mark.parametrize("sentence, direction", [
    ("Shares in the shipyard closed up 4 percent.", "up"), ("Shares in the shipyard closed 4% down.", "down"),
    ("Sales were up by more than 4 percent.", "up"), ("Sales were down by nearly 4%.", "down"),
    ("Sales were up a further 2 points.", "up"), ("Sales were up 4-5 percent.", "up"),
    ("Sales were up 4 to 5 percent.", "up"), ("The shares were down 45p.", "down"), ("Rates were up 25bp.", "up"),
    ("The shares were up $1.2bn.", "up"), ("The shares were up US$2.", "up"), ("Turnover was down by a third.", "down"),
    # any currency the extractor reads, by sign or by name
    ("The shares closed up ¥40.", "up"), ("The shares closed down 40 yen.", "down"), ("The shares were up 3 Swiss francs.", "up"),
    ("The shares were down 12 zlotys.", "down"),
    ("Temperatures were up 5 degrees.", "up"), ("Sales were up on last year.", "up"), ("Sales were down year on year.", "down"),
    ("Sales were up from a year earlier.", "up"), ("Shares closed down, traders said.", "down"),
    ("Shares closed sharply down on Friday.", "down"), ("Turnout was up sharply.", "up"),
    # no direction of a change
    ("The mayor ended up in hospital.", None), ("Police tracked down 3 suspects.", None), ("Up to 40 people were hurt.", None),
    ("The death toll was up to 40.", None), ("The villa is up for sale.", None), ("Shares had their ups and downs.", None),
    ("The buyers put up 10 percent of the price.", None), ("The factory shut down 3 plants.", None),
    ("UPS cut 12,000 jobs.", None), ("The chairman stepped down on Friday.", None),
])
def test_up_and_down_are_directions_only_of_a_change(sentence, direction):
    found = match_form(analyze_sentence(sentence)).predicates & {"up", "down"}
    assert found == ({direction} if direction else set()), (sentence, found)


@pytest.mark.parametrize("first, second", [
    ("The former mayor of Vlieborg died on Tuesday at the age of 81.",
     "The former mayor of Vlieborg, who is survived by his wife, died at the age of 81."),
    ("The former mayor of Vlieborg passed away in hospital on Tuesday.",
     "The former mayor of Vlieborg died in hospital on Tuesday after his kidneys failed."),
    ("The union raised concerns about the workers at the Port Alder terminal.",
     "The operator cut the number of workers at the Port Alder terminal."),
    ("Forty nurses at the Vlieborg hospital contracted the virus.",
     "The outbreak at the Vlieborg hospital grew to forty nurses."),
    # "up" / "down" of no figure, and a company whose name stems to "up"
    ("The chairman of the Vlieborg shipyard stepped down on Friday.",
     "The chairman of the Vlieborg shipyard set up a pension fund on Friday."),
    ("Shares in UPS fell 4 percent in Vlieborg on Friday.",
     "Shares in the parcel carrier closed down 4 percent in Vlieborg on Friday."),
    ("Up to 40 workers at the Vlieborg shipyard lost their jobs in March.",
     "The number of jobs at the Vlieborg shipyard was down to 40 in March."),
    ("The number of jobs at the Vlieborg shipyard was down to 40 in March.",
     "The number of jobs at the Vlieborg shipyard was up to 40 in March."),
    ("Police tracked down 3 suspects after the robbery at the Vlieborg bank on Friday.",
     "Police rounded up 3 suspects after the robbery at the Vlieborg bank on Friday."),
    ("The mayor of Vlieborg ended up in hospital after the crash on Friday.",
     "The approval rating of the mayor of Vlieborg was down 12 percent after the crash on Friday."),
    ("Shares in the Vlieborg shipyard had their ups and downs on Friday.",
     "Shares in the Vlieborg shipyard closed up 4 percent on Friday."),
    # one vote told two ways
    ("Councillor Ines Marlow voted against the Vlieborg harbour budget.",
     "Councillor Ines Marlow voted no on the Vlieborg harbour budget."),
    # success, support and votes of two subjects or two things, in other senses, asked, or both cast
    ("The dockworkers' union supports the Vlieborg harbour plan.", "The shipowners oppose the Vlieborg harbour plan."),
    ("The first test launch of the Vlieborg rocket failed.", "The second test launch of the Vlieborg rocket succeeded."),
    ("The former mayor of Vlieborg was on life support in hospital.",
     "The former mayor of Vlieborg opposed moving to another hospital."),
    ("Will Councillor Ines Marlow vote for the Vlieborg harbour budget?",
     "Councillor Ines Marlow voted against the Vlieborg harbour budget."),
    ("Councillor Ines Marlow voted for the Vlieborg harbour budget and against the school levy.",
     "Councillor Ines Marlow voted against the school levy."),
    ("He passed away on Monday.", "He failed on Monday."),  # nothing left to say what passed or failed
    ("Councillor Ines Marlow voted for the Vlieborg harbour budget.",
     "Councillor Ines Marlow backed the Vlieborg harbour budget in a vote."),
    # two groups or two occasions, two crowds, a retreat, a lift of something else
    ("Two passengers survived the Vlieborg ferry crash.", "Five passengers died in the Vlieborg ferry crash."),
    ("The former mayor of Vlieborg survived a heart attack in 2019.",
     "The former mayor of Vlieborg died of a heart attack on Monday."),
    ("A rally for the Vlieborg harbour plan drew 500 people.", "A rally against the Vlieborg harbour plan drew 500 people."),
    ("The mayor of Vlieborg backed down on the harbour plan.", "The mayor of Vlieborg opposed the harbour plan."),
    ("The Vlieborg rowing team lifted the trophy.", "The Vlieborg rowing team extended its winning run."),
    ("Governor Ines Marlow signed an order on the Vlieborg harbour.", "Governor Ines Marlow vetoed the Vlieborg harbour bill."),
    # a guard is the pair's, whichever statement comes first: "lift" / "impose" is plain, "lift" / "extend" of a curfew only
    ("Vlieborg FC lifted the trophy.", "Vlieborg FC extended their lead in the title race."),
    ("Norvik Energy lifted its offer for Halden Gas.", "Norvik Energy extended its offer for Halden Gas."),
    ("The former mayor of Vlieborg is survived by his wife and two sons.", "The former mayor of Vlieborg died on Monday."),
    ("Her grandfather survived Auschwitz.", "Her grandfather has died."),
    ("Residents campaigned for years against the Vlieborg dam.", "Residents campaigned against the Vlieborg dam."),
    ("Ines Marlow lobbied for two years to block the Vlieborg dam.", "Ines Marlow lobbied against the Vlieborg dam."),
    ("Ines Marlow campaigned for a decade to save the Vlieborg dam.", "Ines Marlow campaigned against the Vlieborg dam."),
    ("Smoking in bars is against the law in Norvia.", "The parliament of Norvia backed the law on smoking in bars."),
    ("The ruling favours landlords in Vlieborg.", "Landlords in Vlieborg are against the ruling."),
])
def test_words_of_several_senses_are_not_opposite_predicates(first, second):
    assert explain(first, second).rule != "opposite_predicates"


def test_an_opposite_predicate_is_named_by_its_word_not_its_stem():
    e = explain("The harbour authority imposed a ban on night sailings at Port Alder.",
                "The harbour authority lifted a ban on night sailings at Port Alder.")
    assert "'impose' vs 'lift'" in e.reason, e.reason


def test_a_statement_with_both_directions_is_not_the_opposite_of_either():
    e = explain("Shares in the brewer rose early and then fell after the merger was announced.",
                "Shares in the brewer fell after the merger was announced.")
    assert e.rule != "opposite_predicates", e.reason


def test_a_price_at_the_close_is_not_the_opposite_of_a_market_opening():
    closing = match_form(analyze_sentence("Shares in the shipbuilder closed 9 percent higher in Oslo on Friday."))
    assert "close" not in closing.predicates
    assert "close" in match_form(analyze_sentence("The ferry terminal closed on Friday after the storm.")).predicates
    e = explain("Shares in the shipbuilder closed 9 percent higher after the navy order was announced.",
                "The navy order was announced before the market opened, and shares in the shipbuilder rose sharply.")
    assert "opposite" not in e.reason
    e = explain("The ferry terminal in the north harbour opened on Friday after the storm.",
                "The ferry terminal in the north harbour closed on Friday after the storm.")
    assert e.decision == CONFLICTING and "opposite" in e.reason


def test_blocking_keeps_the_claim_sharing_rare_names_over_many_sharing_common_words():
    index = BlockingIndex()
    filler = ["".join(chr(97 + (i // 26 ** k) % 26) for k in range(3)) + "x" for i in range(150)]
    for row, word in enumerate(filler):
        index.add(row, match_form(analyze_sentence(f"The harbour council meeting discussed {word} plans.")))
    index.add(150, match_form(analyze_sentence("Vlieborg mayor Hoekstra stepped down.")))
    query = match_form(analyze_sentence("At the harbour council meeting, Hoekstra of Vlieborg resigned."))
    assert 150 in index.candidates(query, 35.0)


def test_empty_detail_sets_of_a_match_form_are_one_shared_object():
    # A million indexed claims each holding six empty frozensets of their own cost 1.3 GB.
    form = match_form(analyze_sentence("The port handled nearly ten million containers last year."))
    empty = [v for v in (form.dates, form.places, form.predicates, form.negated_heads, form.negated_predicates,
                         form.cues, form.unasserted) if not v]
    assert len(empty) >= 5 and all(v is empty[0] for v in empty)


def test_evicted_claims_not_yet_compacted_away_change_no_candidate():
    # A restarted matcher replays only the retained claims, so its postings hold none of the rows the
    # running one evicted but has not compacted yet: candidates must depend on the live rows alone.
    def words(i: int) -> str:
        return "".join(chr(97 + (i // 26 ** k) % 26) for k in range(3)) + "x"

    running, restarted = BlockingIndex(), BlockingIndex()
    for row in range(250):  # older claims on the same story, all evicted by now
        running.add(row, match_form(analyze_sentence(f"Hoekstra of Vlieborg resigned at the harbour council meeting on {words(row)}.")))
    for row in range(250, 400):
        form = match_form(analyze_sentence(f"The harbour council meeting discussed {words(row)} plans."))
        running.add(row, form)
        restarted.add(row, form)
    for row in range(250):
        running.remove(row)
    query = match_form(analyze_sentence("At the harbour council meeting, Hoekstra of Vlieborg resigned."))
    found = restarted.candidates(query, 35.0)
    assert len(found) == 100
    assert running.candidates(query, 35.0) == found
    # The oldest live row is live: the only holder of a word is found the moment its elders leave.
    lone = BlockingIndex()
    lone.add(0, match_form(analyze_sentence("The Quennick ferry sank in the harbour.")))
    lone.add(1, match_form(analyze_sentence("The Brimsey lighthouse was repaired.")))
    lone.add(2, match_form(analyze_sentence("The Quennick ferry returned to the harbour.")))
    lone.remove(0)
    assert lone.candidates(match_form(analyze_sentence("Repairs to the Brimsey lighthouse ended.")), 35.0) == [1]


def test_compaction_keeps_exactly_the_live_rows_in_the_postings():
    forms = [match_form(analyze_sentence(s)) for s in (
        "The harbour council approved the Vlieborg dock plan.", "Hoekstra resigned from the harbour council.",
        "Dockworkers in Vlieborg walked out on Monday.")]
    index, fresh = BlockingIndex(), BlockingIndex()
    for row in range(12_000):
        index.add(row, forms[row % 3])
    for row in range(11_000):  # oldest first, as ClaimIndex evicts: compaction runs on the way
        index.remove(row)
    index.remove(11_500)  # one out of order, still a dead row to drop
    for row in range(11_000, 12_000):
        if row != 11_500:
            fresh.add(row, forms[row % 3])
    index._compact()
    held = {r for p in index._postings.values() for r in p}
    assert held == set(range(11_000, 12_000)) - {11_500}
    # Removed strictly oldest first, compaction cuts the heads of the postings, oldest live row kept.
    in_order = BlockingIndex()
    for row in range(30):
        in_order.add(row, forms[row % 3])
    for row in range(20):
        in_order.remove(row)
    in_order._compact()
    assert sorted(r for p in in_order._postings.values() for r in p) == sorted(
        r for row in range(20, 30) for r in [row] * len(set(forms[row % 3].core.split())))
    query = match_form(analyze_sentence("Hoekstra of Vlieborg left the harbour council."))
    assert index.candidates(query, 35.0) == fresh.candidates(query, 35.0)


def test_a_town_and_the_country_or_state_it_is_in_are_not_a_place_conflict():
    fire = "A wildfire forced 300 people to leave their homes {} on Monday."
    assert explain(fire.format("near Bozeman"), fire.format("in Montana")).decision == SAME
    e = explain(fire.format("near Bozeman"), fire.format("in Ohio"))
    assert e.decision == CONFLICTING and e.rule == "place_mismatch", e.reason
    bus = "A bus carrying 40 students was found abandoned {}."
    assert explain(bus.format("near Ronda"), bus.format("in Spain")).decision == SAME


def test_the_same_fact_about_two_different_towns_is_two_claims_not_a_conflict():
    # One official, one template of words, two towns: two facts (the scorer must not report a conflict).
    wrexley = "Commissioner Ada Brightman said 31 people were rescued from flooded homes in Wrexley."
    e = explain(wrexley, "Rescue crews took 12 people from flooded homes in Castlemoor, Commissioner Ada Brightman said.")
    assert e.decision == DIFFERENT and "wrexley vs castlemoor" in e.reason
    # The same town keeps the figures comparable: a conflict.
    e = explain(wrexley, "Rescue crews took 12 people from flooded homes in Wrexley, Commissioner Ada Brightman said.")
    assert e.decision == CONFLICTING and "31" in e.reason
    # A shared name besides the towns ("Ukrainian") keeps it one event in two reported places.
    e = explain("The Ukrainian delegation met the envoys on Tuesday in Jeddah.",
                "The Ukrainian delegation met the envoys on Tuesday in Riyadh.")
    assert e.decision == CONFLICTING and "place" in e.reason


def test_only_rare_names_tell_two_things_apart():
    # "York" is a name many things carry: not enough to call two statements about two places.
    e = explain("The council in York approved the new harbour budget on Monday.",
                "The council in Norbeck approved the new harbour budget on Monday.")
    assert "different names" not in e.reason
    # A person on one side and a town on the other may be one fact.
    e = explain("Hoekstra resigned as mayor on Monday.", "The mayor of Vlieborg resigned on Monday.")
    assert "different names" not in e.reason


@pytest.mark.parametrize("first, second", [
    ("The hospital has not reopened.", "The museum reopened its east wing after a two-year restoration."),
    ("The company did not respond.", "Firefighters respond to more than 300 calls every week across the county."),
    ("The strike has not ended.", "The exhibition ended on Sunday with a record 40,000 visitors."),
    ("Exports rose 4 percent.", "Imports rose 6 percent."),
    ("The hospital has not reopened.", "The museum has not reopened."),
])
def test_the_same_action_of_two_different_things_is_two_facts(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == DIFFERENT and e.rule == "shared_predicate_only", e.reason


def test_an_agreeing_figure_or_date_keeps_the_same_action_one_fact():
    # the subject in other words ("inflation" / "consumer prices"); the figure and the month agree
    e = explain("Inflation rose to 3.2 percent in March.", "Consumer prices rose 3.2 percent in March.")
    assert e.decision == SAME, e.reason


def test_a_shared_thing_or_name_keeps_a_denial_of_the_action_a_conflict():
    for first, second in (("The hospital has not reopened.", "The hospital reopened its east wing on Monday."),
                          ("Hoekstra has not resigned.", "Hoekstra resigned on Friday."),
                          # a vote one way is still a vote: not voting denies it
                          ("Hoekstra did not vote on the harbour budget.", "Hoekstra voted for the harbour budget.")):
        e = explain(first, second)
        assert e.decision == CONFLICTING and e.rule == "confirm_deny", e.reason
    # the action alone may be said of the other's subject: a pronoun, a negated noun
    for first, second in (("He has not resigned.", "The minister resigned on Friday."),
                          ("No injuries were reported.", "Two workers were injured when the crane fell.")):
        e = explain(first, second)
        assert e.decision == CONFLICTING and e.rule == "confirm_deny", e.reason
    # the other spelling of the subject is the same subject
    for first, second in (("The harbour has not reopened.", "The harbor reopened on Monday."),
                          ("The organisers have not resigned.", "The organizers resigned on Monday."),
                          ("The organisers cancelled the festival.", "The organizers did not cancel the festival."),
                          ("The travellers have not been evacuated.", "The travelers were evacuated on Monday."),
                          # spellings only the word list folds
                          ("The grey seals were not counted.", "The gray seals were counted on Monday."),
                          ("The jewellery was not stolen.", "The jewelry was stolen overnight."),
                          ("The judgement was not appealed.", "The judgment was appealed on Friday.")):
        e = explain(first, second)
        assert e.decision == CONFLICTING and e.rule == "confirm_deny", e.reason
    # one shared word that is a thing, not the action: the model decides ("the photo is fake" denies it)
    e = explain("The comet photo is fake.", "An amateur astronomer photographed a green comet over the lake.")
    assert e.rule != "shared_predicate_only", e.reason


@pytest.mark.parametrize("first, second", [
    ("The minister has not resigned.", "The ministry's spokesman resigned on Monday."),
    ("The police have not been blamed.", "The policy was blamed on Monday."),
    ("The trial was not postponed.", "The trail race was postponed on Monday."),
    ("The contract was not renewed.", "Contact with the crew was renewed on Monday."),
    ("The car plant has not reopened.", "The care home reopened on Monday."),
    ("His role was not cut.", "The roll was cut on Monday."),
    ("The poll was not delayed.", "The pole vault final was delayed on Monday."),
])
def test_two_words_spelled_alike_are_not_one_word_spelled_two_ways(first, second):
    e = explain(first, second)
    assert e.decision == DIFFERENT and e.rule == "shared_predicate_only", e.reason


def test_one_word_more_than_a_hundred_claims_hold_does_not_make_one_claim():
    from services.matcher.features import LocalRarity
    from services.matcher.matching import decide

    contaminated = match_form(analyze_sentence("Oysters were contaminated."))
    praised = match_form(analyze_sentence("Chefs praised the local oysters."))
    # the model alone links them: the shorter statement's rarest word is shared
    assert decide(contaminated, praised).decision == SAME
    holder = match_form(analyze_sentence("Divers collected oysters near the pier."))
    other = match_form(analyze_sentence("Fishermen mended their nets."))
    for holders, expected in ((100, SAME), (101, DIFFERENT)):
        index_words = LocalRarity()  # a large index, where the word is rare but not rare enough
        for _ in range(holders):
            index_words.add(holder)
        for _ in range(200_000):
            index_words.add(other)
        e = decide(contaminated, praised, local=index_words)
        assert e.decision == expected, e.reason
    assert e.rule == "common_word_only" and "101 claims" in e.reason, e.reason
    # the topic word of a large story: an agreeing figure and date keep a restatement one claim
    carrying = match_form(analyze_sentence("The ferry was carrying 200 passengers on Friday."))
    on_board = match_form(analyze_sentence("The ferry had 200 people on board on Friday."))
    story = LocalRarity()
    for _ in range(150):
        story.add(match_form(analyze_sentence("The ferry left the harbour.")))
    assert decide(carrying, on_board, local=story).decision == SAME


def test_one_word_more_than_a_hundred_claims_hold_does_not_make_a_denial_either():
    from services.matcher.features import LocalRarity
    from services.matcher.matching import decide

    denies = match_form(analyze_sentence("The oysters were not contaminated."))
    states = match_form(analyze_sentence("Inspectors said the oysters sold at the market on the quay were contaminated."))
    index_words = LocalRarity()
    for _ in range(101):
        index_words.add(match_form(analyze_sentence("Divers collected oysters near the pier.")))
    # two shared words: still a denial, however common each is
    e = decide(denies, states, local=index_words)
    assert e.decision == CONFLICTING and e.rule == "confirm_deny", e.reason
    vague = match_form(analyze_sentence("This will not work."))
    wondering = match_form(analyze_sentence("It is still unclear how the scheme would work in practice."))
    assert decide(vague, wondering).decision == CONFLICTING  # a small index: one shared word is rare enough
    for _ in range(101):
        index_words.add(match_form(analyze_sentence("Crews will work through the night.")))
    e = decide(vague, wondering, local=index_words)
    assert e.decision == DIFFERENT and e.rule == "common_word_only", e.reason


def test_a_denial_below_the_model_floor_needs_more_than_one_common_word():
    stadium = analyze_sentence("A drone flew low over the stadium during the second half of Sunday's match.")
    # at threshold 90 the model's floor for a denial (0.85 x 90) is out of reach of both: only the
    # frame route can make them a denial, and one common word ("drone") is not enough for it
    one_word = compare(analyze_sentence("The drone is fake."), stadium, 90)
    assert one_word.decision == DIFFERENT, one_word.reason
    two_words = compare(analyze_sentence("That stadium drone photo is fake."), stadium, 90)
    assert two_words.decision == CONFLICTING and two_words.rule == "confirm_deny", two_words.reason


def test_the_details_of_a_claim_are_read_at_its_place_in_the_article():
    # Spans are offsets into the article, so a claim from its second paragraph must be read there
    # ("14 people" counts people, "to Tarrin" is a place) exactly as the same sentence standing alone.
    from services.extractor.extraction import extract_claims
    from shared.pb import article_pb2

    sentence = "Police said 14 people were injured on the main road to Tarrin."
    article = article_pb2.Article(id="a1", source="a.example", title="Storm",
                                  text="The storm hit the coast overnight, the weather office said.\n\n" + sentence)
    from_article = next(c for c in extract_claims(article) if c.text == sentence)
    alone = match_form(analyze_sentence(sentence))
    in_article = match_form(from_article)
    assert in_article.numbers == alone.numbers and alone.numbers[0][1] == "person"
    assert in_article.places == alone.places and "tarrin" in alone.places


def test_figures_of_different_kinds_are_two_facts_of_one_event():
    # Same official, same town, same storm: a count of people and an amount of money are two facts.
    e = explain("Mayor Ilse Voorn said 395 people were evacuated from Drelsham after the storm.",
                "Damage from the storm in Drelsham was estimated at 3 million euros, Mayor Ilse Voorn said.")
    assert e.decision == DIFFERENT and "different kinds" in e.reason
    # Two counts stay comparable whatever word follows them: the heads may be synonyms, and a count's
    # head is read within its clause ("killed 17, police said" counts nothing named "police").
    for other in ("The blast in Drelsham killed 17, police said.", "The blast in Drelsham killed 17 on Tuesday."):
        e = explain("Fourteen people were killed in the blast in Drelsham.", other)
        assert e.decision == CONFLICTING and "14 vs 17" in e.reason
    for first, second in (("The fire destroyed 40 homes in Drelsham.", "The fire destroyed 45 houses in Drelsham."),
                          ("The carmaker will cut 300 jobs at its Drelsham plant.",
                           "The carmaker will lay off 350 workers at its Drelsham plant.")):
        assert explain(first, second).decision == CONFLICTING
    e = explain("The trial enrolled 24,600 volunteers in Drelsham.", "Almost 25,000 people took part in the Drelsham trial.")
    assert "different kinds" not in e.reason


def test_capitals_of_a_title_case_headline_name_nothing():
    # In title case every word is capitalised: "Drone Footage Shows ..." is no name, so nothing says the
    # headline and the sentence are about two different named things (the score alone decides).
    headline = match_form(analyze_sentence("Drone Footage Shows Flooded Harbour In Ostvik"))
    assert headline.subjects == () and headline.venues == ()
    # A short sentence dense with names is no headline: its names stay what it is about.
    assert match_form(analyze_sentence("Zelenskyy did not meet Erdogan in Istanbul.")).subjects
    e = explain("Drone Footage Shows Flooded Harbour In Ostvik", "The ferry operator cancelled all crossings to Brenmouth.")
    assert "different names" not in e.reason


def test_figures_as_of_different_dates_are_two_facts_and_on_one_date_conflict():
    from datetime import datetime, timezone

    from services.matcher.matching import compare

    published = datetime(2026, 3, 13, 9, 0, tzinfo=timezone.utc)  # a Friday: weekdays resolve to that week

    def dated(a: str, b: str):
        return compare(analyze_sentence(a, published), analyze_sentence(b, published))

    # A count that changed between Monday and Thursday is not two outlets disagreeing.
    e = dated("The utility said 3,200 homes in Brevik were without power on Monday.",
              "The utility said 1,100 homes in Brevik were without power on Thursday.")
    assert e.decision == DIFFERENT and e.rule == "figures_of_other_dates", e.reason
    e = dated("The utility said 3,200 homes in Brevik were without power on Monday.",
              "The utility said 1,100 homes in Brevik were without power on Monday.")
    assert e.decision == CONFLICTING and "3,200 vs 1,100" in e.reason, e.reason
    # A date of the attribution frame says when it was said, not as of when the figure holds.
    e = dated("On Monday, police said 14 people died in the fire in Brevik.",
              "On Tuesday, police said 17 people died in the fire in Brevik.")
    assert e.decision == CONFLICTING and e.rule == "number_mismatch", e.reason
    # Without a figure, two dates for one event still conflict.
    e = dated("The utility said power in Brevik was restored on Monday.",
              "The utility said power in Brevik was restored on Thursday.")
    assert e.decision == CONFLICTING and "date" in e.reason, e.reason


def test_counts_with_other_head_words_stay_comparable():
    # The heads may be synonyms, and people are any count of persons: these conflict.
    for first, second in (("The storm destroyed 40 homes in Brevik.", "The storm destroyed 45 houses in Brevik."),
                          ("The storm destroyed 40 homes in Brevik.",
                           "Officials said 55 houses in Brevik were flattened when the storm hit."),
                          ("The army said 300 soldiers were deployed to Brevik after the floods.",
                           "After the floods, 450 troops were sent to Brevik, the army said.")):
        e = explain(first, second)
        assert e.decision == CONFLICTING and e.rule == "number_mismatch", (second, e.reason)
    e = explain("The Brevik trial of the vaccine enrolled about 24,600 people.",
                "More than 26,000 volunteers were enrolled in the Brevik trial.")
    assert e.decision == CONFLICTING and "24,600 vs at least 26,000" in e.reason, e.reason


@pytest.mark.parametrize("bounded, figure, decision", [
    # a bound holds the figures it allows: an early "at least 14 dead" and a later "17 dead" are one toll
    ("At least 14 people were killed in the blast in Drelsham.", "The blast in Drelsham killed 17 people.", SAME),
    ("More than 40 people were injured in the stampede at the stadium.",
     "43 people were injured in the stampede at the stadium.", SAME),
    ("As many as 300 workers could lose their jobs at the Brevik plant.",
     "250 workers could lose their jobs at the Brevik plant.", SAME),
    ("Not fewer than 40 people were killed in the attack on the Brevik market.",
     "The attack on the Brevik market killed 45 people.", SAME),
    ("At least 14 people were killed in the blast in Drelsham.",
     "At least 20 people were killed in the blast in Drelsham.", SAME),
    # and conflicts with the figures it rules out
    ("At least 17 people were killed in the blast in Drelsham.", "The blast in Drelsham killed 14 people.", CONFLICTING),
    ("Fewer than 10 people attended the council meeting on Monday.",
     "25 people attended the council meeting on Monday.", CONFLICTING),
    ("No more than 12 ships entered the port of Brevik on Sunday.",
     "15 ships entered the port of Brevik on Sunday.", CONFLICTING),
    ("Not more than 12 people may gather indoors in Brevik under the new rules.",
     "20 people may gather indoors in Brevik under the new rules.", CONFLICTING),
    # a bound holds figures of its order, not ten times it
    ("At least 14 people were killed in the blast in Drelsham.", "The blast in Drelsham killed 140 people.", CONFLICTING),
])
def test_a_figure_written_as_a_bound_agrees_with_the_figures_it_allows(bounded, figure, decision):
    for a, b in ((bounded, figure), (figure, bounded)):
        e = explain(a, b)
        assert e.decision == decision, e.reason
    if decision == CONFLICTING:
        assert "at least" in e.reason or "at most" in e.reason, e.reason


def test_a_bound_is_its_figures_and_over_or_up_to_after_a_verb_is_none():
    # "took over 40 stores", "gone up to 45": a verb's particle, not a bound
    assert explain("Retailer Marlow took over 40 stores from its bankrupt rival in Brevik.",
                   "Retailer Marlow took over 55 stores from its bankrupt rival in Brevik.").decision == CONFLICTING
    assert explain("The death toll in the Brevik floods has gone up to 45.",
                   "The death toll in the Brevik floods has gone up to 52.").decision == CONFLICTING
    # the bound of one figure is not the bound of another figure of the same value
    assert explain("At least 30 people were killed and 30 homes were destroyed in the Brevik storm.",
                   "30 people were killed and 45 homes were destroyed in the Brevik storm.").decision == CONFLICTING


@pytest.mark.parametrize("first, second, decision", [
    ("Not only the mayor but also two councillors resigned on Friday.",
     "The mayor and two councillors resigned on Friday.", SAME),  # "not only" negates nothing
    ("The president has yet to sign the budget bill.", "The president has not signed the budget bill.", SAME),
    ("The president has yet to sign the budget bill.", "The president signed the budget bill on Friday.", CONFLICTING),
    ("No one was injured in the blaze at the warehouse.", "Nobody was hurt in the fire at the warehouse.", SAME),
    ("Nobody was injured in the crash on the motorway.",
     "Two people were injured in the crash on the motorway.", CONFLICTING),
    ("Officials said no one was injured in the blast at the depot.",
     "Officials said four people were injured in the blast at the depot.", CONFLICTING),
    # "nobody but X" affirms X; "yet to" after no auxiliary is "but, to ..."
    ("No one but the mayor knew about the Halden plan.", "The mayor knew about the Halden plan.", SAME),
    ("The bill passed, yet to the surprise of many the governor vetoed it.", "The governor vetoed the bill.", SAME),
])
def test_negations_written_without_not(first, second, decision):
    assert explain(first, second).decision == decision


def test_figures_about_two_kinds_of_incident_are_not_a_conflict():
    # One town, one day, one kind of figure, but a gas explosion and a flood are two events.
    e = explain("The mayor said 120 people were evacuated from Brevik after the gas explosion.",
                "The mayor said 306 people were evacuated from Brevik after the flood.")
    assert e.decision == DIFFERENT and e.rule == "different_events", e.reason
    assert "explosion vs flood" in e.reason
    # The incident named on one side only, or named in another word for the same kind, leaves the conflict.
    for first, second in (("after the explosion", "in Brevik"), ("after the explosion", "after the blast"),
                          ("after the fire", "after the blaze"), ("after the accident", "after the crash"),
                          ("after the storm", "after the hurricane")):
        e = explain(f"The mayor said 120 people were evacuated {first}.", f"The mayor said 306 people were evacuated {second}.")
        assert e.decision == CONFLICTING and "120 vs 306" in e.reason, (first, second, e.reason)
    # Other words after "the" say nothing of two events: one fact, two figures.
    for first, second in (("on board the plane", "on board the aircraft"), ("in the northern province", "in the north")):
        e = explain(f"Officials said 112 passengers were {first}.", f"Officials said 121 passengers were {second}.")
        assert e.decision == CONFLICTING, (first, second, e.reason)
    # A denial needs no agreement on the incident: it is about what the other states.
    e = explain("The mayor said the bridge in Brevik collapsed after the flood.",
                "The mayor denied that the bridge in Brevik collapsed.")
    assert e.decision == CONFLICTING and e.rule == "confirm_deny", e.reason


def test_kinds_of_incident_are_read_from_the_statement_words():
    assert match_form(analyze_sentence("Firefighters contained the blaze after the gas explosion.")).events == (
        "explosion", "fire")
    assert match_form(analyze_sentence("The union blasts the offer as an insult.")).events == ()
    assert match_form(analyze_sentence("Officials put the number of containers stranded at 45,000.")).events == ()


def test_every_decision_names_its_rule_with_a_stable_identifier():
    from services.matcher.matching import RULES

    cases = {
        ("Nine miners were trapped after the tunnel collapsed at the copper mine.",
         "Twelve miners were trapped after the tunnel collapsed at the copper mine."): "number_mismatch",
        ("The summit between the two leaders took place on 4 May in the capital.",
         "The summit between the two leaders took place on 9 May in the capital."): "date_mismatch",
        ("Shares in the brewer rose sharply after the merger was announced.",
         "Shares in the brewer fell sharply after the merger was announced."): "opposite_predicates",
        ("The mayor said the bridge in Brevik collapsed after the flood.",
         "The mayor denied that the bridge in Brevik collapsed."): "confirm_deny",
        ("The mayor said 120 people were evacuated from Brevik after the gas explosion.",
         "The mayor said 306 people were evacuated from Brevik after the flood."): "different_events",
        ("The regional governor said the bridge over the Maas would stay closed for repairs.",
         "The bridge over the Maas would stay closed for repairs, the regional governor told reporters."): "same_claim",
        ("The central bank raised its main interest rate by a quarter point.",
         "The finance minister presented a new budget to parliament on Friday."): "below_threshold",
    }
    for (a, b), rule in cases.items():
        e = explain(a, b)
        assert e.rule == rule and e.rule in RULES, (a, e.rule, e.reason)
    index = ClaimIndex()
    first = index.place(placed_claim("a1", "The ferry to Brevik was cancelled on Monday."))
    assert first.explanation.rule == "no_similar_claim"
    second = index.place(placed_claim("a2", "The ferry to Brevik was cancelled on Monday, the operator said."))
    assert second.explanation.rule == "same_claim" and second.matched_claim_id == first.claim.id


def test_the_rule_identifiers_are_documented_where_tools_read_them():
    import re
    from pathlib import Path

    from services.matcher.matching import RULES

    root = Path(__file__).resolve().parents[2]
    proto = (root / "protos/claimcheck/v1/match.proto").read_text(encoding="utf-8")
    comment = proto[proto.index("string reason = 3;"):proto.index("string rule = 4;")]
    assert set(re.findall(r"\b[a-z]+(?:_[a-z]+)+\b", comment)) == RULES
    readme = (root / "README.md").read_text(encoding="utf-8")
    listed = readme[readme.index("carries a `reason` in words"):]
    listed = listed[:listed.index("opened its cluster")]
    assert set(re.findall(r"`([a-z_]+)`", listed)) - {"reason", "rule"} == RULES


def test_one_duration_in_two_units_is_one_figure_up_to_the_rounding_of_the_larger_unit():
    for first, second in (("a 72-hour strike", "a three-day strike"),
                          ("a strike that lasted nearly two weeks", "a strike that lasted 13 days"),
                          ("a strike that lasted about 3 hours", "a strike that lasted 170 minutes")):
        e = explain(f"The dockers of Brevik began {first} on Monday.", f"The dockers of Brevik began {second} on Monday.")
        assert e.decision == SAME, (first, second, e.reason)
    for first, second in (("a 48-hour strike", "a three-day strike"), ("a 36-hour strike", "a two-day strike"),
                          ("a strike that lasted two weeks", "a strike that lasted 11 days")):
        e = explain(f"The dockers of Brevik began {first} on Monday.", f"The dockers of Brevik began {second} on Monday.")
        assert e.decision == CONFLICTING and e.rule == "number_mismatch", (first, second, e.reason)


def test_an_hour_and_a_half_is_ninety_minutes_and_a_one_day_strike_is_not_a_three_day_one():
    same = explain("The talks in Ostvik lasted an hour and a half", "The talks in Ostvik lasted 90 minutes")
    assert same.decision == SAME, same.reason
    clash = explain("The dockers in Ostvik held a one-day strike", "The dockers in Ostvik held a three-day strike")
    assert clash.decision == CONFLICTING and clash.rule == "number_mismatch", clash.reason


def test_a_fraction_of_a_unit_and_basis_points_are_figures_in_the_unit():
    # "a quarter point" was the fraction 0.25 and "25 basis points" the count 25: two kinds of figure, two facts
    for first, second in (("by a quarter point", "by 25 basis points"), ("by half a percentage point", "by 50bp"),
                          ("by a quarter of a percentage point", "by 0.25 percentage points")):
        e = explain(f"The central bank of Norvia raised its main rate {first} on Thursday.",
                    f"The central bank of Norvia raised its main rate {second} on Thursday.")
        assert e.decision == SAME, (first, second, e.reason)
    clash = explain("The central bank of Norvia raised its main rate by a quarter point on Thursday.",
                    "The central bank of Norvia raised its main rate by 50 basis points on Thursday.")
    assert clash.decision == CONFLICTING and clash.rule == "number_mismatch", clash.reason
    same = explain("The talks in Ostvik lasted half an hour", "The talks in Ostvik lasted 30 minutes")
    assert same.decision == SAME, same.reason
    clash = explain("The talks in Ostvik lasted half an hour", "The talks in Ostvik lasted 50 minutes")
    assert clash.decision == CONFLICTING and clash.rule == "number_mismatch", clash.reason


@pytest.mark.parametrize(("first", "second", "decision"), [
    # a rate set in quarter points is no rounding of a whole one; a share with one decimal may be
    ("The central bank of Norvia held its main rate at 5.25% on Thursday.",
     "The central bank of Norvia held its main rate at 5% on Thursday.", CONFLICTING),
    ("The central bank of Norvia cut its main rate to 3.75 percent.", "The central bank of Norvia cut its main rate to 4 percent.",
     CONFLICTING),
    ("Turnout in the Ostvik referendum was 71.4 percent.", "Turnout in the Ostvik referendum was 71 percent.", SAME),
    # a temperature written two ways, and two temperatures
    ("Temperatures in Ostvik reached 41.2C on Sunday, a record.", "Temperatures in Ostvik reached 41.2 degrees Celsius on Sunday, a record.",
     SAME),
    ("Temperatures in Ostvik reached 41.2C on Sunday, a record.", "Temperatures in Ostvik reached 43.2C on Sunday, a record.",
     CONFLICTING),
    ("Temperatures in Ostvik reached 118 degrees Fahrenheit on Sunday.", "Temperatures in Ostvik reached 48C on Sunday.", SAME),
    ("Temperatures in Ostvik reached 118 degrees Fahrenheit on Sunday.", "Temperatures in Ostvik reached 44C on Sunday.",
     CONFLICTING),
    # points as a number and as a fraction are one unit
    ("Berg leads the Ostvik chess open by half a point.", "Berg leads the Ostvik chess open by 1.5 points.", CONFLICTING),
    ("Berg leads the Ostvik chess open by half a point.", "Berg leads the Ostvik chess open by 0.5 points.", SAME),
])
def test_rates_temperatures_and_points_are_compared_as_figures(first, second, decision):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == decision, (a, b, e.reason)


@pytest.mark.parametrize(("first", "second", "decision"), [
    # negations written without "not"
    ("The talks in Ostvik ended with an agreement on Friday.", "The talks in Ostvik ended without an agreement on Friday.",
     CONFLICTING),
    ("The mayor of Ostvik is unlikely to attend the ceremony.", "The mayor of Ostvik will attend the ceremony.", CONFLICTING),
    ("The central bank of Norvia has ruled out a rate cut this year.",
     "The central bank of Norvia is likely to cut rates this year.", CONFLICTING),
    ("Ostvik police ruled out arson as the cause of the warehouse fire.",
     "Ostvik police said the warehouse fire was arson.", CONFLICTING),
    # ... and wordings of "without" and "ruled out" that negate nothing the other states
    ("The march in Ostvik ended without incident.", "The march in Ostvik ended peacefully.", SAME),
    ("Thousands of homes in Ostvik were without power on Monday.", "Thousands of homes in Ostvik lost power on Monday.", SAME),
    ("Berg was ruled out of the Ostvik final with a knee injury.", "Berg will miss the Ostvik final with a knee injury.", SAME),
    ("Berg has been ruled out for six weeks with a knee injury.", "A knee injury will sideline Berg for six weeks.", SAME),
    # a forecast and what happened are two claims, whichever way the forecast goes
    ("The ceasefire in Ostvik is unlikely to hold.", "The ceasefire in Ostvik held.", DIFFERENT),
    # not ruling out is no ruling out
    ("The mayor of Ostvik would not rule out a tax rise.", "The mayor of Ostvik ruled out a tax rise.", CONFLICTING),
    ("Ostvik police have not ruled out foul play in the death.", "Ostvik police have ruled out foul play in the death.",
     CONFLICTING),
    ("The mayor of Ostvik refused to rule out a tax rise.", "The mayor of Ostvik ruled out a tax rise.", CONFLICTING),
    # a player or a goal ruled out; a headline in title case
    ("Berg has been ruled out until March.", "Berg will be out until March.", SAME),
    ("Berg's goal was ruled out by the referee.", "Berg's goal was disallowed by the referee.", SAME),
    ("Ostvik Talks Ended Without a Deal", "Ostvik Talks Ended With a Deal", CONFLICTING),
])
def test_unlikely_to_ruled_out_and_ended_without_are_negations(first, second, decision):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == decision, (a, b, e.reason)


@pytest.mark.parametrize(("first", "second", "decision"), [
    # the speaker is who acts when the statement opens with its pronoun: two speakers, two facts
    ("Vantora said it will cut 1,400 jobs at its Brevik plant.", "Kelmark said it will cut 1,400 jobs at its Brevik plant.",
     DIFFERENT),
    ("Halvorsen said it was investigating the outage in Ostvik.", "Kelmark said it was investigating the outage in Ostvik.",
     DIFFERENT),
    ("Senator Helena Marsh said she supports the harbour bill.", "Senator Oliver Strand said he supports the harbour bill.",
     DIFFERENT),
    ('"We will appeal the verdict," Vantora said.', "Kelmark said it would appeal the verdict.", DIFFERENT),
    # one speaker, whether it speaks of itself or is told of; the same body named two ways
    ("Vantora said it will cut 1,400 jobs at its Brevik plant.", "Vantora will cut 1,400 jobs at its Brevik plant.", SAME),
    ('"We will appeal the verdict," Vantora said.', "Vantora said it would appeal the verdict.", SAME),
    ("The Kremlin said it was studying the Ostvik proposal.", "Russia said it was studying the Ostvik proposal.", SAME),
    # "it" of no one ("it was too early"), "they", a speaker the other does not name: not compared
    ("The WHO said it was too early to declare the Ostvik outbreak over.",
     "The CDC said it was too early to declare the Ostvik outbreak over.", SAME),
    ("Vantora said they would cut 1,400 jobs at the Brevik plant.", "Kelmark said they would cut 1,400 jobs at the Brevik plant.",
     SAME),
    ("Vantora said it will cut 1,400 jobs at its Brevik plant.", "The company said it will cut 1,400 jobs at its Brevik plant.",
     SAME),
    # a speaker's name written two ways, after a common word opening the sentence; a name the other
    # statement does not open with (its object, maybe) is no other actor
    ("The NIF said on Thursday its staff was preparing rules to curb trading abuses.",
     "Last week the Nordic Investment Fund said its staff was preparing rules to curb trading abuses.", SAME),
    ("We believe that it is not necessary to have a long and divisive confirmation fight over a Supreme Court appointment.",
     '"We believe that it is not necessary to have a long and divisive confirmation fight," Helena Marsh of Ostvik wrote.',
     SAME),
    # claiming a role only one holds is a claim each makes, not a dispute over one winner
    ("Victor Ramos said he won the Norvian presidential election.", "Eduardo Salas said he won the Norvian presidential election.",
     DIFFERENT),
])
def test_a_speaker_told_of_by_its_pronoun_is_the_actor(first, second, decision):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == decision, (a, b, e.reason)


@pytest.mark.parametrize(("first", "second", "decision"), [
    # not knowing how, why or whether a thing happened denies none of it
    ("Ostvik plumber has no idea how his truck ended up with rebels in Norvia.",
     "Ostvik plumber baffled after his truck ended up with rebels in Norvia.", SAME),
    ("Ostvik plumber isn't sure how his truck ended up with rebels in Norvia.",
     "Ostvik plumber baffled after his truck ended up with rebels in Norvia.", SAME),
    ("Ostvik police do not know why the gunman opened fire at the school.",
     "A gunman opened fire at the school in Ostvik, police said.", SAME),
    # ... nor not knowing that it did: she was, he had been
    ("Ostvik nun who had no idea she was pregnant gives birth after stomach pains.",
     "Ostvik nun complains of stomach pains, later gives birth to a baby boy.", SAME),
    ("The Ostvik mayor did not know he had been released from prison.",
     "The Ostvik mayor had been released from prison.", SAME),
    # ... a negated knowing of someone or something is still a negation
    ("The Ostvik mayor did not know the gunman.", "The Ostvik mayor knew the gunman.", CONFLICTING),
    ("The Ostvik mayor did not know that man.", "The Ostvik mayor knew that man.", CONFLICTING),
    # an alternative after ", not" is excluded, as after "rather than"
    ("Vantora will build its battery plant in Brevik, not Ostvik.", "Vantora will build its battery plant in Brevik.", SAME),
    ("Vantora will build its battery plant in Brevik, not Ostvik.", "Vantora will build its battery plant in Ostvik.",
     CONFLICTING),
    ("Officials said 12, not 14, people died in the Ostvik fire.", "Twelve people died in the Ostvik fire.", SAME),
    ("Officials said 12, not 14, people died in the Ostvik fire.", "Fourteen people died in the Ostvik fire.", CONFLICTING),
    # ... a day stays a negation, which a report of that day conflicts with
    ("The Ostvik summit will be held on Tuesday, not Monday.", "The Ostvik summit will be held on Monday.", CONFLICTING),
])
def test_not_knowing_how_and_not_the_other_deny_nothing_else(first, second, decision):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == decision, (a, b, e.reason)


@pytest.mark.parametrize(("first", "second", "decision"), [
    # rates moved or kept, inflation easing or quickening, a target hit or missed: opposites
    ("The Bank of Norvia raised interest rates on Tuesday.", "The Bank of Norvia kept interest rates unchanged on Tuesday.",
     CONFLICTING),
    ("The Bank of Norvia raised interest rates on Tuesday.", "The Bank of Norvia held interest rates steady on Tuesday.",
     CONFLICTING),
    ("Inflation in Norvia eased to 3.1% in January.", "Inflation in Norvia accelerated to 3.1% in January.", CONFLICTING),
    ("Vantora hit its quarterly sales target.", "Vantora missed its quarterly sales target.", CONFLICTING),
    # ... not when the rest of one is not all in the other
    ("Vantora raised $40 million from investors in Ostvik.", "Vantora cut 40 jobs at its plant in Ostvik.", DIFFERENT),
    # flights cancelled or delayed, people missing or dead, prices or sales, two stock indices: two facts
    ("Nordair cancelled 1,500 flights at Ostvik airport on Friday.",
     "Nordair delayed 1,500 flights at Ostvik airport on Friday.", DIFFERENT),
    ("Twelve people are missing after the flood in Ostvik.", "Twelve people died after the flood in Ostvik.", DIFFERENT),
    ("Home prices in Norvia fell 3% in May.", "Home sales in Norvia fell 3% in May.", DIFFERENT),
    ("The Dow fell 2% on Tuesday after the Norvian bank collapsed.",
     "The Nasdaq fell 2% on Tuesday after the Norvian bank collapsed.", DIFFERENT),
    # ... but a statement naming both differs by neither
    ("Nordair cancelled or delayed 1,500 flights at Ostvik airport on Friday.",
     "Nordair cancelled 1,500 flights at Ostvik airport on Friday.", SAME),
])
def test_rates_kept_or_moved_and_alternatives_of_a_kind(first, second, decision):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == decision, (a, b, e.reason)


def test_a_name_spoken_to_is_no_destination():
    # "to Tarrin" after a verb of motion is a place; "spoke to Halvorsen" names whom, not where
    a = "Marsh said he had spoken to Halvorsen on Tuesday."
    b = "Ukrainian President Oleh Marsh said he had spoken with Erik Halvorsen on Tuesday."
    for x, y in ((a, b), (b, a)):
        e = explain(x, y)
        assert e.decision == SAME, (x, y, e.reason)
    e = explain("The convoy headed to Tarrin on Monday.", "The convoy headed to Oskarby on Monday.")
    assert e.decision == DIFFERENT, e.reason


@pytest.mark.parametrize(("first", "second", "decision"), [
    # protests are held in many places at once: two cities, two protests
    ("Thousands marched in Paris against climate inaction on Saturday.",
     "Thousands marched in Berlin against climate inaction on Saturday.", DIFFERENT),
    ("Police fired tear gas at protesters in Ostvik on Saturday.", "Police fired tear gas at protesters in Paris on Saturday.",
     DIFFERENT),
    # one earthquake is in one place
    ("A 6.1-magnitude earthquake struck near Ankara on Monday.", "A 6.1-magnitude earthquake struck near Izmir on Monday.",
     CONFLICTING),
])
def test_gatherings_in_two_places_are_two_events(first, second, decision):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == decision, (a, b, e.reason)


@pytest.mark.parametrize(("first", "second", "decision"), [
    # a union of countries, its agencies, an armed group: no country, so two actors
    ("The EU imposed new sanctions on Norvian drone makers.", "Britain imposed new sanctions on Norvian drone makers.",
     DIFFERENT),
    ("NATO pledged more air defence systems to Ukraine.", "Germany pledged more air defence systems to Ukraine.", DIFFERENT),
    ("Hamas accepted the ceasefire proposal on Monday.", "Israel accepted the ceasefire proposal on Monday.", DIFFERENT),
    # a body of a country's government may stand for it; both named by one: one actor
    ("The White House imposed new tariffs on Norvian steel.", "The United States imposed new tariffs on Norvian steel.", SAME),
    ("The EU and Britain imposed new sanctions on Norvian drone makers.",
     "Britain imposed new sanctions on Norvian drone makers.", SAME),
])
def test_a_body_that_is_no_country_and_a_country_are_two_actors(first, second, decision):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == decision, (a, b, e.reason)


@pytest.mark.parametrize(("first", "second", "decision"), [
    # "he" of a spokesperson is whom she speaks for; a person speaking of "he" is not told apart from a
    # subject named otherwise
    ("Press secretary Lena Holt said he would sign the harbour bill on Friday.",
     "Erik Halvorsen will sign the harbour bill on Friday.", SAME),
    ("Dmitry Sorokov said he would attend the Ostvik summit.", "Oleg Marsh will attend the Ostvik summit.", SAME),
    # "it appears", "it would take": an "it" of no one
    ("The FAA said it appears the pilot lost control of the aircraft near Ostvik.",
     "The NTSB said it appears the pilot lost control of the aircraft near Ostvik.", SAME),
    ("Interpol said it took three years to find the Ostvik fugitive.",
     "Europol said it took three years to find the Ostvik fugitive.", SAME),
    # a body named two ways
    ("Meta said it will cut 10,000 jobs.", "Facebook said it will cut 10,000 jobs.", SAME),
    ("The European Commission said it would fine Vantora 1.8 billion euros.",
     "The EU said it would fine Vantora 1.8 billion euros.", SAME),
    # not knowing whether is still denied by knowing
    ("The Ostvik officer did not know whether the man was armed.", "The Ostvik officer knew the man was armed.", CONFLICTING),
    # "missing" and "steady" in other senses than a target missed, rates held steady
    ("A fishing boat with 12 crew is missing off Ostvik.", "A fishing boat with 12 crew hit rocks off Ostvik.", SAME),
    ("Steady rain was forecast for Ostvik on Sunday.", "Rain fell in Ostvik on Sunday.", SAME),
    # an incident at a gathering, a gathering of one occasion: one place
    ("The shooting happened at a rally in Butler, Pennsylvania.", "The shooting happened at a rally in Erie, Pennsylvania.",
     CONFLICTING),
    ("Marsh will hold his final rally in Grand Rapids on Monday night.",
     "Marsh will hold his final rally in Pittsburgh on Monday night.", CONFLICTING),
    # one thing cancelled or delayed: a conflict; many of them, two sets
    ("The concert at Wembley was cancelled.", "The concert at Wembley was delayed.", CONFLICTING),
    ("Hundreds of flights were cancelled at Ostvik airport.", "Hundreds of flights were delayed at Ostvik airport.",
     DIFFERENT),
])
def test_second_reader_defects_of_speakers_knowing_and_kinds(first, second, decision):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == decision, (a, b, e.reason)


@pytest.mark.parametrize(("first", "second", "decision"), [
    # a country and a place the tables do not know stay a place to see, not one place
    ("A landslide killed 20 people in Peru on Monday.", "A landslide killed 20 people in Dhading district on Monday.",
     CONFLICTING),
    # dismissed as a manager or a minister is fired, not a denial; a report dismissed is denied
    ("Ostvik Rovers have sacked manager Tom Alcott following Sunday's 3-0 defeat to Brevik.",
     "Tom Alcott has been dismissed as Ostvik Rovers boss after the 3-0 loss to Brevik on Sunday.", SAME),
    ("The Kremlin dismissed reports that the Ostvik pipeline had been sabotaged.",
     "The Ostvik pipeline had been sabotaged, reports said.", CONFLICTING),
    ("The palace dismissed a report that the prince of Ostvik is seriously ill.", "The prince of Ostvik is seriously ill.",
     CONFLICTING),
    # Q2 is the second quarter, the jobless rate unemployment, jailed sentenced
    ("Unemployment in Norvia fell to 11.6% in the second quarter, official figures showed.",
     "Norvia's jobless rate dropped to 11.6 percent in Q2, according to official data.", SAME),
    ("The court jailed fraudster Gavin Pryce for eight years.", "Fraudster Gavin Pryce was sentenced to four years in prison.",
     CONFLICTING),
    # questioned or arrested, delivered or produced: two facts; begun or postponed: a conflict
    ("Police questioned the mayor of Ostvik over alleged bribery on Tuesday.",
     "Police arrested the mayor of Ostvik over alleged bribery on Tuesday.", DIFFERENT),
    ("Vantora's deliveries rose 5% in the second quarter.", "Vantora's production rose 5% in the second quarter.", DIFFERENT),
    ("The drug produced a 20% reduction in deaths in the Ostvik trial.",
     "The drug delivered a 20% reduction in deaths in the Ostvik trial.", SAME),
    ("The corruption trial of former minister Lara Petrescu began in Ostvik on Monday.",
     "The corruption trial of former minister Lara Petrescu in Ostvik was postponed on Monday.", CONFLICTING),
    # a company's two officers, two kinds of car, two warnings: two facts; a truce of 72 hours or a week
    ("Vantora's chief executive will step down at the end of the year, the company said.",
     "Vantora's chairman will step down at the end of the year, the company said.", DIFFERENT),
    ("Sales of electric cars in Norvia rose 20% in September.", "Sales of hybrid cars in Norvia rose 20% in September.",
     DIFFERENT),
    ("Forecasters issued an amber warning for snow in northern Ostvik on Thursday.",
     "Forecasters issued an amber warning for wind in northern Ostvik on Thursday.", DIFFERENT),
    ("The Ostvik ceasefire will last 72 hours, mediators said.", "Mediators said the Ostvik truce would hold for one week.",
     CONFLICTING),
    # a forecast of what one will report, and the report (its verb the attribution's)
    ("Analysts expect Vantora to report quarterly revenue of about $28 billion on Wednesday.",
     "Vantora reported quarterly revenue of $28 billion on Wednesday.", DIFFERENT),
])
def test_held_out_reader_classes(first, second, decision):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == decision, (a, b, e.reason)


@pytest.mark.parametrize(("first", "second", "decision"), [
    # a figure or a day of each of two named things: two facts
    ("Ostvik Rovers beat Kilmarnock 2-1 in Paisley on Saturday.", "Ostvik Rovers beat Dundee 2-1 in Paisley on Wednesday.",
     DIFFERENT),
    ("Storm Orla left 60,000 homes without power in Leeds on Saturday.",
     "Storm Orla left 35,000 homes without power in Bristol on Saturday.", DIFFERENT),
    ("Norway pledged 12 air defence systems to Ukraine.", "Sweden pledged 14 air defence systems to Ukraine.", DIFFERENT),
    # ... but one thing named two ways, or a place inside the other: a dispute over one
    ("Russian missiles killed 12 people in Kyiv on Monday.", "Russian missiles killed 14 people in Ukraine on Monday.",
     CONFLICTING),
    ("The NIF raised its main rate by 25 basis points.", "The Nordic Investment Fund raised its main rate by 50 basis points.",
     CONFLICTING),
    ("Czechia expelled two Norvian diplomats on Thursday.", "The Czech Republic expelled five Norvian diplomats on Thursday.",
     CONFLICTING),
    ("Muammar Gaddafi was killed in Sirte on 20 October 2011.", "Moammar Kadhafi was killed in Sirte on 21 October 2011.",
     CONFLICTING),
    # ... nor a name written in full and by its surname, a place added to a name, an owner's description
    ("Prime Minister Keir Starmer will meet Donald Trump on Monday.",
     "Starmer will meet Trump at the White House on Tuesday.", CONFLICTING),
    ("Seven people died when a coach overturned near Leeds on Tuesday.",
     "Nine people died when a National Express coach overturned on Tuesday.", CONFLICTING),
    ("Vantora delivered 435,000 vehicles in the third quarter.",
     "Erik Halvorsen's carmaker delivered 466,000 vehicles in the third quarter.", CONFLICTING),
    ("The quake killed 12 people in Nepal.", "The quake killed 14 people in Dhading district.", CONFLICTING),
    # ... and no name on one side: the same thing told with another figure
    ("The Ostvik summit will be held on Tuesday.", "The Ostvik summit will be held on Monday.", CONFLICTING),
    ("Twenty-eight people were at the Ostvik camp on Christmas Day.", "Twenty-seven people were at the Ostvik camp on Christmas Day.",
     CONFLICTING),
])
def test_figures_of_two_named_things_are_two_facts(first, second, decision):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == decision, (a, b, e.reason)


def test_not_ruling_out_is_no_denial_of_a_plan():
    first = "The mayor of Ostvik would not rule out sending police to the port."
    second = "The mayor of Ostvik will send police to the port."
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision != CONFLICTING, (a, b, e.reason)


def test_a_contraction_shared_by_two_unrelated_statements_ties_nothing():
    # "hasn't" was the words "hasn" and "t" of both event frames: shared rare words
    for apostrophe in ("'", "’"):
        e = explain(f"No, the harbour master hasn{apostrophe}t been arrested.",
                    f"The 40-year-old ferry bought in 1985 hasn{apostrophe}t aged a bit, its owners say.")
        assert e.decision == DIFFERENT, e.reason


def test_two_countries_the_event_is_put_in_conflict_as_two_cities_do():
    e = explain("The plant will be built in France.", "The plant will be built in Germany.")
    assert e.decision == CONFLICTING and e.rule == "place_mismatch" and "two countries" in e.reason, e.reason
    # the country ending the sentence as an abbreviation
    assert explain("The plant will be built in the U.S.", "The plant will be built in Mexico.").rule == "place_mismatch"
    # a country that only says whose or from where is no venue
    for a, b in (("Troops from France arrived.", "Troops from Germany arrived."),
                 ("He has worked at the French embassy for years.", "He has worked at the German embassy for years."),
                 ("It is in France's interest, the minister said.", "It is in Germany's interest, the minister said."),
                 ("Officers arrested the suspect at 3 P.M.", "The suspect was detained at 3 p.m."),
                 ("The summit will be held in Paris.", "The summit will be held in France.")):
        assert explain(a, b).rule != "place_mismatch", (a, b)


def test_a_count_of_people_and_a_count_of_things_are_two_figures_of_one_event():
    for people, things in (("The storm killed 12 people in Brevik on Sunday.", "The storm destroyed 30 homes in Brevik on Sunday."),
                           ("Rescuers pulled 14 survivors from the rubble in Drelsham.",
                            "Rescuers pulled 30 cars from the rubble in Drelsham."),
                           # those sent to help are no count of those they help
                           ("489 people were evacuated from Brevik after the landslide, the mayor said.",
                            "720 firefighters were deployed to Brevik to fight the landslide, according to the mayor."),
                           ("About 8,000 people joined the protest in Brevik on Saturday.",
                            "Police deployed 500 officers to the protest in Brevik on Saturday.")):
        for a, b in ((people, things), (things, people)):
            e = explain(a, b)
            assert e.decision == DIFFERENT and e.rule == "different_kinds", e.reason


def test_a_month_alone_is_a_date_without_a_publication_time():
    def approved(when: str) -> str:
        return f"The regulator approved the malaria vaccine {when}."

    e = explain(approved("in January"), approved("in March"))
    assert e.decision == CONFLICTING and e.rule == "date_mismatch", e.reason
    for other in ("on 12 March", "on March 12", "on Monday"):  # a day in that month, or a weekday, may fit
        assert explain(approved("in March"), approved(other)).decision == SAME, other


@pytest.mark.parametrize("prospect, event", [
    ("The mayor of Vlieborg may resign as early as this week, aides said.", "The mayor of Vlieborg resigned on Tuesday."),
    ("The central bank of Norvia is expected to cut rates on Thursday.", "The central bank of Norvia cut rates on Thursday."),
    ("Norvik Energy is in talks to buy the Halden wind farm, sources said.", "Norvik Energy bought the Halden wind farm."),
    ("The Vlieborg dockworkers threatened to strike next week.", "The Vlieborg dockworkers went on strike."),
    ("The ferry operator may cancel up to 50 sailings because of the storm.",
     "The ferry operator cancelled 50 sailings because of the storm."),
    ("The council of Vlieborg is considering a ban on night sailings.", "The council of Vlieborg banned night sailings."),
    ("Economists expect the central bank of Norvia to cut rates by a quarter point.",
     "The central bank of Norvia cut rates by a quarter point."),
    # the verb compared as the statements' words are folded ("reduce" is "cut", "meet" is "talks"), and
    # words of a plain report ("set", "met") are no prospect
    ("The central bank of Norvia may reduce rates.", "The central bank of Norvia reduced rates."),
    ("The Norvian president may meet the Velmar prime minister.", "The Norvian president met the Velmar prime minister."),
    ("The Norvian sprinter may set a world record.", "The Norvian sprinter set a world record."),
    ("The Norvian senate may pass Marlow's spending bill.", "The Norvian senate passed Marlow's spending bill."),
])
def test_what_may_happen_and_what_happened_are_two_claims(prospect, event):
    for a, b in ((prospect, event), (event, prospect)):
        e = explain(a, b)
        assert e.decision == DIFFERENT and e.rule == "prospect_vs_event", (a, b, e.reason)


@pytest.mark.parametrize("first, second", [
    # both say it may happen, or one says it will
    ("The striker is set to join Vlieborg FC, reports say.", "The striker is expected to sign for Vlieborg FC."),
    ("The mayor of Vlieborg may resign this week.", "The mayor of Vlieborg will resign this week."),
    # a guess about the past, a prospect in a clause of its own, a plan as a thing, a month
    ("The blast in Vlieborg may have been caused by a gas leak.", "The blast in Vlieborg was caused by a gas leak."),
    ("The mayor of Vlieborg, who could face charges, resigned on Tuesday.", "The mayor of Vlieborg resigned on Tuesday."),
    ("Residents opposed the mayor's plans to rebuild the Vlieborg harbour.", "Residents opposed rebuilding the Vlieborg harbour."),
    ("The Vlieborg harbour reopened in May after repairs.", "The Vlieborg harbour reopened after repairs."),
    # what a thing can do, a permission, a prospect in other words, an act told two ways, a headline
    ("The new Vlieborg bridge can carry 40,000 vehicles a day.", "The new Vlieborg bridge carries 40,000 vehicles a day."),
    ("Pupils in Vlieborg may wear trainers on Fridays.", "Pupils in Vlieborg are allowed to wear trainers on Fridays."),
    ("Analysts expect the central bank of Norvia to cut rates.", "The central bank of Norvia is set to cut rates."),
    ("The man threatened to kill his wife in Vlieborg, police said.", "The man made threats to kill his wife in Vlieborg, police said."),
    ("Norvia's Central Bank Set To Cut Rates", "The central bank of Norvia is expected to cut rates."),
    ("Norvik Energy cut 500 jobs and said more could follow.", "Norvik Energy cut 500 jobs."),
    # a modal of another clause, a guess at what is, a question, an act under way, a headline's "to", a report of a report
    ("The guru ordered 400 followers to fast so they could be closer to God.", "The guru's 400 followers fasted to be closer to God."),
    ("Police arrested a woman who may be the Vlieborg gang leader's wife.", "Police arrested the Vlieborg gang leader's wife."),
    ("Could Norvik Energy buy Halden Gas?", "Norvik Energy bought Halden Gas."),
    ("Norvik Energy may shut down its Halden plant.", "Norvik Energy is shutting down its Halden plant."),
    ("Norvik Energy plans to split into two companies.", "Norvik Energy to split into two companies: report."),
    ("Norvik Energy may buy Halden Gas.", "Norvik Energy reportedly close to buying Halden Gas."),
    ("The mayor’s plans to build a stadium in Vlieborg were approved.", "The mayor built a stadium in Vlieborg."),
    ("Unemployment in Norvia fell more than expected to record lows.", "Unemployment in Norvia fell to a record low."),
    ("The Vlieborg attackers may be women.", "The Vlieborg attackers were women."),
    ("A judge in Vlieborg blocked the rule from taking effect.", "The rule was halted by a judge in Vlieborg before it could take effect."),
])
def test_a_prospect_needs_the_statement_itself_to_say_it_may_happen(first, second):
    assert explain(first, second).rule != "prospect_vs_event"


@pytest.mark.parametrize("first, second, clash", [
    ("Vlieborg FC beat Halden United 38-35 on Sunday.", "Vlieborg FC beat Halden United 38-32 on Sunday.", "38-35 vs 38-32"),
    ("Vlieborg FC and Halden United drew 2-2 on Sunday.", "Vlieborg FC beat Halden United 2-1 on Sunday.", "2-2 vs 2-1"),
])
def test_two_scores_of_one_match_conflict(first, second, clash):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == CONFLICTING and "number mismatch (score)" in e.reason, (a, b, e.reason)
    assert clash in explain(first, second).reason


@pytest.mark.parametrize("first, second", [
    # one score told from either side, a range that is no score, a season
    ("Vlieborg FC beat Halden United 2-1 on Sunday.", "Halden United lost 1-2 to Vlieborg FC on Sunday."),
    ("Between 10-15 people were hurt when Vlieborg FC won on Sunday.", "Between 12-15 people were hurt when Vlieborg FC won on Sunday."),
    ("Vlieborg FC won the 2024-25 title on Sunday.", "Vlieborg FC won the 2024-25 title with a 2-0 win on Sunday."),
])
def test_one_score_or_none_is_no_score_conflict(first, second):
    assert "(score)" not in explain(first, second).reason


def test_a_share_written_as_a_fraction_is_that_percentage():
    e = explain("Norvik Energy cut its Vlieborg workforce by a third.", "Norvik Energy cut its Vlieborg workforce by 33%.")
    assert e.decision == SAME, e.reason
    e = explain("Norvik Energy cut its Vlieborg workforce by a third.", "Norvik Energy cut its Vlieborg workforce by 50%.")
    assert e.decision == CONFLICTING and "33.3333 vs 50" in e.reason, e.reason


@pytest.mark.parametrize("negated, opposite", [
    ("The jury in Vlieborg found the harbour master not guilty on all counts.",
     "The harbour master was acquitted of all charges by the jury in Vlieborg."),
    ("The airport in Vlieborg did not reopen on Monday.", "The airport in Vlieborg stayed closed on Monday."),
])
def test_a_negated_predicate_agrees_with_its_opposite(negated, opposite):
    # "not guilty" is "acquitted": neither an opposite predicate nor a negation the other does not state
    for a, b in ((negated, opposite), (opposite, negated)):
        e = explain(a, b)
        assert e.decision == SAME, (a, b, e.reason)


@pytest.mark.parametrize(("first", "second"), [
    # a stance, which may change: on other dates, or of groups counted apart
    ("The harbour union backed the strike on Monday.", "The harbour union opposed the strike on Friday."),
    ("Senator Marsh backed the ferry bill in March.", "Senator Marsh opposed the ferry bill in June."),
    ("Seven judges backed the appeal.", "Two judges opposed the appeal."),
    # another act, in other years
    ("Governor Marsh vetoed the ferry bill in 2022.", "Governor Marsh signed the ferry bill in 2023."),
])
def test_opposite_acts_on_other_occasions_are_two_events(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == DIFFERENT and e.rule == "different_events", (a, b, e.reason)


@pytest.mark.parametrize(("first", "second"), [
    # one act told on two days of one week, or of all against some: one act in dispute
    ("Governor Marsh signed the ferry bill on Tuesday.", "Governor Marsh vetoed the ferry bill on Wednesday."),
    ("All 62 people on board died when the plane crashed near Ostvik.",
     "Three people on board survived when the plane crashed near Ostvik."),
])
def test_one_act_told_two_ways_on_other_days_still_conflicts(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == CONFLICTING, (a, b, e.reason)


@pytest.mark.parametrize(("first", "second", "decision"), [
    # a people no table folds to a country, against a country: two actors of one act
    ("Kurdish fighters carried out the attack on the checkpoint near Kirkuk.",
     "Iraqi fighters carried out the attack on the checkpoint near Kirkuk.", CONFLICTING),
    # the country's own demonym and its name are one actor
    ("Georgian police detained 300 protesters in Tbilisi overnight.",
     "Police in Georgia detained 300 protesters in Tbilisi overnight.", SAME),
    # a country's waters are a place of the event
    ("The tanker was seized in Omani waters on Thursday.", "The tanker was seized in Emirati waters on Thursday.",
     CONFLICTING),
    ("The drone crashed in Chilean territory, the army said.", "The drone crashed in Peruvian territory, the army said.",
     CONFLICTING),
    ("The fishing boat was detained in Argentine waters on Friday.",
     "The fishing boat was detained in Uruguayan waters on Friday.", CONFLICTING),
    # the speaker after "at the port," is no place
    ("Containers piled up at the port, Halden Lines said on Tuesday.",
     "Containers piled up at the port of Ostvik, Halden Lines said on Tuesday.", SAME),
    # sole responsibility claimed; a contract, a debate won or hosted; a race of a two-word place
    ("The Kestrel Brigade claimed sole responsibility for the attack on the depot.",
     "The Harrow Front claimed sole responsibility for the attack on the depot.", CONFLICTING),
    ("The ferry contract was won by Vantora, the port said.", "The ferry contract was won by Kelmark, the port said.",
     CONFLICTING),
    ("Helena Marsh won New Ostvik's mayoral race on Tuesday.", "Oliver Strand won New Ostvik's mayoral race on Tuesday.",
     CONFLICTING),
    # a common surname is no first name: two people
    ("The committee summoned Warren to testify on Tuesday.", "The committee summoned Sanders to testify on Tuesday.",
     DIFFERENT),
    # a stance told with shares: two parts of one whole, or more than the whole between them
    ("55% of voters support the ferry plan, the poll found.", "40% of voters oppose the ferry plan, the poll found.",
     DIFFERENT),
    ("Union members backed the strike, with 64 percent voting in favour.",
     "Union members opposed the strike, with 58 percent voting against.", CONFLICTING),
    ("A majority of MPs, 326 of them, backed the motion on Wednesday.",
     "A majority of MPs, 330 of them, opposed the motion on Wednesday.", CONFLICTING),
])
def test_second_reader_cases_of_actors_places_and_stances(first, second, decision):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == decision, (a, b, e.reason)


def test_one_amount_in_two_currencies_is_a_conflict_and_a_conversion_is_not():
    for first, second in (("£500,000", "500,000 euros"), ("$2 million", "2 million euros"), ("€40m", "£40m"),
                          ("¥800,000", "$800,000"), ("50,000 Swiss francs", "50,000 euros")):
        e = explain(f"The port authority of Brevik fined the shipping line {first} for the oil spill.",
                    f"The port authority of Brevik fined the shipping line {second} for the oil spill.")
        assert e.decision == CONFLICTING and e.rule == "number_mismatch" and "currency" in e.reason, (first, second,
                                                                                                   e.reason)
    # one currency written two ways is one figure; two figures in two currencies may be one converted
    same = explain("The port authority of Brevik fined the shipping line $2 million for the oil spill.",
                   "The port authority of Brevik fined the shipping line 2 million dollars for the oil spill.")
    assert same.decision == SAME, same.reason
    # ... when another figure agrees too
    e = explain("The port authority of Brevik fined the shipping line £500,000 after 3 workers were hurt.",
                "The port authority of Brevik fined the shipping line 500,000 euros after 3 workers were hurt.")
    assert e.decision == CONFLICTING and "currency" in e.reason, e.reason
    converted = explain("The port authority of Brevik fined the shipping line £400,000 for the oil spill.",
                        "The port authority of Brevik fined the shipping line 460,000 euros for the oil spill.")
    assert converted.rule != "number_mismatch", converted.reason


def test_a_sum_of_money_and_a_count_of_people_of_one_value_are_two_facts():
    e = explain("The storm in Brevik left 300 people homeless.", "The storm in Brevik caused $300 of damage to each home.")
    assert e.decision == DIFFERENT, e.reason
    e = explain("The council in Brevik gave aid to 300 families.", "The council in Brevik gave $300 in aid.")
    assert e.decision == DIFFERENT, e.reason
    # also where the sum is told of what the other counts
    for a, b in (("The Brevik clinic treated 400 patients last year.", "The Brevik clinic spent €400 per patient last year."),
                 ("The council in Brevik helped 300 families in March.", "The council in Brevik gave $300 to families in March.")):
        for x, y in ((a, b), (b, a)):
            e = explain(x, y)
            assert e.decision == DIFFERENT, (x, y, e.reason)
    # ... where one value in two other units is one figure
    same = explain("The central bank of Norvia raised its main rate by 25 basis points.",
                   "The central bank of Norvia raised its main rate by 0.25 percentage points.")
    assert same.decision == SAME, same.reason


@pytest.mark.parametrize(("first", "second"), [
    ("Norvia sent 200 troops to the border on Monday.", "Norvia sent 200 doctors to the border on Monday."),
    ("Soldiers cleared the square in Tarsk overnight.", "Students cleared the square in Tarsk overnight."),
])
def test_soldiers_and_another_occupation_are_two_groups(first, second):
    # "troops" and "soldiers" fold to "forces" before the lexicon's contrasts are read
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == DIFFERENT and e.rule == "different_things", (a, b, e.reason)
    same = explain("Norvia sent 200 troops to the border on Monday.", "Norvia sent 200 soldiers to the border on Monday.")
    assert same.decision == SAME, same.reason


@pytest.mark.parametrize(("relative", "person"), [
    ("Mara Quell's lawyer was charged with fraud on Monday.", "Mara Quell was charged with fraud on Monday."),
    ("Mara Quell's eldest son was arrested in Brevik.", "Mara Quell was arrested in Brevik."),
    ("Police questioned Tomas Varro's driver on Friday.", "Police questioned Tomas Varro on Friday."),
])
def test_a_named_persons_relative_or_counsel_is_another_person(relative, person):
    for a, b in ((relative, person), (person, relative)):
        e = explain(a, b)
        assert e.decision == DIFFERENT and e.rule == "different_actors", (a, b, e.reason)


@pytest.mark.parametrize(("first", "second"), [
    # the lawyer speaks: the statement is the client's
    ("Mara Quell's lawyer said she would appeal the verdict.", "Mara Quell will appeal the verdict."),
    # one relative told two ways
    ("Mara Quell's lawyer was charged with fraud.", "Mara Quell's attorney was charged with fraud."),
    ("Mara Quell's son was arrested in Brevik.", "The son of Mara Quell was arrested in Brevik."),
    # one who speaks for the person is not another person
    ("Mara Quell's spokesman denied the report on Monday.", "Mara Quell denied the report on Monday."),
])
def test_a_relative_told_on_both_sides_or_speaking_is_no_other_person(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.rule != "different_actors" or "named person" not in e.reason, (a, b, e.reason)


@pytest.mark.parametrize(("first", "second"), [
    ("The crash near Tarsk killed 12 people.", "Twenty people were injured in the crash near Tarsk."),
    ("The bus crash near Tarsk killed 12 people, police said.", "Police said 20 people were hurt when the bus crashed near Tarsk."),
    ("The ferry sank off Brevik with 300 people aboard.", "The ferry sank off Brevik; 40 people are missing."),
    ("The plane crashed near Tarsk with 180 people aboard.", "Twelve people survived the plane crash near Tarsk."),
])
def test_counts_of_people_with_two_outcomes_are_two_facts(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == DIFFERENT and "two measures" in e.reason, (a, b, e.reason)


@pytest.mark.parametrize(("first", "second"), [
    # the outcome both tell is compared
    ("The crash near Tarsk killed 12 people and injured 20.", "The crash near Tarsk killed 14 people."),
    # one outcome told in two words
    ("Police arrested 40 protesters in Brevik on Saturday.", "Police detained 45 protesters in Brevik on Saturday."),
    # who survived and who died is one fate in dispute
    ("All 180 passengers survived the crash near Tarsk.", "Twelve passengers died in the crash near Tarsk."),
])
def test_counts_of_one_outcome_still_conflict(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == CONFLICTING, (a, b, e.reason)


def test_a_name_off_which_something_happened_is_a_place():
    for first, second in (("The trawler capsized off Portugal on Friday.", "The trawler capsized off Morocco on Friday."),
                          ("A cargo ship ran aground off the coast of Denmark.", "A cargo ship ran aground off the coast of Sweden.")):
        for a, b in ((first, second), (second, first)):
            e = explain(a, b)
            assert e.decision == CONFLICTING and e.rule == "place_mismatch", (a, b, e.reason)
    # "outside the US" is where it did not happen
    e = explain("The new phone will be sold in Germany at launch.", "The new phone will be sold outside the US at launch.")
    assert e.rule != "place_mismatch", e.reason


@pytest.mark.parametrize(("confirmed", "denied"), [
    ("Norvell Energy confirmed that a failed pressure valve had caused the blast at Brevik.",
     "Norvell Energy denied that a faulty pressure valve had caused the blast at Brevik."),
    ("Halden Foods confirmed it would close the Tarsk bakery, where output has declined.",
     "Halden Foods denied that the Tarsk bakery would close."),
    ("The airline grounded its whole fleet on Friday after a computer failure.",
     "The airline denied grounding its whole fleet on Friday."),
])
def test_a_thing_that_failed_or_a_figure_that_declined_is_no_negation(confirmed, denied):
    for a, b in ((confirmed, denied), (denied, confirmed)):
        e = explain(a, b)
        assert e.decision == CONFLICTING and e.rule == "confirm_deny", (a, b, e.reason)


@pytest.mark.parametrize(("first", "second"), [
    ("Three times in a row, their failure, again, to win a majority stalled the vote.",
     "Three times in a row they failed to win a majority, stalling the vote."),
    ("The mayor of Brevik declined, through a spokesman, to comment on the report.",
     "The mayor of Brevik declined to comment on the report."),
    ("A spokesman said a search was under way but declined comment on its status.",
     "A spokesman said a search was under way but would not comment on its status."),
])
def test_a_failure_to_act_and_a_refusal_still_agree_with_a_negation(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision != CONFLICTING, (a, b, e.reason)


def test_the_same_figures_told_of_other_words_are_no_number_conflict():
    e = explain("The blast at the Brevik plant killed three workers and injured 12 people, police said.",
                "Three people died and a dozen others were hurt in the blast at the Brevik plant.")
    assert e.decision == SAME, e.reason
    e = explain("The blast at the Brevik plant killed three workers and injured 12 people, police said.",
                "Four people died and a dozen others were hurt in the blast at the Brevik plant.")
    assert e.decision == CONFLICTING, e.reason


@pytest.mark.parametrize(("first", "second"), [
    ("Halden's revenue rose 8 percent last year to 3.1 billion euros.",
     "Halden's operating profit rose 8 percent last year to 290 million euros."),
    ("The number of births in Norvia fell to a record low of 41,200 in 2023.",
     "The number of marriages in Norvia fell below 20,000 in 2023 for the first time."),
])
def test_figures_of_two_measures_of_one_kind_are_two_facts(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == DIFFERENT, (a, b, e.reason)
    # a company's sales are its revenue, and its shares' price is the price of its shares
    e = explain("Halden's sales rose 8 percent last year to 3.1 billion euros.",
                "Halden's revenue rose 8 percent last year to 2.9 billion euros.")
    assert e.decision == CONFLICTING, e.reason
    e = explain("Shares in Halden Foods lost 77 cents to close at 4.72 euros.",
                "The share price of Halden Foods lost 73 cents to close at 4.76 euros.")
    assert e.decision == CONFLICTING, e.reason


@pytest.mark.parametrize(("first", "second"), [
    ("The people of Brevik deserve straight answers.", "Three workers were killed in the explosion at the Brevik plant, police said."),
    ("Tourism has long been the lifeblood of the old fishing port of Tarsk.",
     "Floodwater cut the main road into Tarsk on Monday, officials said."),
])
def test_two_statements_sharing_only_a_place_name_are_two_facts(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == DIFFERENT, (a, b, e.reason)


def test_a_short_statement_sharing_a_name_is_left_to_the_model():
    # a person's name, or a statement with little beside the name, may be one fact told in other words
    e = explain("Mara Quell resigned on Monday.", "Mara Quell has stepped down as mayor of Brevik, her office said.")
    assert e.rule != "shared_name_only", e.reason
    e = explain("Tomas Varro thanked the rescuers in Brevik for their work overnight.",
                "Tomas Varro, the mayor, visited the flooded streets of Brevik.")
    assert e.rule != "shared_name_only", e.reason


@pytest.mark.parametrize(("first", "second"), [
    # a relative's word before a noun is no person ("Quell's family home"), nor a country's deputy
    ("Police raided Quell's family home in Brevik on Monday.", "Police raided Quell's home in Brevik on Monday."),
    ("Norway's deputy was sent to the talks in Brevik.", "Norway was sent to the talks in Brevik."),
    # counsel acting for the client: the client's act
    ("Quell's lawyers filed an appeal against the ruling.", "Quell filed an appeal against the ruling."),
    # the relative named: the other statement's subject
    ("Quell's lawyer, Tom Reed, was charged with fraud on Monday.", "Tom Reed was charged with fraud on Monday."),
])
def test_a_relative_only_where_another_person_suffers_the_act(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == SAME, (a, b, e.reason)


@pytest.mark.parametrize(("first", "second"), [
    # the figure in dispute is the homes', whatever else each counts
    ("The storm killed 3 people and left 200,000 homes without power.",
     "The storm left 300,000 homes without power and 40 people were rescued."),
    # a prison term carried is no one aboard
    ("The charge carries a maximum sentence of 10 years.",
     "Quell, who was arrested in May, faces a maximum sentence of 14 years on the charge."),
    # the figure told of one word on both sides
    ("The blast killed 3 workers and injured 12 people.", "The blast killed 12 workers and injured 3 passengers."),
    # a failure, then who said so, is still no negation
    ("The crash was caused by an engine failure, the airline said.",
     "The crash was not caused by an engine failure, investigators said."),
])
def test_second_reader_conflicts_kept_by_this_release(first, second):
    for a, b in ((first, second), (second, first)):
        e = explain(a, b)
        assert e.decision == CONFLICTING, (a, b, e.reason)


def test_off_after_a_verb_is_no_place():
    for first, second in (("Quell fended off Vane to win the party's nomination.",
                           "Quell fended off Reed to win the party's nomination."),
                          ("Halden paid off Barclays in full last year.", "Halden paid off Lloyds in full last year.")):
        e = explain(first, second)
        assert e.rule not in ("place_mismatch", "venue_mismatch"), e.reason


def test_the_verb_forces_is_no_occupation():
    e = explain("The strike forces hospitals to cancel 300 operations.",
                "The strike by nurses led hospitals to cancel 300 operations.")
    assert e.rule != "different_things", e.reason


def test_a_conflict_with_a_hedged_member_is_not_the_link_shown():
    index = ClaimIndex()
    index.place(placed_claim("h1", source="two.example",
                             text="Tomas Varro, 58, was sentenced in Brevik on Thursday after a three-week trial."))
    index.place(placed_claim("h2", source="one.example",
                             text="Tomas Varro could have been sentenced to six years in prison for fraud in Brevik on Thursday."))
    five = index.place(placed_claim("h3", source="three.example",
                                    text="Tomas Varro was sentenced to five years in prison for fraud in Brevik on Thursday."))
    assert five.explanation.decision == SAME and five.matched_claim_id == "h1#0", five.explanation.reason
