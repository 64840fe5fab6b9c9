"""The denial (stance) model and the negation scope it reads, headline shorthand for figures. Sentences
written for these tests."""

from sentences_for_tests import explain
from services.extractor.extraction import analyze_sentence
from services.matcher.matching import CONFLICTING, DIFFERENT, SAME
from services.matcher.normalize import DENIAL, _negated_heads, match_form
from services.matcher.stance import FEATURES, cues, deny_probability, features


def test_negation_scope_skips_adverbs_and_reaches_the_predicate():
    assert {"begin", "fire"} <= _negated_heads("The hikers have NOT accidentally started the forest fire")
    assert _negated_heads("Investigators said the cause was not yet known.") == {"know"}


def test_negation_of_the_report_itself_is_a_denial_of_the_whole():
    assert DENIAL in _negated_heads("Rumours that the ferry sank are not true")
    assert DENIAL in _negated_heads("No, the museum did not sell its tapestry")
    assert DENIAL in _negated_heads("There is no evidence the reservoir was poisoned")


def test_a_negated_predicate_behind_an_adverb_conflicts():
    e = explain("The hikers started the forest fire near the Velmar pass.",
                "The hikers have NOT accidentally started the forest fire near the Velmar pass.")
    assert e.decision == CONFLICTING and "confirm vs deny" in e.reason and "p=" in e.reason, e.reason


def test_not_true_headline_conflicts_with_the_report():
    e = explain("The Velmar museum sold its medieval tapestry to a private buyer",
                "Reports the Velmar museum sold its medieval tapestry are not true")
    assert e.decision == CONFLICTING and "stance cues" in e.reason, e.reason


def test_a_hoax_about_another_subject_is_different():
    e = explain("Pictures of a crocodile in the Velmar canal are a hoax",
                "The city council approved the new budget for road repairs on Monday")
    assert e.decision == DIFFERENT, e.reason


def test_stance_cues_and_features():
    assert cues("Crocodile in the canal? It's a hoax") == {"refute", "question"}
    assert "deny" in cues("The ministry denied the account") and not cues("The ministry confirmed the account")
    x = match_form(analyze_sentence("Photos of a crocodile in the canal are fake"))
    y = match_form(analyze_sentence("A crocodile was photographed in the canal"))
    assert len(features(x, y)) == len(FEATURES)
    assert deny_probability(x, y) > 0.5 > deny_probability(y, x)


def test_a_headline_answering_its_own_question_no_denies_the_report():
    assert "answered_no" in cues("Crocodile spotted in the Velmar canal? No, says the council")
    assert "answered_no" in cues("Did a crocodile swim up the Velmar canal? Probably not")
    assert "answered_no" in cues("No, there is no crocodile in the Velmar canal")
    # a question that goes on, a "no" that opens a phrase or a number, a question within a quotation, or
    # a "No" asked of a refutation (which confirms the report) answers nothing
    for wording in ("Crocodile in the canal? No one has seen it since Monday",
                    "Will the council act? Not before the election, the mayor says",
                    "Upset? No. 2 seed Duke beat Vermont in the first round on Friday",
                    "No. 10 says the prime minister will stay in office",
                    '"Are we worried? No," the Rovers coach said after losing 3-0 to Ashby',
                    "Easy decision? No. Council approves the stadium on Tuesday",
                    "Crocodile in the canal just a rumour? No, the council confirms it was spotted",
                    "Crocodile photos a hoax? No"):
        assert "answered_no" not in cues(wording), wording
    assert explain("Duke beat Vermont in the first round on Friday",
                   "Upset? No. 2 seed Duke beat Vermont in the first round on Friday").decision == SAME
    e = explain("A crocodile was spotted in the Velmar canal on Sunday",
                "Crocodile spotted in the Velmar canal? No, says the council")
    assert e.decision == CONFLICTING and "answered_no" in e.reason, e.reason


def test_two_reports_calling_it_a_hoax_agree():
    e = explain("Photos of a crocodile in the Velmar canal are fake",
                "The photos of a crocodile in the Velmar canal are fake, the council said")
    assert e.decision == SAME, e.reason


def test_headline_shorthand_for_millions_is_the_same_figure():
    e = explain("The studio paid 19M for the film rights to the novel",
                "The studio paid 19 million for the film rights to the novel")
    assert e.decision == SAME, e.reason
    assert explain("The studio paid 19M for the film rights to the novel",
                   "The studio paid 25 million for the film rights to the novel").decision == CONFLICTING


