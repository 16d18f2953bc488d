"""exambank stats, what the report says beyond the counts: files it could not count,
questions it leaves out, p-values in words (and none on too little data), chart labels,
the worst-questions table, the JSON's shape and the PDF's title."""

import io
import json
import re
from html import escape
from math import comb

import pytest

from exambank.cli import main
from exambank.config import Config
from exambank.lint import lint
from exambank.stats import bank_stats
from exambank.stats_html import render_html
from exambank.stats_text import render_text
from tests.conftest import SEED_BANK, section_yaml, write_bank
from tests.rules.item_writing import SERVICES, question

NOT_COUNTED = "its questions are not counted"


def two_sections(tmp_path, second: str | bytes):
    """A bank whose manifest lists a readable section and ``second``."""
    first = section_yaml(question("a-q1"), section_id="a")
    return write_bank(tmp_path / "bank", {"01-a.yaml": first, "02-b.yaml": second})


def json_report(capsys, *arguments: str):
    assert main(["stats", *arguments, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("second", "rule", "where"),
    [
        ("id: b\ntitle: B\nquestions:\n  - id: b-q1\n   stem: x\n", "yaml-syntax", (5, 4)),
        (b"id: b\ntitle: \xff\n", "encoding", (2, 8)),
        ("- a list\n", "schema", (1, 1)),
    ],
)
def test_a_section_file_lint_could_not_read_is_named_in_every_format(
    tmp_path, capsys, second, rule, where
):
    root = two_sections(tmp_path, second)
    [stats] = bank_stats(lint([root]))
    assert stats.questions == 1
    path = str(root / "02-b.yaml")
    line, column = where
    said = f"could not be read ({rule} at {line}:{column}), {NOT_COUNTED}"
    text = render_text([stats])
    assert f"\n{path}: {said}\n" in text
    # Review s34 #6: the section stays in the table, its count unknown, its finding its own.
    assert (
        "\n  a     1 question      0 findings\n"
        f"  b     ? questions     1 finding; not read ({rule} at {line}:{column})\n" in text
    )
    page = render_html([stats])
    assert f'<p class="unread">02-b.yaml: {said}.</p>' in page
    assert (
        f'<tr><td><span class="whole">b</span></td><td class="unread">not read ({rule} at '
        f'{line}:{column})</td><td class="n">?</td><td class="n">?</td><td class="n">1</td></tr>'
        in page
    )
    [data] = json_report(capsys, str(root))
    assert data["unread"] == [
        {"path": path, "file": "02-b.yaml", "rule": rule, "line": line, "column": column}
    ]
    assert data["sections"][1] == {
        "id": "b",
        "title": None,
        "path": path,
        "questions": None,
        "findings": {rule: 1},
        "questions_with_findings": None,
        "total_findings": 1,
    }


def test_a_file_is_named_even_when_its_error_is_ignored(tmp_path):
    root = two_sections(tmp_path, "id: b\ntitle: [B\n")
    config = Config(per_file_ignores={"02-b.yaml": {"yaml-syntax"}}, root=root)
    [stats] = bank_stats(lint([root], config), config)
    assert f"\n{root / '02-b.yaml'}: could not be read, {NOT_COUNTED}\n" in render_text([stats])


def test_a_readable_bank_lists_no_unread_file(tmp_path):
    [stats] = bank_stats(lint([two_sections(tmp_path, section_yaml(section_id="b"))]))
    assert stats.unread == [] and NOT_COUNTED not in render_text([stats])


def flawed_bank(tmp_path, count: int = 14):
    """``count`` questions, each with a "None of the above" option, keyed A, B, C, A ..."""
    questions = [
        question(
            f"q{n}",
            stem=f"Which AWS service is number {n}?",
            options={
                "A": "Amazon S3",
                "B": "AWS Lambda",
                "C": "Amazon EC2",
                "D": "None of the above",
            },
            answer="ABC"[n % 3],
        )
        for n in range(1, count + 1)
    ]
    return write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*questions)})


def test_the_questions_left_out_of_the_worst_list_are_counted(tmp_path, capsys):
    root = flawed_bank(tmp_path)
    [stats] = bank_stats(lint([root]))
    assert stats.questions_with_findings == 14 and len(stats.worst) == 10
    assert "\n  ... and 4 more questions with findings\n" in render_text([stats])
    assert '<p class="note">\u2026 and 4 more questions with findings.</p>' in render_html([stats])
    [data] = json_report(capsys, str(root))
    assert (data["questions_with_findings"], len(data["worst"])) == (14, 10)


