"""JUnit XML: one testcase per question checked and per manifest, failures carrying the
diagnostics."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from exambank.cli import main
from exambank.config import Config
from exambank.diagnostics import Diagnostic, Note, Suppressed
from exambank.lint import LintResult, lint
from exambank.paths import display_path
from exambank.reporters import REPORTER_BY_NAME, CheckedQuestion, Context
from tests.conftest import QUESTION, SEED_BANK, section_yaml, write_bank
from tests.reporters.conftest import MANIFEST, RULE_NAMES, SELECT


def junit(result: LintResult, strict: bool = False) -> ET.Element:
    report = REPORTER_BY_NAME["junit"](result.diagnostics, Context.of(result, strict=strict))
    assert report.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(report)


def cases(root: ET.Element) -> dict[tuple[str, str], ET.Element]:
    return {
        (suite.get("name", ""), case.get("name", "")): case
        for suite in root.iter("testsuite")
        for case in suite.iter("testcase")
    }


def test_one_testcase_per_question_per_manifest_and_per_file_with_findings(
    sample: LintResult,
) -> None:
    found = cases(junit(sample))
    assert sorted(found) == [
        ("bank/01-main.yaml", "q1"),
        ("bank/01-main.yaml", "q2"),
        ("bank/01-main.yaml", "q3"),
        ("bank/02-extra.yaml", "02-extra.yaml"),  # not in the manifest: no question's fault
        ("bank/bank.yaml", "bank.yaml"),
    ]  # and its question q4 is no part of the bank: not checked
    assert found[("bank/01-main.yaml", "q1")].find("failure") is None
    assert list(found[("bank/bank.yaml", "bank.yaml")]) == []  # no finding: it passes
    failure = found[("bank/01-main.yaml", "q2")].find("failure")
    assert failure is not None and failure.get("type") == "answer-not-in-options"
    assert "bank/01-main.yaml:20:13: error answer-not-in-options" in (failure.text or "")
    warned = found[("bank/01-main.yaml", "q3")]
    assert warned.find("failure") is None
    assert "unused-suppression" in (warned.findtext("system-out") or "")


@pytest.mark.parametrize(("strict", "failures"), [(False, 2), (True, 3)])
def test_counts_add_up(sample: LintResult, strict: bool, failures: int) -> None:
    root = junit(sample, strict)
    suites = list(root.iter("testsuite"))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == (
        "5",
        str(failures),
        "0",
    )
    for suite in suites:
        testcases = list(suite.iter("testcase"))
        assert suite.get("tests") == str(len(testcases))
        failing = sum(case.find("failure") is not None for case in testcases)
        assert suite.get("failures") == str(failing)
    assert sum(int(suite.get("failures", "")) for suite in suites) == failures


def test_text_that_xml_cannot_hold_is_replaced() -> None:
    found = Diagnostic("b/x.yaml", 1, 1, "error", "schema", "bad \x00\x1b byte <&>", None, "q1")
    report = REPORTER_BY_NAME["junit"]([found], Context((CheckedQuestion("b/x.yaml", "q1"),)))
    failure = ET.fromstring(report).find(".//failure")
    assert failure is not None and "bad \ufffd\ufffd byte <&>" in (failure.text or "")


def test_every_manifest_has_a_testcase(tmp_path: Path) -> None:
    """A clean bank's manifest passes; one that lists a missing section fails."""
    clean = write_bank(tmp_path / "clean", {"01-main.yaml": section_yaml(QUESTION)})
    broken = write_bank(
        tmp_path / "broken",
        {"01-main.yaml": section_yaml(QUESTION)},
        MANIFEST.replace("[main]", "[main, gone]"),
    )
    result = lint([clean, broken], Config(select=set(RULE_NAMES)))
    found = cases(junit(result))
    manifests = {path: case for (path, name), case in found.items() if name == "bank.yaml"}
    clean_manifest = display_path(clean / "bank.yaml")
    broken_manifest = display_path(broken / "bank.yaml")
    assert sorted(manifests) == sorted([clean_manifest, broken_manifest])
    assert manifests[clean_manifest].find("failure") is None
    failure = manifests[broken_manifest].find("failure")
    assert failure is not None and failure.get("type") == "manifest"


@pytest.mark.parametrize("select", [None, {"answer-count"}])
def test_the_seed_bank_has_the_same_testcases_whatever_is_selected(
    select: set[str] | None,
) -> None:
    result = lint([SEED_BANK], Config(select=select) if select else None)
    [bank] = result.banks
    assert junit(result).get("tests") == str(len(list(bank.questions())) + 1)


