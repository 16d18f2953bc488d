from __future__ import annotations

import pytest

from exambank.rules import RULES
from tests.conftest import QUESTION, section_yaml
from tests.rules.test_docstring_examples import as_yaml, example

STEM = "stem: Which AWS service trains, tunes and deploys ML models?"


def image_alt(found):
    return [(d.line, d.column, d.message) for d in found if d.rule == "image-alt"]


def with_stem(stem: str) -> str:
    return QUESTION.replace(STEM, f"stem: {stem}")


def test_documented_examples(lint_questions):
    assert len(image_alt(lint_questions(as_yaml(example("image-alt", "Bad"))))) == 1
    assert image_alt(lint_questions(as_yaml(example("image-alt", "Good")))) == []


def test_an_image_without_alt_text_is_a_warning_at_the_image_on_by_default(lint_questions):
    [found] = [
        d for d in lint_questions(with_stem("'Which one? ![](pic.png)'")) if d.rule == "image-alt"
    ]
    assert RULES["image-alt"].enabled_by_default
    assert (found.line, found.column, found.severity, found.question) == (5, 23, "warning", "q1")
    assert found.message == "image 'pic.png' has no description (alt text)"
    assert found.hint == "describe what the image shows: ![Bar chart of ...](pic.png)"


@pytest.mark.parametrize(
    ("image", "fault"),
    [
        ("![   ](chart.png)", "has no description (alt text)"),
        ("![\u00a0](chart.png)", "has no description (alt text)"),  # a no-break space
        ("![\u200b](chart.png)", "has no description (alt text)"),  # a zero-width space
        ("![*](chart.png)", "has no description (alt text)"),  # no letter or digit
        ("![chart.png](chart.png)", "is described only by a file name ('chart.png')"),
        ("![Chart.PNG](images/chart.png)", "is described only by a file name ('Chart.PNG')"),
        ("![IMG_0042.JPG](images/chart.png)", "is described only by a file name ('IMG_0042.JPG')"),
        ("![model-cards_v2](img/model-cards_v2.png)", "only by a file name ('model-cards_v2')"),
        ("![b1](images/b1.jpg)", "is described only by a file name ('b1')"),
        ("![image](chart.png)", "is described only as 'image'"),
        ("![IMG](chart.png)", "is described only as 'IMG'"),
        ("![Picture](chart.png)", "is described only as 'Picture'"),
        ("![*image*](chart.png)", "is described only as 'image'"),
        ("![Image 2](chart.png)", "is described only as 'Image 2'"),
        ("![alt text](chart.png)", "is described only as 'alt text'"),
        ("![diagram.](chart.png)", "is described only as 'diagram.'"),
        (
            "![Screenshot 2024-05-01 at 10.22.33](shot.png)",
            "is described only as 'Screenshot 2024-05-01 at 10.22.33'",
        ),
        # the languages the handouts print labels in, whatever the bank's language
        ("![Bild](plan.svg)", "is described only as 'Bild'"),
        ("![Abbildung 3:](plan.svg)", "is described only as 'Abbildung 3:'"),
        ("![Abb. 2](plan.svg)", "is described only as 'Abb. 2'"),
        ("![Grafik 1](plan.svg)", "is described only as 'Grafik 1'"),
        ("![ein Foto](plan.svg)", "is described only as 'ein Foto'"),
        (
            "![Bildschirmfoto 2024-05-01 um 10.22.33](shot.png)",
            "is described only as 'Bildschirmfoto 2024-05-01 um 10.22.33'",
        ),
        ("![l''image](plan.svg)", "is described only as 'l'image'"),  # '' in YAML is '
        ("![Capture d\u2019\u00e9cran](shot.png)", "only as 'Capture d\u2019\u00e9cran'"),
        ("![Imagen 3](plan.svg)", "is described only as 'Imagen 3'"),
        ("![Immagine](plan.svg)", "is described only as 'Immagine'"),
        ("![Afbeelding 2](plan.svg)", "is described only as 'Afbeelding 2'"),
        ("![Imagem](plan.svg)", "is described only as 'Imagem'"),
        ("![Rys. 1](plan.svg)", "is described only as 'Rys. 1'"),
        ("![Рисунок 1](plan.svg)", "as 'Рисунок 1'"),
    ],
)
def test_empty_file_name_and_placeholder_descriptions(lint_questions, image, fault):
    [(_, _, message)] = image_alt(lint_questions(with_stem(f"'See {image}'")))
    assert message.endswith(fault)


