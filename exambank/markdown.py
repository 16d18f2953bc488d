"""CommonMark as the handouts print it: typeset, links as their words, headings nested
below the section's title (the targets a text refers to are read in
``exambank.link_targets``).

Raw HTML is shown as text, never passed on as markup, so a source cannot inject elements
into a handout; tables are on, because study notes compare things in them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from exambank.code_spans import code_span
from exambank.identifiers import identifier_text
from exambank.link_targets import alt_text
from exambank.link_targets import target_path as target_path  # where scripts found it
from exambank.lone_items import items_in_prose, lone_items, sentences_after_lists
from exambank.statement_lines import statement_lines

_RENDERER = MarkdownIt("commonmark", {"html": False}).enable("table")
# Questions (stem, options, feedback, explanation), key-term definitions and tips are short
# texts: a leading "# " there is text ("# is a control character."), not a heading that would
# print larger than the section's title, and a row of dashes ("-----", "***") is text, not a
# horizontal rule that would print as a line. Notes, a summary and the description keep both.
_SHORT_RENDERER = MarkdownIt("commonmark", {"html": False}).enable("table")
_SHORT_RENDERER.disable(["heading", "lheading", "hr"])


# Unit symbols a number keeps on its line ("230 V", "1.000 Mbit/s", "0,5 mm²", "20 °C",
# "5 %", "10 €"): symbols, not words, and none a word of a language the labels are in, so
# "page 5 of", "5 e 6", "5 y 6", "5 a 10", "5 в 6" and "5 с 6" may still break.  # noqa: RUF003
# French writes bytes as octets ("0,5 Go", "10 Mo/s"), but not "o" alone, a word in
# Portuguese, Spanish and Italian; "Go", "To", "Po" and "Mio" are words only where a
# sentence or a title starts, and a no-break space before them there costs nothing.
# "min" stays with its number as the unit it usually is; "µ" and "Ω" stand for either code
# point. A table to read, a group a line (SIM905 would have 151 quoted strings, one a line).
_UNITS = (  # noqa: SIM905
    "V mV kV µV A mA µA kA W mW kW MW GW Wh kWh MWh VA kVA Ω mΩ kΩ MΩ Ohm F mF µF nF pF "
    "H mH µH Hz kHz MHz GHz THz dB dBm dBi B kB KB MB GB TB PB KiB MiB GiB TiB "
    "bit kbit Mbit Gbit Tbit bps kbps Mbps Gbps nm µm mm cm dm m km ft yd l L ml mL cl dl "
    "hl g mg kg µg lb lbs oz ns µs ms s min h K °C °F ° % ‰ ppm N kN Nm J kJ kcal Pa hPa "
    "kPa MPa lx lm px pt dpi ppi rpm mph U/min € $ £ ¥ ₽ ₹ zł EUR USD CHF GBP "
    "ko Ko Mo Go To Po Kio Mio Gio Tio "
    "В мВ кВ Вт кВт Ом кОм Гц кГц МГц ГГц КБ МБ ГБ ТБ бит кбит Мбит Гбит "  # noqa: RUF001
    "мм см км кг мс мин руб"  # noqa: RUF001
).split()
_UNIT = (
    "(?:"
    + "|".join(re.escape(unit) for unit in sorted(_UNITS, key=len, reverse=True))
    .replace("\u00b5", "[\u00b5\u03bc]")  # micro sign, Greek mu
    .replace("\u03a9", "[\u03a9\u2126]")  # Greek omega, ohm sign
    + ")[²³]?"
)
# A number ("5", "1.000", "0,5", "1'000") that no letter, point or slash runs into, one
# space, a unit or a unit per unit ("km/h"), then no letter, apostrophe ("5 l'eau"),
# abbreviation ("5 H.F."), nor a number after "%" ("7 % 3" is a remainder, as in Python).
_NUMBER_AND_UNIT = re.compile(
    rf"(?<![\w.,:/])(\d+(?:[.,'\u2019\u202f]\d+)*) ({_UNIT}(?:/{_UNIT})?)"
    r"(?![\w'\u2019]|\.\w|(?<=%) \d)"
)


def _glued(match: re.Match[str]) -> str:
    """A number and its unit with a no-break space between, and a word joiner after a
    unit's slash, where a line may otherwise break ("Mbit/" and "s")."""
    return match[1] + "\u00a0" + match[2].replace("/", "/\u2060")