def test_worst_sets_how_many_questions_are_listed(tmp_path, capsys):
    root = str(flawed_bank(tmp_path))
    assert len(json_report(capsys, root, "--worst", "0")[0]["worst"]) == 14
    assert len(json_report(capsys, root, "--worst", "3")[0]["worst"]) == 3
    assert main(["stats", root, "--worst", "13"]) == 0
    assert "  ... and 1 more question with findings\n" in capsys.readouterr().out
    assert main(["stats", root, "--worst", "0"]) == 0
    assert "more question" not in capsys.readouterr().out
    assert main(["stats", root, "--worst", "-1"]) == 2
    assert "--worst -1: give 0 (all) or more" in capsys.readouterr().err


def test_answer_runs_are_no_question_s_flaw_and_are_reported_on_their_own(tmp_path, capsys):
    """A key letter in a run is a flaw of the bank's order: relettering any one question
    of the run ends it. The worst questions and the sections count the questions' own."""
    root = keyed_bank(tmp_path, "BBBBB" + "ACDA" + "CCCC")
    [stats] = bank_stats(lint([root]))
    assert stats.findings["answer-run"] == 9
    assert stats.worst == [] and stats.questions_with_findings == 0
    assert stats.sections[0].findings == {}
    text = render_text([stats])
    chance = "a run of 5 or more happens in 3% of random banks this size"
    assert f"\nAnswer runs (4 or more in a row): 2 runs, longest 5 (B); {chance}\n" in text
    assert "Questions with the most findings" not in text
    page = render_html([stats])
    assert f"<p>Answer runs (4 or more in a row): 2 runs, longest 5 (B); {chance}.</p>" in page
    [data] = json_report(capsys, str(root))
    assert data["answer_runs"] == {
        "min_run": 4,
        "runs": [
            {"letter": "B", "length": 5, "first": "q1", "last": "q5"},
            {"letter": "C", "length": 4, "first": "q10", "last": "q13"},
        ],
        "longest_chance": pytest.approx(0.0272465),
        # 12 pairs, 7 of them repeats (B 4 times, C 3): 7 or more of 12 trials of 1/4.
        "repeats": {
            "pairs": 12,
            "repeats": 7,
            "expected": 3.0,
            "fewer_p": pytest.approx(
                sum(comb(12, k) * 0.25**k * 0.75 ** (12 - k) for k in range(8))
            ),
            "more_p": pytest.approx(
                sum(comb(12, k) * 0.25**k * 0.75 ** (12 - k) for k in range(7, 13))
            ),
            "min_questions": 20,
            "rule_threshold": 0.001,
        },
    }
    assert "The key repeats the letter of the question before it in 7 of 12 pairs" in text
    options = {"answer-run": {"min_run": 5}}
    [stats] = bank_stats(lint([root], Config(rule_options=options)), Config(rule_options=options))
    assert f"Answer runs (5 or more in a row): 1 run, longest 5 (B); {chance}" in render_text(
        [stats]
    )


# Four AWS services, A visibly the longest (by 3 characters and 10% or more).
LONG_A = {**SERVICES, "A": "Amazon SageMaker Studio"}


def keyed_bank(tmp_path, keys: str, options=None):
    """One section whose single-answer questions have the key letters ``keys``."""
    questions = [
        question(f"q{n}", stem=f"Which AWS service is number {n}?", options=options, answer=key)
        for n, key in enumerate(keys, start=1)
    ]
    return write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*questions)})


def test_too_few_questions_get_no_p_value(tmp_path, capsys):
    root = keyed_bank(tmp_path, "B", LONG_A)
    text = render_text(bank_stats(lint([root])))
    assert "Key letters (1 single-answer question; expected if even)" in text
    assert (
        "  too few single-answer questions (1) to test the spread; "
        "answer-key-balance tests from 8\n" in text
    )
    assert "too few questions (1) to test the rate; longest-option-key tests banks of 20" in text
    assert " p = " not in text and " p = " not in render_html(bank_stats(lint([root])))
    [data] = json_report(capsys, str(root))
    assert data["keys"]["p_value"] is None and data["longest_key"]["longest"]["p_value"] is None
    assert (data["keys"]["min_questions"], data["longest_key"]["min_questions"]) == (8, 20)
    assert data["keys"]["test"] is None


