"""How YAML types a plain (unquoted) scalar, in 1.2 as libyaml reads it and in 1.1 as
PyYAML and many editors still do: "yes" is a boolean there, "4:1" the number 241 and
"2024-01-01" a date, so such text must stay quoted for every tool to agree it is text.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

# Plain scalars that YAML 1.1 readers (PyYAML, many editors) take for booleans, even where
# YAML 1.2 reads text: an option "yes" must be quoted so every tool agrees it is text.
_YAML11_BOOL = re.compile(r"^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$")
# The YAML 1.1 spec's booleans also hold y, Y, n and N: PyYAML reads them as text, Go's
# yaml.v2 and ruamel.yaml's 1.1 mode as booleans. Lint reads them as text, as exambank itself
# writes answer letters ('answer: Y'), so only fmt and new keep them quoted.
_YAML11_LETTER_BOOL = frozenset("yYnN")
# And for numbers in base 60: PyYAML reads a ratio "4:1" as 241 and "12:30:00" as 45000.
_YAML11 = VersionedResolver(version=(1, 1))
_YAML12 = VersionedResolver(version=(1, 2))
_YAML11_NUMBER = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_STR_TAG = "tag:yaml.org,2002:str"
# YAML 1.1's dates and times ("2024-01-01", "2001-12-14t21:59:43.10-05:00"): PyYAML's
# safe_load gives a date (or fails on "2024-02-30"), YAML 1.2 and lint read the text.
# The resolver's pattern is the 1.1 spec's.
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_NON_TEXT = {
    "tag:yaml.org,2002:int": "number",
    "tag:yaml.org,2002:float": "number",
    "tag:yaml.org,2002:bool": "boolean",
    "tag:yaml.org,2002:null": "null",
}


def typed_scalar(event: Any, resolve: Any) -> tuple[Any, tuple[str, str] | None]:
    """A plain scalar's value, and (kind, text) when YAML would not read it as text.
    A date is text to lint, as to YAML 1.2, and read as its text: only YAML 1.1 readers
    (and the round-trip writer, which ``rewrite`` refuses it to) take it for a date.
    The reader calls it only for the short or number-like ones (``event_reader._MAY_BE_TYPED``)."""
    text: str = event.value
    tag = str(resolve(ScalarNode, text, event.implicit))  # a ruamel Tag, not a str
    if tag == _STR_TAG:
        if _YAML11_BOOL.match(text):
            return text.lower() in {"yes", "on"}, ("boolean", text)
        if ":" in text and is_yaml11_number(text):
            return sexagesimal(text), ("number", text)
        return text, None
    if tag == _TIMESTAMP_TAG:  # text, as written, but told as a date
        return text, ("date", text)
    kind = _NON_TEXT.get(tag)
    if kind is None:  # '=' (a "value" key) and the like: keep the text as written
        return text, None
    if kind == "null":
        return None, (kind, text)
    if kind == "boolean":
        return text.lower() == "true", (kind, text)
    try:
        number = int(text.replace("_", ""), 0) if tag.endswith("int") else float(text)
        if isinstance(number, int) and number.bit_length() > _LONGEST_PRINTED:
            raise ValueError("a number Python cannot write in decimal")
    except ValueError:  # as a decimal of more than 4,300 digits, which int() refuses
        number = float("nan")
    return number, (kind, text)


# Python writes no int of more than 4,300 decimal digits (about 14,280 bits): a longer one,
# written in hex, could be read but never named in a message.
_LONGEST_PRINTED = 14_000


def typed_key(text: str) -> bool:
    """Whether a key written ``text`` unquoted is read as other than text (a number, a
    boolean, null, a date) by the round-trip reader of ``lint --fix`` and ``fmt``."""
    return str(_YAML12.resolve(ScalarNode, text, (True, False))) != _STR_TAG


def reads_otherwise_in_yaml11(text: str) -> bool:
    """Whether YAML 1.1 readers take ``text``, unquoted, for a boolean ("yes", "Off", "y")
    or a number ("4:1") where YAML 1.2 reads text: such text must stay quoted."""
    return (
        bool(_YAML11_BOOL.match(text))
        or text in _YAML11_LETTER_BOOL
        or (":" in text and is_yaml11_number(text))
    )


def is_yaml11_number(text: str) -> bool:
    """Whether YAML 1.1 reads ``text`` as a number in base 60 ("4:1", "1:30:00")."""
    return str(_YAML11.resolve(ScalarNode, text, (True, False))) in _YAML11_NUMBER


def sexagesimal(text: str) -> float:
    """The number YAML 1.1 reads in ``text``: "1:30" is 90, "1:1." is 61.0."""
    value = 0.0
    for part in text.lstrip("+-").replace("_", "").split(":"):
        value = value * 60 + float(part)
    value = -value if text.startswith("-") else value
    return value if "." in text else int(value)