# A number whose thousands are grouped with spaces ("1 000", "10 000 000"), in a language
# that groups them so (``space_groups``): not one inside a run of numbers ("00 1 213
# 1234567", "1 870 334600340"), which is a list or a telephone number.
_SPACE_GROUPED = re.compile(r"(?<![\w.,:/])(?<!\d )\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d| \d)")
# Guillemets with a space inside, as French, Russian or Polish print them ("« VLAN »"): not
# where a word runs into them, as German, Danish and Swedish quote (»Wort« und »Wort«), nor
# a closing one that no opening one came before: a path through menus ("Accueil » Produits").
_AFTER_OPENING = re.compile(r"(?<![^\s(\[])([\u00ab\u2039]) ")
_BEFORE_CLOSING = re.compile(r" ([\u00bb\u203a])(?![\w(\[])")
_OPENING_OF = {"\u00bb": "\u00ab", "\u203a": "\u2039"}
# A dash with a space either side ("Mesh \u2013 the one", "Ja \u2014 nein") is kept off the
# start of a line, as Russian and French typesetting require and English style guides ask.
_SPACED_DASH = re.compile(" ([\u2013\u2014])(?= )")
# A hyphen typed as a dash, a space either side, between words ("PCA - reduce"): not between
# two numbers, where it is a minus ("5 - 3").
_SPACED_HYPHEN = re.compile(r"(?<=[^\W\d]) - (?=\w)|(?<=\d) - (?=[^\W\d])")
# "<=" and ">=" as typed for "\u2264" and "\u2265": not inside "<=>", "<<=", ">>=" or "==>".
_COMPARISON = re.compile(r"(?<![<>=!])([<>])=(?![<>=])")
_COMPARISON_SIGN = {"<": "\u2264", ">": "\u2265"}
# A hyphen after a digit joins a number to the word after it ("0.1-microhenry", "5-minute"):
# a line broken after it would read as a minus. A word joiner keeps them together (print-only,
# as after a unit's slash; the plain texts and a PDF's title drop it). Not before a digit: a
# date or a range ("2024-01-15", "10-20") has no unit to keep.
_HYPHEN_AFTER_DIGIT = re.compile(r"(?<=\d)-(?=[^\W\d_])")


def typeset(text: str, space_groups: bool = False, before: str = "") -> str:
    """Plain-text habits as print sets them: a spaced double hyphen, or a spaced hyphen
    between words, as an en dash, '->' as an arrow, '<=' and '>=' as their signs, a spaced
    dash on the line of the word before it (a no-break space before it), a number and its
    unit on one line (a space typed between them becomes a no-break space), as a number and
    a word it is hyphenated to ("0.1-microhenry"), guillemets on the line of the words they
    quote, and, where the bank's language groups thousands with spaces (``space_groups``:
    "1 000 €"), a number on one line (those spaces become narrow no-break spaces). A no-break
    or narrow no-break space typed stays. ``before``: the text printed before ``text`` in
    its paragraph, where the word before a spaced hyphen and the "«" a "»" closes may be.
    The sources, the JSON and the CSV keep what the author typed."""
    signs = _COMPARISON.sub(
        lambda sign: _COMPARISON_SIGN[sign[1]],
        text.replace(" -- ", " \u2013 ").replace("->", "\u2192"),
    )
    # the word before a hyphen at the start may be in the text before (bold, a code span)
    hyphens = _SPACED_HYPHEN.sub(" \u2013 ", (before[-1:] or " ") + signs)[1:]
    dashed = _SPACED_DASH.sub("\u00a0\\1", _HYPHEN_AFTER_DIGIT.sub("-\u2060", hyphens))
    opened = _AFTER_OPENING.sub("\\1\u202f", dashed)

    def closed(mark: re.Match[str]) -> str:
        quoted = _OPENING_OF[mark[1]] in before or _OPENING_OF[mark[1]] in opened[: mark.start()]
        return "\u202f" + mark[1] if quoted else mark[0]

    quoted = _BEFORE_CLOSING.sub(closed, opened)
    if space_groups:
        quoted = _SPACE_GROUPED.sub(lambda number: number[0].replace(" ", "\u202f"), quoted)
    return _NUMBER_AND_UNIT.sub(_glued, quoted)


