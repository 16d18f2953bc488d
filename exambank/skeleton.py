"""``exambank new``: append a question skeleton to a section file for an author to fill in.

The skeleton's stem, options and explanation are empty, so ``exambank lint`` reports each
as ``empty-text`` until it is written; its answer is an empty list, ``answer: []``, which
``answer-count`` reports as not set yet until the author writes the letter (or letters). A
letter written in its place (A, say) would pass lint unset and print as the key.

The skeleton's lines are spliced into the file's own text, so every byte before and after
them stays as it was: comments, blank lines, quoting, line ends, indentation. They are
indented like the questions above them (where the dashes stand, where the keys start, how
far option letters are indented, options written inline or not), or, in a file without
questions yet, like its other lists and mappings. Two changes keep what the file holds as
it reads: a block text that ends the file with no line break reads without one, and gets
the '-' that keeps it so once a line follows it ('notes: |-', as fmt writes it); of the
byte-order marks at its start that lint's reader reads past, one stays.
"""

from __future__ import annotations

import codecs
import json
import re
import string
import unicodedata
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.cyaml import CSafeLoader
from ruamel.yaml.error import YAMLError
from ruamel.yaml.tokens import ScalarToken

from exambank.errors import UsageError
from exambank.file_names import MANIFEST
from exambank.load import iter_yaml_files, read_source
from exambank.lookalikes import in_latin_letters, lookalikes_in
from exambank.model import SLUG_PATTERN
from exambank.rewrite import Rewrite, read, refuse_oversize
from exambank.section_text import Lines, SectionShape, shape_of
from exambank.source import OTHER_BREAKS
from exambank.unreadable_files import not_a_file
from exambank.yaml11 import reads_otherwise_in_yaml11

MAX_OPTIONS = len(string.ascii_uppercase)


def add_question(
    section: Path, question_id: str, kind: str, option_count: int, size_limit: int | None
) -> Rewrite:
    """``section`` with a new question at the end (UsageError if it may not be added;
    RewriteError if it cannot be read, or holds more than ``size_limit`` bytes, which lint
    does not read either: ``file-size``)."""
    check_question(question_id, option_count)
    _check_section(section)
    refuse_oversize(section, size_limit)
    source = read(section)
    data = source.data
    check_unused(section.parent, question_id)
    questions = data.get("questions")
    if questions is not None and not isinstance(questions, list):
        line, column = source.where(("questions",))
        raise UsageError(f"{section}:{line}:{column}: 'questions' is not a list")
    question = skeleton(question_id, kind, option_count)
    raw = section.read_bytes()
    bom = "\ufeff" if raw.startswith(codecs.BOM_UTF8) else ""
    text = _past_byte_order_marks(raw.decode("utf-8-sig"))
    new = bom + with_question(text, question)
    data = {**data, "questions": [*(questions or []), question]}
    # What the new text was made from, for the comment checks: their scanner reads past
    # one mark only.
    made_from = (bom + text).encode("utf-8")
    return Rewrite(section, raw, new, data, source, quoted=made_from)


def _past_byte_order_marks(text: str) -> str:
    """``text`` (a file past its first byte-order mark) past the further marks lint's
    reader reads past as if they were not there, as a tool that adds one to a file that
    has one leaves them: the file keeps one. libyaml drops a first one, and reads past a
    second as a character of the first line, which matters to nothing before a comment
    or a blank; marks it reads otherwise stay."""
    found = _MARKS_READ_PAST.match(text)
    return text[found.end() :] if found else text


_MARKS_READ_PAST = re.compile("\ufeff(?:\ufeff(?=[ \t]*(?:#|[\r\n]|$)))?(?!\ufeff)")


def skeleton(question_id: str, kind: str, option_count: int) -> dict[str, Any]:
    """A question with every required key and nothing written yet, in fmt's key order."""
    question: dict[str, Any] = {"id": question_id}
    if kind == "multiple":
        question["type"] = kind
    question["stem"] = ""
    question["options"] = dict.fromkeys(string.ascii_uppercase[:option_count], "")
    question["answer"] = []  # no letter: lint reports it until the author sets it
    question["explanation"] = ""
    return question


def with_question(text: str, question: dict[str, Any]) -> str:
    """``text``, a section lint's reader took, with ``question`` spliced in after its
    last question."""
    shape = shape_of(text)
    lines = shape.lines
    if shape.items and shape.flow:
        end = shape.items[-1].last.end_mark
        lines.insert_at((end.line, end.column), _flow_after(shape, question))
    elif shape.items:
        last = shape.items[-1]
        block = _block(question, shape.dash_column, last.column, shape.step, shape.inline_options)
        after = shape.insert_after
        blank = shape.spaced and bool(lines.lines[after].strip())  # not after a '|+' text's
        _insert_after(lines, after, [""] * blank + block, text)
    elif shape.empty_value is not None:  # 'questions:', 'questions: []', 'questions: ~'
        start, end = shape.empty_value
        lines.cut(start, end)
        _insert_after(lines, start[0], _first_block(shape, question), text)
    else:
        key = " " * shape.list_column + "questions:"
        _insert_after(lines, shape.end_line, [key, *_first_block(shape, question)], text)
    return lines.text()


