"""Unquoted text starting with a character that starts something else in YAML: an alias
('*nix systems'), an anchor ('& more'), a list or mapping followed by more text
('[default] settings', '{x} braces'), a block text's indicator with the text glued on
('>5 years', '|x| pipes'), and a list item of text starting with a backtick. Where YAML
refuses the line, lint reports every such line of a file in one run and ``lint --fix``
quotes each, reading the file back first; what YAML reads ('answer: [A, C]', a flow
mapping) is never touched (exambank/syntax_hints/mends.py, exambank/fix_unreadable.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from exambank.cli import main
from exambank.load import read_source
from exambank.syntax_hints import mends
from tests.conftest import QUESTION, section_yaml, write_bank

FIXED = "write it quoted (exambank lint --fix does this)"
# Options as authors type them, each one YAML refuses for its first character.
_OPTIONS = {
    "  A: Amazon SageMaker": "  A: *nix systems",
    "  B: AWS Lambda": "  B: & more  # a note",
    "  C: Amazon EC2": "  C: [default] settings",
    "  D: Amazon Bedrock": "  D: {x} braces",
}
_MORE_OPTIONS = {
    "  A: Amazon SageMaker": "  A: >5 years",
    "  B: AWS Lambda": "  B: |x| pipes",
    "  C: Amazon EC2": '  C: [x] say "hi" \\d',
}
# A multiple-answer question whose answer and options are flow YAML, which YAML reads.
_FLOW = (
    QUESTION.replace("id: q1", "id: q3\ntype: multiple")
    .replace("answer: A", "answer: [A, C]")
    .replace(
        "options:\n  A: Amazon SageMaker\n  B: AWS Lambda\n  C: Amazon EC2\n  D: Amazon Bedrock",
        "options: {A: Amazon SageMaker, B: AWS Lambda, C: Amazon EC2, D: Amazon Bedrock}",
    )
)
_TIPS = "exam_tips:\n  - `kubectl get pods` lists pods\n  - [Tip] read twice\n  - Plain tip.\n"


def _question(number: int, options: dict[str, str]) -> str:
    question = QUESTION.replace("id: q1", f"id: q{number}")
    for old, new in options.items():
        question = question.replace(old, new)
    return question


def _file(tmp_path: Path, *questions: str, extra: str = "") -> Path:
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*questions, extra=extra)})
    return root / "01-main.yaml"


def _problems(path: Path) -> list[tuple[int, int, str, str | None]]:
    _, problems = read_source(path)
    return [(found.line, found.column, found.message, found.hint) for found in problems]


def test_every_such_line_of_a_file_is_reported_in_one_run(tmp_path: Path) -> None:
    # Before, each question told its first one only: three runs for these two.
    path = _file(tmp_path, _question(1, _OPTIONS), _question(2, _MORE_OPTIONS), _FLOW)
    starting = "text starting with '{}' must be quoted".format
    assert _problems(path) == [
        (7, 10, starting("*"), f'{FIXED}: A: "*nix systems"'),  # no alias error beside it
        (8, 10, starting("&"), f'{FIXED}: B: "& more"  # a note'),
        (9, 10, starting("["), f'{FIXED}: C: "[default] settings"'),
        (10, 10, starting("{"), f'{FIXED}: D: "{{x}} braces"'),
        (16, 10, starting(">"), f'{FIXED}: A: ">5 years"'),
        (17, 10, starting("|"), f'{FIXED}: B: "|x| pipes"'),
        (18, 10, starting("["), f"{FIXED}: C: '[x] say \"hi\" \\d'"),
    ]


def test_fix_quotes_each_line_and_the_values_read_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path, _question(1, _OPTIONS), _question(2, _MORE_OPTIONS), _FLOW)
    before = path.read_text(encoding="utf-8")
    assert main(["lint", "--fix", str(path)]) == 0
    fixed = "fixed unquoted text starting with"
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:7:10: {fixed} '*' -> A: \"*nix systems\"",
        f"{path}:8:10: {fixed} '&' -> B: \"& more\"",
        f"{path}:9:10: {fixed} '[' -> C: \"[default] settings\"",
        f"{path}:10:10: {fixed} '{{' -> D: \"{{x}} braces\"",
        f"{path}:16:10: {fixed} '>' -> A: \">5 years\"",
        f"{path}:17:10: {fixed} '|' -> B: \"|x| pipes\"",
        f"{path}:18:10: {fixed} '[' -> C: '[x] say \"hi\" \\d'",
    ]
    # Only those values changed, each now in quotes; the note and the flow YAML stay.
    after = before
    for old, new in [
        ("*nix systems", '"*nix systems"'),
        ("& more", '"& more"'),
        ("[default] settings", '"[default] settings"'),
        ("{x} braces", '"{x} braces"'),
        (">5 years", '">5 years"'),
        ("|x| pipes", '"|x| pipes"'),
        ('[x] say "hi" \\d', "'[x] say \"hi\" \\d'"),
    ]:
        after = after.replace(f": {old}", f": {new}", 1)
    assert path.read_text(encoding="utf-8") == after
    source, problems = read_source(path)
    assert problems == []
    first, second, flow = source.data["questions"]
    assert first["options"] == {
        "A": "*nix systems",
        "B": "& more",
        "C": "[default] settings",
        "D": "{x} braces",
    }
    assert [second["options"][key] for key in "ABC"] == [
        ">5 years",
        "|x| pipes",
        '[x] say "hi" \\d',
    ]
    assert flow["answer"] == ["A", "C"]


def test_text_items_of_a_list_starting_with_a_reserved_character_are_quoted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path, QUESTION, extra=_TIPS)
    assert [found[:3] for found in _problems(path)] == [
        (4, 5, "text starting with '`' must be quoted"),
        (5, 5, "text starting with '[' must be quoted"),
    ]
    assert main(["lint", "--fix", str(path)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:4:5: fixed unquoted text starting with '`' -> - \"`kubectl get pods`…\"",
        f"{path}:5:5: fixed unquoted text starting with '[' -> - \"[Tip] read twice\"",
    ]
    source, problems = read_source(path)
    assert problems == []
    assert source.data["exam_tips"] == [
        "`kubectl get pods` lists pods",
        "[Tip] read twice",
        "Plain tip.",
    ]
    assert "  - Plain tip.\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        # '>' and a blank: a block text typed on the indicator's line, or '>' as text?
        ("  A: > Which one", "text after 'A: >' must start on the next line"),
        ("  A: >- Which one", "text after 'A: >-' must start on the next line"),
        # a tag libyaml cannot read looks like one it reads: the author's, as that is
        ("  A: ![Topología](a.png) one", "the tag '![Topología](a.png)' is not supported"),
    ],
    ids=["block indicator and a blank", "block indicator with chomping", "unreadable tag"],
)
def test_a_line_only_the_author_can_mend_is_listed_and_the_file_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, message: str
) -> None:
    path = _file(tmp_path, _question(1, _OPTIONS), _question(2, {"  A: Amazon SageMaker": line}))
    found = _problems(path)
    assert [where[0] for where in found] == [7, 8, 9, 10, 16]
    assert found[4][2].startswith(message)
    assert all("--fix" not in (hint or "") for *_, hint in found)  # it quotes none of them
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_bytes() == before
    assert (
        f"{path}:16:10: not fixed: text starting with '*' is quoted only once this line is "
        f"mended by hand: {message}"
    ) in capsys.readouterr().err  # named, and why


def test_a_file_yaml_reads_is_not_changed(tmp_path: Path) -> None:
    # '[A, C]' and '{A: ...}' are YAML's list and mapping: not slips, whatever they hold.
    path = _file(tmp_path, _FLOW, extra="exam_tips:\n  - [a, b]\n")
    before = path.read_bytes()
    assert not any(found[2].startswith("text starting with") for found in _problems(path))
    main(["lint", "--fix", str(path)])
    assert path.read_bytes() == before


def test_a_quote_that_would_change_the_text_is_not_saved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The quoted file is read back before anything is written: each text must be as typed.
    monkeypatch.setattr(mends, "quoted", lambda value, whole: f'"{value[1:]}"')
    path = _file(tmp_path, _question(1, _OPTIONS))
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_bytes() == before
    assert f"{path}:7:10: not fixed: quoting this text would change it" in capsys.readouterr().err


def test_text_on_two_lines_is_left_to_the_author(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Quoting its first line would leave the second out of the text.
    wrapped = {"  A: Amazon SageMaker": "  A: [default] settings\n    of a router"}
    path = _file(tmp_path, _question(1, _OPTIONS), _question(2, wrapped))
    assert [found[0] for found in _problems(path)] == [7, 8, 9, 10, 16]
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_bytes() == before
    assert (
        f"{path}:16:10: not fixed: text starting with '*' is quoted only once the rest of the "
        "file reads: mend this first (text starting with '[' must be quoted)"
    ) in capsys.readouterr().err


def test_no_hint_promises_a_fix_that_an_anchor_elsewhere_stops(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # '&and more' is an anchor YAML reads, which --fix refuses: it quotes nothing then,
    # so no hint may say it does (before, the ': ' line's hint said so).
    question = _question(1, {"  B: AWS Lambda": "  B: &and more"}).replace(
        "explanation: SageMaker covers the whole ML lifecycle.", "explanation: Réponse : B"
    )
    path = _file(tmp_path, question)
    hints = [hint or "" for *_, hint in _problems(path)]
    assert len(hints) == 2 and not any("--fix" in hint for hint in hints)
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_bytes() == before
    assert "not fixed: the anchor '&and' is not supported" in capsys.readouterr().err
