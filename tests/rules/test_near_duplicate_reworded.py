"""near-duplicate on reworded copies: the same key and most content words in common, though
few four-word runs survive the rewording; still never all pairs."""

import random
import string

from exambank.config import Config
from exambank.rules import near_duplicates, similarity
from tests.conftest import section_yaml
from tests.rules.item_writing import bank_findings, question

RULE = "near-duplicate"
ONLY = Config(select={RULE})
DRUGS = {
    "A": "Beta blockers",
    "B": "ACE inhibitors",
    "C": "Thiazide diuretics",
    "D": "Calcium channel blockers",
}
WANTS = (
    "A clinic wants to lower the blood pressure of a patient with asthma. "
    "Which drug class should it avoid?"
)
NEEDS = (
    "A patient with asthma needs a lower blood pressure. Which drug class should the clinic avoid?"
)
INMARSAT = (
    "Which of the following is a correctly formatted Inmarsat-{} address for sending a message "
    "to the shore terminal number 440122 in country code 51?"
)
ADDRESSES = {"A": "51440122", "B": "51440122+", "C": "(51)440122", "D": "51440122#"}


def found_in(lint_bank, *questions, config=ONLY):
    sections = {"01-main.yaml": section_yaml(*questions)}
    return bank_findings(RULE, lint_bank(sections, config=config))


def test_a_reworded_copy_with_the_same_key_is_reported(lint_bank):
    # Review 106, finding 7: "wants" -> "needs", "should it" -> "should the clinic", a
    # clause moved; 2 of 27 four-word runs survive, every content word does.
    first = question("q1", stem=WANTS, options=DRUGS)
    reordered = {"A": DRUGS["B"], "B": DRUGS["A"], "C": DRUGS["D"], "D": DRUGS["C"]}
    second = question("q2", stem=NEEDS, options=reordered, answer="B")
    found = found_in(lint_bank, first, second)
    assert [d.question for d in found] == ["q1", "q2"]
    assert found[0].message.startswith("nearly the same question as q2 at ")
    assert found[0].message.endswith(
        "(the same key, and 100% of the content words of stem and key shared)"
    )
    # The same words over another key: another question (or one key is wrong, which
    # only the same stem shows).
    other_key = question("q2", stem=NEEDS, options=reordered, answer="A")
    assert found_in(lint_bank, first, other_key) == []


def test_a_reworded_copy_needs_most_of_its_content_words(lint_bank):
    first = question("q1", stem=WANTS, options=DRUGS)
    fewer = (
        "A patient with asthma and gout needs a lower heart rate. "
        "Which drug class should the clinic avoid?"
    )
    assert found_in(lint_bank, first, question("q2", stem=fewer, options=DRUGS)) == []
    assert len(found_in(lint_bank, first, question("q2", stem=NEEDS, options=DRUGS))) == 2
    strict = Config(select={RULE}, rule_options={RULE: {"reworded_share": 1.0}})
    moved = NEEDS.replace("the clinic avoid", "the clinic avoid first")
    assert found_in(lint_bank, first, question("q2", stem=moved, options=DRUGS)) != []
    assert (
        found_in(lint_bank, first, question("q2", stem=moved, options=DRUGS), config=strict) == []
    )


def test_keys_are_the_same_but_for_case_spacing_and_a_closing_full_stop(lint_bank):
    # FCC element 7: Inmarsat-C and Inmarsat-B addresses differ in a "+", and so do
    # the two questions; the words of the keys are the same.
    first = question("q1", stem=INMARSAT.format("C"), options=ADDRESSES)
    second = question("q2", stem=INMARSAT.format("B"), options=ADDRESSES, answer="B")
    assert found_in(lint_bank, first, second) == []
    written_otherwise = {**ADDRESSES, "A": "51440122."}
    second = question("q2", stem=INMARSAT.format("B"), options=written_otherwise)
    assert len(found_in(lint_bank, first, second)) == 2