def test_negation_worded_without_not_agrees_with_a_negated_statement():
    e = explain("The other nine passengers escaped without injury, the coastguard said.",
                "The other nine passengers were not injured, the coastguard said.")
    assert e.decision != CONFLICTING, e.reason
    e = explain("The council failed to publish the audit before the deadline.",
                "The council did not publish the audit before the deadline.")
    assert e.decision != CONFLICTING, e.reason


def test_negation_that_lost_its_apostrophe_is_still_a_negation():
    assert "know" in _negated_heads("I dont know anybody on the committee")


def test_hyphenated_millions_are_scaled():
    assert match_form(analyze_sentence("The city will launch a $40-million programme to repair roads")).numbers[0][2] == 40e6


def test_experts_casting_doubt_deny_the_report():
    e = explain("A meteorite left a crater near the Velmar airfield",
                "Geologists cast doubt on claims a meteorite left a crater near the Velmar airfield")
    assert e.decision == CONFLICTING and "deny" in e.reason, e.reason


def test_alive_and_dead_are_opposite_predicates():
    e = explain("The veteran mountaineer Ilse Marwick died on the north face",
                "The veteran mountaineer Ilse Marwick is alive on the north face")
    assert e.decision == CONFLICTING, e.reason


def test_without_a_denying_cue_the_model_never_reaches_even_odds():
    from services.matcher import stance
    cue_free = [w for name, w in zip(FEATURES, stance.WEIGHTS)
                if name in ("question", "hedge", "other_negated") and w > 0]
    assert stance.INTERCEPT + sum(cue_free) < 0


def test_declining_to_do_something_negates_that_verb():
    assert "confirm" in _negated_heads("The spokesman declined to confirm the minister's trip")
    assert DENIAL in _negated_heads("The union refused the offer")
    assert "test" not in _negated_heads("The bridge failed the load test")
    e = explain("The spokesman confirmed the minister's trip to Velmar on Friday",
                "The spokesman declined to confirm the minister's trip to Velmar on Friday")
    assert e.decision == CONFLICTING and "confirm vs deny" in e.reason, e.reason


def test_a_figure_that_declined_to_a_value_is_no_negation():
    assert _negated_heads("Quarterly revenue declined to 36 million euros") == frozenset()


def test_a_demand_is_not_denied_by_a_statement_that_it_has_not_happened():
    e = explain("The landlords' association has not yet accepted the rent freeze.",
                "The housing minister said the landlords' association must accept the rent freeze.")
    assert e.decision != CONFLICTING
    e = explain("The landlords' association has not yet accepted the rent freeze.",
                "The housing minister said the landlords' association has accepted the rent freeze.")
    assert e.decision == CONFLICTING and "confirm vs deny" in e.reason


def test_a_negated_refutation_or_a_refusal_to_take_sides_denies_nothing():
    claim = "A street artist in Brevik painted a mural on the town hall overnight"
    for headline in ("Brevik street artist insists the town hall mural was not a hoax",
                     "Brevik street artist insists the town hall mural wasn’t a hoax",
                     "Brevik street artist insists the town hall mural wasnt a hoax",
                     "Town hall mural in Brevik is no prank, street artist says",
                     "Brevik mayor can’t say whether a street artist painted the town hall mural",
                     "Brevik mayor refuses to confirm or deny that a street artist painted the town hall mural",
                     "Brevik mayor won't say whether a street artist painted the town hall mural"):
        e = explain(claim, headline)
        assert e.decision != CONFLICTING, (headline, e.reason)
    # Calling it a hoax, or refusing to confirm one side, still denies.
    for headline in ("The Brevik town hall mural by a street artist is a hoax",
                     "Brevik mayor denies that a street artist painted a mural on the town hall"):
        e = explain(claim, headline)
        assert e.decision == CONFLICTING and e.rule == "confirm_deny", (headline, e.reason)
    # "Staged" is an accusation, not a refutation: its negation still denies it.
    e = explain("Brevik police staged the arrest of the mayor for the cameras",
                "The arrest of the Brevik mayor was not staged for the cameras, police said")
    assert e.decision == CONFLICTING, e.reason