def test_the_tests_follow_the_rules_min_questions(tmp_path):
    root = keyed_bank(tmp_path, "ABAB" * 3, LONG_A)  # 3 keys expected per letter
    options = {"answer-key-balance": {"min_questions": 12}}
    [stats] = bank_stats(lint([root]), Config(rule_options=options))
    assert stats.keys.p_value is not None and stats.longest_key.longest.p_value is None
    options = {
        "longest-option-key": {"min_questions": 12},
        "answer-key-balance": {"min_questions": 13},
    }
    [stats] = bank_stats(lint([root]), Config(rule_options=options))
    assert stats.keys.p_value is None and stats.longest_key.longest.p_value is not None


@pytest.mark.parametrize(
    ("keys", "verdict"),
    [
        ("ABCD" * 5, "exact p = 1: nothing unusual"),
        (
            "A" * 11 + "BBBCCCDDD",
            "exact p = 0.022: chance gives this about once in 45 banks; worth "
            "watching (answer-key-balance reports below p = 0.001)",
        ),
        (
            "B" * 20,
            "exact p = 3.6e-12: a spread this uneven almost never happens by "
            "chance; reletter options (exambank build --shuffle SEED prints shuffled handouts) "
            "or rewrite keys",
        ),
        # Above 30 questions, the chi-square distribution.
        ("ABCD" * 10, "chi-square 0.0, df 3, p = 1: nothing unusual"),
        (
            "B" * 40,
            "chi-square 120.0, df 3, p = 7.7e-26: a spread this uneven almost never happens by "
            "chance; reletter options (exambank build --shuffle SEED prints shuffled handouts) "
            "or rewrite keys",
        ),
    ],
)
def test_each_p_value_is_said_in_words(tmp_path, keys, verdict):
    [stats] = bank_stats(lint([keyed_bank(tmp_path, keys)]))
    assert f"\n  {verdict}\n" in render_text([stats])
    assert verdict[1:] in render_html([stats])


def test_a_lenient_threshold_does_not_make_a_common_result_rare(tmp_path):
    """The words follow the p-value: set to report below 0.06, a p of 0.022 is reported,
    and said to come about once in 45 banks, not to almost never happen by chance."""
    options = {"answer-key-balance": {"p_value": 0.06}}
    [stats] = bank_stats(
        lint([keyed_bank(tmp_path, "A" * 11 + "BBBCCCDDD")]), Config(rule_options=options)
    )
    text = render_text([stats])
    assert (
        "\n  exact p = 0.022: chance gives this about once in 45 banks, and "
        "answer-key-balance reports below p = 0.06; reletter options (exambank build "
        "--shuffle SEED prints shuffled handouts) or rewrite keys\n" in text
    )
    assert "almost never" not in text


def test_the_longest_key_rate_is_said_in_words():
    text = render_text(bank_stats(lint([SEED_BANK])))
    assert (
        "\n  exact p = 1.2e-11: a key this often the longest almost never happens by "
        "chance; trim the keys or lengthen the distractors\n" in text
    )


def test_effect_sizes_say_what_a_test_wise_guess_scores(tmp_path, capsys):
    """The score of always answering the commonest letter, beside what a random key's
    commonest letter scores (a random key has a commonest letter too), and of always
    picking the longest option, beside a guess at random: what a writer can weigh."""
    text = render_text(bank_stats(lint([SEED_BANK])))
    commonest = (
        "always answering B scores 73%; a random key's commonest letter would score about 32%"
    )
    assert f"\n  {commonest}\n" in text
    assert "\n  always picking the longest option scores 58%; a random guess 25%\n" in text
    [data] = json_report(capsys, str(SEED_BANK))
    keys, longest = data["keys"], data["longest_key"]
    assert (keys["commonest"], keys["commonest_score"]) == ("B", 40 / 55)
    assert keys["commonest_chance_score"] == pytest.approx(0.3195, abs=5e-5)
    assert keys["test"] == "chi-square"
    assert (keys["chi_square"], keys["degrees"], keys["pooled"]) == (
        pytest.approx(72.2, abs=0.05),
        3,
        [],
    )
    assert longest["longest_score"] == pytest.approx(0.58, abs=0.005)
    assert longest["chance_score"] == 0.25 and longest["left_out"] == 0
    page = render_html(bank_stats(lint([SEED_BANK])))
    assert escape(f"A{commonest[1:]}.") in page
    assert "Always picking the longest option scores 58%; a random guess 25%." in page