@pytest.mark.parametrize(
    ("path", "shown", "where"),  # where: as a failure's or an output's text names the file
    [  # XML 1.0 forbids U+0001; the text shows it as the text format does
        ("b/02-amt\x01copy.yaml", "b/02-amt\ufffdcopy.yaml", "b/02-amt\\x01copy.yaml"),
        ("b/02-x\udcffy.yaml", "b/02-x\ufffdy.yaml", "b/02-x\ufffdy.yaml"),  # 0xff, not UTF-8
    ],
)
def test_a_file_name_xml_cannot_hold_is_replaced_everywhere(
    path: str, shown: str, where: str
) -> None:
    findings = [
        Diagnostic(path, 1, 1, "error", "manifest", f"{path} is not listed", f"list {path}"),
        Diagnostic(path, 9, 5, "warning", "word-repeat", f"in {path}", None, "q1"),
    ]
    report = REPORTER_BY_NAME["junit"](findings, Context((CheckedQuestion(path, "q1"),)))
    root = ET.fromstring(report.encode("utf-8"))  # UTF-8, and XML that a parser accepts
    [suite] = root.iter("testsuite")
    assert suite.get("name") == shown
    testcases = list(suite.iter("testcase"))
    assert [case.get("name") for case in testcases] == ["q1", shown.rsplit("/", 1)[-1]]
    classname = shown.replace("/", ".").removesuffix(".yaml")
    assert {(case.get("classname"), case.get("file")) for case in testcases} == {(classname, shown)}
    failure = testcases[1].find("failure")
    assert failure is not None and failure.get("message") == f"1 problem: {shown} is not listed"
    hint = f"\n    hint: list {shown}"
    assert failure.text == f"{where}:1:1: error manifest {shown} is not listed{hint}"
    assert testcases[0].findtext("system-out") == f"{where}:9:5: warning word-repeat in {shown}"


def test_the_text_names_a_file_with_its_control_characters_as_escapes() -> None:
    """As the text format and the messages name it: a line break in the name breaks no
    line of the failure, and an ESC is no U+FFFD; the file attribute keeps the path."""
    path, where = "b/05-new\nline\x1b[31m.yaml", "b/05-new\\nline\\x1b[31m.yaml"
    message = "05-new\\nline\\x1b[31m.yaml is not listed"
    found = Diagnostic(path, 1, 1, "error", "manifest", message)
    dropped = Diagnostic(path, 7, 5, "warning", "word-repeat", "'the the'", None, "q1")
    entry = Suppressed(path, 6, 22, "q1", "word-repeat", 1, "quoted", (dropped,))
    note = Note(path, 2, 11, "the bank's language is 'de'")
    context = Context((CheckedQuestion(path, "q1"),), notes=(note,), suppressed=(entry,))
    root = ET.fromstring(REPORTER_BY_NAME["junit"]([found], context))
    question_case, file_case = root.iter("testcase")  # the questions first
    assert file_case.findtext("failure") == f"{where}:1:1: error manifest {message}"
    assert file_case.findtext("system-out") == f"{where}:2:11: note the bank's language is 'de'"
    assert question_case.findtext("system-out") == (
        f"{where}:7:5: warning word-repeat 'the the'\n"
        f"    suppressed by lint: ignore at {where}:6:22: quoted"
    )
    in_xml = path.replace("\x1b", "\ufffd")  # a line break it can hold, an ESC it cannot
    assert {case.get("file") for case in (file_case, question_case)} == {in_xml}


def test_cli_with_a_control_character_in_a_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write_bank(Path("bank"), {"01-main.yaml": section_yaml(QUESTION)})
    stray = section_yaml(QUESTION.replace("id: q1", "id: q9"), section_id="amt")
    try:
        Path("bank/02-amt\x01copy.yaml").write_text(stray, "utf-8")
    except OSError:
        pytest.skip("this file system refuses control characters in file names")
    assert main(["lint", *SELECT, "--format", "junit"]) == 1
    suites = [suite.get("name") for suite in ET.fromstring(capsys.readouterr().out)]
    assert "bank/02-amt\ufffdcopy.yaml" in suites


