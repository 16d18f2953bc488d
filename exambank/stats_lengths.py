"""The key's length in the statistics report: how often it is visibly the longest, or the
shortest, option, against chance."""

from __future__ import annotations

from dataclasses import dataclass

from exambank.stats_words import expected_count, noun, verdict_of


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
    min_questions: int  # longest-option-key's: fewer measured, and nothing is tested
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
            said.append(self._others(others))
        elif self.ties:
            said.append(f"the key ties for longest in {self.ties} {noun(self.ties, 'question')}")
        if self.left_out == 1:
            said.append("the true/false question is left out")
        elif self.left_out:
            said.append(f"the {self.left_out} true/false questions are left out")
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
            which, are, own = (
                ("question", "is", "its own rules report it")
                if left_out == 1
                else (f"{left_out} questions", "are", "their own rules report them")
            )
            said.append(
                f"the {which} whose shortest option stands for others "
                f'("All of the above", "A and B") {are} left out; {own}'
            )
        return said + self._test_sentences(
            self.shortest, "shortest", "lengthen the keys or trim the distractors"
        )

    def _others(self, others: int) -> str:
        """ "the other 22 questions have no visibly longest option (...), and in 12 of them
        the key ties for longest": said so, not "1 question has", as a sentence in HTML."""
        margin = f"visibly longest option ({self._margin('longer')})"
        if others == 1:
            ties = ", and its key ties for longest" if self.ties else ""
            return f"the other question has no {margin}{ties}"
        ties = f", and in {self.ties} of them the key ties for longest" if self.ties else ""
        return f"the other {others} questions have no {margin}{ties}"

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
        chance = f"chance gives {expected_count(test.chance)} ({test.chance / test.questions:.0%})"
        if test.questions == 1:
            key = "key is" if test.keys else "key is not"
            return (
                f"{key} the {which} option in the 1 question that has a visibly {which} option "
                f"({test.keys:.0%}); {chance}"
            )
        return (
            f"key is the {which} option in {test.keys} of the {test.questions} questions "
            f"with a visibly {which} option ({test.keys / test.questions:.0%}); {chance}"
        )

    def _test_sentences(self, test: KeyLengthCount, which: str, advice: str) -> list[str]:
        if not test.questions:
            return []
        if test.p_value is None:
            return [
                f"too few questions ({self.measured}) to test the rate; longest-option-key "
                f"tests banks of {self.min_questions} or more"
            ]
        verdict = verdict_of(
            test.p_value,
            self.rule_threshold,
            f"a key this often the {which}",
            advice,
            "longest-option-key",
        )
        return [f"exact p = {test.p_value:.2g}: {verdict}"]
