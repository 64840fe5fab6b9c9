import pytest
from sentences_for_tests import explain

from services.matcher.matching import CONFLICTING, DIFFERENT, SAME
from shared.comparison import MAX_SENTENCES, compare_texts

STRIKE = "The union has agreed to the new wage offer from the port operators."
TWEET = ("Big news from the docks this morning. The union has accepted the port operators' new wage offer! "
         "Drivers should expect queues at the gates.")
FACT_CHECK = ("Did the dockworkers' union accept the wage deal? The vote was held on Monday evening. "
              "The union agreed to the port operators' new wage offer, a spokeswoman confirmed.")


def test_two_sentences_are_one_decision_as_compare_gives_it():
    other = "The port operators' new wage offer has been agreed by the union."
    assert compare_texts(STRIKE, other) == explain(STRIKE, other)


def test_texts_of_several_sentences_are_compared_sentence_by_sentence():
    e = compare_texts(TWEET, FACT_CHECK)
    assert e.decision == SAME, e.reason
    assert e.reason.startswith("sentence 2 of 3 of the first text and sentence 3 of 3 of the second"), e.reason
    # as one run-on statement each, the context drowns the claim
    assert explain(TWEET, FACT_CHECK).decision == DIFFERENT


CLAIMED = "Posts claim the union has agreed to the new wage offer from the port operators."


@pytest.mark.parametrize("debunk", [
    # the claim restated, then denied in a sentence of its own or in a short one that refers back
    f"{CLAIMED} Verdict: false. The union has not agreed to the new wage offer, a spokeswoman said.",
    f"{STRIKE} This is false.",
    f"{CLAIMED} This is inaccurate.",
    f"{CLAIMED} The claim is unfounded. The union has not agreed to the offer.",
    f"{CLAIMED} The union denied it had agreed to the offer.",
    # a plain negation after a report of what posts say: the report is not the text's own statement
    f"{CLAIMED} The union has not agreed to the new wage offer.",
    "Posts shared on social media claim the union has agreed to the new wage offer from the port operators. "
    "The union has not agreed to it.",
    f"{CLAIMED} That is not the case.",
    f"{CLAIMED} No evidence supports this.",
    f"{CLAIMED} Fact check: False.",
    f"{CLAIMED} This is fake news.",
    "A viral Facebook post claims the union has agreed to the new wage offer from the port operators. "
    "The union has not agreed to it.",
    # a sentence that only negates that it happened, with no word that calls a report untrue
    f"{CLAIMED} That never happened.",
    f"{CLAIMED} It did not.",
    f"{CLAIMED} Nothing of the sort took place.",
])
def test_a_fact_check_that_restates_and_denies_a_claim_conflicts_with_it(debunk):
    e = compare_texts(STRIKE, debunk)
    assert e.decision == CONFLICTING and e.rule == "confirm_deny", e.reason


MAYOR = "The mayor resigned on Monday."


def test_a_stray_conflict_among_agreeing_sentences_does_not_answer():
    # The second sentence alone conflicts with the claim (a denial, but of something else, below
    # the same-claim threshold); the same-claim pair answers.
    other = "His office denied that he resigned under pressure."
    assert explain(MAYOR, other).decision == CONFLICTING
    e = compare_texts(MAYOR, f"{MAYOR} {other}")
    assert e.decision == SAME, e.reason
    # a word of denial in a sentence of its own is not a denial of the claim
    e = compare_texts(MAYOR, f"{MAYOR} Police said a bomb threat that morning was a false alarm.")
    assert e.decision == SAME, e.reason


@pytest.mark.parametrize("text", [
    "The company reported record profits on Monday. It denied plans to cut jobs.",
    "The club signed the striker on Friday. It denied paying a record fee.",
    # a denial by someone in the story is not a verdict on the sentence it follows
    "Police arrested the mayor of Springfield on bribery charges on Monday. The mayor denied any wrongdoing.",
    # a fact-check against itself: what posts claim is not what it asserts
    "Posts on social media claim the mayor of Lyon resigned on Monday. This is false. "
    "The mayor was at a council meeting on Tuesday.",
])
def test_a_text_is_the_same_claim_as_itself(text):
    # a sentence that says something of its own is not joined to the one before as a verdict on it
    e = compare_texts(text, text)
    assert e.decision == SAME, e.reason


BACKGROUND = " The river burst its banks after three days of heavy rain."


@pytest.mark.parametrize("first, second", [
    ("Floods in Valencia killed 12 people on Tuesday.", "Floods in Valencia killed 30 people on Tuesday."),
    ("The minister resigned on Monday.", "The minister resigned on Friday."),
])
def test_texts_whose_matching_sentences_disagree_conflict_whatever_background_they_share(first, second):
    e = compare_texts(first + BACKGROUND, second + BACKGROUND)
    assert e.decision == CONFLICTING and e.reason.startswith("sentence 1 of 2 of the first text and sentence 1 of 2"), e.reason


@pytest.mark.parametrize("first, second", [
    # "Police reports show" is news, not a report of what posts say: its same-claim pair stands
    ("Police reports show three people died in the crash on the A7 motorway on Friday. Two others were injured.",
     "Three people died in a crash on the A7 motorway on Friday. A year earlier five people died on the same stretch."),
    ("Early reports said two people were injured in the fire on Monday. Later reports said four people were injured.",) * 2,
])
def test_a_conflict_between_sentences_that_match_others_better_does_not_answer(first, second):
    assert compare_texts(first, second).decision == SAME
    assert compare_texts(second, first).decision == SAME


def test_a_report_that_adds_a_denial_by_someone_in_the_story_is_the_same_claim():
    report = "The former finance minister was charged with fraud on Tuesday. Prosecutors say he diverted 3 million euros."
    e = compare_texts(report, f"{report} He denies the charges.")
    assert e.decision == SAME, e.reason


def test_two_fact_checks_that_deny_one_claim_agree():
    e = compare_texts(f"{STRIKE} This is false.", f"{CLAIMED} That is not the case.")
    assert e.decision == SAME and "sentences 1-2" in e.reason, e.reason


@pytest.mark.parametrize("text", [
    # a negated sentence that says something of its own, or follows no report of what posts say
    "The union has agreed to the new wage offer. The port operators did not comment.",
    "The company said it would cut 500 jobs. It did not say when.",
    "The report found 40 deaths were linked to the heatwave. The report did not say where.",
    "Sales rose 5% in March. That did not happen in April.",
    "The stadium sold out in an hour. That has never happened before.",
    "Analysts expected the central bank to raise interest rates on Thursday. It did not.",
    "The union has not agreed to the wage offer. It never did.",
    "Police have not charged anyone over the fire. They did not.",
    # the report is itself negated: the plain negation agrees with it
    "Posts claim the union has not agreed to the wage offer. That never happened.",
])
def test_a_negated_sentence_that_is_no_verdict_on_a_report_leaves_the_text_whole(text):
    first = text.split(". ")[0] + "."
    e = compare_texts(first, text)
    assert e.decision == SAME, e.reason


def test_unrelated_texts_stay_different():
    unrelated = "The museum reopened on Friday after a long renovation. Ship traffic was suspended until Thursday."
    assert compare_texts(TWEET, unrelated).decision == DIFFERENT


def test_only_the_first_sentences_of_a_long_text_are_compared():
    filler = " ".join(f"Crane {i} was inspected on Monday." for i in range(MAX_SENTENCES))
    e = compare_texts(STRIKE, f"{filler} {STRIKE}")
    assert e.decision != SAME and f"best of {MAX_SENTENCES} pairs; sentences after the first" in e.reason, e.reason
