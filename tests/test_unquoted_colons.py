"""Unquoted text holding ': ' ("explanation: Réponse : B") or starting with a character YAML
reserves ("A: `show ip route`"): lint reports every such line of a file in one run, and
``lint --fix`` quotes them when nothing else is wrong with the file
(exambank/syntax_hints/mends.py, exambank/fix_unreadable.py)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from exambank import syntax_hints
from exambank.cli import main
from exambank.load import read_source
from exambank.syntax_hints import mends
from tests.conftest import QUESTION, section_yaml, write_bank


def _question(number: int, explanation: str, **replace: str) -> str:
    question = QUESTION.replace("id: q1", f"id: q{number}")
    question = question.replace(
        "explanation: SageMaker covers the whole ML lifecycle.", f"explanation: {explanation}"
    )
    for old, new in replace.items():
        question = question.replace(old, new)
    return question


def _section(tmp_path: Path, *explanations: str) -> Path:
    questions = [_question(number, text) for number, text in enumerate(explanations, start=1)]
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*questions)})
    return root / "01-main.yaml"


def _problems(path: Path) -> list[tuple[int, int, str, str | None]]:
    _, problems = read_source(path)
    return [(found.line, found.column, found.message, found.hint) for found in problems]


# Line of each question's explanation in ``_section``: 12, 21, 30, 39 ...
def _line(number: int) -> int:
    return 12 + 9 * (number - 1)


def test_every_unquoted_colon_of_a_file_is_reported_in_one_run(tmp_path: Path) -> None:
    path = _section(
        tmp_path, "Réponse : B. Voir le cours.", "Fine.", "Réponse : C", "Voir : A, puis : B"
    )
    quoted = "text containing ': ' must be quoted"
    shortened = "write the whole text quoted (shortened here; exambank lint --fix does this)"
    fixed = "write it quoted (exambank lint --fix does this)"
    assert _problems(path) == [
        (_line(1), 18, quoted, f'{shortened}: explanation: "Réponse : B. Voir le…"'),
        (_line(3), 18, quoted, f'{fixed}: explanation: "Réponse : C"'),
        (_line(4), 18, quoted, f'{fixed}: explanation: "Voir : A, puis : B"'),
    ]


def test_the_summary_counts_each_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _section(tmp_path, "Réponse : B", "Réponse : C", "Réponse : A")
    assert main(["lint", str(path.parent)]) == 1
    assert "3 errors, 0 warnings." in capsys.readouterr().out


@pytest.mark.parametrize(
    "fine",
    [
        '"Réponse : B"',
        "'Réponse : B'",
        "voir http://example.com",
        "Réponse :B",
        "Réponse:B",
        "|\n      Réponse : B\n      x: y: z",
        ">-\n      Réponse : B",
        "voir le cours  # explanation: Réponse : B",
        '"Réponse : B\n      suite : C"',
    ],
)
def test_a_line_yaml_reads_is_never_reported(tmp_path: Path, fine: str) -> None:
    path = _section(tmp_path, "Réponse : B", fine, "Réponse : C")
    assert [found[0] for found in _problems(path)] == [_line(1), _line(3) + fine.count("\n")]


def test_nested_keys_list_items_and_comments_are_read_as_yaml_reads_them(tmp_path: Path) -> None:
    extra = "# explanation: Réponse : B\nsummary: Réponse : S\n"
    question = _question(
        1,
        "Réponse : B  # a note",
        **{"  B: AWS Lambda": "  B:\n    text: Lambda : non\n    feedback: Non : A"},
    )
    path = tmp_path / "01-main.yaml"
    path.write_text(section_yaml(question, extra=extra), encoding="utf-8")
    fixed = "write it quoted (exambank lint --fix does this)"
    assert [(line, column, hint) for line, column, _, hint in _problems(path)] == [
        (4, 10, f'{fixed}: summary: "Réponse : S"'),
        (11, 15, f'{fixed}: text: "Lambda : non"'),
        (12, 19, f'{fixed}: feedback: "Non : A"'),
        (16, 18, f'{fixed}: explanation: "Réponse : B"  # a note'),
    ]


def test_text_that_goes_on_to_the_next_line_is_told_as_when_alone(tmp_path: Path) -> None:
    # Quoting its first line alone would leave 'suite' out: the scan quotes the text to its
    # last line, only to read on. The line says what it says as a file's only error.
    path = _section(tmp_path, "Réponse : B", "Réponse : C\n      suite", "Réponse : A")
    alone = _section(tmp_path / "alone", "Fine.", "Réponse : C\n      suite", "Fine.")
    found = _problems(path)
    assert [line for line, *_ in found] == [_line(1), _line(2), _line(3) + 1]
    assert found[1] == _problems(alone)[0]


def test_fix_quotes_each_line_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _section(
        tmp_path,
        "Réponse : B. Voir le cours.",
        'Il dit "non" : B',
        "« Réponse : B »",
        "Réponse : B  # a note",
    )
    path.write_text(path.read_text(encoding="utf-8").replace("answer: A", "answer: a", 1))
    assert main(["lint", "--fix", str(path)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:11:13: fixed answer letter 'a' -> 'A'",
        f"{path}:{_line(1)}:18: fixed unquoted text holding ': ' -> "
        'explanation: "Réponse : B. Voir le…"',
        f"{path}:{_line(2)}:18: fixed unquoted text holding ': ' -> "
        "explanation: 'Il dit \"non\" : B'",
        f"{path}:{_line(3)}:18: fixed unquoted text holding ': ' -> "
        'explanation: "« Réponse : B »"',
        f"{path}:{_line(4)}:18: fixed unquoted text holding ': ' -> "
        'explanation: "Réponse : B"',  # the note stays after the quotes
    ]
    written = path.read_text(encoding="utf-8")
    expected = (
        'explanation: "Réponse : B. Voir le cours."\n',
        "explanation: 'Il dit \"non\" : B'\n",
        'explanation: "« Réponse : B »"\n',
        'explanation: "Réponse : B"  # a note\n',
    )
    assert all(f"    {line}" in written for line in expected)
    source, problems = read_source(path)
    assert problems == []
    explanations = [question["explanation"] for question in source.data["questions"]]
    assert explanations == [
        "Réponse : B. Voir le cours.",
        'Il dit "non" : B',
        "« Réponse : B »",
        "Réponse : B",
    ]


def test_fix_changes_nothing_else_in_the_file(tmp_path: Path) -> None:
    path = _section(tmp_path, "Réponse : B", "Fine.")
    before = path.read_text(encoding="utf-8")
    text = "# a header\n" + before.replace("      B: AWS Lambda", "      B:   AWS Lambda  # odd")
    path.write_text(text, encoding="utf-8")
    assert main(["lint", "--fix", str(path)]) == 0
    after = text.replace("explanation: Réponse : B", 'explanation: "Réponse : B"')
    assert path.read_text(encoding="utf-8") == after


def test_fix_quotes_a_file_with_crlf_and_a_byte_order_mark(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _section(tmp_path, "Réponse : B", "Réponse : C")
    text = path.read_text(encoding="utf-8")
    path.write_bytes(codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"))
    assert main(["lint", "--fix", str(path)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:1:1: fixed line endings: CRLF -> LF",
        f"{path}:1:1: fixed byte-order mark removed",
        f"{path}:{_line(1)}:18: fixed unquoted text holding ': ' -> explanation: \"Réponse : B\"",
        f"{path}:{_line(2)}:18: fixed unquoted text holding ': ' -> explanation: \"Réponse : C\"",
    ]
    assert path.read_bytes() == text.replace(": Réponse : B", ': "Réponse : B"').replace(
        ": Réponse : C", ': "Réponse : C"'
    ).encode("utf-8")


@pytest.mark.parametrize(
    ("other", "blocking"),
    [
        # lines lint reports but --fix leaves to the author: it says so at the first
        ("\u201cRéponse : B\u201d", None),  # the quotes are the author's mistake: not ours
        ("Réponse : B # one space: a note, or text YAML would cut?", None),
        # another syntax error: --fix names it, where it is
        ("Réponse : C\n      suite", (_line(2), 18)),
        ("[Réponse", (_line(2), 18)),  # where the bracket opens, not where YAML gave up
        ("&ancre Réponse : B", (_line(2), 18)),  # an anchor, or text? Not ours to decide
        ("!etiquette Réponse : B", (_line(2), 18)),
    ],
)
def test_a_file_with_any_other_syntax_error_is_left_alone(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    other: str,
    blocking: tuple[int, int] | None,
) -> None:
    path = _section(tmp_path, "Réponse : B", other, "Réponse : A")
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_bytes() == before
    said = capsys.readouterr().err
    if blocking is None:  # the line left to the author is named, and why
        assert (
            f"{path}:{_line(2)}:18: not fixed: text holding ': ' is quoted only once this line "
            "is mended by hand: "
        ) in said
    else:
        line, column = blocking
        assert (
            f"{path}:{line}:{column}: not fixed: text holding ': ' is quoted only once the rest "
            "of the file reads: mend this first (" in said
        )


def test_a_quote_that_would_change_the_text_is_not_saved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The quoted file is read back before anything is written: each text must be as written.
    monkeypatch.setattr(mends, "quoted", lambda value, whole: '"Réponse"')
    path = _section(tmp_path, "Réponse : B")
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_bytes() == before
    assert f"{path}:{_line(1)}:18: not fixed: quoting this text would change it" in (
        capsys.readouterr().err
    )


def test_a_list_item_read_as_one_text_is_reported_but_not_fixed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # '- Astuce : lisez : deux fois' may be a text or a key and its text: the hint reads
    # it as a text, but quoting it is left to the author.
    tips = "exam_tips:\n  - Astuce : lisez : deux fois\n"
    question = _question(1, "Réponse : B")
    path = tmp_path / "01-main.yaml"
    path.write_text(section_yaml(question, extra=tips), encoding="utf-8")
    assert [(line, column, hint) for line, column, _, hint in _problems(path)] == [
        (4, 5, 'write the whole text quoted (shortened here): - "Astuce : lisez :…"'),
        (14, 18, 'write it quoted: explanation: "Réponse : B"'),
    ]
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_bytes() == before
    assert f"{path}:4:5: not fixed: text containing ': ' must be quoted" in capsys.readouterr().err


def test_a_line_inside_a_flow_mapping_is_left_for_the_next_run(tmp_path: Path) -> None:
    # In '{...}' YAML refuses it otherwise ("expected ',' or '}'"): not such a line.
    flow = "{\n      B: AWS,\n      A: Réponse : B\n      }"
    question = _question(2, "Fine.", **{"options:\n  A: Amazon SageMaker": f"options: {flow}"})
    question = question.replace("  B: AWS Lambda\n  C: Amazon EC2\n  D: Amazon Bedrock\n", "")
    path = tmp_path / "01-main.yaml"
    path.write_text(section_yaml(_question(1, "Réponse : B"), question), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    flow_line = next(at for at, line in enumerate(lines, 1) if "A: Réponse : B" in line)
    found = _problems(path)
    assert [line for line, *_ in found] == [_line(1), flow_line]  # the second as libyaml says
    assert "flow mapping" in found[1][2]


def test_a_long_file_is_scanned_in_one_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Line by line, a file of n such lines would be parsed n times. Each question is
    # parsed on its own too (syntax_hints.later), but only its own lines.
    parses: list[str] = []
    one_by_one = syntax_hints.first_error
    monkeypatch.setattr(
        syntax_hints, "first_error", lambda text: parses.append(text) or one_by_one(text)
    )
    path = _section(tmp_path, *["Réponse : B"] * 40)
    assert [found[0] for found in _problems(path)] == [_line(number) for number in range(1, 41)]
    assert len(parses) <= 2 * 40  # a quick pass, then where it stands to explain it
    assert all(len(text.strip("\n").splitlines()) == 9 for text in parses)


# Options as a network engineer writes them: commands in backticks, and more.
_COMMANDS = {
    "  A: Amazon SageMaker": "  A: `show ip route`",
    "  B: AWS Lambda": "  B: `show arp`",
    "  C: Amazon EC2": "  C: @home",
    "  D: Amazon Bedrock": "  D: %PATH%",
}


def test_every_text_starting_with_a_reserved_character_is_reported_in_one_run(
    tmp_path: Path,
) -> None:
    path = tmp_path / "01-main.yaml"
    path.write_text(section_yaml(_question(1, "Fine.", **_COMMANDS)), encoding="utf-8")
    fixed = "write it quoted (exambank lint --fix does this)"
    assert _problems(path) == [
        (7, 10, "text starting with '`' must be quoted", f'{fixed}: A: "`show ip route`"'),
        (8, 10, "text starting with '`' must be quoted", f'{fixed}: B: "`show arp`"'),
        (9, 10, "text starting with '@' must be quoted", f'{fixed}: C: "@home"'),
        (10, 10, "text starting with '%' must be quoted", f'{fixed}: D: "%PATH%"'),
    ]


def test_fix_quotes_text_starting_with_a_reserved_character_beside_colons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    question = _question(1, "Réponse : B", **_COMMANDS)
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(question)})
    path = root / "01-main.yaml"
    assert main(["lint", "--fix", str(path)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:7:10: fixed unquoted text starting with '`' -> A: \"`show ip route`\"",
        f"{path}:8:10: fixed unquoted text starting with '`' -> B: \"`show arp`\"",
        f"{path}:9:10: fixed unquoted text starting with '@' -> C: \"@home\"",
        f"{path}:10:10: fixed unquoted text starting with '%' -> D: \"%PATH%\"",
        f"{path}:12:18: fixed unquoted text holding ': ' -> explanation: \"Réponse : B\"",
    ]
    source, problems = read_source(path)
    assert problems == []
    [question] = source.data["questions"]
    assert question["options"] == {
        "A": "`show ip route`",
        "B": "`show arp`",
        "C": "@home",
        "D": "%PATH%",
    }


def test_text_starting_with_a_reserved_character_on_two_lines_is_left_to_the_author(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Quoting its first line would leave the second out: it is told as the first error of
    # its question, and --fix quotes nothing until the author has quoted it whole.
    wrapped = {"  A: Amazon SageMaker": "  A: `show ip route`\n    on a router"}
    questions = section_yaml(_question(1, "Fine.", **_COMMANDS), _question(2, "Fine.", **wrapped))
    root = write_bank(tmp_path / "bank", {"01-main.yaml": questions})
    path = root / "01-main.yaml"
    assert [found[:2] for found in _problems(path)] == [
        (7, 10),
        (8, 10),
        (9, 10),
        (10, 10),
        (16, 10),
    ]
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_bytes() == before
    assert (
        f"{path}:16:10: not fixed: text starting with '`' is quoted only once the rest of the "
        "file reads: mend this first (text starting with '`' must be quoted)"
    ) in capsys.readouterr().err


def test_typographic_quotes_around_a_part_of_the_text_are_quoted_with_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # To YAML they are ordinary characters: the unquoted ': ' is the slip, quoted with
    # the author's quotes kept. A text wholly in them is another slip (the quotes).
    path = _section(tmp_path, "\u201cRéponse : B\u201d est juste", "Réponse : C")
    quoted = "text containing ': ' must be quoted"
    assert _problems(path) == [
        (
            _line(1),
            18,
            quoted,
            "write the whole text quoted (shortened here; exambank lint --fix does this): "
            'explanation: "\u201cRéponse : B\u201d est…"',
        ),
        (
            _line(2),
            18,
            quoted,
            'write it quoted (exambank lint --fix does this): explanation: "Réponse : C"',
        ),
    ]
    assert main(["lint", "--fix", str(path)]) == 0
    source, problems = read_source(path)
    assert problems == []
    explanations = [question["explanation"] for question in source.data["questions"]]
    assert explanations == ["\u201cRéponse : B\u201d est juste", "Réponse : C"]


@pytest.mark.parametrize(
    ("explanations", "fixed"),
    [
        (("Réponse : B", "Fine.", "Réponse : C  # a note"), True),
        (("Réponse : B", "\u201cR\u00e9ponse : C\u201d, says the guide"), True),  # quotes kept
        (("Réponse : B", "Réponse : C #1"), False),  # '#1' may be more of the text
        (("Réponse : B", '"Réponse : C'), False),  # a quote left open: mend it first
    ],
    ids=["fixable", "typographic quotes in the text", "one-space comment", "open quote"],
)
def test_the_hint_names_lint_fix_exactly_where_it_quotes_the_lines(
    tmp_path: Path, explanations: tuple[str, ...], fixed: bool
) -> None:
    """An author who follows the hints would type each quote by hand (review s27-author
    #11): each line's hint names --fix when --fix quotes the file's lines, which it does
    all together or not at all, and then no line of them is left to report."""
    path = _section(tmp_path, *explanations)
    hints = [hint or "" for *_, message, hint in _problems(path) if ": ' must be" in message]
    assert hints and all(("exambank lint --fix does this)" in hint) is fixed for hint in hints)
    main(["lint", "--fix", str(path)])
    left = [message for *_, message, _ in _problems(path) if ": ' must be" in message]
    assert (left == []) is fixed


def test_a_tip_yaml_reads_as_a_key_and_its_text_is_quoted_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review s35 #7: '- Réponse : toujours lire' (one ': ', so YAML reads a key and its
    text) was to be quoted as "Réponse: toujours lire ..." (the space before the colon
    gone, cut short without a word), and --fix left it, though its table lists the tip."""
    tips = "exam_tips:\n  - Réponse : toujours lire la question  # French\n  - Note\t: 5\n"
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(QUESTION, extra=tips)})
    path = root / "01-main.yaml"
    assert main(["lint", str(root)]) == 1
    out = capsys.readouterr().out
    assert (
        "hint: write the whole text quoted (shortened here; exambank lint --fix does this): "
        '- "Réponse : toujours…"'
    ) in out
    assert 'hint: write it quoted (exambank lint --fix does this): - "Note\\t: 5"' in out
    assert main(["lint", "--fix", str(root)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:4:5: fixed unquoted text holding ': ' -> - \"Réponse : toujours…\"",
        f"{path}:5:5: fixed unquoted text holding ': ' -> - \"Note\\t: 5\"",
    ]
    assert path.read_text(encoding="utf-8") == section_yaml(QUESTION, extra=tips).replace(
        "- Réponse : toujours lire la question", '- "Réponse : toujours lire la question"'
    ).replace("- Note\t: 5", '- "Note\t: 5"')
    source, _ = read_source(path)
    assert source.data["exam_tips"] == ["Réponse : toujours lire la question", "Note\t: 5"]


def test_a_tip_whose_colon_is_too_far_on_for_a_key_is_told_and_quoted_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review s37-safety #12: a tip with its first ': ' past character 1,024, where YAML
    reads no key, got libyaml's 'mapping values are not allowed in this context' with no
    example, --fix left it, and the file's other slips with it."""
    tip = "Read " + "every option before you choose, " * 33 + "then decide: B."
    assert tip.index(": ") > 1024
    text = section_yaml(_question(1, "Réponse : B"), extra=f"exam_tips:\n  - {tip}\n")
    root = write_bank(tmp_path / "bank", {"01-main.yaml": text})
    path = root / "01-main.yaml"
    shortened = "write the whole text quoted (shortened here; exambank lint --fix does this)"
    [(line, column, message, hint), explanation] = _problems(path)
    assert (line, column, message) == (4, 5, "text containing ': ' must be quoted")
    assert hint is not None and hint.startswith(f'{shortened}: - "Read every option')
    assert hint.endswith('then decide:…"')
    assert explanation[:2] == (14, 18)
    assert main(["lint", "--fix", str(root)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:4:5: fixed unquoted text holding ': ' -> - \"Read every option…\"",
        f"{path}:14:18: fixed unquoted text holding ': ' -> explanation: \"Réponse : B\"",
    ]
    source, _ = read_source(path)
    assert source.data["exam_tips"] == [tip]
    assert path.read_text(encoding="utf-8") == text.replace(f"- {tip}", f'- "{tip}"').replace(
        "explanation: Réponse : B", 'explanation: "Réponse : B"'
    )


@pytest.mark.parametrize(
    "tip",
    ['Attention : "lire"', "Lire : la question #1", "{Clé : valeur}", "Suite : une\n    autre"],
)
def test_a_tip_read_as_a_key_whose_text_is_not_sure_is_left_to_the_author(
    tmp_path: Path, tip: str
) -> None:
    """Quoted text after the ': ', a '#' one space on (text may go on after it), braces, or
    text over lines: quoting the line as typed might not give the tip meant."""
    text = section_yaml(QUESTION, extra=f"exam_tips:\n  - {tip}\n")
    root = write_bank(tmp_path / "bank", {"01-main.yaml": text})
    assert main(["lint", "--fix", str(root)]) == 1
    assert (root / "01-main.yaml").read_text(encoding="utf-8") == text


def test_every_slip_of_a_question_is_told_below_a_text_wrapped_onto_a_second_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # One question: its slips below the wrapped stem are no other question's first error.
    slips = {
        "stem: Which": "stem: Note: which",
        "service trains, tunes and deploys ML models?": "service trains\n      models?",
        "A: Amazon SageMaker": "A: Amazon: SageMaker",
        "C: Amazon EC2": "C: @EC2",
        "D: Amazon Bedrock": "D: *nix systems",
    }
    path = _section(tmp_path, "Because: reasons.")
    text = path.read_text(encoding="utf-8")
    for old, new in slips.items():
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    colon, whole_of_stem = "text containing ': ' must be quoted", "put the whole text of 'stem'"
    other = "another way"
    assert _problems(path) == [
        # the whole text, both its lines: quoting the first alone would mend nothing
        (5, 11, colon, f"{whole_of_stem} (lines 5-6) in double quotes, or write the ': ' {other}"),
        (8, 10, colon, 'write it quoted: A: "Amazon: SageMaker"'),
        (10, 10, "text starting with '@' must be quoted", 'write it quoted: C: "@EC2"'),
        (11, 10, "text starting with '*' must be quoted", 'write it quoted: D: "*nix systems"'),
        (13, 18, colon, 'write it quoted: explanation: "Because: reasons."'),
    ]
    before = path.read_bytes()
    assert main(["lint", "--fix", str(path)]) == 1
    assert path.read_bytes() == before  # the stem is the author's to quote, both lines
    assert f"{path}:5:11: not fixed: {colon}" in capsys.readouterr().err
