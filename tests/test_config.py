"""[tool.exambank] in pyproject.toml, and --select / --ignore / --strict / --config."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from exambank import pyproject
from exambank.cli import main
from exambank.config import Config, ConfigError
from exambank.diagnostics import Diagnostic
from exambank.lint import lint
from exambank.rules import RULES, LoadRule
from tests.conftest import QUESTION, REPO, SEED_BANK, rules_of, section_yaml, write_bank

# Two problems: answer E names no option (error), and the stem asks for two answers.
BAD = QUESTION.replace("answer: A", "answer: E").replace("models?", "models? (Choose two.)")
TWO_RULES = '["answer-count", "answer-not-in-options"]'
MAX_FILE_BYTES_HINT = "give the size in bytes: max-file-bytes = 10_000_000 (default 5_000_000)"
PAPER_HINT = 'write paper = "a4" or paper = "letter"'
STUDENT_KEY_MUST = '\'student-key\' must be "end", "none" or "separate", not '
STUDENT_KEY_HINT = 'write student-key = "end", student-key = "none" or student-key = "separate"'
ANSWER_SHEET_HINT = "write answer-sheet = true or answer-sheet = false, without quotes"
SECTIONS_HINT = 'write sections = "new-page" or sections = "run-on"'
LARGE_PRINT_SIZE_MUST = "'large-print-size' must be a whole number of points from 16 to 24, not "
LARGE_PRINT_SIZE_HINT = (
    "write large-print-size = 20 (the default, 16, is UKAAF's least for large print; 18 its "
    "ideal; 20 to 24 what many readers with low vision need)"
)


def write_pyproject(folder: Path, table: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text('[project]\nname = "bank"\n\n' + textwrap.dedent(table), encoding="utf-8")
    return path


def bad_bank(root: Path) -> Path:
    return write_bank(root / "bank" / "b", {"01-main.yaml": section_yaml(BAD)})


def config_problems(folder: Path, table: str) -> list[tuple[int, int, str, str | None]]:
    with pytest.raises(ConfigError) as raised:
        pyproject.read(write_pyproject(folder, table))
    return [(d.line, d.column, d.message, d.hint) for d in raised.value.diagnostics]


def test_defaults_run_every_rule_that_is_on_by_default() -> None:
    config = Config()
    assert config.select == {name for name, rule in RULES.items() if rule.enabled_by_default}


def test_reading_a_file_cannot_be_switched_off() -> None:
    config = Config(select=set())
    assert all(config.enabled(name) for name, rule in RULES.items() if issubclass(rule, LoadRule))
    assert not config.enabled("answer-count")


def test_duplicate_ids_cannot_be_switched_off(tmp_path: Path) -> None:
    assert Config(select=set()).enabled("duplicate-id")
    problems = config_problems(tmp_path, '[tool.exambank]\nignore = ["duplicate-id"]\n')
    assert any("cannot be turned off" in message for _, _, message, _ in problems)


def test_select_ignore_and_severity_from_pyproject(tmp_path: Path) -> None:
    root = bad_bank(tmp_path)
    config = pyproject.read(
        write_pyproject(
            tmp_path,
            """\
            [tool.exambank]
            select = ["answer-count", "answer-not-in-options", "option-letters"]
            ignore = ["option-letters"]

            [tool.exambank.rules.answer-count]
            severity = "warning"
            """,
        )
    )
    assert config.select == {"answer-count", "answer-not-in-options"}
    found = lint([root], config).diagnostics
    assert {(d.rule, d.severity) for d in found} == {
        ("answer-count", "warning"),
        ("answer-not-in-options", "error"),
    }


def test_severity_off_disables_a_rule(tmp_path: Path) -> None:
    config = pyproject.read(
        write_pyproject(
            tmp_path,
            f"[tool.exambank]\nselect = {TWO_RULES}\n"
            '[tool.exambank.rules.answer-count]\nseverity = "off"\n',
        )
    )
    assert rules_of(lint([bad_bank(tmp_path)], config).diagnostics) == {"answer-not-in-options"}


def test_rule_options_change_a_threshold(tmp_path: Path) -> None:
    default = lint([SEED_BANK]).diagnostics
    assert any(d.rule == "answer-key-balance" for d in default)
    config = pyproject.read(
        write_pyproject(
            tmp_path, "[tool.exambank.rules.answer-key-balance]\nmin_questions = 1000\n"
        )
    )
    assert config.options_for("answer-key-balance") == {"p_value": 0.001, "min_questions": 1000}
    assert not any(d.rule == "answer-key-balance" for d in lint([SEED_BANK], config).diagnostics)


def test_an_int_is_a_fine_float_option(tmp_path: Path) -> None:
    config = pyproject.read(
        write_pyproject(tmp_path, "[tool.exambank.rules.answer-key-balance]\np_value = 1\n")
    )
    assert config.options_for("answer-key-balance")["p_value"] == 1.0


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("[tool.exambank.rules.answer-key-balance]\np_value = 5\n", "between 0 and 1"),
        ("[tool.exambank.rules.answer-key-balance]\np_value = 0\n", "between 0 and 1"),
        ("[tool.exambank.rules.answer-run]\nmin_run = -3\n", "at least 2"),
        ("[tool.exambank.rules.option-length-spread]\nratio = -1\n", "above 1"),
        ("[tool.exambank.rules.section-coverage]\nmin_share = 1.5\n", "between 0 and 1"),
        # below these, every question is reported: a run of one is any key, and a key
        # that is the longest option is at least once as long as every other
        ("[tool.exambank.rules.answer-run]\nmin_run = 1\n", "at least 2, not 1"),
        ("[tool.exambank.rules.longest-option-key]\nratio = 0.5\n", "above 1, not 0.5"),
        ("[tool.exambank.rules.longest-option-key]\nratio = 1\n", "above 1, not 1"),
        ("[tool.exambank.rules.option-length-spread]\nratio = 1\n", "above 1, not 1"),
    ],
)
def test_option_values_out_of_range_are_mistakes(tmp_path: Path, table: str, expected: str) -> None:
    [(_, _, message, hint)] = config_problems(tmp_path, table)
    assert expected in message and hint and hint.startswith("for example")


LIST_OPTIONS = [
    (name, key)
    for name, rule in RULES.items()
    for key, default in rule.options.items()
    if isinstance(default, list)
]
FLOAT_OPTIONS = [
    (name, key)
    for name, rule in RULES.items()
    for key, default in rule.options.items()
    if isinstance(default, float)
]


def test_list_options_hold_text_so_their_items_can_be_checked() -> None:
    assert {name for name, _ in LIST_OPTIONS} >= {"word-repeat", "absolute-terms"}
    for name, key in LIST_OPTIONS:
        assert all(isinstance(item, str) for item in RULES[name].options[key]), (name, key)


@pytest.mark.parametrize(("rule", "key"), LIST_OPTIONS)
@pytest.mark.parametrize(
    ("items", "shown"),
    [("[1]", "[1]"), ('[["x"]]', '[["x"]]'), ("[{a = 1}]", '[{"a": 1}]'), ('["ok", 2.5]', None)],
)
def test_list_option_items_of_the_wrong_type_are_mistakes(
    tmp_path: Path, rule: str, key: str, items: str, shown: str | None
) -> None:
    table = f"[tool.exambank.rules.{rule}]\n{key} = {items}\n"
    [(line, column, message, hint)] = config_problems(tmp_path, table)
    assert (line, column) == (5, len(f"{key} = ") + 1)  # at the value
    assert message.startswith(f"option '{key}' of {rule} must be a list of text, not ")
    assert shown is None or message.endswith(f"not {shown}")
    assert hint is not None and hint.startswith(f'for example: {key} = ["')


@pytest.mark.parametrize(("rule", "key"), LIST_OPTIONS)
def test_a_list_option_of_text_is_taken(tmp_path: Path, rule: str, key: str) -> None:
    table = f'[tool.exambank.rules.{rule}]\n{key} = ["lambda", "Amazon EC2"]\n'
    config = pyproject.read(write_pyproject(tmp_path, table))
    assert config.options_for(rule)[key] == ["lambda", "Amazon EC2"]


def test_an_empty_list_of_terms_is_refused_but_an_empty_ignore_list_is_taken(
    tmp_path: Path,
) -> None:
    # An empty ignore leaves nothing out, as its default does; no terms would find nothing.
    table = (
        "[tool.exambank.rules.word-repeat]\nignore = []\n"
        "[tool.exambank.rules.absolute-terms]\nterms = []\n"
    )
    assert [problem[:3] for problem in config_problems(tmp_path, table)] == [
        (7, 9, "option 'terms' of absolute-terms is an empty list, which matches nothing")
    ]


def test_a_list_option_of_numbers_is_a_mistake_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(QUESTION)})
    write_pyproject(
        tmp_path,
        '[tool.exambank]\nextend-select = ["word-repeat"]\n'
        "[tool.exambank.rules.word-repeat]\nignore = [1]\n",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["lint", str(root)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        "pyproject.toml:7:10: error config option 'ignore' of word-repeat must be a list of text, "
        "not [1]\n"
    )
    assert "internal error" not in err


@pytest.mark.parametrize(("rule", "key"), FLOAT_OPTIONS)
@pytest.mark.parametrize("nan", ["nan", "-nan", "+nan"])
def test_nan_is_no_number_option(tmp_path: Path, rule: str, key: str, nan: str) -> None:
    [(line, column, message, hint)] = config_problems(
        tmp_path, f"[tool.exambank.rules.{rule}]\n{key} = {nan}\n"
    )
    assert (line, column) == (5, len(f"{key} = ") + 1)  # at the value
    assert re.fullmatch(
        rf"option '{key}' of {rule} must be (between 0 and 1|above \d+|at least \d+), not nan",
        message,
    )
    assert hint == f"for example: {key} = {json.dumps(RULES[rule].options[key])}"


def test_per_file_ignores_match_globs_relative_to_the_pyproject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = bad_bank(tmp_path)
    write_bank(root.parent / "c", {"01-main.yaml": section_yaml(BAD)})
    config = pyproject.read(
        write_pyproject(
            tmp_path,
            f"""\
            [tool.exambank]
            select = {TWO_RULES}

            [tool.exambank.per-file-ignores]
            "bank/b/*.yaml" = ["answer-count"]
            "01-main.yaml" = ["answer-not-in-options"]
            """,
        )
    )
    monkeypatch.chdir(root)  # diagnostics carry paths relative to the working folder
    found = lint([root, root.parent / "c"], config).diagnostics
    assert {(Path(d.path).parent.name, d.rule) for d in found} == {("c", "answer-count")}


def test_nearest_pyproject_with_the_table_wins(tmp_path: Path) -> None:
    write_pyproject(tmp_path, '[tool.exambank]\nignore = ["answer-count"]\n')
    (tmp_path / "sub").mkdir()
    write_pyproject(tmp_path / "sub", "[tool.ruff]\nline-length = 100\n")
    deeper = tmp_path / "sub" / "deeper"
    deeper.mkdir()
    assert pyproject.find(deeper) == tmp_path / "pyproject.toml"
    assert "answer-count" not in pyproject.load(start=deeper).select
    assert pyproject.find(tmp_path / "sub") != tmp_path / "sub" / "pyproject.toml"


@pytest.mark.parametrize("git", ["folder", "worktree file"])
def test_a_table_above_the_repository_configures_nothing(tmp_path: Path, git: str) -> None:
    """A home folder's or a monorepo parent's table would configure one checkout only."""
    write_pyproject(tmp_path, '[tool.exambank]\nignore = ["answer-count"]\n')
    repository = tmp_path / "banks"
    (repository / "bank").mkdir(parents=True)
    if git == "folder":
        (repository / ".git").mkdir()
    else:
        (repository / ".git").write_text("gitdir: /elsewhere/.git/worktrees/banks\n")
    assert pyproject.find(repository / "bank") is None
    assert "answer-count" in pyproject.load(start=repository / "bank").select
    write_pyproject(repository, '[tool.exambank]\nignore = ["answer-run"]\n')
    assert pyproject.find(repository / "bank") == repository / "pyproject.toml"


def test_no_pyproject_means_defaults(tmp_path: Path) -> None:
    assert pyproject.find(tmp_path) is None
    assert pyproject.load(start=tmp_path).select == Config().select


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            "[tool.exambank]\nselct = []\n",
            (5, 1, "unknown key 'selct' in [tool.exambank]", "did you mean 'select'?"),
        ),
        (  # a rule's option, written above its rule's table
            "[tool.exambank]\nmin_run = 5\n",
            (
                5,
                1,
                "'min_run' is an option of answer-run, not a key of [tool.exambank]",
                "write it under [tool.exambank.rules.answer-run]",
            ),
        ),
        (
            "[tool.exambank]\nratio = 2\n",
            (
                5,
                1,
                "'ratio' is an option of longest-option-key and option-length-spread, not a key "
                "of [tool.exambank]",
                "write it under [tool.exambank.rules.longest-option-key] or "
                "[tool.exambank.rules.option-length-spread]",
            ),
        ),
        (
            "[tool.exambank]\nmin-run = 5\n",
            (
                5,
                1,
                "unknown key 'min-run' in [tool.exambank]",
                "did you mean 'min_run', an option of answer-run? write it under "
                "[tool.exambank.rules.answer-run]",
            ),
        ),
        (
            '[tool.exambank]\nseverity = "off"\n',
            (
                5,
                1,
                "'severity' is set rule by rule, not in [tool.exambank]",
                "write it in the rule's table: [tool.exambank.rules.NAME], then "
                'severity = "warning"',
            ),
        ),
        (
            "[tool.exambank]\nlarge-print = true\n",
            (
                5,
                1,
                "'large-print' is not a key of [tool.exambank]",
                "it is chosen for each build: exambank build --large-print (large-print-size "
                "here sets the size such builds use)",
            ),
        ),
        (
            '[tool.exambank]\nselect = ["answer-count", "answer-cont"]\n',
            (5, 27, "unknown rule 'answer-cont'", "did you mean 'answer-count'?"),
        ),
        (
            '[tool.exambank]\nignore = ["schema"]\n',
            (5, 11, "rule 'schema' cannot be turned off", None),
        ),
        (
            '[tool.exambank]\nselect = "answer-count"\n',
            (5, 10, "'select' must be a list of rule names", 'write select = ["rule-name", ...]'),
        ),
        (
            '[tool.exambank.per-file-ignores]\n"x/*.yaml" = "answer-count"\n',
            (
                5,
                14,
                "'x/*.yaml' must be a list of rule names",
                'write "x/*.yaml" = ["rule-name", ...]',
            ),
        ),
        (
            '[tool.exambank.per-file-ignores]\n"x/*.yaml" = ["answer-cont"]\n',
            (5, 15, "unknown rule 'answer-cont'", "did you mean 'answer-count'?"),
        ),
        (
            '[tool.exambank.rules.answer-cont]\nseverity = "off"\n',
            (4, 22, "unknown rule 'answer-cont'", "did you mean 'answer-count'?"),
        ),
        (
            '[tool.exambank.rules.answer-count]\nseverity = "warn"\n',
            (5, 12, 'severity of answer-count is "warn"', "use one of: error, warning, off"),
        ),
        (
            '[tool.exambank.rules.schema]\nseverity = "warning"\n',
            (5, 12, "rule 'schema' is always an error", None),
        ),
        (  # another rule's option
            "[tool.exambank.rules.answer-run]\nthreshold = 0.5\n",
            (
                5,
                1,
                "unknown setting 'threshold' for rule answer-run",
                "'threshold' is an option of near-duplicate; answer-run takes: severity, min_run",
            ),
        ),
        (  # no rule: no table of settings
            '[tool.exambank.rules.ALL]\nseverity = "off"\n',
            (
                4,
                22,
                "'ALL' is no rule, so [tool.exambank.rules.ALL] sets nothing",
                "set options rule by rule, each in its own [tool.exambank.rules.NAME] (`exambank "
                'rules` lists them); ignore = ["ALL"] turns every rule off',
            ),
        ),
        (  # terms that match nothing: absolute-terms would check nothing, unsaid
            '[tool.exambank.rules.absolute-terms]\nterms = ["", "   "]\n',
            (
                5,
                9,
                'option \'terms\' of absolute-terms has 2 empty items ("" and "   "), which '
                "match nothing",
                'list what to look for, as in terms = ["always", "never"]; to turn '
                'absolute-terms off: severity = "off"',
            ),
        ),
        (  # no terms at all: absolute-terms would check nothing, unsaid, as above
            "[tool.exambank.rules.absolute-terms]\nterms = []\n",
            (
                5,
                9,
                "option 'terms' of absolute-terms is an empty list, which matches nothing",
                'list what to look for, as in terms = ["always", "never"]; to turn '
                'absolute-terms off: severity = "off"',
            ),
        ),
        (  # written under [tool.exambank]: told at its line as well
            "[tool.exambank]\nrules.absolute-terms.terms = []\n",
            (
                5,
                30,
                "option 'terms' of absolute-terms is an empty list, which matches nothing",
                None,
            ),
        ),
        (
            '[tool.exambank.rules.word-repeat]\nignore = ["Lambda", " "]\n',
            (
                5,
                10,
                "option 'ignore' of word-repeat has an empty item, \" \", which matches nothing",
                "remove it from the list",
            ),
        ),
        (
            "[tool.exambank.rules.answer-key-balance]\nmin_question = 3\n",
            (5, 1, "unknown setting 'min_question' for rule answer-key-balance", None),
        ),
        (
            '[tool.exambank.rules.answer-key-balance]\np_value = "0.01"\n',
            (5, 11, "option 'p_value' of answer-key-balance must be a number, not \"0.01\"", None),
        ),
        (
            "[tool.exambank.rules.answer-key-balance]\nmin_questions = 2.5\n",
            (5, 17, "option 'min_questions' of answer-key-balance must be a whole number", None),
        ),
        (
            "[tool.exambank.rules.answer-key-balance]\nmin_questions = true\n",
            (5, 17, "option 'min_questions' of answer-key-balance must be a whole number", None),
        ),
        (
            "[tool.exambank]\nrules.answer-count.severity = 3\n",
            (5, 31, "severity of answer-count is 3", "use one of: error, warning, off"),
        ),
        (
            '[tool.exambank.rules]\nanswer-count = "off"\n',
            (5, 16, "rules.answer-count must be a table", None),
        ),
        (
            "[tool.exambank]\nmax-file-bytes = -1\n",
            (5, 18, "'max-file-bytes' must be above 0, not -1", MAX_FILE_BYTES_HINT),
        ),
        (
            "[tool.exambank]\nmax-file-bytes = 0\n",
            (5, 18, "'max-file-bytes' must be above 0, not 0", MAX_FILE_BYTES_HINT),
        ),
        (
            '[tool.exambank]\nmax-file-bytes = "5 MB"\n',
            (5, 18, "'max-file-bytes' must be a whole number, not \"5 MB\"", MAX_FILE_BYTES_HINT),
        ),
        (
            "[tool.exambank]\nmax-file-bytes = 5e6\n",
            (5, 18, "'max-file-bytes' must be a whole number, not 5000000.0", None),
        ),
        (
            "[tool.exambank]\nmax-file-bytes = true\n",
            (5, 18, "'max-file-bytes' must be a whole number, not true", None),
        ),
        (
            '[tool.exambank]\npaper = "legal"\n',
            (5, 9, '\'paper\' must be "a4" or "letter", not "legal"', PAPER_HINT),
        ),
        (
            '[tool.exambank]\npaper = "leter"\n',
            (5, 9, '\'paper\' must be "a4" or "letter"', "did you mean 'letter'?"),
        ),
        (
            "[tool.exambank]\npaper = 11\n",
            (5, 9, '\'paper\' must be "a4" or "letter", not 11', PAPER_HINT),
        ),
        (
            '[tool.exambank]\nstudent-key = "seperate"\n',
            (5, 15, STUDENT_KEY_MUST + '"seperate"', "did you mean 'separate'?"),
        ),
        (
            '[tool.exambank]\nstudent-key = "appendix"\n',
            (5, 15, STUDENT_KEY_MUST + '"appendix"', STUDENT_KEY_HINT),
        ),
        (
            "[tool.exambank]\nstudent-key = false\n",
            (5, 15, STUDENT_KEY_MUST + "false", STUDENT_KEY_HINT),
        ),
        (
            '[tool.exambank]\nanswer-sheet = "yes"\n',
            (5, 16, "'answer-sheet' must be true or false, not \"yes\"", ANSWER_SHEET_HINT),
        ),
        (
            "[tool.exambank]\nanswer-sheet = 1\n",
            (5, 16, "'answer-sheet' must be true or false, not 1", ANSWER_SHEET_HINT),
        ),
        (
            '[tool.exambank]\nsections = "compact"\n',
            (5, 12, '\'sections\' must be "new-page" or "run-on", not "compact"', SECTIONS_HINT),
        ),
        (
            '[tool.exambank]\nsections = "runon"\n',
            (5, 12, '\'sections\' must be "new-page" or "run-on"', "did you mean 'run-on'?"),
        ),
        (
            "[tool.exambank]\nsections = true\n",
            (5, 12, '\'sections\' must be "new-page" or "run-on", not true', SECTIONS_HINT),
        ),
        (
            "[tool.exambank]\nlarge-print-size = 14\n",
            (5, 20, LARGE_PRINT_SIZE_MUST + "14", LARGE_PRINT_SIZE_HINT),
        ),
        (
            "[tool.exambank]\nlarge-print-size = 25\n",
            (5, 20, LARGE_PRINT_SIZE_MUST + "25", LARGE_PRINT_SIZE_HINT),
        ),
        (
            "[tool.exambank]\nlarge-print-size = 17.5\n",
            (5, 20, LARGE_PRINT_SIZE_MUST + "17.5", LARGE_PRINT_SIZE_HINT),
        ),
        (
            '[tool.exambank]\nlarge-print-size = "18"\n',
            (5, 20, LARGE_PRINT_SIZE_MUST + '"18"', LARGE_PRINT_SIZE_HINT),
        ),
        (
            "[tool.exambank]\nlarge-print-size = true\n",
            (5, 20, LARGE_PRINT_SIZE_MUST + "true", LARGE_PRINT_SIZE_HINT),
        ),
    ],
)
def test_each_config_mistake_is_located_and_explained(
    tmp_path: Path, table: str, expected: tuple[int, int, str, str | None]
) -> None:
    [(line, column, message, hint)] = config_problems(tmp_path, table)
    assert (line, column) == expected[:2]
    assert message.startswith(expected[2])
    if expected[3] is not None:
        assert hint == expected[3]


def test_paper_sets_the_handouts_paper_size(tmp_path: Path) -> None:
    assert pyproject.read(write_pyproject(tmp_path, "[tool.exambank]\n")).paper is None
    table = '[tool.exambank]\npaper = "letter"\n'
    assert pyproject.read(write_pyproject(tmp_path, table)).paper == "letter"


@pytest.mark.parametrize(
    ("table", "student_key", "answer_sheet"),
    [
        ("", None, None),  # the command line's defaults: the key at the end, no sheet
        ('student-key = "separate"\nanswer-sheet = true\n', "separate", True),
        ('student-key = "None"\nanswer-sheet = false\n', "none", False),  # as typed on a CLI
    ],
)
def test_student_key_and_answer_sheet_set_what_a_build_prints(
    tmp_path: Path, table: str, student_key: str | None, answer_sheet: bool | None
) -> None:
    config = pyproject.read(write_pyproject(tmp_path, f"[tool.exambank]\n{table}"))
    assert (config.student_key, config.answer_sheet) == (student_key, answer_sheet)


def test_sections_sets_where_the_handouts_sections_start(tmp_path: Path) -> None:
    assert pyproject.read(write_pyproject(tmp_path, "[tool.exambank]\n")).sections is None
    table = '[tool.exambank]\nsections = "run-on"\n'
    assert pyproject.read(write_pyproject(tmp_path, table)).sections == "run-on"


def test_large_print_size_sets_the_size_of_large_print(tmp_path: Path) -> None:
    assert pyproject.read(write_pyproject(tmp_path, "[tool.exambank]\n")).large_print_size is None
    table = "[tool.exambank]\nlarge-print-size = 18\n"
    assert pyproject.read(write_pyproject(tmp_path, table)).large_print_size == 18


@pytest.mark.parametrize("size", [19, 20, 22, 24])
def test_large_print_size_takes_the_20_to_24_pt_of_modified_large_print(
    tmp_path: Path, size: int
) -> None:
    # UKAAF's modified large print and RNIB: 20 to 24 pt for many readers with low vision
    table = f"[tool.exambank]\nlarge-print-size = {size}\n"
    assert pyproject.read(write_pyproject(tmp_path, table)).large_print_size == size


def test_max_file_bytes_sets_the_size_limit_in_bytes(tmp_path: Path) -> None:
    assert pyproject.read(write_pyproject(tmp_path, "[tool.exambank]\n")).max_file_bytes == (
        5_000_000
    )
    table = "[tool.exambank]\nmax-file-bytes = 20_000_000\n"
    assert pyproject.read(write_pyproject(tmp_path, table)).max_file_bytes == 20_000_000


def test_every_mistake_is_reported_at_once(tmp_path: Path) -> None:
    problems = config_problems(
        tmp_path,
        '[tool.exambank]\nselct = []\nignore = ["x-rule", "schema"]\n',
    )
    assert [problem[:2] for problem in problems] == [(5, 1), (6, 11), (6, 21)]


def test_toml_syntax_error_is_located(tmp_path: Path) -> None:
    [(line, column, message, _)] = config_problems(tmp_path, "[tool.exambank]\nselect = [}\n")
    assert (line, message) == (5, "not valid TOML: } is not a TOML value") and column > 1


def test_explicit_config_file_without_the_table_is_an_error(tmp_path: Path) -> None:
    path = write_pyproject(tmp_path, "[tool.ruff]\n")
    with pytest.raises(ConfigError, match=r"has no \[tool.exambank\] table"):
        pyproject.load(explicit=path)


# A U+2028 in a comment is no line break to TOML or an editor: the position holds.
@pytest.mark.parametrize("header", ["[tool.exambank]", "[tool.exambank]  # note \u2028 here"])
def test_cli_reports_config_mistakes_with_exit_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    header: str,
) -> None:
    bad_bank(tmp_path)
    write_pyproject(tmp_path, f'{header}\nignore = ["answer-cont"]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["lint"]) == 2
    output = capsys.readouterr()
    assert output.out == ""
    assert "pyproject.toml:5:11: error config unknown rule 'answer-cont'" in output.err
    assert "hint: did you mean 'answer-count'?" in output.err
    assert "nothing was checked" in output.err


@pytest.mark.parametrize("format_name", ["json", "github", "sarif"])
def test_config_mistakes_reach_the_report_a_tool_reads(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    format_name: str,
) -> None:
    bad_bank(tmp_path)
    write_pyproject(tmp_path, '[tool.exambank]\nignore = ["answer-cont"]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "--format", format_name]) == 2
    output = capsys.readouterr()
    assert "nothing was checked" in output.err
    if format_name == "github":
        assert output.out.startswith("::error file=pyproject.toml,line=5,col=11")
    else:
        report = json.loads(output.out)
        assert "unknown rule 'answer-cont'" in json.dumps(report)
        assert "pyproject.toml" in json.dumps(report)


def test_cli_reads_the_pyproject_of_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad_bank(tmp_path)
    write_pyproject(tmp_path, '[tool.exambank]\nignore = ["answer-not-in-options"]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "--format", "json"]) == 1
    assert "answer-not-in-options" not in capsys.readouterr().out
    assert main(["lint", "--config", str(tmp_path / "missing.toml")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_cli_select_and_ignore_override_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad_bank(tmp_path)
    write_pyproject(
        tmp_path, f'[tool.exambank]\nselect = {TWO_RULES}\nignore = ["answer-not-in-options"]\n'
    )
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "--select", "answer-not-in-options,answer-count"]) == 1
    assert "answer-not-in-options" in capsys.readouterr().out
    assert main(["lint", "--ignore", "answer-count", "--ignore", "answer-not-in-options"]) == 0
    assert capsys.readouterr().out == "No problems found.\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--select", "answer-cont"], "unknown rule 'answer-cont'; did you mean 'answer-count'?"),
        (["--ignore", "encoding"], "rule 'encoding' cannot be turned off"),
        (["--select", "answer-count,"], "empty rule name"),
        (["--select", "all"], "unknown rule 'all'; did you mean 'ALL'?"),
    ],
)
def test_cli_rejects_bad_rule_lists(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["lint", *argv])
    assert stop.value.code == 2
    assert message in capsys.readouterr().err


def test_strict_fails_on_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_bank(tmp_path / "b", {"01-main.yaml": section_yaml(BAD)})
    demoted = ["--select", "answer-count"]
    assert main(["lint", str(root), *demoted]) == 1
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.exambank.rules.answer-count]\nseverity = "warning"\n')
    assert main(["lint", str(root), *demoted, "--config", str(config)]) == 0
    assert main(["lint", str(root), *demoted, "--config", str(config), "--strict"]) == 1
    assert "0 errors, 1 warning." in capsys.readouterr().out


def test_extend_select_turns_on_an_opt_in_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(RULES["answer-count"], "enabled_by_default", False)
    assert "answer-count" not in Config().select
    config = pyproject.read(
        write_pyproject(tmp_path, '[tool.exambank]\nextend-select = ["answer-count"]\n')
    )
    assert config.select == Config().select | {"answer-count"}


def test_all_names_every_rule_in_the_file_and_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reviewer trying the rules that are off by default turns them all on at once."""
    off = {name for name, rule in RULES.items() if not rule.enabled_by_default}
    assert off  # else ALL would mean no more than the defaults
    config = pyproject.read(write_pyproject(tmp_path, '[tool.exambank]\nselect = ["ALL"]\n'))
    assert config.select == set(RULES)
    config = pyproject.read(write_pyproject(tmp_path, '[tool.exambank]\nextend-select = ["ALL"]\n'))
    assert config.select == set(RULES)
    bad_bank(tmp_path)
    (tmp_path / "pyproject.toml").unlink()
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "--select", "ALL", "--format", "json"]) == 1
    found = {item["rule"] for item in json.loads(capsys.readouterr().out)}
    assert {"answer-count", "answer-not-in-options"} <= found
    assert main(["lint", "--ignore", "ALL"]) == 0
    assert capsys.readouterr().out == "No problems found.\n"
    # what cannot be turned off is still reported: nothing can be checked in its place
    (tmp_path / "bank" / "b" / "01-main.yaml").write_text("id: main\nquestions: [\n")
    assert main(["lint", "--ignore", "ALL", "--format", "json"]) == 1
    assert {item["rule"] for item in json.loads(capsys.readouterr().out)} == {"yaml-syntax"}