def one_line(text: str) -> str:
    """Typeset ``text`` with plain spaces for the no-break ones print needs, and without the
    invisible word joiner: a PDF's or a page's title is shown on one line, and a search for
    it typed as the author typed it must find it."""
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2060", "")


def _typeset_text(state: StateCore) -> None:
    """Apply ``typeset`` to running text only: code spans and blocks stay as written."""
    space_groups = state.env.get("space_groups", False)
    for token in state.tokens:
        before = ""
        for child in token.children or []:
            if child.type == "text":
                child.content = typeset(child.content, space_groups, before)
                before += child.content


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def _links_as_text(state: StateCore) -> None:
    """Print a link as its words, never as a link: a relative one would become a
    ``file://`` URI naming the folder the PDF was built in (a different PDF in every
    clone, and a dead link for a reader); a web address, which lint refuses unless told
    not to, prints after its words, as on paper, unless the words are the address
    (``[https://x](https://x)``), which would print it twice."""
    for token in state.tokens:
        opened: str | None = None
        words: list[str] = []
        for child in token.children or []:
            if child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                autolink = child.markup == "autolink"
                opened = href if _SCHEME.match(href) and not autolink else None
                child.type, child.content, words = "text", "", []
            elif child.type == "link_close":
                if opened is not None and "".join(words).strip() == opened:
                    opened = None  # its words say it already
                child.type, child.content = "text", f" ({opened})" if opened else ""
                opened = None
            elif child.type in ("text", "code_inline"):
                words.append(child.content)


# The handout's own headings: the book title is h1, a section's title h2, and its "Key
# terms", "Exam tips" and "Practice questions" h3. An author's headings rank below the
# section's title, so that the PDF's outline (its bookmarks) keeps them inside their section.
_AUTHOR_TOP_LEVEL = 3
_LOWEST_LEVEL = 6


def _nest_headings(state: StateCore) -> None:
    """Renumber a text's headings by rank: the top-most level the author used becomes the
    top level ``to_html`` was given (h3 unless told), the next level used the one below ...,
    down to h6. A level the author skipped is not kept ("#" then "###" print as h3 then
    h4), since a reader's outline, and a tagged PDF's heading levels, have no empty rung."""
    top_level = state.env["top_level"]
    levels = sorted({token.tag for token in state.tokens if token.type == "heading_open"})
    tags = {tag: f"h{min(top_level + rank, _LOWEST_LEVEL)}" for rank, tag in enumerate(levels)}
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = tags[token.tag]


