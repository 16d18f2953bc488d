"""exambank stats: counts from a lint run, as text, JSON, HTML with SVG charts, and PDF."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from exambank import pyproject
from exambank.cli import main
from exambank.config import Config
from exambank.lint import lint
from exambank.stats import bank_stats
from exambank.stats_html import render_html
from exambank.stats_text import render_text
from tests.conftest import REPO, SEED_BANK, embedded_fonts, section_yaml, write_bank
from tests.rules.item_writing import SERVICES, question


def small_bank(tmp_path):
    """Two sections: one clean question, and one with 'All of the above' and a long key."""
    flawed = question(
        "b-q1",
        stem="Which AWS service hosts ML endpoints?",
        options={
            **SERVICES,
            "A": "A managed service that trains, tunes and deploys models",
            "D": "All of the above",
        },
        difficulty="hard",
    )
    return write_bank(
        tmp_path / "bank",
        {
            "01-a.yaml": section_yaml(question("a-q1"), section_id="a"),
            "02-b.yaml": section_yaml(
                flawed,
                question(
                    "b-q2", stem="Which two services run code? (Select TWO.)", answer=["B", "C"]
                ),
                section_id="b",
            ),
        },
    )


PER_QUESTION = {"longest-option-key": {"per_question": True}}


def test_counts_come_from_the_lint_result(tmp_path):
    result = lint([small_bank(tmp_path)], Config(rule_options=PER_QUESTION))
    [stats] = bank_stats(result)
    assert stats.questions == 3 and [s.questions for s in stats.sections] == [1, 2]
    assert stats.types == {"single": 2, "multiple": 1}
    assert stats.difficulties == {"unset": 2, "hard": 1}
    assert stats.keys.observed == {"A": 2, "B": 0, "C": 0, "D": 0}
    assert stats.keys.expected == {"A": 0.5, "B": 0.5, "C": 0.5, "D": 0.5}
    assert (stats.longest_key.longest.keys, stats.longest_key.longest.questions) == (1, 1)
    assert stats.findings == dict(Counter(d.rule for d in result.diagnostics).most_common())
    assert stats.sections[0].findings == {}
    assert stats.sections[1].findings["all-of-the-above"] == 1
    [worst] = stats.worst
    assert worst.id == "b-q1" and worst.line == 4
    assert {"all-of-the-above", "longest-option-key"} <= set(worst.rules)


def test_a_difficulty_the_schema_refused_is_counted_invalid_not_unset(tmp_path):
    bank = write_bank(
        tmp_path / "bank",
        {
            "01-a.yaml": section_yaml(
                question("a-q1", difficulty="Hard"),
                question("a-q2", difficulty="easy"),
                question("a-q3"),
                section_id="a",
            )
        },
    )
    result = lint([bank])
    assert any(d.rule == "schema" and d.question == "a-q1" for d in result.diagnostics)
    [stats] = bank_stats(result)
    assert stats.difficulties == {"invalid": 1, "easy": 1, "unset": 1}
    assert "invalid 1" in render_text([stats])


def test_only_configured_rules_are_counted(tmp_path):
    result = lint(
        [small_bank(tmp_path)], Config(select={"longest-option-key"}, rule_options=PER_QUESTION)
    )
    [stats] = bank_stats(result)
    assert stats.findings == {"longest-option-key": 1}


def test_the_seed_bank(tmp_path):
    [stats] = bank_stats(lint([SEED_BANK]))
    assert stats.questions == 55 and {s.questions for s in stats.sections} == {5}
    assert stats.keys.observed["B"] == 40 and stats.keys.p_value < 1e-10
    assert stats.longest_key.longest.keys == 27 and stats.longest_key.longest.p_value < 1e-5
    assert stats.worst == []  # its 28 per-question findings are answer runs: the bank's order
    text = render_text([stats])
    assert "  B    40  (expected 13.8)" in text
    # only the 33 questions with a visibly longest option are tested
    assert (
        "Key is the longest option in 27 of the 33 questions with a visibly longest option "
        "(82%); chance gives 8.2 (25%)" in text
    )
    assert re.search(r"^  inference +5 questions +0 findings$", text, re.MULTILINE)
    assert "Findings: 0 errors, 30 warnings" in text
    assert "55 questions in 11 sections; 0 errors and 30 warnings." in render_html([stats])
    [one] = bank_stats(lint([SEED_BANK], Config(select={"longest-option-key"})))
    assert "Findings: 0 errors, 1 warning\n" in render_text([one])


def test_one_finding_is_one_finding(tmp_path):
    text = render_text(bank_stats(lint([small_bank(tmp_path)])))
    assert re.search(r"^  b +2 questions +1 finding  in 1 question \(50%\)$", text, re.MULTILINE)


def test_html_draws_the_charts_as_inline_svg(tmp_path):
    page = render_html(bank_stats(lint([small_bank(tmp_path)])))
    assert page.count("<svg") == 3 and "<script" not in page and "<link" not in page
    assert ">b-q1<" in page


def test_html_escapes_the_bank_s_text(tmp_path):
    manifest = 'id: test-bank\ntitle: "Q&A <b>bank</b>"\nsections: [a]\n'
    root = write_bank(
        tmp_path / "bank", {"01-a.yaml": section_yaml(question(), section_id="a")}, manifest
    )
    page = render_html(bank_stats(lint([root])))
    assert "<h1>Q&amp;A &lt;b&gt;bank&lt;/b&gt;</h1>" in page


def test_cli_text_and_json(tmp_path, capsys):
    root = small_bank(tmp_path)
    assert main(["stats", str(root)]) == 0
    assert "Test bank (test-bank): 3 questions" in capsys.readouterr().out
    assert main(["stats", str(root), "--format", "json"]) == 0
    [data] = json.loads(capsys.readouterr().out)
    assert data["questions"] == 3 and data["keys"]["observed"]["A"] == 2
    assert data["sections"][1]["total_findings"] == sum(data["sections"][1]["findings"].values())


def test_cli_writes_html_and_pdf(tmp_path, capsys):
    root = small_bank(tmp_path)
    assert main(["stats", str(root), "--format", "html", "--out", str(tmp_path / "r.html")]) == 0
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["stats", str(root), "--format", "html", "--out", str(tmp_path / "r.pdf")]) == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert "wrote " in capsys.readouterr().out


def test_the_pdf_report_is_set_in_the_shipped_fonts_and_reproducible(tmp_path, capsys):
    root = small_bank(tmp_path)
    for name in ("one.pdf", "two.pdf"):
        assert main(["stats", str(root), "--format", "html", "--out", str(tmp_path / name)]) == 0
    first = (tmp_path / "one.pdf").read_bytes()
    assert first == (tmp_path / "two.pdf").read_bytes()
    names = embedded_fonts(first)  # the charts' labels too, not the machine's sans serif
    assert names and all(name.startswith("Exambank-Sans") for name in names), names


def test_html_prints_titles_as_the_handouts_do(tmp_path):
    manifest = "id: test-bank\ntitle: Practice -- Part 1\nsections: [a]\n"
    section = section_yaml(question(), section_id="a").replace(
        "title: Main", "title: Inputs -> outputs"
    )
    root = write_bank(tmp_path / "bank", {"01-a.yaml": section}, manifest)
    page = render_html(bank_stats(lint([root])))
    assert "<h1>Practice\u00a0\u2013 Part 1</h1>" in page
    assert "<td>Inputs \u2192 outputs</td>" in page


def test_html_marks_the_titles_of_a_bank_in_another_language_for_screen_readers(tmp_path):
    manifest = "id: test-bank\ntitle: Netzwerke\nlanguage: de-AT\nsections: [a]\n"
    section = section_yaml(question(), section_id="a").replace("title: Main", "title: Größen")
    root = write_bank(tmp_path / "bank", {"01-a.yaml": section}, manifest)
    page = render_html(bank_stats(lint([root])))
    assert '<html lang="en">' in page  # the report's own words are English
    assert '<h1 lang="de-AT">Netzwerke</h1>' in page
    assert '<td lang="de-AT">Größen</td>' in page


@pytest.mark.parametrize("language", ['""', "de DE", "Deutsch"])
def test_html_marks_no_language_that_is_no_tag(tmp_path, language):
    manifest = f"id: test-bank\ntitle: Netzwerke\nlanguage: {language}\nsections: [a]\n"
    root = write_bank(tmp_path / "bank", {"01-a.yaml": section_yaml(question())}, manifest)
    page = render_html(bank_stats(lint([root])))
    assert "<h1>Netzwerke</h1>" in page and " lang=" not in page.split("</head>")[1]


def test_a_count_is_written_clear_of_the_even_spread_line(tmp_path):
    page = render_html(bank_stats(lint([small_bank(tmp_path)])))
    chart = page[page.index("<h2>Key letters</h2>") :].split("</svg>", 1)[0]
    lines = [float(x) for x in re.findall(r'<line x1="([\d.]+)"[^>]*stroke-dasharray', chart)]
    counts = [float(x) for x in re.findall(r"<text x=\"([\d.]+)\" y=\"\d+\">\d+ \(expected", chart)]
    assert len(lines) == len(counts) == 4  # A, B, C, D: some counts fall short of the line
    assert all(count > line for count, line in zip(counts, lines, strict=True))


@pytest.mark.parametrize(
    ("arguments", "message", "status"),
    [
        (["--out", "r.pdf"], "a PDF is made from the HTML report: add --format html", 2),
        # a missing folder is made; not this: the machine's trouble, not a wrong command
        (["--out", "a-file/r.txt"], "cannot write", 3),
    ],
)
def test_cli_usage_and_write_errors(tmp_path, capsys, monkeypatch, arguments, message, status):
    root = small_bank(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    assert main(["stats", str(root), *arguments]) == status
    assert message in capsys.readouterr().err


def test_cli_notes_schema_errors(tmp_path, capsys):
    one = write_bank(tmp_path / "one", {"01-main.yaml": section_yaml(question(stem="<b>W?</b>"))})
    assert main(["stats", str(one)]) == 0
    assert capsys.readouterr().err == "exambank: note: 1 error ('exambank lint' lists it)\n"
    root = write_bank(tmp_path / "bank", {"01-a.yaml": section_yaml(question(answer="E"))})
    broken = root / "01-a.yaml"
    broken.write_text(broken.read_text().replace("answer: E", "answer: 7"), encoding="utf-8")
    assert main(["stats", str(root)]) == 0
    assert (
        "questions that cannot be read or fail the schema in substance are not counted"
        in capsys.readouterr().err
    )
    broken.write_text(broken.read_text().replace("answer: 7", "answer: [7"), encoding="utf-8")
    assert main(["stats", str(root)]) == 0  # a file that cannot be read counts nothing
    assert (
        "questions that cannot be read or fail the schema in substance are not counted"
        in capsys.readouterr().err
    )


def baseline_all(tmp_path, monkeypatch, capsys):
    """Make ``tmp_path`` a repository whose [tool.exambank] names a baseline, and write it
    with every finding of the bank in ``bank``."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.exambank]\nbaseline = "baseline.json"\n', encoding="utf-8"
    )
    assert main(["lint", "bank", "--write-baseline", "baseline.json"]) == 0
    capsys.readouterr()