def test_a_negation_with_a_typographic_apostrophe_is_a_negation():
    for negated in ("The Brevik bridge didn’t collapse after the flood.", "The Brevik bridge didn't collapse after the flood."):
        e = explain("The Brevik bridge collapsed after the flood.", negated)
        assert e.decision == CONFLICTING and e.rule == "confirm_deny", (negated, e.reason)


def test_wordings_that_leave_the_question_open_deny_nothing():
    # "may or may not", "in doubt": the question is open, neither side is denied.
    for open_question in ("The Ostvik ferry may or may not resume sailings in March",
                          "Ostvik ferry sailings in March are in doubt, operator says"):
        e = explain("The Ostvik ferry will resume sailings in March", open_question)
        assert e.decision != CONFLICTING, (open_question, e.reason)


def test_rather_than_negates_an_alternative():
    # Both exclude the arrests: one fact, not a confirm vs deny.
    e = explain("Velmar police will issue fines rather than make arrests at the harbour protest",
                "Velmar police to issue fines, not arrests, at the harbour protest")
    assert e.decision != CONFLICTING, e.reason
    # The alternative is no predicate of the statement: a side that never mentions it states the same fact ...
    e = explain("The Velmar council approved the harbour budget",
                "The Velmar council approved the harbour budget rather than delaying it")
    assert e.decision == SAME, e.reason
    # ... and a side that states it is denied.
    e = explain("The Velmar harbour director resigned", "The Velmar harbour director, rather than resigning, was fired")
    assert e.decision == CONFLICTING and e.rule == "confirm_deny", e.reason


def test_a_death_hoax_denied_is_still_a_denial_of_the_death():
    for denial in ("Arvid Lund's spokesman denies death hoax", "Arvid Lund Not Dead Despite Hoax"):
        e = explain("Arvid Lund died on Sunday", denial)
        assert e.decision == CONFLICTING, (denial, e.reason)


def test_killing_or_shooting_down_a_rumour_is_a_denial():
    claim = "The Ostvik ferry line will close in March"
    for denial in ("Ostvik mayor kills the ferry rumours",
                   "Officials shoot down the mayor's claims the Ostvik ferry line will close"):
        assert "deny" in cues(denial), denial
        e = explain(claim, denial)
        assert e.decision == CONFLICTING, (denial, e.reason)
    # A killing amid rumours, a downing that a source claims, a lie detector, a degree, a date: no denial.
    for plain in ("Flood kills 12 amid rumours of dam failure in Ostvik", "Syria shot down a Turkish jet claims state TV",
                  "Syria shot down Turkish jet claims state TV", "Navy shot down a drone claims the ministry",
                  "The suspect confessed after a lie detector test", "Lena Vikstrom, who holds a BS in nursing, was hired",
                  "The council approved the budget on April Fools' Day"):
        assert not cues(plain) & {"deny", "refute"}, plain
    # An aircraft elsewhere in the words shot down leaves the denial of the reports a denial.
    for denial in ("Pentagon shoots down reports of drone strike", "Pentagon shoots down claims about jet",
                   "Pentagon shoots down drone strike reports", "Minister shoots down plane crash rumours",
                   "Senator shoots down fighter's claims"):
        assert "deny" in cues(denial), denial


def test_a_denial_in_no_word_of_denial_is_its_own_feature():
    x = match_form(analyze_sentence("The Ostvik ferry closure is not a thing"))
    y = match_form(analyze_sentence("The Ostvik ferry line will close in March"))
    on = dict(zip(FEATURES, features(x, y)))
    assert on["whole_denial"] == on["plain_denial"] == 1.0
    hoax = match_form(analyze_sentence("The Ostvik ferry closure is a hoax"))
    assert dict(zip(FEATURES, features(hoax, y)))["plain_denial"] == 0.0


def test_a_negation_of_something_unsaid_about_the_same_subject_is_marked():
    x = match_form(analyze_sentence("Brian Halvorsen did not resign over the Ostvik ferry contract"))
    named = match_form(analyze_sentence("Brian Halvorsen was sacked by the harbour board"))
    other = match_form(analyze_sentence("The harbour board sacked its finance director"))
    assert dict(zip(FEATURES, features(x, named)))["neg_unshared_named"] == 1.0
    assert dict(zip(FEATURES, features(x, other)))["neg_unshared_named"] == 0.0