@pytest.mark.parametrize(
    ("table", "at", "mend"),
    [
        ("select = []\n", "5:10", "list the rules to run in select"),
        ('ignore = ["ALL"]\n', "5:10", "take rules out of ignore"),
        # the file's select loses to its own severity "off" and ignore, as ruff's select
        # to its ignore; the command line's --select wins over both (below)
        (
            'select = ["answer-count"]\n[tool.exambank.rules.answer-count]\nseverity = "off"\n',
            "5:10",
            'every rule select names is turned off by ignore or severity = "off", which win '
            'over select: take them out of ignore, or drop their severity = "off"',
        ),
        (
            'select = ["answer-count"]\nignore = ["answer-count"]\n',
            "5:10",
            'every rule select names is turned off by ignore or severity = "off"',
        ),
    ],
)
def test_a_configuration_that_selects_no_rule_is_noted(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    table: str,
    at: str,
    mend: str,
) -> None:
    """ "No problems found" alone would read as a clean bank, where nothing was checked
    but that the files can be read."""
    bad_bank(tmp_path)
    write_pyproject(tmp_path, "[tool.exambank]\n" + table)
    monkeypatch.chdir(tmp_path)
    assert main(["lint"]) == 0
    note, summary = capsys.readouterr().out.splitlines()
    assert note.startswith(
        f"pyproject.toml:{at}: note no rule is selected, so only the checks that cannot be "
        "switched off ran (yaml-syntax, encoding, file-size, duplicate-key, schema, "
        f"duplicate-id, control-character): {mend}"
    )
    assert summary == "No problems found."
    assert main(["lint", "--select", "answer-count"]) == 1  # the command line chose rules
    assert " note " not in capsys.readouterr().out