def test_stats_counts_what_the_baseline_holds_and_says_that_lint_hides_it(
    tmp_path, capsys, monkeypatch
):
    """A finding the baseline holds is still a flaw of the bank: counted, and said to be
    hidden by lint, so the report is not read as lint's (which says "No problems found")."""
    root = small_bank(tmp_path)  # one finding: all-of-the-above
    baseline_all(tmp_path, monkeypatch, capsys)
    held = "  note: the baseline baseline.json holds this finding, which lint hides"
    assert main(["stats", "bank"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[out.index("Findings: 0 errors, 1 warning") + 1 :][:2] == [
        "  all-of-the-above            1",
        held,
    ]
    assert main(["stats", "bank", "--format", "json"]) == 0
    [data] = json.loads(capsys.readouterr().out)
    assert data["warnings"] == 1
    assert data["baseline"] == {"path": "baseline.json", "findings": 1, "errors": 0, "warnings": 1}
    assert main(["stats", "bank", "--format", "html", "--out", "stats.html"]) == 0
    page = (tmp_path / "stats.html").read_text(encoding="utf-8")
    assert f'<p class="note">Note: {held.removeprefix("  note: ")}.</p>' in page
    # a new finding: counted, and not said to be held
    flawed = root / "01-a.yaml"
    flawed.write_text(
        flawed.read_text(encoding="utf-8").replace("Amazon EC2", "None of the above"),
        encoding="utf-8",
    )
    assert main(["stats", "bank"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "Findings: 0 errors, 2 warnings" in out
    assert "  note: the baseline baseline.json holds 1 of these findings, which lint hides" in out


def test_stats_says_which_errors_the_baseline_holds(tmp_path, capsys, monkeypatch):
    root = small_bank(tmp_path)
    answer_e = section_yaml(question("a-q1", answer="E"), section_id="a")
    (root / "01-a.yaml").write_text(answer_e, encoding="utf-8")
    baseline_all(tmp_path, monkeypatch, capsys)
    assert main(["stats", "bank"]) == 0
    assert capsys.readouterr().err == (
        "exambank: note: 1 error (the baseline baseline.json holds it, which lint hides)\n"
    )


def test_stats_without_a_baseline_says_nothing_of_one(tmp_path, capsys):
    assert main(["stats", str(small_bank(tmp_path)), "--format", "json"]) == 0
    [data] = json.loads(capsys.readouterr().out)
    assert data["baseline"] is None
    assert main(["stats", str(small_bank(tmp_path))]) == 0
    assert "note:" not in capsys.readouterr().out


def test_the_readme_shows_the_seed_bank_s_current_stats(monkeypatch):
    """The worked example in the README is what `exambank stats` prints today."""
    monkeypatch.chdir(REPO)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Item-writing checks and `exambank stats`")[1]
    shown = section.split("```text\n", 1)[1].split("```", 1)[0]
    result = lint([Path("bank/aws-ai-practitioner")], pyproject.load(None))
    assert render_text(bank_stats(result)) == shown


def sections_table_pages(tmp_path, sections: int) -> list[str]:
    """The text of each page of a PDF report on ``sections`` one-question sections that
    holds rows of its Sections table."""
    from pypdf import PdfReader

    files = {
        f"{at:02}-s{at}.yaml": section_yaml(question(), section_id=f"s{at}").replace(
            "id: q1", f"id: q{at}"
        )
        for at in range(sections)
    }
    listed = "".join(f"  - s{at}\n" for at in range(sections))
    root = write_bank(tmp_path / "bank", files, f"id: b\ntitle: B\nsections:\n{listed}")
    assert main(["stats", str(root), "--format", "html", "--out", str(tmp_path / "r.pdf")]) == 0
    pages = [page.extract_text() for page in PdfReader(tmp_path / "r.pdf").pages]
    return [text for text in pages if re.search(r"^s\d+ ", text, re.MULTILINE)]


def rows(page: str) -> int:
    return len(re.findall(r"^s\d+ ", page, re.MULTILINE))


@pytest.mark.parametrize("sections", [46, 47])
def test_a_long_sections_table_has_its_header_on_each_page_and_no_row_alone(tmp_path, sections):
    # A trainer printing the report reads each page's columns, and no page holds one row.
    holding = sections_table_pages(tmp_path, sections)
    assert len(holding) >= 2  # the table runs on
    for text in holding:
        assert "Section Title Questions With findings Findings" in text
        assert rows(text) >= 2


def test_a_sections_table_does_not_begin_with_one_row_at_a_page_s_foot(tmp_path):
    """Review s34 #2: the seed bank's table began with its header and one row at the foot
    of page 1; with 41 sections, room is left there for just as much. The table moves to
    the next page whole (where there is room for two rows, it begins there)."""
    [page] = sections_table_pages(tmp_path, 41)
    head = "Sections\nSection Title Questions With findings Findings\n"
    assert f"{head}s0 Main 1 1\u00a0(100%) 1\ns1 Main" in page
    assert rows(page) == 41