def test_every_stance_feature_has_a_weight():
    # zip() would silently drop the features past the last weight.
    from services.matcher import stance

    assert len(stance.WEIGHTS) == len(stance.FEATURES)


def test_an_alternative_is_neither_the_statement_nor_its_negation():
    # The alternative's own words ("a new council", "on Sunday") are not what is excluded ...
    e = explain("Velmar voters chose a new mayor on Sunday", "Velmar voters chose a new mayor rather than a new council on Sunday")
    assert e.decision == SAME, e.reason
    # ... every content word of it is ("allowed to resign") ...
    e = explain("The Velmar harbour director resigned", "The Velmar harbour director was fired rather than allowed to resign")
    assert e.decision == CONFLICTING, e.reason
    # ... a statement with an alternative can still be denied ...
    e = explain("The Velmar council did not approve the harbour budget",
                "The Velmar council approved the harbour budget rather than delaying it")
    assert e.decision == CONFLICTING, e.reason
    # ... and "sooner rather than later" compares, it excludes nothing.
    assert not match_form(analyze_sentence("The council will approve the budget sooner rather than later")).negated_heads


def test_in_doubt_is_uncertainty_and_not_in_doubt_certainty_never_a_denial():
    claim = "The Ostvik ferry will resume sailings in March"
    for other in ("Ostvik ferry sailings in March in doubt, operator says",
                  "That the Ostvik ferry will resume sailings in March is not in doubt, he added",
                  "The operator left no one in doubt that the Ostvik ferry will resume sailings in March"):
        e = explain(claim, other)
        assert e.decision == SAME, (other, e.reason)
    assert not cues("The final check was a lie-detector test") & {"refute", "deny"}


def test_idioms_that_call_a_report_untrue_are_refutations():
    for idiom in ("If Only the Velmar Museum Really Had Sold Its Tapestry",
                  "Setting the record straight on the Velmar tapestry sale",
                  "The Velmar tapestry sale: a story too good to check",
                  "The Velmar museum turns out not to have sold its tapestry",
                  "The Velmar museum turned out not to have sold its tapestry"):
        assert "refute" in cues(idiom), idiom
    e = explain("The Velmar museum sold its medieval tapestry to a private buyer",
                "If only the Velmar museum had really sold its medieval tapestry to a private buyer")
    assert e.decision == CONFLICTING and e.rule == "confirm_deny", e.reason
    # the same words qualifying a report refute nothing
    for plain in ("The port of Velmar reopened on Monday, if only because the repairs finished early",
                  "The council approved the new budget, if only for a year",
                  "Velmar is a not so fast-growing city on the coast",
                  "The museum sold its tapestry in a deal that seemed too good to be true",
                  "The minister resigned on Tuesday, saying she wanted to set the record straight",
                  "The plant hired 500 workers, and it turns out not all were local"):
        assert "refute" not in cues(plain), plain
    assert "refute" in cues("Not so fast: the Velmar tapestry is still in the museum")


def _conflict_by_safety(*pairs: tuple[str, str]) -> None:
    """Each (report, statement) pair conflicts through the statement's safety cue (safe_of_harm)."""
    for report, statement in pairs:
        e = explain(report, statement)
        assert e.decision == CONFLICTING and "safe_of_harm" in e.reason, (report, statement, e.reason)


def test_someone_said_to_be_safe_denies_a_report_that_they_were_harmed():
    for safe, harmed in (("The Norvian aid worker Ilse Marwick says she is safe and well.",
                          "The Norvian aid worker Ilse Marwick was kidnapped by militants."),
                         ("The veteran mountaineer Ilse Marwick is alive and well, her family said.",
                          "The veteran mountaineer Ilse Marwick was killed in the avalanche."),
                         ("Ilse Marwick isn't dead, her agent said.", "The actress Ilse Marwick has died.")):
        for a, b in ((safe, harmed), (harmed, safe)):
            e = explain(a, b)
            assert e.decision == CONFLICTING and "safe_of_harm" in e.reason, (a, b, e.reason)