@pytest.mark.parametrize(
    "image",
    [
        "![Bar chart of monthly cost by service](chart.png)",
        "![Screenshot of the SageMaker Canvas start page](shot.png)",
        "![Image of a pipeline with three steps](pipeline.png)",
        "![Maputnik](img/maputnik.png)",  # a name, not a file name: it says what is shown
        "![Amazon Bedrock logo](images/bedrock-logo.png)",
        "![Abbildung 1: Reihenschaltung aus R1 und R2](plan.svg)",
        "![Bild der Reihenschaltung](plan.svg)",
        "![Grafikkarte im PCIe-Steckplatz](card.png)",  # a word that starts like one
        "![Foto des Routers von vorn](router.jpg)",
        "![Schaltplan](plan.svg)",
    ],
)
def test_descriptions_pass(lint_questions, image):
    assert image_alt(lint_questions(with_stem(f"'See {image}'"))) == []


def test_links_are_not_images(lint_questions):
    assert image_alt(lint_questions(with_stem("'See [chart.png](chart.png) and [](x.png)'"))) == []


def test_a_reference_image_is_checked_and_placed(lint_questions):
    question = QUESTION.replace(
        "explanation: SageMaker covers the whole ML lifecycle.",
        "explanation: |\n  See ![][logo].\n\n  [logo]: images/logo.png",
    )
    assert image_alt(lint_questions(question)) == [
        (13, 11, "image 'images/logo.png' has no description (alt text)")
    ]


def test_every_markdown_text_is_checked_at_its_image(lint_bank):
    question = QUESTION.replace(
        "  B: AWS Lambda", "  B:\n    text: AWS Lambda\n    feedback: 'No: ![](f.png)'"
    )
    extra = (
        "summary: '![image](s.png)'\n"
        "notes: |\n  Intro.\n\n  Two: ![](n.png) and ![](n.png)\n"
        "key_terms:\n  - term: AMT\n    definition: 'Tuning ![](d.png)'\n"
        "exam_tips:\n  - '![t.png](t.png)'\n"
    )
    manifest = (
        "id: test-bank\ntitle: Test bank\nsections: [main]\n"
        "description: |\n  About.\n  ![](cover.png)\n"
    )
    found = lint_bank({"01-main.yaml": section_yaml(question, extra=extra)}, manifest)
    placed = {
        (d.path.rsplit("/", 1)[-1], d.line, d.column, d.message.split("'")[1], d.question)
        for d in found.diagnostics
        if d.rule == "image-alt"
    }
    assert placed == {
        ("bank.yaml", 6, 3, "cover.png", None),
        ("01-main.yaml", 3, 11, "s.png", None),
        ("01-main.yaml", 7, 8, "n.png", None),
        ("01-main.yaml", 7, 23, "n.png", None),  # the second of two alike, where it is
        ("01-main.yaml", 10, 25, "d.png", None),
        ("01-main.yaml", 12, 6, "t.png", None),
        ("01-main.yaml", 20, 24, "f.png", "q1"),
    }


@pytest.mark.parametrize(
    ("image", "url"),
    [
        ("![Chart](<my pics/a b.png>)", "<my pics/a b.png>"),
        ("![Chart](my%20pics/a%20b.png)", "my%20pics/a%20b.png"),
        ("![Chart](<plan(1.png>)", "<plan(1.png>"),
        ("![Chart](plan\\)1.png)", "<plan)1.png>"),  # an escaped parenthesis
        ("![Chart](plan(1).png)", "plan(1).png"),
        ("![Chart](<>)", "<>"),
    ],
)
def test_the_hint_writes_the_target_as_markdown_reads_it(lint_questions, image, url):
    [found] = [d for d in lint_questions(with_stem(f"'See {image}'")) if d.rule == "image-alt"]
    assert found.hint == f"describe what the image shows: ![Bar chart of ...]({url})"
    # pasted into the stem, the hint is an image that no rule calls unreadable
    pasted = with_stem(f"'See {found.hint.split(': ', 1)[1]}'")
    assert {d.rule for d in lint_questions(pasted)} & {"image-alt", "unread-image"} == set()