def test_lint_help_says_its_select_runs_rules_the_file_turns_off(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["lint", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert (
        "--select RULES run only these rules (comma-separated) instead of the configured ones, "
        'even those the configuration turns off (ignore, severity = "off"); per-file-ignores '
        "still apply"
    ) in shown


def test_list_options_are_taken_without_the_spaces_around_their_items(tmp_path: Path) -> None:
    table = '[tool.exambank.rules.absolute-terms]\nterms = [" Always ", "under any case "]\n'
    config = pyproject.read(write_pyproject(tmp_path, table))
    assert config.options_for("absolute-terms")["terms"] == ["Always", "under any case"]


def readme_config_section() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return readme.split("## Configuration, suppressions and CI", 1)[1].split("\n## ", 1)[0]


def test_the_readme_example_configuration_is_valid(tmp_path: Path) -> None:
    [example] = re.findall(r"```toml\n(.*?)```", readme_config_section(), re.S)
    config = pyproject.read(write_pyproject(tmp_path, example))
    assert "true-false-options" not in config.select
    assert config.severity["answer-key-balance"] == "error"


def test_the_readme_example_suppression_works(
    lint_questions: Callable[..., list[Diagnostic]],
) -> None:
    [example] = re.findall(r"```yaml\n  - (id: .*?)```", readme_config_section(), re.S)
    question = textwrap.dedent("    " + example)
    unsuppressed = question.split("lint:")[0]
    rest = "answer: D\nexplanation: All three are governance tools.\n"
    assert "all-of-the-above" in rules_of(lint_questions(unsuppressed + rest))
    found = rules_of(lint_questions(question + rest))
    assert found & {"all-of-the-above", "unused-suppression"} == set()


def test_a_pyproject_that_is_not_utf8_is_located_at_the_bad_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad_bank(tmp_path)
    (tmp_path / "pyproject.toml").write_bytes(b'[tool.exambank]\nselect = ["caf\xe9"]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "bank", "--format", "json"]) == 2
    [found] = json.loads(capsys.readouterr().out)
    assert (found["path"], found["line"], found["column"]) == ("pyproject.toml", 2, 15)
    assert found["rule"] == "config" and "byte 0xe9 is not valid UTF-8" in found["message"]


@pytest.mark.parametrize(
    "content",
    [
        b"[project\nname = 'other'\n",
        b"[project]\nname = 'caf\xe9'\n",
        "[project]\nname = 'other'\n".encode("utf-16"),  # of another tool: not refused
    ],
)
def test_another_project_s_broken_pyproject_above_the_bank_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], content
) -> None:
    (tmp_path / "pyproject.toml").write_bytes(content)  # no word of exambank in it
    bad_bank(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["lint"]) == 1  # the bank's own errors, with the default configuration
    assert "pyproject.toml" not in capsys.readouterr().err


def test_build_takes_the_config_lint_was_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A CI job that gates with ``lint --config ci.toml`` builds with the same rules."""
    flawed = QUESTION.replace("D: Amazon Bedrock", "D: All of the above")
    write_bank(tmp_path / "bank" / "b", {"01-main.yaml": section_yaml(flawed)})
    (tmp_path / "ci").mkdir()
    strict = write_pyproject(
        tmp_path / "ci", '[tool.exambank.rules.all-of-the-above]\nseverity = "error"\n'
    )
    monkeypatch.chdir(tmp_path)
    out = ["--out", str(tmp_path / "dist"), "--only", "json"]
    assert main(["build", "--config", str(strict), *out]) == 1
    assert "nothing built" in capsys.readouterr().err
    assert not (tmp_path / "dist").exists()
    assert main(["build", *out]) == 0  # without it, all-of-the-above is a warning


def test_a_mistake_below_a_header_of_many_dotted_parts_is_located(tmp_path: Path) -> None:
    """A header is located by its first parts (all of them are not kept: 10,000 parts kept
    50 million prefixes), so a deep one is still found at its line."""
    deep = ".".join(["x"] * 40)
    problems = config_problems(
        tmp_path, f"[tool.exambank]\nselect = []\n[tool.exambank.rules.answer-count.{deep}]\n"
    )
    assert [problem[:3] for problem in problems] == [
        (6, 35, "unknown setting 'x' for rule answer-count")
    ]