def test_safe_of_another_thing_or_of_nobody_harmed_is_no_denial():
    # who is safe must be whom the other reports harmed: a pronoun, or a word the other has
    e = explain("The mayor of Vlieborg said the city is safe.", "The mayor of Vlieborg was shot dead.")
    assert "safe_of_harm" not in e.reason, e.reason
    e = explain("The Vlieborg miners are safe, the company said.", "The Vlieborg miners were rescued on Monday.")
    assert e.decision != CONFLICTING, e.reason
    assert "safe" not in cues("She is dead") and not any(c.startswith("safe") for c in cues("She is dead"))


def test_a_no_after_who_answers_is_the_headline_answering_no():
    assert DENIAL in _negated_heads("Velmar Palace: No, the princess is not pregnant")
    assert "answered_no" in cues("Velmar Palace: No, the princess is not pregnant")
    e = explain("The princess of Velmar is expecting a third child", "Velmar Palace: No, the princess isn't pregnant again")
    assert e.decision == CONFLICTING and "answered_no" in e.reason, e.reason
    # "No. 10" is a number, not an answer
    assert DENIAL not in _negated_heads("No. 10: the harbour master will resign")
    assert "answered_no" not in cues("No. 10: the harbour master will resign")


def test_a_thing_refused_is_negated_not_a_report_denied():
    assert DENIAL not in _negated_heads("Velmar man denied entry to Norvik over a joke post")
    assert "enter" in _negated_heads("Velmar man denied entry to Norvik over a joke post")  # entry, folded
    assert "deny" not in cues("The court denied bail to the harbour master")
    assert "deny" in cues("The harbour master denied the report")
    e = explain("The court denied bail to the Velmar harbour master on Friday",
                "The Velmar harbour master was granted bail on Friday")
    assert e.decision == CONFLICTING, e.reason
    e = explain("Velmar man denied entry to Norvik over a joke post about the airport",
                "Two Velmar tourists sent home from Norvik after a joke post about the airport")
    assert e.decision != CONFLICTING, e.reason
    # refused as the background of the news: "in protest at being refused asylum"
    assert "asylum" not in _negated_heads("The refugee who went on hunger strike at being refused asylum has won his case")


def test_a_person_said_fine_or_in_good_health_denies_their_illness_or_death():
    _conflict_by_safety(
        ("The Velmar singer Ana Dorsey has died", "The Velmar singer Ana Dorsey posts a photo to show fans she's fine"),
        ("Chancellor Ivo Maren is seriously ill", "Ivo Maren 'in excellent health', his spokesman insists"),
        ("The rapper Tom Vale has died after a seizure", "Tom Vale out of hospital after seizure scare, thanks fans"))
    # out of hospital in a report of the harm itself denies nothing
    assert "safe" not in cues("The pilot, out of hospital, described the crash that killed 14")


def test_debunking_words_besides_hoax_are_refutations():
    for headline in ("The viral video of the man living in the store was staged",
                     "That 'free coffee for a year' offer is a scam",
                     "Three-armed fisherman story turns out to be a publicity stunt",
                     "The singer laughs off the theory that she was replaced by a double",
                     "Velmar patient tests negative for the virus",
                     "The photo of the lonely chancellor was digitally altered",
                     "That viral flood photo isn't what it seems"):
        assert "refute" in cues(headline), headline
    for headline in ("Dockworkers staged a walkout at Velmar port", "Man jailed over a phone scam in Velmar",
                     "Stunt performer injured on the set of the Velmar film", "The concert was staged in Velmar Park",
                     "Police said the investment scheme was a scam that cost pensioners £4m",
                     "The photo was cropped to fit the page", "Scientists unravel how bats find their way",
                     "Star Wars fantasy epic tops the Velmar box office", "The comedian's parody account was suspended",
                     "The advert was made with AI, the company said", "The telephone was invented in Velmar in 1876",
                     "The figures are wrong to suggest a recovery"):
        assert "refute" not in cues(headline), headline


def test_negations_that_state_no_fact_are_not_read_as_denials():
    # a bound on a figure
    assert _negated_heads("The battery doesn't last more than one day") == frozenset()
    # but a result is a fact, advice given is advice, and "more than expected" is no figure
    assert "play" in _negated_heads("He was injured, so he did not play on Saturday.")
    assert "drink" in _negated_heads("Do not drink the tap water, residents told")
    assert "rise" in _negated_heads("Inflation did not rise more than expected in March.")
    assert _negated_heads("The strike will go ahead, not least because talks collapsed") == frozenset()
    # a negation ends at "but": what follows is asserted
    assert "succeed" not in _negated_heads("Norvik failed to meet its targets but succeeded in cutting costs")