def test_letters_expected_less_than_once_are_pooled_and_named(tmp_path, capsys):
    """The chi-square distribution is no guide where a letter expects less than one key
    (Cochran's rule): such a letter counts as one with its neighbour, and every format
    says so. The letters are tested within each option count: the one five-option
    question's pool into one group, which adds nothing to the four-option ones' test."""
    five = {x: f"option {x}" for x in "ABCDE"}
    questions = [
        question(f"q{n}", stem=f"Which AWS service is number {n}?", answer="ABCDAB"[n % 6])
        for n in range(1, 40)  # above 30: the chi-square distribution
    ] + [question("q40", stem="Which service is number 40?", options=five, answer="A")]
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*questions)})
    [stats] = bank_stats(lint([root]))
    keys = stats.keys
    assert keys.expected["E"] == pytest.approx(0.2) and keys.expected["D"] == pytest.approx(9.95)
    four, one_five = keys.strata
    assert (keys.pooled, keys.degrees, one_five.pooled) == ([], 3, [list("ABCDE")])
    assert one_five.p_value is None and four.pooled == []
    statistic = sum((o - 39 / 4) ** 2 / (39 / 4) for o in four.observed.values())
    assert keys.chi_square == pytest.approx(statistic) == four.chi_square
    said = (
        "5-option question (1): A 1, B 0, C 0, D 0, E 0, "
        "A-E pooled as each expects less than one key; too few keys to test"
    )
    text = render_text([stats]).splitlines()
    assert f"  {said}" in text
    assert f"  chi-square {statistic:.1f}, df 3, p = {keys.p_value:.2g} " in "\n".join(text)
    assert said in render_html([stats])
    [data] = json_report(capsys, str(root))
    assert data["keys"]["strata"][1]["pooled"] == [list("ABCDE")] and data["schema_version"] == 8
    assert data["keys"]["test"] == "chi-square"


def test_keys_too_few_to_pool_into_two_groups_are_not_tested(tmp_path):
    """One question expects a third of a key a letter: pooled, one group is left. (Its
    options skip C, so the exact test, which takes them lettered from A, leaves it to the
    chi-square distribution.)"""
    gap = {"A": "Amazon SageMaker", "B": "AWS Lambda", "D": "Amazon Bedrock"}
    questions = [question("q1", stem="Which AWS service is number 1?", options=gap)]
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(*questions)})
    config = Config(rule_options={"answer-key-balance": {"min_questions": 1}})
    result = lint([root], config)
    assert not [d for d in result.diagnostics if d.rule == "answer-key-balance"]
    [stats] = bank_stats(result, config)
    assert stats.keys.p_value is None and stats.keys.pooled == [["A", "B", "D"]]
    assert (
        "\n  too few keys to test: pooling letters until each expects one key leaves one group\n"
        in render_text([stats])
    )


def long_names(tmp_path):
    ids = ["nominative-sheets-separateanswersheet", "s00-radio-frequency-interference-" * 2 + "x"]
    files = {
        f"0{n}-{sid}.yaml": section_yaml(
            question(f"q{n}", stem=f"Which AWS service is number {n}?"), section_id=sid
        )
        for n, sid in enumerate(ids, start=1)
    }
    return ids, render_html(bank_stats(lint([write_bank(tmp_path / "bank", files)])))


def test_chart_labels_fit_whole_up_to_a_limit(tmp_path):
    [fits, _], page = long_names(tmp_path)
    chart = page[page.index("<h2>Findings per section") :].split("</svg>", 1)[0]
    [(x, label)] = re.findall(r'<text x="([\d.]+)" y="16" text-anchor="end">([^<]*)<', chart)
    assert label == fits
    assert float(x) >= len(fits) * 0.6 * 13  # room for the widest sans serif's letters


def test_too_long_a_label_is_cut_in_the_middle_and_named_in_full(tmp_path):
    [_, too_long], page = long_names(tmp_path)
    chart = page[page.index("<h2>Findings per section") :].split("</svg>", 1)[0]
    shown = re.findall(r'text-anchor="end">([^<]*)<', chart)[1]
    start, end = shown.split("\u2026")
    assert too_long.startswith(start) and too_long.endswith(end)
    assert len(start) >= 15 and len(end) >= 15 and len(shown) < len(too_long)
    assert f"<g><title>{too_long}: 0</title>" in chart