def _image(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """An image as markdown-it writes it, but with no ``alt`` where its brackets hold no
    description: ``alt=""`` tells a screen reader, and an LMS the JSON export feeds, that
    the image is decorative, when its description is only missing. Without ``alt`` a
    reader is told an image is there (named by its ``title``, if it has one)."""
    token = tokens[idx]
    alt = self.renderInlineAsText(token.children, options, env)
    if alt.strip():
        token.attrSet("alt", alt)
    else:
        token.attrs.pop("alt", None)
    if env.get("for_print", True) and _leads_text(tokens, idx):
        token.attrJoin("class", "lead-image")
    return self.renderToken(tokens, idx, options, env)


def _leads_text(tokens: Sequence[Token], idx: int) -> bool:
    """Whether the image at ``idx`` opens its paragraph and text follows it on its line
    ("![Topology](t.png) In the topology shown, ..."): set inline, a wide image left the
    text hanging at the right margin by its bottom edge; it goes above the text instead."""
    blank = ("softbreak", "hardbreak")
    before = all(t.type == "text" and not t.content.strip() for t in tokens[:idx])
    return before and any(
        t.type not in blank and (t.type != "text" or t.content.strip()) for t in tokens[idx + 1 :]
    )


# Before "text_join", which turns the escapes of the text they read again into text.
_RENDERER.core.ruler.before("text_join", "items_in_prose", items_in_prose)
_SHORT_RENDERER.core.ruler.before("text_join", "lone_items", lone_items)
_RENDERER.core.ruler.before("text_join", "sentences_after_lists", sentences_after_lists)
_SHORT_RENDERER.core.ruler.before("text_join", "sentences_after_lists", sentences_after_lists)
_RENDERER.core.ruler.push("statement_lines", statement_lines)
_RENDERER.core.ruler.push("typeset", _typeset_text)
_RENDERER.core.ruler.push("links_as_text", _links_as_text)
_RENDERER.core.ruler.push("nest_headings", _nest_headings)
_SHORT_RENDERER.core.ruler.push("statement_lines", statement_lines)
_SHORT_RENDERER.core.ruler.push("typeset", _typeset_text)
_SHORT_RENDERER.core.ruler.push("links_as_text", _links_as_text)
_RENDERER.add_render_rule("image", _image)
_SHORT_RENDERER.add_render_rule("image", _image)
_RENDERER.add_render_rule("code_inline", code_span)
_SHORT_RENDERER.add_render_rule("code_inline", code_span)
_RENDERER.add_render_rule("text", identifier_text)  # a long identifier is never hyphenated
_SHORT_RENDERER.add_render_rule("text", identifier_text)


def to_html(
    text: str,
    top_level: int = _AUTHOR_TOP_LEVEL,
    space_groups: bool = False,
    for_print: bool = True,
) -> str:
    """Block HTML for a Markdown text (headings, paragraphs, lists, tables, code); its
    headings start at h3, below the section's title, or at ``top_level`` (h2 on the cover,
    right below the book's title): see ``_nest_headings``. Its running text is typeset
    (``typeset``, ``space_groups`` passed on). With ``for_print`` False it holds none of the
    marks only the handouts' layout reads (a code span's tokens kept whole, an image that
    opens a paragraph, a long identifier's break points), as the JSON export wants it."""
    env = {"top_level": top_level, "space_groups": space_groups, "for_print": for_print}
    return str(_RENDERER.render(text, env))


def short_html(text: str, space_groups: bool = False, for_print: bool = True) -> str:
    """Block HTML for a short Markdown text, such as an option or its feedback: as
    ``to_html``, but a line starting with "#" or underlined, or a row of dashes, stays a
    paragraph, and so does a text that is all one list item ("2. Normalform", "+"; see
    ``lone_items``)."""
    return render_short(blocks(text, True, space_groups), space_groups, for_print)


def render_short(tokens: list[Token], space_groups: bool = False, for_print: bool = True) -> str:
    """``short_html`` of the tokens ``blocks(text, short=True)`` read: a text read once for
    both its HTML and its plain text (``plain_text.tokens_text``), as the exports want it.
    Rendering sets an image's ``alt`` on its token: read the plain text first."""
    env = {"space_groups": space_groups, "for_print": for_print}  # see to_html
    return str(_SHORT_RENDERER.renderer.render(tokens, _SHORT_RENDERER.options, env))


def blocks(text: str, short: bool, space_groups: bool = False) -> list[Token]:
    """The tokens ``short_html`` (``short``) or ``to_html`` renders ``text`` from, for a
    form of it other than HTML (``plain_text``)."""
    if short:
        return _SHORT_RENDERER.parse(text, {"space_groups": space_groups})
    env = {"top_level": _AUTHOR_TOP_LEVEL, "space_groups": space_groups}
    return _RENDERER.parse(text, env)


def image_description(image: Token) -> str:
    """An image's description as the HTML's ``alt`` holds it (markup dropped)."""
    return alt_text(image.children or [])


_HTML_READER = MarkdownIt("commonmark", {"html": True}).enable("table")


def html_tags(text: str) -> list[str]:
    """The raw HTML a Markdown text holds (tags and blocks, as written), in order."""
    if "<" not in text:
        return []
    found = []
    for block in _HTML_READER.parse(text):
        if block.type == "html_block":
            found.append(block.content.strip().splitlines()[0])
        for token in block.children or []:
            if token.type == "html_inline":
                found.append(token.content)
    return found
