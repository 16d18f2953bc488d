"""Line breaks only YAML sees (U+0085, U+2028, U+2029) inside quotes: where YAML folds
one, so that it reads other than the author typed, lint says so at the character, and
fmt and lint --fix leave the file as it is rather than write the folded text back."""

from pathlib import Path

import pytest

from exambank.cli import main
from exambank.diagnostics import Diagnostic
from exambank.lint import lint
from tests.conftest import QUESTION, section_yaml, write_bank

_NEL_MESSAGE = (
    "U+0085, a line break to YAML that editors do not show (most likely a Windows-1252 '…' "
    "read as Latin-1): inside quotes YAML folds it into a space"
)
_NEL_HINT = "type '…' in its place, or delete it"
_LS_MESSAGE = "U+2028, a line break to YAML that editors do not show: inside quotes YAML "


def _section(tmp_path: Path, stem: str) -> Path:
    content = section_yaml(QUESTION).replace(
        "stem: Which AWS service trains, tunes and deploys ML models?", f"stem: {stem}"
    )
    return write_bank(tmp_path / "bank", {"01-main.yaml": content}) / "01-main.yaml"


def _findings(path: Path) -> list[Diagnostic]:
    return list(lint([path.parent]).diagnostics)


@pytest.mark.parametrize(
    ("stem", "column", "message", "hint"),
    [
        # Windows-1252's "…" read as Latin-1: the handouts would print "Wait which"
        ('"Wait\x85 which one is right?"', 16, _NEL_MESSAGE, _NEL_HINT),
        ("'Wait\x85 which one is right?'", 16, _NEL_MESSAGE, _NEL_HINT),
        ('"Wait\x85which one is right?"', 16, _NEL_MESSAGE, _NEL_HINT),
        # "plain <LS> with" reads "plain<LS>with": both spaces typed are gone
        (
            '"Which plain \u2028 with?"',
            24,
            _LS_MESSAGE + "drops the blanks beside it",
            "delete it, or write it as '\\L' in double quotes",
        ),
        (
            "'Which plain\u2028 with?'",
            23,
            _LS_MESSAGE + "drops the blanks beside it",
            "delete it, or write it as '\\L' in double quotes",
        ),
        (
            '"Which plain\\\u2028with?"',
            24,
            _LS_MESSAGE.replace("inside quotes YAML ", "in double quotes the backslash before it ")
            + "escapes it: YAML drops both",
            # '\L' typed after the backslash would read '\\L': a backslash and an 'L'
            "delete both, or write them as '\\\\\\L' to keep both",
        ),
        (  # review s38 #10: it was told YAML "folds it into a space"; YAML drops both
            '"Which plain\\\x85with?"',
            24,
            _NEL_MESSAGE.replace(
                "inside quotes YAML folds it into a space",
                "in double quotes the backslash before it escapes it: YAML drops both",
            ),
            "type '…' in place of the backslash and it, or delete both",
        ),
    ],
    ids=[
        "NEL in double quotes",
        "NEL in single quotes",
        "NEL between letters",
        "LS",
        "LS '",
        "\\LS",
        "\\NEL",
    ],
)
def test_a_break_yaml_folds_inside_quotes_is_an_error_and_no_rewrite_loses_it(
    tmp_path: Path, stem: str, column: int, message: str, hint: str
) -> None:
    path = _section(tmp_path, stem)
    before = path.read_bytes()
    [found] = _findings(path)
    assert (found.rule, found.severity, found.line, found.column) == (
        "yaml-syntax",
        "error",
        5,
        column,
    )
    assert (found.message, found.hint) == (message, hint)
    # fmt and lint --fix refuse the file rather than write the text as YAML folded it
    assert main(["fmt", str(path.parent)]) == 1
    assert path.read_bytes() == before
    assert main(["lint", "--fix", str(path.parent)]) == 1
    assert path.read_bytes() == before


def test_a_break_outside_quotes_is_named_as_the_ellipsis_it_most_likely_was(
    tmp_path: Path,
) -> None:
    # "put the text in double quotes" would not help: YAML folds it there too
    path = _section(tmp_path, "Wait\x85 which one is right?")
    [found] = _findings(path)
    assert (found.rule, found.line) == ("yaml-syntax", 5)  # " which" reads as a line of its own
    outside = _NEL_MESSAGE.removesuffix(": inside quotes YAML folds it into a space")
    assert found.hint == f"5:15 holds {outside}: {_NEL_HINT}"


_SURROGATES = '"Which emoji is \\ud83d\\ude00?"'


@pytest.mark.parametrize(
    ("title", "option"),
    [("Main", "'single \x85 nel'"), ("'Main \x85 two'", "Alpha"), ('"Main \u2028 two"', "Alpha")],
    ids=["NEL after the error", "NEL before it", "LS before it"],
)
def test_a_break_elsewhere_keeps_another_syntax_errors_message(
    tmp_path: Path, title: str, option: str
) -> None:
    # review s37 #6: a break the error owes nothing to neither hides its explanation nor
    # takes the blame in its hint
    alone = _findings(_section(tmp_path / "alone", _SURROGATES))
    path = _section(tmp_path, _SURROGATES)
    text = path.read_text(encoding="utf-8").replace("title: Main", f"title: {title}")
    path.write_text(text.replace("A: Amazon SageMaker", f"A: {option}"), encoding="utf-8")
    [found] = _findings(path)
    assert [(found.line, found.column, found.message, found.hint)] == [
        (d.line, d.column, d.message, d.hint) for d in alone
    ]
    assert (found.line, found.column) == (5, 27)
    assert found.message.startswith("in double quotes '\\ud83d\\ude00' is a surrogate pair")
    assert found.hint is not None and "holds U+" not in found.hint


def test_a_break_in_a_quoted_key_is_named_before_the_quoting_hint(tmp_path: Path) -> None:
    # review s38 #10: "text containing ': ' must be quoted" for a key in quotes already
    path = _section(tmp_path, "Which one?")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("A: Amazon SageMaker", '"A\x85": Amazon SageMaker'), "utf-8")
    [found] = _findings(path)
    assert (found.line, found.message) == (7, "mapping values are not allowed in this context")
    outside = _NEL_MESSAGE.removesuffix(": inside quotes YAML folds it into a space")
    assert found.hint == f"7:9 holds {outside}: {_NEL_HINT}"


def test_a_break_in_a_comment_is_told_to_go_not_to_be_quoted(tmp_path: Path) -> None:
    # review s38 #10: quoting would make the comment's words text of the stem
    path = _section(tmp_path, "Which one? # a note\u2028more")
    [found] = _findings(path)
    assert found.line == 6
    said = "U+2028, a line break to YAML that editors do not show"
    assert found.hint == f"5:30 holds {said}: delete it"