def test_worst_table_shows_where_in_the_bank_folder_and_keeps_names_whole(tmp_path):
    root = flawed_bank(tmp_path, 1)
    page = render_html(bank_stats(lint([root])))
    table = page[page.index("<h2>Questions with the most findings") :]
    assert str(root) not in table
    assert '<td>01-main.yaml<span class="whole">:4</span></td>' in table
    assert '<td><span class="whole">none-of-the-above</span></td>' in table
    assert '<th class="n">Findings</th>' in table and "th.n { text-align: right; }" in page
    assert '<td><span class="whole">q1</span></td>' in table


def test_json_counts_each_question_s_findings_per_rule(tmp_path, capsys):
    twice = question("q1", difficulty="Hard", tags="not-a-list")
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(twice)})
    [data] = json_report(capsys, str(root))
    assert data["schema_version"] == 8 and next(iter(data)) == "schema_version"
    [worst] = data["worst"]
    assert worst["rules"] == {"schema": 2} and worst["total_findings"] == 2
    assert "q1  2: schema x2" in render_text(bank_stats(lint([root])))


def test_json_tests_nothing_without_single_answer_questions(tmp_path, capsys):
    multiple = question("q1", stem="Which two? (Select TWO.)", answer=["A", "B"])
    root = write_bank(tmp_path / "bank", {"01-main.yaml": section_yaml(multiple)})
    [data] = json_report(capsys, str(root))
    assert data["keys"]["p_value"] is None and data["longest_key"]["longest"]["p_value"] is None
    assert isinstance(data["longest_key"]["longest"]["chance"], float)
    assert isinstance(data["longest_key"]["shortest"]["chance"], float)


def test_the_report_says_the_keys_of_multiple_answer_questions_go_untested(tmp_path):
    """Review s24 (psychometrics) #8: a bank keyed [A, B] throughout said only "no
    single-answer questions", as if its keys had been looked at."""
    said = "the keys of the 2 multiple-answer questions are not tested"
    multiple = [
        question(f"q{n}", stem="Which two? (Select TWO.)", answer=["A", "B"]) for n in (1, 2)
    ]
    mixed = write_bank(
        tmp_path / "mixed", {"01-main.yaml": section_yaml(question("q0"), *multiple)}
    )
    stats = bank_stats(lint([mixed]))
    assert said.capitalize() in render_text(stats)
    assert said.capitalize() in render_html(stats)
    single = write_bank(tmp_path / "single", {"01-main.yaml": section_yaml(question("q0"))})
    assert "multiple-answer" not in render_text(bank_stats(lint([single])))


def test_the_pdf_is_titled_after_the_banks(tmp_path, capsys):
    from pypdf import PdfReader

    one = write_bank(tmp_path / "one", {"01-a.yaml": section_yaml(question(), section_id="a")})
    manifest = "id: two\ntitle: Part -- Two\nsections: [a]\n"
    two = write_bank(
        tmp_path / "two", {"01-a.yaml": section_yaml(question(), section_id="a")}, manifest
    )
    out = tmp_path / "r.pdf"
    assert main(["stats", str(two), "--format", "html", "--out", str(out)]) == 0
    assert PdfReader(io.BytesIO(out.read_bytes())).metadata.title == (
        "Part \u2013 Two \u2013 statistics"  # one dash style (review s21 print #11)
    )
    page = render_html(bank_stats(lint([one, two])))
    assert "<title>Test bank and 1 more \u2013 statistics</title>" in page


def test_charts_are_named_with_their_numbers(tmp_path):
    page = render_html(bank_stats(lint([keyed_bank(tmp_path, "BBBB")])))
    # one run of four: one cause, not four (review s24, psychometrics #9)
    named = "findings per rule, answer runs counted once a run: answer-run (runs) 1"
    assert f'aria-label="{named}"' in page
    assert f"<title>{named}</title>" in page
    assert 'aria-label="key letters of 4 single-answer questions: A 0 (even: 1.0), B 4' in page


def test_json_writes_other_scripts_as_they_are(tmp_path, capsys):
    """A Russian bank's report reads in an editor, as `lint --format json` does."""
    section = section_yaml(question("a-q1"), section_id="a").replace("title: Main", "title: Основы")
    root = write_bank(tmp_path / "bank", {"01-a.yaml": section})
    assert main(["stats", str(root), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert "Основы" in out and "\\u" not in out
    assert json.loads(out)[0]["sections"][0]["title"] == "Основы"
