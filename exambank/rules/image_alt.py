"""Every image needs a description for a reader who cannot see it."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from urllib.parse import unquote

from exambank.bank import Bank
from exambank.diagnostics import Diagnostic
from exambank.link_targets import Target, destination, targets
from exambank.rules.base import BankRule, Options
from exambank.rules.locate import Placer

# An image's file name, whichever: "2019-11-19-14-12-13.png", "IMG_0042.JPG".
_FILE_NAME = re.compile(r"\S+\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?|avif|heic)", re.IGNORECASE)
# What editors and converters put in the brackets ("image" from GitHub's paste, "alt
# text" from a snippet), with a number or a date after it ("Image 2", "Screenshot
# 2024-05-01 at 10.22.33"), and a generic noun that names no subject ("diagram"), in
# the languages the handouts print labels in: an author pastes in her editor's language.
_PLACEHOLDER_WORDS = "|".join(
    (
        r"image|img|picture|pic|photo|screen ?shot|figure|fig|graphic|diagram|chart",
        r"illustration|alt(?: text)?",
        r"bild|abbildung|abb|grafik|foto|bildschirmfoto|diagramm|schaubild",  # de
        r"capture(?: d['\u2019]écran)?|graphique|diagramme|sch[eé]ma",  # fr
        r"imagen|figura|ilustraci[oó]n|captura(?: de pantalla)?|gr[aá]fico|diagrama",  # es
        r"immagine|illustrazione|schermata|diagramma",  # it
        r"afbeelding|figuur|illustratie|schermafbeelding|schermafdruk|plaatje",  # nl
        r"imagem|ilustra[cç][aã]o|captura de tela",  # pt
        r"obraz(?:ek)?|rysunek|rys|zdj[eę]cie|ilustracja|zrzut ekranu|grafika|wykres",  # pl
        r"изображение|рисунок|рис|картинка|фото(?:графия)?|скриншот|снимок экрана",
        r"иллюстрация|схема|диаграмма|график",
    )
)
# A placeholder, after an article ("an image", "la figure", "l'image") and before a number
# or a date and time ("Bildschirmfoto 2024-05-01 um 10.22.33").
_PLACEHOLDER = re.compile(
    r"(?:(?:an?|the|ein|eine|das|die|une?|la|le|el|una?|il|een|de|het|uma?|o) |l['\u2019])?"
    rf"(?:{_PLACEHOLDER_WORDS})"
    r"[\W\d_]*(?:\b(?:at|um|à|a las|às|om|alle|в)\b[\W\d_]*(?:[ap]m)?)?",
    re.IGNORECASE,
)
# A name written for a file system, not for a reader: no space, and a digit, "-" or "_".
_SLUG = re.compile(r"[\w-]*[\d_-][\w-]*")


def _fault(target: Target) -> str | None:
    """What is wrong with an image's description, or None if it has one."""
    alt = target.alt.strip()
    if not any(character.isalnum() for character in alt):  # "", "*", a zero-width space
        return "has no description (alt text)"
    file_name = posixpath.basename(unquote(target.url.split("#", 1)[0].split("?", 1)[0]))
    stem = posixpath.splitext(file_name)[0]
    named = alt.casefold()
    if (
        _FILE_NAME.fullmatch(alt)
        or named == file_name.casefold()
        or (named == stem.casefold() and _SLUG.fullmatch(alt))
    ):
        return f"is described only by a file name ('{alt}')"
    if _PLACEHOLDER.fullmatch(alt.rstrip(".")):
        return f"is described only as '{alt}'"
    return None


class ImageAlt(BankRule):
    """An image has no description: its alt text is empty, a file name or a placeholder.

    A reader who cannot see the image -- a screen reader reading the handout, a tagged
    PDF, a print that failed to load the file -- gets only the words between its
    brackets. `![](chart.png)` gives them nothing, and `![chart.png](chart.png)`,
    `![image](chart.png)` or `![Screenshot 2024-05-01](chart.png)` give them the file's
    name or the editor's placeholder. Every Markdown text is checked (stems, options,
    feedback, explanations, notes, summaries, key term definitions, exam tips, the
    manifest's description). Heuristic: the description, its markup left out, is blank;
    or it is a file name (it ends in .png, .jpg, .svg ..., or it is the image's own file
    name, or that name without its extension when the name has a digit, "-" or "_", as
    "b1" or "model-cards_v2" for model-cards_v2.png); or it is only a placeholder word
    (image, img, picture, pic, photo, screenshot, figure, fig, graphic, diagram, chart,
    illustration, alt, alt text), alone or followed by a number or a date, or its like in
    a language the handouts print labels in, whatever the bank's language, since an
    editor pastes its own ("Bild 1", "Abb. 2", "Bildschirmfoto 2024-05-01 um 10.22.33",
    "l'image", "Capture d'écran", "Imagen 3", "Immagine", "Afbeelding", "Imagem",
    "Rysunek 1", "Рисунок 1"). Known false positives: a purely decorative image, for
    which an empty description is right (a handout rarely holds one; leave it out).
    Known misses: a description that says little but is no placeholder ("logo", "Ui",
    "weiyu"), and placeholders in languages the handouts have no labels for. Measured
    (with the English words only):
    no finding in the seed bank or the 6,695 questions of the real banks
    (docs/rule-precision.md), which hold no image; over 268 images of real Markdown
    documents (106 in the READMEs of 23 Python packages, 71 in 20 of Debian's
    /usr/share/doc files, 91 in public notes and manuals found by their folder: images/,
    img/, assets/, figures/, media/, screenshots/, diagrams/), 34 findings, all read:
    34/34 true positives. Source
    guideline: WCAG 2.2 success criterion 1.1.1, Non-text Content; PDF/UA-1 (ISO
    14289-1) 7.3, Graphics (Matterhorn Protocol checkpoint 13).

    Bad:
        stem: "Which service does this diagram show? ![](images/pipeline.png)"

    Good:
        stem: >-
          Which service does this diagram show?
          ![Diagram: data flows from S3 through a training job to an endpoint](images/pipeline.png)
    """

    name = "image-alt"
    changes_print = True  # the build lists it in full
    severity = "warning"
    on_questions = True  # its findings name their question

    def check(self, bank: Bank, options: Options) -> Iterator[Diagnostic]:
        placer = Placer()
        for source, path, text, question in bank.markup_fields:
            for target in targets(text):
                fault = _fault(target) if target.kind == "image" else None
                if fault is None:
                    continue
                label, url = re.escape(target.label), re.escape(target.url)
                written = (re.compile(rf"!\[{label}\]\(\s*<?{url}"), re.compile(rf"!\[{label}\]"))
                described = f"![Bar chart of ...]({destination(target.url)})"
                yield self.report(
                    source,
                    path,
                    f"image '{target.url}' {fault}",
                    f"describe what the image shows: {described}",
                    question,
                    at=placer.place(source, path, written, f"![{target.label}]({target.url})"),
                )