def test_cli(sample: LintResult, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", *SELECT, "--format", "junit"]) == 1
    assert ET.fromstring(capsys.readouterr().out).get("tests") == "5"


def test_two_questions_with_one_id_are_two_testcases_each_with_its_findings(
    tmp_path: Path,
) -> None:
    """Both sides of a merge kept: the good q1 passes, the other (an unknown answer) fails
    as "q1 (line N)", N its first line, whatever order the findings come in."""
    broken = QUESTION.replace("answer: A", "answer: F")
    text = section_yaml(QUESTION, QUESTION.replace("id: q1", "id: q2"), broken, QUESTION)
    root = write_bank(tmp_path / "b", {"01-main.yaml": text})
    result = lint([root], Config(select={*RULE_NAMES, "duplicate-id"}))
    context = Context.of(result)
    for findings in result.diagnostics, result.diagnostics[::-1]:
        found = cases(ET.fromstring(REPORTER_BY_NAME["junit"](findings, context)))
        path = display_path(root / "01-main.yaml")
        assert [name for suite, name in found if suite == path] == [
            "q1",
            "q2",
            "q1 (line 22)",
            "q1 (line 31)",
        ]
        assert found[(path, "q1")].find("failure") is None
        failing = found[(path, "q1 (line 22)")].find("failure")
        assert failing is not None and "answer F names no option" in (failing.text or "")
        assert "22:9: error duplicate-id" in (failing.text or "")
        last = found[(path, "q1 (line 31)")].find("failure")
        assert last is not None and last.get("message", "").startswith("1 problem: question id")


@pytest.mark.parametrize(
    ("path", "package", "class_name"),
    [
        ("bank/it/01-netzwerk.yaml", "bank.it", "01-netzwerk"),
        ("bank/it/02-os.YML", "bank.it", "02-os"),
        # a dot in a name is no package boundary: Jenkins splits at the last one
        ("bank/v1.2/03-tcp.ip.yaml", "bank.v1_2", "03-tcp_ip"),
        ("../bank/it/bank.yaml", "bank.it", "bank"),  # from docs/: as from the root
        ("bank\\it\\04-win.yaml", "bank.it", "04-win"),
    ],
)
def test_a_classname_is_read_as_the_bank_folder_and_the_file_and_file_keeps_the_path(
    path: str, package: str, class_name: str
) -> None:
    """Jenkins takes a classname up to its last dot as the package, the rest as the class
    (junit-plugin, CaseResult.getPackageName): with the path as classname, every file was
    a class "yaml" (review s34-ci, finding 3). GitLab shows the classname as the suite and
    links ``file``."""
    found = Diagnostic(path, 1, 1, "error", "schema", "bad", None, "q1")
    report = REPORTER_BY_NAME["junit"]([found], Context((CheckedQuestion(path, "q1"),)))
    [case] = ET.fromstring(report).iter("testcase")
    assert case.get("classname") == f"{package}.{class_name}"
    assert case.get("file") == path


def test_cli_classnames_are_the_bank_folder_and_the_file(
    sample: LintResult, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", *SELECT, "--format", "junit"]) == 1
    root = ET.fromstring(capsys.readouterr().out)
    said = {(case.get("classname"), case.get("file")) for case in root.iter("testcase")}
    assert said == {
        ("bank.bank", "bank/bank.yaml"),
        ("bank.01-main", "bank/01-main.yaml"),
        ("bank.02-extra", "bank/02-extra.yaml"),
    }


def test_testsuites_are_in_bank_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """By bank; in each its manifest, then its files in the manifest's order, one that
    cannot be read at its place there, the file it does not list last (review s34-ci,
    finding 10), as a reader of the report goes through the bank."""
    monkeypatch.chdir(tmp_path)
    first = {
        "01-eins.yaml": section_yaml(QUESTION.replace("id: q1", "id: e1"), section_id="eins"),
        "02-zwei.yaml": section_yaml(QUESTION.replace("id: q1", "id: z1"), section_id="zwei"),
        "03-kaputt.yaml": "id: kaputt\ntitle: 'Kaputt\n",  # cannot be read
        "09-extra.yaml": section_yaml(QUESTION.replace("id: q1", "id: x1"), section_id="extra"),
    }
    write_bank(Path("erste"), first, "id: erste\ntitle: Erste\nsections: [zwei, kaputt, eins]\n")
    write_bank(Path("zweite"), {"01-main.yaml": section_yaml(QUESTION)}, MANIFEST)
    assert main(["lint", *SELECT, "--format", "junit", "erste", "zweite"]) == 1
    suites = [suite.get("name") for suite in ET.fromstring(capsys.readouterr().out)]
    assert suites == [
        "erste/bank.yaml",
        "erste/02-zwei.yaml",
        "erste/03-kaputt.yaml",
        "erste/01-eins.yaml",
        "erste/09-extra.yaml",
        "zweite/bank.yaml",
        "zweite/01-main.yaml",
    ]
