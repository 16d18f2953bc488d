"""Statements marked with a Cyrillic letter keep their lines, as those marked with a Latin
one do (review RU, finding 7). The project has no Russian bank: these are constructed."""

# ruff: noqa: RUF001  # Cyrillic letters that look Latin are the point

from __future__ import annotations

from collections.abc import Callable

import pytest

from exambank.diagnostics import Diagnostic
from exambank.markdown import short_html
from exambank.statement_lines import own_lines
from tests.conftest import QUESTION

CLAIMS = ("VACUUM освобождает место;", "ANALYZE собирает статистику;", "REINDEX удаляет таблицу.")


@pytest.mark.parametrize(
    "markers",
    [
        ("а)", "б)", "в)"),
        ("А)", "Б)", "В)"),
        ("(а)", "(б)", "(в)"),
        ("Утверждение А:", "Утверждение Б:", "Утверждение В:"),
    ],
)
def test_statements_marked_with_cyrillic_letters_keep_their_lines(
    markers: tuple[str, str, str],
) -> None:
    lines = [
        "Даны утверждения о PostgreSQL:",
        *(f"{marker} {claim}" for marker, claim in zip(markers, CLAIMS, strict=True)),
        "Какие из них верны?",
    ]
    assert own_lines(lines) == [True, True, True, True]
    assert short_html("\n".join(lines)).count("<br />") == 4


@pytest.mark.parametrize(
    "text",
    [
        # as for "a." and "A. S. Pushkin": a letter before a full stop is an initial
        "Роман «Евгений Онегин» написал\nА. С. Пушкин. Когда?",
        "Даны утверждения:\nа. VACUUM освобождает место.\nб. ANALYZE собирает статистику.",
        # wrapped prose whose line starts like a marker: no sentence ends above it
        "Подробнее см. в разделе\nв) и в приложении к документации.",
    ],
)
def test_cyrillic_letters_that_mark_no_statement_join(text: str) -> None:
    assert "<br />" not in short_html(text)


def test_folded_lines_reads_cyrillic_statements_too(
    lint_questions: Callable[..., list[Diagnostic]],
) -> None:
    stem = "stem: Which AWS service trains, tunes and deploys ML models?"
    folded = "stem: Какие верны?\n  а) VACUUM освобождает место;\n  б) ANALYZE собирает статистику."
    [found] = [
        d for d in lint_questions(QUESTION.replace(stem, folded)) if d.rule == "folded-lines"
    ]
    assert "'а) VACUUM освобождает место;' among them" in found.message