def _insert_after(lines: Lines, index: int, new: list[str], text: str) -> None:
    """``new`` as lines after line ``index``; if that is the last line of a file with no
    line break at its end, what the file holds stays as it reads: a block text ending
    there gets the '-' that keeps it without one, and a line of spaces stays last (with a
    line break it would be a blank line of a '|+' text above it)."""
    if index == len(lines.lines) - 1 and text[-1] not in _BREAKS:
        ends_in_block = _strip_last_block(lines, text)
        if not ends_in_block and not lines.lines[index].strip():
            index -= 1
    lines.insert_after(index, new)


def _strip_last_block(lines: Lines, text: str) -> bool:
    """Whether ``text`` ends inside a block text ('|', '>', '|+'), which then reads
    without a final line break, and would read with one once a line follows it: if so,
    its header gets the '-' that keeps it without, as fmt's dumper writes such a text."""
    last = _last_scalar(text)
    if last is None or last.style not in ("|", ">") or not last.value or last.value[-1] in _BREAKS:
        return False  # not a block, or one that ends in a line break ('|+' and a blank line)
    start = last.start_mark  # at its '|' or '>'
    line = lines.lines[start.line]
    head, rest = line[: start.column + 1], line[start.column + 1 :]
    after = rest.lstrip("0123456789+-")  # its indentation and chomping, in either order
    indicators = rest[: len(rest) - len(after)]
    if "-" not in indicators:  # '|-' keeps it already
        indentation = indicators.replace("+", "")  # '|+2' -> '|2-', in the dumper's order
        lines.lines[start.line] = f"{head}{indentation}-{after}"
    return True


_BREAKS = "\n\r" + "".join(OTHER_BREAKS)  # the line breaks libyaml reads


def _last_scalar(text: str) -> ScalarToken | None:
    """The last text value of ``text`` (the scanner's token: its mark is at a block's '|',
    where an event's is at a tag before it)."""
    loader = CSafeLoader(text)
    last = None
    try:
        while (token := loader.get_token()) is not None:
            last = token if type(token) is ScalarToken else last
    finally:
        loader.dispose()
    return last


def _first_block(shape: SectionShape, question: dict[str, Any]) -> list[str]:
    """The first question of a list, indented as the file's other lists."""
    dash = shape.list_column + shape.list_offset
    return _block(question, dash, dash + 2, shape.step, inline_options=False)


def _block(
    question: dict[str, Any], dash: int, column: int, step: int, inline_options: bool
) -> list[str]:
    """``question`` as an item of a block list: its dash at ``dash``, its keys at
    ``column``, option letters ``step`` further in (or ``{A: "", ...}`` on one line)."""
    column = max(column, dash + 2)
    lines: list[str] = []
    for key, value in question.items():
        if isinstance(value, dict) and not inline_options:
            lines.append(f"{key}:")
            lines.extend(f"{' ' * step}{name}: {inline(text)}" for name, text in value.items())
        else:
            lines.append(f"{key}: {inline(value)}")
    first = " " * dash + "-" + " " * (column - dash - 1) + lines[0]
    return [first, *(" " * column + line for line in lines[1:])]


def _flow_after(shape: SectionShape, question: dict[str, Any]) -> str:
    """``question`` as the next item of an inline list ``[...]``: on a line of its own if
    the item before it starts one."""
    last = shape.items[-1]
    if last.own_line:
        return ",\n" + " " * last.column + inline(question)
    return ", " + inline(question)


