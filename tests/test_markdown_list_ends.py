"""A sentence typed below a list, at the list's own indentation, prints after the list and
not inside its last item, where CommonMark's lazy continuation puts it (review RU, finding
8). The Russian texts are constructed: the project has no Russian bank."""

# ruff: noqa: RUF001  # Russian sentences are the point: their letters look Latin by design

from __future__ import annotations

from collections.abc import Callable

import pytest
from markdown_it import MarkdownIt

from exambank.markdown import short_html, to_html

COMMONMARK = MarkdownIt("commonmark")
STEPS = (
    "<ol>\n<li>Stop the server;</li>\n<li>Restore the dump;</li>\n<li>Start the server.</li>\n"
    "</ol>\n"
)


@pytest.mark.parametrize("render", [short_html, to_html])
@pytest.mark.parametrize("marker", [".", ")"])
def test_the_question_after_the_steps_prints_after_the_list(
    render: Callable[[str], str], marker: str
) -> None:
    text = (
        f"Put the steps in order:\n1{marker} Stop the server;\n2{marker} Restore the dump;\n"
        f"3{marker} Start the server.\nWhich step comes second?"
    )
    assert render(text) == (
        f"<p>Put the steps in order:</p>\n{STEPS}<p>Which step comes second?</p>\n"
    )


@pytest.mark.parametrize(
    ("text", "html"),
    [
        (
            "Расставьте шаги восстановления:\n1) остановить сервер 1С;\n"
            "2) восстановить дамп.\nКакой шаг выполняется вторым?",
            "<p>Расставьте шаги восстановления:</p>\n<ol>\n<li>остановить сервер 1С;</li>\n"
            "<li>восстановить дамп.</li>\n</ol>\n<p>Какой шаг выполняется вторым?</p>\n",
        ),
        (
            "Which services store data?\n- Amazon S3.\n- Amazon EBS.\nWhich is cheaper?",
            "<p>Which services store data?</p>\n<ul>\n<li>Amazon S3.</li>\n<li>Amazon EBS.</li>\n"
            "</ul>\n<p>Which is cheaper?</p>\n",
        ),
        (  # statements below the list keep their lines
            "Steps:\n1. Stop it.\n2. Start it.\nWhich hold?\nI. One.\nII. Two.",
            "<p>Steps:</p>\n<ol>\n<li>Stop it.</li>\n<li>Start it.</li>\n</ol>\n"
            "<p>Which hold?<br />\nI. One.<br />\nII. Two.</p>\n",
        ),
        (  # a hard break's spaces stay with neither
            "Steps:\n1. Stop it.\n2. Start it.  \nWhich comes first?",
            "<p>Steps:</p>\n<ol>\n<li>Stop it.</li>\n<li>Start it.</li>\n</ol>\n"
            "<p>Which comes first?</p>\n",
        ),
        (  # the question starts with emphasis or a quote (review s20, finding 2)
            "Steps:\n1. Stop it.\n2. Start it.\n**Which** step comes first?",
            "<p>Steps:</p>\n<ol>\n<li>Stop it.</li>\n<li>Start it.</li>\n</ol>\n"
            "<p><strong>Which</strong> step comes first?</p>\n",
        ),
        (
            'Steps:\n1. Stop it.\n2. Start it.\n"Which" step comes first?',
            "<p>Steps:</p>\n<ol>\n<li>Stop it.</li>\n<li>Start it.</li>\n</ol>\n"
            "<p>&quot;Which&quot; step comes first?</p>\n",
        ),
        (
            "Шаги:\n1) остановить сервер;\n2) восстановить дамп.\n«Какой» шаг второй?",
            "<p>Шаги:</p>\n<ol>\n<li>остановить сервер;</li>\n<li>восстановить дамп.</li>\n"
            "</ol>\n<p>«Какой» шаг второй?</p>\n",
        ),
        (  # a scenario sentence, then the question: both after the list
            "Steps:\n1. Stop it.\n2. Start it.\nThe log shows an error. Which step failed?",
            "<p>Steps:</p>\n<ol>\n<li>Stop it.</li>\n<li>Start it.</li>\n</ol>\n"
            "<p>The log shows an error. Which step failed?</p>\n",
        ),
    ],
)
def test_a_sentence_below_a_list_starts_a_paragraph(text: str, html: str) -> None:
    assert short_html(text) == html


@pytest.mark.parametrize(
    "text",
    [
        # indented under the item's text: the author's line of the item
        "Steps:\n1. Stop it.\n2. Start it.\n   Then check the log.",
        "Steps:\n10. Stop it.\n11. Start it.\n    Then check the log.",
        # wrapped prose: no sentence ends above it, or it goes on in lower case
        "Steps:\n1. Stop it.\n2. Start it with\nPgBouncer in front.",
        "Steps:\n1. Stop it.\n2. Start it.\nthen check the log.",
        # below an item that is not the last: the list goes on after it
        "Steps:\n1. Stop it.\nCheck the log.\n2. Start it.",
        # a list inside a quote
        "> 1. Stop it.\n> 2. Start it.\n> Which is first?",
        # wrapped after an abbreviation, an initial, a colon or a semicolon (review s20,
        # finding 2)
        "Use:\n- S3, e.g.\nAmazon S3 Glacier for archives. Why not EBS?",
        "Steps:\n1. Install it in the U.S.\nEast region first. Which region next?",
        "Authors:\n- Smith, J.\nWho wrote the guide?",
        "Choose:\n- Option one:\nA value that is big?",
        "Choose:\n- Option one;\nA value that is big?",
        # wrapped prose: two sentences of an item, in every item alike
        "- Use S3.\nIt is cheap.\n\n- Use EBS.\nIt is fast.",
        "Steps:\n1. Run the job.\nI think it fails.",
        # a question typed so in an earlier item too: the author wraps items that way
        "- Use S3.\nIs it cheap?\n- Use EBS.\nIs it fast?",
    ],
)
def test_a_line_of_an_item_stays_in_it(text: str) -> None:
    assert short_html(text) == COMMONMARK.render(text)


def test_a_text_that_is_one_item_still_prints_as_typed() -> None:
    assert short_html("1. Normalform.\nWelche ist gemeint?") == (
        "<p>1. Normalform.\nWelche ist gemeint?</p>\n"
    )