def test_not_commenting_denies_nothing_of_the_fact():
    assert _negated_heads("Norvik did not comment on the launch") == {"comment"}
    e = explain("Norvik did not comment on the launch.", "Norvik launched a missile, Velmar said.")
    assert e.decision != CONFLICTING, e.reason
    e = explain("A spokesperson declined to comment on whether the Norvik chief would resign.",
                "The Norvik chief will resign, the company said.")
    assert e.decision != CONFLICTING, e.reason


def test_no_plans_to_do_something_negates_the_thing_planned():
    heads = match_form(analyze_sentence("The Norvik chief has no plans to resign")).negated_predicates
    assert "resign" in heads and "plan" not in heads
    for a, b in (("The Norvik chief has no plans to resign", "The Norvik chief resigned"),
                 ("The Velmar government has no intention of raising taxes", "The Velmar government plans to raise taxes"),
                 ("No group has claimed responsibility for the Velmar bombing.",
                  "The Red Hand group claimed responsibility for the Velmar bombing.")):
        for x, y in ((a, b), (b, a)):
            e = explain(x, y)
            assert e.decision == CONFLICTING and "confirm vs deny" in e.reason, (x, y, e.reason)


def test_an_excluded_alternative_the_other_does_not_state_is_no_denial():
    x = match_form(analyze_sentence("Norvik will build its battery plant in Velmar, not Ostrava"))
    y = match_form(analyze_sentence("Norvik is building its battery plant in Velmar"))
    on = dict(zip(FEATURES, features(x, y)))
    assert not on["neg_unshared"] and not on["neg_unshared_named"], on


def test_the_reports_thing_in_scare_quotes_said_to_be_something_else_refutes_it():
    for headline in ("That subway 'shark' was a stuffed prop, the transit authority says",
                     "The 'ghost' in the Velmar pub was just a reflection, says an expert",
                     "That 'lion in the street' photo was taken in Johannesburg in 2016"):
        assert "refute" in cues(headline), headline
    for headline in ("'Miracle' baby was born at 22 weeks in Velmar", "Velmar man 'was killed by his brother'",
                     "Police investigate 'shark' sighting in the Velmar canal", "The 'Iron Lady' was a nickname",
                     "The so-called 'people's army' is a militia", "'Historic' deal is the biggest in a decade",
                     "British journalist 'arrested' in Velmar appears in court"):
        assert "refute" not in cues(headline), headline
    e = explain("A dead shark was found on a Velmar subway train", "That subway 'shark' was a stuffed prop, the transit authority says")
    assert e.decision == CONFLICTING and "refute" in e.reason, e.reason


def test_someone_said_to_stay_denies_their_departure():
    _conflict_by_safety(
        ("Tomas Brandt is leaving Velmar United for Norvik City", "Tomas Brandt stays at Velmar United as the window closes"),
        ("Chancellor Ivo Maren is stepping down before the end of her term", "Ivo Maren: I will serve my full term"),
        ("Velmar Doughnuts is pulling out of Norvik", "Velmar Doughnuts: We're not leaving Norvik"))
    # staying somewhere says nothing of a departure the other does not report
    e = explain("Tomas Brandt scored twice for Velmar United", "Tomas Brandt stays at Velmar United as the window closes")
    assert "safe_of_harm" not in e.reason, e.reason


def test_no_link_between_two_things_conflicts_with_the_link():
    # a negated link, not a bare denial of the report: the link is what the other states
    assert "link" in _negated_heads("Police say there is no link between the two Velmar stabbings.")
    e = explain("Police say there is no link between the two Velmar stabbings.", "Police say the two Velmar stabbings are linked.")
    assert e.decision == CONFLICTING, e.reason


def test_more_denials_in_the_words_of_coverage():
    for headline in ("Velmar calls border incursion reports 'fantasy'", "That Velmar Coffee anniversary coupon is a phishing scam",
                     "How a misquote about the bishop and pets went global", "Three-armed fisherman story unravels",
                     "The chancellor reappears, brushing off illness rumours", "Norvik says leaked console price is wrong"):
        assert "refute" in cues(headline), headline
    for headline in ("Velmar minister brushed off the criticism", "The decision to close the Velmar bridge was wrong, critics say"):
        assert "refute" not in cues(headline), headline
    assert "deny" in cues("The bishop never said dogs go to heaven")
    assert "deny" not in cues("She was born in Velmar and never told the swimmer")


