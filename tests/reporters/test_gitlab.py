"""GitLab Code Quality: one issue per finding, fingerprints that survive moved lines."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.config import Config
from exambank.diagnostics import Diagnostic, Note
from exambank.lint import LintResult, lint
from exambank.reporters import PLAIN, REPORTER_BY_NAME, Context
from tests.conftest import QUESTION, section_yaml, write_bank
from tests.reporters.conftest import RULE_NAMES, SELECT

FIELDS = {"description", "check_name", "fingerprint", "severity", "location"}


def issues(diagnostics: list[Diagnostic], context: Context = PLAIN) -> list[dict]:
    return json.loads(REPORTER_BY_NAME["gitlab"](diagnostics, context))


@pytest.fixture(autouse=True)
def outside_gitlab(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)


def test_one_issue_per_finding_with_the_fields_gitlab_reads(sample: LintResult) -> None:
    report = issues(sample.diagnostics)
    assert len(report) == len(sample.diagnostics)
    assert all(set(issue) == FIELDS for issue in report)
    wrong_answer = next(issue for issue in report if issue["check_name"] == "answer-not-in-options")
    assert {key: wrong_answer[key] for key in FIELDS - {"fingerprint"}} == {
        "description": "answer E names no option (options are A, B, C, D) "
        "(hint: point the answer at an existing option letter, or add the missing option E)",
        "check_name": "answer-not-in-options",
        "severity": "major",
        "location": {"path": "bank/01-main.yaml", "lines": {"begin": 20}},
    }
    severities = {issue["check_name"]: issue["severity"] for issue in report}
    assert severities["unused-suppression"] == "minor"


def test_fingerprints_stay_when_lines_move_and_differ_between_findings(
    sample: LintResult,
) -> None:
    before = issues(sample.diagnostics)
    assert len({issue["fingerprint"] for issue in before}) == len(before)
    section = Path("bank/01-main.yaml")
    section.write_text("# a comment\n\n" + section.read_text("utf-8"), "utf-8")
    after = issues(lint([Path("bank")], Config(select=set(RULE_NAMES))).diagnostics)
    assert [issue["location"]["lines"]["begin"] for issue in after] != [
        issue["location"]["lines"]["begin"] for issue in before
    ]
    assert [issue["fingerprint"] for issue in after] == [issue["fingerprint"] for issue in before]


def test_fingerprints_stay_when_a_file_is_renumbered_and_the_bank_folder_renamed(
    sample: LintResult,
) -> None:
    before = issues(sample.diagnostics, Context.of(sample))
    Path("bank/01-main.yaml").rename("bank/11-main.yaml")  # the number only orders files
    Path("bank").rename("renamed")  # the bank's id is its manifest's
    result = lint([Path("renamed")], Config(select=set(RULE_NAMES)))
    after = issues(result.diagnostics, Context.of(result))
    assert {issue["location"]["path"] for issue in after}.isdisjoint(
        issue["location"]["path"] for issue in before
    )
    assert sorted(issue["fingerprint"] for issue in after) == sorted(
        issue["fingerprint"] for issue in before
    )


def test_fixing_one_question_of_an_answer_run_keeps_the_others_fingerprints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    def answer_runs(letters: str) -> list[str]:
        names = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        questions = [  # ids told apart by words: a fingerprint leaves numbers out
            QUESTION.replace("id: q1", f"id: q-{name}").replace("answer: A", f"answer: {key}")
            for name, key in zip(names, letters, strict=True)
        ]
        write_bank(Path("bank"), {"01-main.yaml": section_yaml(*questions)})
        found = lint([Path("bank")], Config(select={"answer-run"})).diagnostics
        return [issue["fingerprint"] for issue in issues(found)]

    before = answer_runs("BBBBBBBBB")
    after = answer_runs("BBBBCBBBB")  # q-five fixed: runs q-one to q-four, q-six to q-nine
    assert len(set(before)) == 9 and after == before[:4] + before[5:]


def test_identical_findings_in_one_file_are_told_apart_the_same_way_each_run() -> None:
    twice = [
        Diagnostic("b/01.yaml", line, 1, "warning", "empty-text", "the stem is empty", None, "q")
        for line in (3, 9)
    ]
    first, second = (issue["fingerprint"] for issue in issues(twice))
    assert first != second
    assert [issue["fingerprint"] for issue in issues(twice)] == [first, second]


def test_a_number_the_message_quotes_is_no_part_of_the_fingerprint() -> None:
    def repeated_key(line: int) -> Diagnostic:
        message = f"key 'stem' repeats (first at line {line})"
        return Diagnostic("b/01.yaml", line + 2, 5, "error", "duplicate-key", message)

    [moved], [same] = issues([repeated_key(14)]), issues([repeated_key(4)])
    assert moved["fingerprint"] == same["fingerprint"]
    [other] = issues([Diagnostic("b/01.yaml", 6, 5, "error", "duplicate-key", "key 'id' …")])
    assert other["fingerprint"] != same["fingerprint"]


@pytest.mark.parametrize(
    ("rule", "before", "after"),
    [  # a place quoted as file:line, and a count that grows when a question is added
        ("duplicate-id", "question id 'q1' is already used at 02-amt.yaml:49", "02-amt.yaml:50"),
        ("answer-key-balance", "B is the key of 31 of 55 questions", "of 56 questions"),
    ],
)
def test_places_and_counts_in_a_message_are_no_part_of_the_fingerprint(
    rule: str, before: str, after: str
) -> None:
    moved = re.sub(r"\S+:\d+$|of \d+ questions", after, before)
    assert moved != before
    [first], [second] = (
        issues([Diagnostic("b/02-amt.yaml", 9, 5, "error", rule, message, None, "q1")])
        for message in (before, moved)
    )
    assert first["fingerprint"] == second["fingerprint"]


def test_paths_are_relative_to_the_repository_in_a_gitlab_job(
    sample: LintResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = Path.cwd()
    monkeypatch.setenv("CI_PROJECT_DIR", str(repository))
    monkeypatch.chdir("bank")  # lint run from a folder below the repository's root
    found = lint([Path()], Config(select=set(RULE_NAMES))).diagnostics
    assert {issue["location"]["path"] for issue in issues(found)} == {
        "bank/01-main.yaml",
        "bank/02-extra.yaml",
    }
    elsewhere = Diagnostic(str(repository.parent / "x.yaml"), 1, 1, "error", "schema", "m")
    assert issues([elsewhere])[0]["location"]["path"] == (repository.parent / "x.yaml").as_posix()


def test_a_note_is_info() -> None:
    note = Note("b/bank.yaml", 4, 11, "the bank's language is 'de': negative-stem did not run")
    [issue] = issues([], Context(notes=(note,)))
    assert issue["severity"] == "info" and issue["check_name"] == "note"
    assert issue["location"] == {"path": "b/bank.yaml", "lines": {"begin": 4}}


def test_no_findings_is_an_empty_list() -> None:
    assert REPORTER_BY_NAME["gitlab"]([]) == "[]\n"


def test_cli(sample: LintResult, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", *SELECT, "--format", "gitlab"]) == 1
    out = capsys.readouterr().out
    assert not out.startswith("\ufeff")  # GitLab refuses a byte order mark
    assert len(json.loads(out)) == len(sample.diagnostics)