def inline(value: Any) -> str:
    """A value as YAML on one line; text quoted only where a reader would take it for
    something else (an id 'no', '2024-05-01', a title 'Ohm: Gesetz'), in double quotes
    with JSON's escapes, which are YAML's."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {inline(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(inline(item) for item in value) + "]"
    text = str(value)
    plain = bool(text) and not reads_otherwise_in_yaml11(text)
    try:
        plain = plain and YAML(typ="safe").load(text) == text
    except YAMLError:  # '@home', '`x`': no plain text
        plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


# Letters NFKD does not take apart, spelled as a keyboard without them spells them; and
# the umlauts as German spells them without the dots ("prüfung" -> "pruefung", not the
# other word "prufung"), as ICAO 9303 writes them in any language's passport.
_SPELLED_OUT = str.maketrans(
    {"\u0153": "oe", "\u00e6": "ae", "\u00df": "ss", "\u00f8": "o", "\u0142": "l"}
    | {"\u0111": "d", "\u00f0": "d", "\u00fe": "th", "\u0131": "i", "\u0127": "h"}
    | {"\u00e4": "ae", "\u00f6": "oe", "\u00fc": "ue"}
)


def as_id(name: str) -> str:
    """``name`` made an id, for a "did you mean": lowercase, its accents dropped
    ("réseaux" -> "reseaux"; œ, æ, ß and the umlauts ä, ö, ü spelled out), Cyrillic and
    Greek look-alikes in a Latin name read as Latin (a Cyrillic "р" typed for p), Russian
    spelled out ("основы" -> "osnovy"), any other run of characters an id cannot hold a hyphen;
    "" if a letter would be lost ("网络-1"): a fragment of a name is no suggestion."""  # noqa: RUF002
    composed = unicodedata.normalize("NFC", name)  # a Mac's file names are NFD
    latin = in_latin_letters(composed).lower().translate(_SPELLED_OUT)
    spelled = unicodedata.normalize("NFKD", latin)
    unaccented = "".join(character for character in spelled if not unicodedata.combining(character))
    if any(character.isalpha() and not character.isascii() for character in unaccented):
        return ""
    return re.sub(r"[^a-z0-9]+", "-", unaccented).strip("-")


def check_question(question_id: str, option_count: int) -> None:
    """UsageError if a question of this id and number of options may not be made."""
    if not re.fullmatch(SLUG_PATTERN, question_id):
        suggestion = as_id(question_id)
        example = f"; did you mean '{suggestion}'?" if suggestion else ", e.g. 'amt-q6'"
        lookalikes = lookalikes_in(question_id)
        why = f" ({lookalikes})" if lookalikes else ""
        raise UsageError(
            f"'{question_id}' is not a valid question id{why}: use lowercase letters, digits "
            f"and single hyphens{example}"
        )
    if not 2 <= option_count <= MAX_OPTIONS:
        raise UsageError(f"--options must be between 2 and {MAX_OPTIONS}, not {option_count}")


def _check_section(section: Path) -> None:
    if section.name == MANIFEST or _is_manifest(section):
        raise UsageError(f"{section}: this is the bank's manifest; name a section file")
    said = not_a_file(section)  # a folder or a broken link: no file, but not "no such file"
    if said is not None:
        raise UsageError(f"{section}: {said[0]}; {said[1]}")
    if not section.is_file() and not (section.parent / MANIFEST).is_file():
        raise UsageError(
            f"{section}: no such file, and {section.parent} is no bank (no {MANIFEST}): "
            f"exambank init {section.parent} --title TITLE starts one"
        )
    if not section.is_file():
        raise UsageError(f"{section}: no such file")
    if not (section.parent / MANIFEST).is_file():
        raise UsageError(f"{section}: not in a bank folder (no {MANIFEST} beside it)")


def _is_manifest(section: Path) -> bool:
    """Whether ``section`` is its folder's manifest by another name: 'Bank.yaml' on a
    Mac's or Windows' file system, where case does not count, or a link to it."""
    try:
        return section.is_file() and section.samefile(section.parent / MANIFEST)
    except OSError:  # no manifest there
        return False


def check_unused(bank: Path, question_id: str) -> None:
    """UsageError if a file of ``bank`` has a question of this id."""
    for path in iter_yaml_files(bank):
        source, _ = read_source(path)
        if source.data is None and (line := _id_written_in(path, question_id)) is not None:
            raise UsageError(
                f"question id '{question_id}' seems used at {path}:{line}, in a file YAML "
                "cannot read: mend it first ('exambank lint' says where), or pick another id"
            )
        questions = source.data.get("questions") if isinstance(source.data, dict) else None
        for index, question in enumerate(questions if isinstance(questions, list) else []):
            if isinstance(question, dict) and question.get("id") == question_id:
                line, column = source.where(("questions", index, "id"))
                raise UsageError(
                    f"question id '{question_id}' is already used at {path}:{line}:{column}"
                )


def _id_written_in(path: Path, question_id: str) -> int | None:
    """The line of a file YAML cannot read that looks like it gives a question this id
    ('- id: q1', 'id: "q1"  # ...'), so 'new' does not add a second one beside it."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    written = re.compile(
        rf"""^[ \t]*(?:-[ \t]+)?id:[ \t]*(["']?){re.escape(question_id)}\1[ \t]*(?:#.*)?$"""
    )
    for number, line in enumerate(text.splitlines(), start=1):
        if written.match(line):
            return number
    return None
