"""What ``exambank stats`` reports about a bank, as plain data: the text and HTML
reports print it, ``--format json`` dumps it (``BankStats.as_dict``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from exambank.rules.key_patterns import said_counts, said_pooled

# Of the JSON report; bumped on any change a consumer must follow. 2: sections' and
# questions' findings leave out those about the bank's order (answer runs), reported in
# ``answer_runs``; the key tests give their statistic, effect and pooled letters. 3: the
# letters' ``test`` ("exact" up to 30 questions, else "chi-square"), what a random key's
# commonest letter scores (``commonest_chance_score``), and the chance of a run as long
# as the longest (``answer_runs.longest_chance``). 4: how often the key repeats the letter
# of the question before it (``answer_runs.repeats``); ``longest_key`` counts an option as
# the longest (shortest) only by a visible margin (``margin_characters``, ``margin_share``),
# tests the key as the longest and as the shortest (``longest``, ``shortest``: keys,
# questions, chance, p_value), and counts the keys that tie for longest (``ties``);
# ``left_out`` is the true/false questions; the letters are tested within each option
# count (``keys.strata``), the true/false questions apart, and the letters' ``p_value``,
# ``test``, ``chi_square`` and ``degrees`` are the strata's summed, ``pooled`` the one
# stratum's.
SCHEMA_VERSION = 4


@dataclass
class SectionStats:
    id: str
    title: str
    path: str
    questions: int
    findings: dict[str, int] = field(default_factory=dict)  # rule -> count

    @property
    def total_findings(self) -> int:
        return sum(self.findings.values())


@dataclass
class UnreadFile:
    """A section file the manifest lists that lint could not read into the bank."""

    path: str  # as lint prints it
    file: str  # its name in the bank folder
    rule: str | None  # the finding that kept it out, None if configured away
    line: int | None
    column: int | None

    def describe(self) -> str:
        why = f" ({self.rule} at {self.line}:{self.column})" if self.rule else ""
        return f"could not be read{why}, its questions are not counted"


@dataclass
class QuestionFindings:
    id: str
    section: str
    path: str
    file: str  # its name in the bank folder
    line: int
    rules: dict[str, int]  # rule -> findings, by rule name

    @property
    def total_findings(self) -> int:
        return sum(self.rules.values())


_NOTABLE = 0.05  # a p-value below it earns a remark, though the rule may not report it
_RARE = 0.001  # below it, and only below it, a result "almost never happens by chance"


@dataclass
class KeyStratum:
    """The key letters of the single-answer questions with one number of options, against
    an even spread, tested alone (answer-key-balance sums the strata's tests)."""

    options: int
    questions: int
    observed: dict[str, int]
    expected: dict[str, float]
    p_value: float | None  # of ``test``; None: its letters pool into one group
    test: str  # "exact" or "chi-square"
    chi_square: float
    degrees: int
    pooled: list[list[str]]

    def describe(self) -> str:
        """ "5-option questions (30): A 15, B 4, C 4, D 3, E 4; exact p = 0.00021" """
        said = f"{self.options}-option questions ({self.questions}): " + ", ".join(
            f"{letter} {count}" for letter, count in self.observed.items()
        )
        if self.pooled:
            said += f", {said_pooled(self.pooled, self.expected)}"
        if self.p_value is None:
            return f"{said}; too few keys to test"
        if self.test == "exact":
            return f"{said}; exact p = {self.p_value:.2g}"
        test = f"chi-square {self.chi_square:.1f}, df {self.degrees}, p = {self.p_value:.2g}"
        return f"{said}; {test}"


@dataclass
class KeyLetters:
    """The key letters of the single-answer questions, against an even spread: tested
    within each option count (``strata``), the true/false questions by value apart."""

    observed: dict[str, int]
    expected: dict[str, float]
    questions: int
    min_questions: int  # answer-key-balance's: fewer, and nothing is tested
    rule_threshold: float  # answer-key-balance reports p-values below it
    p_value: float | None  # of ``test``; None: not tested
    # "exact" (the chance random keys give a chi-square statistic as large, summed over
    # every outcome: up to 30 questions) or "chi-square" (its distribution); None: not tested
    test: str | None
    chi_square: float  # the statistic (the strata's, summed), with ``degrees`` degrees of freedom
    degrees: int
    # letters counted as one, as some expect less than one key; [] with several strata,
    # which list theirs each
    pooled: list[list[str]]
    commonest: str | None  # the letter most often the key (the first, if several)
    commonest_score: float  # the share of the questions always answering it gets right
    # The share a random key's commonest letter keys, on average, for these questions'
    # option counts: what ``commonest_score`` is to be weighed against.
    commonest_chance_score: float
    chance_score: float  # the share a guess at random gets right, on average
    # The true/false questions among them, and how many are keyed true, against half
    # (exact two-sided binomial p; None: fewer than ``min_questions``, not tested).
    true_false: int
    true_keys: int
    true_false_p_value: float | None
    # The questions whose letters are tested, by option count (fewest first): one stratum
    # in most banks, whose test is the letters' own.
    strata: list[KeyStratum]

    @property
    def several(self) -> bool:
        """Whether the letters tested are not all the single-answer questions' in one table:
        more than one option count, or true/false questions beside them."""
        return len(self.strata) > 1 or self.true_false > 0

    def sentences(self) -> list[str]:
        """The letters' sentences, then the true/false keys' (``_truth_sentence``)."""
        return [*self._letter_sentences(), *self._truth_sentence()]

    def _truth_sentence(self) -> list[str]:
        if not self.true_false:
            return []
        count = f"true/false keys: true in {self.true_keys} of {self.true_false}"
        if self.true_false_p_value is None:
            return [f"{count}; answer-key-balance tests them from {self.min_questions}"]
        return [
            f"{count}, exact p = {self.true_false_p_value:.2g}: "
            + _verdict(
                self.true_false_p_value,
                self.rule_threshold,
                "a lean this far to one value",
                "key about as many statements false as true",
                "answer-key-balance",
            )
        ]

    def _letter_sentences(self) -> list[str]:
        """What always answering the commonest letter scores, how the letters were tested
        where it is not all in one table, then the test in words."""
        effect = (
            f"always answering {self.commonest} scores {self.commonest_score:.0%}; a random "
            f"key's commonest letter would score about {self.commonest_chance_score:.0%}"
        )
        tested = sum(stratum.questions for stratum in self.strata)
        if self.p_value is None and tested < self.min_questions:
            if not self.several:
                return [
                    effect,
                    f"too few single-answer questions ({self.questions}) to test the spread; "
                    f"answer-key-balance tests from {self.min_questions}",
                ]
            return [
                effect,
                f"too few questions whose letters are tested ({tested}, the true/false ones "
                f"aside) to test the spread; answer-key-balance tests from {self.min_questions}",
            ]
        said = [effect, *self._strata_sentences()]
        if self.p_value is None:  # pooled into one group
            return [
                *said,
                "too few keys to test: pooling letters until each expects one key leaves one group",
            ]
        verdict = _verdict(
            self.p_value,
            self.rule_threshold,
            "a spread this uneven",
            "reletter options (exambank build --shuffle SEED prints shuffled handouts) "
            "or rewrite keys",
            "answer-key-balance",
        )
        counts = [stratum.options for stratum in self.strata]
        summed = ""
        if len(counts) > 1:
            summed = f" for the {said_counts(counts)}-option questions together"
        if self.test == "exact":
            return [*said, f"exact p = {self.p_value:.2g}{summed}: {verdict}"]
        how = f"p = {self.p_value:.2g}{summed}"
        if self.pooled:  # one stratum's: several say theirs each
            [stratum] = self.strata
            how += f" ({said_pooled(self.pooled, stratum.expected)})"
        return [*said, f"chi-square {self.chi_square:.1f}, df {self.degrees}, {how}: {verdict}"]

    def _strata_sentences(self) -> list[str]:
        """How the letters were tested, where not all in one table: each option count
        apart, the true/false questions by value."""
        if not self.several:
            return []
        apart = (
            f"; the {self.true_false} true/false ones by the value of their key, below"
            if self.true_false
            else ""
        )
        if len(self.strata) == 1:
            [stratum] = self.strata
            return [f"letters tested among the {stratum.options}-option questions{apart}"]
        return [
            "letters tested within each option count, as one count's keys can offset "
            f"another's, and the statistics summed{apart}",
            *(stratum.describe() for stratum in self.strata),
        ]


@dataclass
class KeyLengthCount:
    """How often the key is the visibly longest (or shortest) option, in the questions
    that have one, against chance: 1 in k for each."""

    keys: int
    questions: int  # those with a visibly longest (shortest) option: the tested ones
    chance: float  # expected count
    p_value: float | None  # one-sided, exact (Poisson-binomial); None: not tested


@dataclass
class LongestKey:
    """How often the key is the visibly longest option, and the visibly shortest, against
    chance. An option is so when it is longer (shorter) than every other by at least
    ``margin_characters`` and ``margin_share`` of the next one's length."""

    longest: KeyLengthCount
    shortest: KeyLengthCount  # leaving out ``shortest_left_out``
    margin_characters: int
    margin_share: float
    min_questions: int  # longest-option-key's: fewer tested, and nothing is tested
    rule_threshold: float  # longest-option-key reports p-values below it
    measured: int  # the single-answer questions but ``left_out``
    left_out: int  # true/false questions
    # Questions whose visibly shortest option stands for other options ("All of the above")
    shortest_left_out: int
    # Questions whose key is one of the longest options, none of them visibly longer than
    # the others, with some option visibly shorter: a cue the tests cannot count.
    ties: int
    longest_score: float  # the share always picking the longest (ties: at random) gets right
    chance_score: float  # the share a guess at random gets right, on average

    def sentences(self) -> list[str]:
        """How often the key is the longest against chance, the questions that have no
        visibly longest option (and in how many the key ties for longest), those left out,
        what always picking the longest scores, then the test in words."""
        test = self.longest
        if not self.measured:
            return ["key length: no question whose option lengths can give the key away"]
        said = [self._rate(test, "longest")]
        others = self.measured - test.questions
        if test.questions and others:
            said.append(
                f"{others} {_questions(others)} {'has' if others == 1 else 'have'} no visibly "
                f"longest option ({self._margin('longer')})"
                + (f", and in {self.ties} of them the key ties for longest" if self.ties else "")
            )
        elif self.ties:
            said.append(f"the key ties for longest in {self.ties} {_questions(self.ties)}")
        if self.left_out:
            said.append(f"{self.left_out} true/false {_questions(self.left_out)} left out")
        said.append(
            f"always picking the longest option scores {self.longest_score:.0%}; "
            f"a random guess {self.chance_score:.0%}"
        )
        return said + self._test_sentences(
            test, "longest", "trim the keys or lengthen the distractors"
        )

    def shortest_sentences(self) -> list[str]:
        """How often the key is the shortest against chance, the questions left out as
        their shortest option stands for others, then the test in words."""
        if not self.measured:
            return []
        said = [self._rate(self.shortest, "shortest")]
        if left_out := self.shortest_left_out:
            said.append(
                f"{left_out} {_questions(left_out)} left out, whose shortest option stands "
                'for others ("All of the above", "A and B"), which their own rules report'
            )
        return said + self._test_sentences(
            self.shortest, "shortest", "lengthen the keys or trim the distractors"
        )

    def _margin(self, than: str) -> str:
        """ "longer than every other by 3 characters and 10% or more" """
        return (
            f"{than} than every other by {self.margin_characters} characters "
            f"and {self.margin_share:.0%} or more"
        )

    def _rate(self, test: KeyLengthCount, which: str) -> str:
        """ "key is the longest option in 27 of the 33 questions with a visibly longest
        option (82%); chance gives 8.2 (25%)", or why it cannot be said."""
        if not test.questions:
            than = {"longest": "longer", "shortest": "shorter"}[which]
            return (
                f"no question has a visibly {which} option ({self._margin(than)}), "
                f"so how often the key is the {which} cannot be tested"
            )
        return (
            f"key is the {which} option in {test.keys} of the {test.questions} "
            f"{_questions(test.questions)} with a visibly {which} option "
            f"({test.keys / test.questions:.0%}); chance gives {test.chance:.1f} "
            f"({test.chance / test.questions:.0%})"
        )

    def _test_sentences(self, test: KeyLengthCount, which: str, advice: str) -> list[str]:
        if not test.questions:
            return []
        if test.p_value is None:
            return [
                f"too few questions ({test.questions}) with a visibly {which} option to test "
                f"the rate; longest-option-key tests from {self.min_questions}"
            ]
        verdict = _verdict(
            test.p_value,
            self.rule_threshold,
            f"a key this often the {which}",
            advice,
            "longest-option-key",
        )
        return [f"exact p = {test.p_value:.2g}: {verdict}"]


def _questions(count: int) -> str:
    return "question" if count == 1 else "questions"


def _verdict(p_value: float, threshold: float, what: str, advice: str, rule: str) -> str:
    """The test's result in words, from the p-value itself: "almost never by chance" only
    below ``_RARE``, whatever threshold the rule is set to report at."""
    odds = f"chance gives this about once in {1 / p_value:.0f} banks" if p_value else ""
    if p_value < threshold:
        if p_value < _RARE:
            return f"{what} almost never happens by chance; {advice}"
        return f"{odds}, and {rule} reports below p = {threshold:g}; {advice}"
    if p_value < _NOTABLE:
        return f"{odds}; worth watching ({rule} reports below p = {threshold:g})"
    return "nothing unusual"


@dataclass
class AnswerRun:
    letter: str
    length: int
    first: str  # question ids
    last: str


@dataclass
class KeyRepeats:
    """How often the key repeats the letter of the question before it, in bank order,
    against random keys; as ``answer-alternation`` tests it."""

    pairs: int  # pairs of consecutive single-answer questions
    repeats: int
    expected: float
    fewer_p: float  # P(so few repeats or fewer): the key changes letter too often
    more_p: float  # P(so many or more)
    min_questions: int  # answer-alternation's: fewer pairs, and it does not test
    rule_threshold: float  # answer-alternation reports ``fewer_p`` below it

    def sentences(self) -> list[str]:
        """The count against chance, then the test in words."""
        if not self.pairs:
            return []
        said = (
            f"the key repeats the letter of the question before it in {self.repeats} of "
            f"{self.pairs} pairs; random keys repeat it about {expected_count(self.expected)} "
            "times"
        )
        if self.pairs < self.min_questions:
            tests = f"answer-alternation tests from {self.min_questions}"
            return [said, f"too few pairs to test; {tests}"]
        if self.repeats < self.expected:
            verdict = _verdict(
                self.fewer_p,
                self.rule_threshold,
                "a key that changes letter this often",
                "shuffle rather than reletter by hand",
                "answer-alternation",
            )
            return [said, f"p = {self.fewer_p:.2g} for so few: {verdict}"]
        # So many repeats make the runs answer-run reports one by one; no rule tests them.
        if self.more_p < _RARE:
            verdict = "this almost never happens by chance, and makes runs of one letter"
        elif self.more_p < _NOTABLE:
            verdict = f"chance gives this about once in {1 / self.more_p:.0f} banks"
        else:
            verdict = "nothing unusual"
        return [said, f"p = {self.more_p:.2g} for so many: {verdict}"]


@dataclass
class AnswerRuns:
    """The runs of one key letter in bank order that ``answer-run`` reports."""

    min_run: int  # answer-run's
    runs: list[AnswerRun]
    # P(a run at least as long as the longest) with keys drawn at random, each question's
    # among its own options, in this bank's order; None: no run
    longest_chance: float | None = None
    repeats: KeyRepeats | None = None  # None: no single-answer question

    def describe(self) -> str:
        """ "answer runs (4 or more in a row): 7 runs, longest 11 (B); a run of 11 or
        more happens in about 1 in 25,000 random banks this size" """
        said = f"answer runs ({self.min_run} or more in a row): "
        if not self.runs:
            return said + "none"
        longest = max(self.runs, key=lambda run: run.length)  # the first, if several
        runs = "1 run" if len(self.runs) == 1 else f"{len(self.runs)} runs"
        said += f"{runs}, longest {longest.length} ({longest.letter})"
        if self.longest_chance is None:
            return said
        return (
            f"{said}; a run of {longest.length} or more happens in "
            f"{_how_often(self.longest_chance)} random banks this size"
        )


def _how_often(chance: float) -> str:
    """ "28% of", "about 1 in 25,000", "almost no" (below one in a billion)."""
    if chance >= 0.995:
        return "nearly all"
    if chance >= 0.01:
        return f"{chance:.0%} of"
    if chance < 1e-9:
        return "almost no"
    return f"about 1 in {float(f'{1 / chance:.2g}'):,.0f}"


def expected_count(expected: float) -> str:
    """An expected count as the reports write it: to two decimals below 1.5, so a letter
    pooled as it expects less than one key does not read "expected 1.0"."""
    return f"{expected:.2f}" if expected < 1.5 else f"{expected:.1f}"


@dataclass
class BankStats:
    id: str
    title: str
    language: str  # the manifest's BCP 47 tag, which the titles are written in
    questions: int
    sections: list[SectionStats]
    unread: list[UnreadFile]
    types: dict[str, int]
    difficulties: dict[str, int]
    keys: KeyLetters
    longest_key: LongestKey
    answer_runs: AnswerRuns
    # Rule -> count, over the whole bank; the sections' and questions' counts leave out
    # the rules about the bank's order (answer runs: a run is no question's flaw).
    findings: dict[str, int]
    errors: int
    warnings: int
    questions_with_findings: int
    worst: list[QuestionFindings]  # the first of them, most findings first
    # Which rules did not run, as they read wording in another language; None: all ran.
    not_run: str | None = None

    def untested_keys(self) -> str | None:
        """That the keys of the multiple-answer questions go untested, if there are any:
        the letter tests count one key per question."""
        multiple = self.types.get("multiple", 0)
        if not multiple:
            return None
        questions = "question" if multiple == 1 else "questions"
        return (
            f"the keys of the {multiple} multiple-answer {questions} are not tested "
            "(answer-key-balance counts the letters of single-answer keys)"
        )

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for section, stats in zip(data["sections"], self.sections, strict=True):
            section["total_findings"] = stats.total_findings
        for question, flagged in zip(data["worst"], self.worst, strict=True):
            question["total_findings"] = flagged.total_findings
        return {"schema_version": SCHEMA_VERSION, **data}