def test_a_plan_given_up_negates_what_was_planned():
    assert "charge" in match_form(analyze_sentence("Velmar Air drops plan to charge for toilets")).negated_predicates
    e = explain("Velmar Air will charge passengers to use the toilet", "Velmar Air drops plan to charge passengers for the toilet")
    assert e.decision == CONFLICTING and "confirm vs deny" in e.reason, e.reason
    # shares that drop are no plan
    assert match_form(analyze_sentence("Velmar Air shares drop 5% on plans for new routes")).negated_heads == frozenset()


def test_going_nowhere_and_remaining_are_staying():
    _conflict_by_safety(
        ("Tomas Brandt is returning to Norvik City", "Velmar United insist Brandt is going nowhere"),
        ("Tomas Brandt has agreed to join Norvik City", "'He's staying': the captain says Brandt will remain at Velmar United"),
        ("Chancellor Ivo Maren is seriously ill", "Velmar government: Ivo Maren is 'absolutely healthy'"))


def test_rebuttals_and_debunked_sources_are_denials():
    for headline in ("The Velmar Foundation hits back at the vaccine microchip theory",
                     "Harry and Meghan quash return-to-Velmar chatter", "Doctors pour cold water on the hot water cure message",
                     "Merritt and Lane put split rumours to bed", "Petric named in the squad, ending retirement speculation"):
        assert "deny" in cues(headline), headline
    for headline in ("The Eiffel Tower demolition story came from a parody website",
                     "Clip said to show the Velmar airport strike actually comes from a video game",
                     "That image of the bishop in a puffer coat was made with AI",
                     "Velmar general 'killed' in the strike turns up on state TV"):
        assert "refute" in cues(headline), headline
    for sentence in ("The mayor conceded the plant's fate, quashing the hopes of its 1,500 workers",
                     "'It was a mockery of justice, a parody,' the photographer said"):
        assert not {"deny", "refute"} & cues(sentence), sentence


def test_being_well_out_of_hospital_or_kept_denies_only_its_own_kind_of_report():
    # a discharge tells of the injury; a hostage released unharmed was a hostage; a stay until a date
    # agrees with leaving then; staying at a hotel says nothing of a death there
    for a, b in (("The driver has been discharged from hospital after the crash.", "The driver was injured in the crash on the M6."),
                 ("The hostage was released unharmed on Friday.", "The hostage was released on Friday."),
                 ("The bus driver was unhurt, but two passengers were killed.",
                  "Two passengers were killed when the bus driver lost control."),
                 ("The president will remain in office until January.", "The president is leaving office in January."),
                 ("The tourist was staying at a hotel in Velmar.", "A tourist died after falling from a hotel balcony in Velmar."),
                 ("The bridge remains open to traffic.", "The storm damaged the bridge.")):
        for x, y in ((a, b), (b, a)):
            e = explain(x, y)
            assert "safe_of_harm" not in e.reason, (x, y, e.reason)


def test_a_planned_thing_dropped_agrees_with_the_plan_scrapped():
    e = explain("The Velmar government scrapped plans to raise fuel duty",
                "The Velmar government dropped a planned rise in fuel duty")
    assert e.decision == SAME, e.reason
    e = explain("The Velmar government will raise fuel duty", "The Velmar government dropped a planned rise in fuel duty")
    assert e.decision != SAME, e.reason


def test_a_thing_kept_denies_its_end():
    _conflict_by_safety(
        ("Velmar is scrapping its school exam system", "Velmar ministry says the exam system will remain in place"),
        ("Norvik's late-night lockout laws have been scrapped", "Norvik lockouts remain despite city centre changes"),
        ("Protesters damaged the Velmar tapestry with paint", "Velmar tapestry unharmed after activists hurl paint at its glass"))
    # still missing is not kept safe
    assert "safe" not in cues("Three hikers remain missing after the Velmar avalanche")


def test_a_report_dismissed_as_speculation_at_some_length_is_denied():
    assert DENIAL in _negated_heads("Police dismiss the £200m estimate for the Velmar heist as speculation")