def test_reworded_copies_are_found_without_comparing_every_pair(lint_bank, monkeypatch):
    # One key for every question (a true/false bank): the content words' own join, not
    # all 19,900 pairs of 200 questions.
    compared = []
    original = similarity._similarity
    monkeypatch.setattr(similarity, "_similarity", lambda *a: compared.append(a) or original(*a))
    rng = random.Random(7)
    vocabulary = ["".join(rng.choices(string.ascii_lowercase, k=9)) for _ in range(2000)]
    stems = [" ".join(rng.sample(vocabulary, 12)) + "?" for _ in range(180)]
    # Twenty reworded copies: their words shuffled, one replaced.
    copies = [
        " ".join(rng.sample(stem.rstrip("?").split()[1:], 11)) + " anew?" for stem in stems[:20]
    ]
    questions = [
        question(f"q{n}", stem=stem, options={"A": "True", "B": "False"})
        for n, stem in enumerate(stems + copies)
    ]
    found = found_in(lint_bank, *questions)
    assert {d.question for d in found} == {f"q{n}" for n in [*range(20), *range(180, 200)]}
    assert len(compared) < 2000


def _random_bank(rng):
    """Questions built to be near one another: stems from a vocabulary of 30 words, copies
    with another key, reworded copies, keys that differ in case, a full stop or a sign."""
    vocabulary = [f"{word}{suffix}" for word in ("red", "blue", "gray") for suffix in "abcdefghij"]
    keys = [
        "Amazon S3",
        "amazon s3.",
        "Amazon  S3",
        "51440122",
        "51440122+",
        "it falls and then rises",
    ]
    options = ["Amazon S3", "Amazon EBS", "51440122", "51440122+", "it falls and then rises"]
    stems = []
    for _ in range(60):
        if stems and rng.random() < 0.5:  # a copy of an earlier stem, reworded or not
            words = rng.choice(stems).rstrip("?").split()
            if rng.random() < 0.5:
                rng.shuffle(words)
            if rng.random() < 0.5:
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
            stems.append(" ".join(words) + "?")
        else:
            stems.append(" ".join(rng.choices(vocabulary, k=rng.randint(6, 12))) + "?")
    return [
        {
            "stem": stem,
            "options": dict(zip("ABCD", [rng.choice(keys), *rng.sample(options, 3)], strict=True)),
        }
        for stem in stems
    ]


def test_the_rule_finds_exactly_the_pairs_that_comparing_every_pair_finds(lint_bank, monkeypatch):
    # Only questions with one key or one stem are compared: no copy may be lost by that.
    reported = []
    monkeypatch.setattr(
        near_duplicates.NearDuplicate,
        "_report",
        lambda self, refs, copied, reworded: reported.append((refs, copied, reworded)) or [],
    )
    rng = random.Random(11)
    for _ in range(5):
        items = _random_bank(rng)
        questions = [question(f"q{n}", **item) for n, item in enumerate(items)]
        found_in(lint_bank, *questions)
        refs, copied, reworded = reported.pop()
        expected_copied, expected_reworded = set(), set()
        for later, other in ((i, j) for i in range(len(refs)) for j in range(i)):
            if not _copies(refs[later], refs[other]):
                continue
            shingles = [near_duplicates._question_shingles(refs[at]) for at in (later, other)]
            words = [near_duplicates._content_words(refs[at]) for at in (later, other)]
            if _jaccard(*shingles) >= 0.5:
                expected_copied.add((later, other))
            elif _jaccard(*words) >= 0.7 and near_duplicates._same_key(refs[later], refs[other]):
                expected_reworded.add((later, other))
        assert {pair[:2] for pair in copied} == expected_copied
        assert {pair[:2] for pair in reworded} == expected_reworded
        assert expected_copied and expected_reworded


def _jaccard(one, two):
    return len(one & two) / len(one | two) if one | two else 0


def _copies(one, two):
    nd = near_duplicates
    return (
        _jaccard(nd._content_words(one), nd._content_words(two)) >= 0.5
        and nd._numbers(one) == nd._numbers(two)
        and nd._code(one) == nd._code(two)
        and _jaccard(nd._option_set(one), nd._option_set(two)) >= 0.5
        and (nd._same_stem(one, two) or nd._same_key(one, two))
    )
