"""A schema's regular expressions, read as the model reads them.

pydantic's Rust regex decides what loads, and lint's validator explains its refusals, so
both must agree on what a pattern matches: which values fit and which keys are allowed.
Python's "$" also matches before a final line break, which would let "B\\n" (answer: |,
then B) pass as a letter; Rust's, like ECMA 262's (the schema's, in an editor), only at
the end of the text. Python's "\\s" also takes U+001C-U+001F, which Rust's (Unicode
White_Space) does not.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

# What the model's regular expressions (Rust's, Unicode White_Space) read as "\\s".
WHITE_SPACE = r"\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_AS_THE_MODEL = {"$": r"\Z", r"\s": f"[{WHITE_SPACE}]", r"\S": f"[^{WHITE_SPACE}]"}
_TOKEN = re.compile(r"\\.|\[(?:\\.|[^\]\\])*\]|\$")  # an escape, a class, or "$"


@cache
def read_pattern(pattern: str) -> re.Pattern[str]:
    """``pattern`` with each "$", "\\s" and "\\S" outside a character class meaning what
    it means to the model."""
    return re.compile(_TOKEN.sub(lambda match: _AS_THE_MODEL.get(match[0], match[0]), pattern))


def unknown_keys(instance: Any, schema: Any) -> list[str]:
    """The keys of ``instance`` that ``schema`` (an object schema) does not allow."""
    if not isinstance(instance, dict) or not isinstance(schema, dict):
        return []
    allowed = schema.get("properties", {})
    patterns = [read_pattern(pattern) for pattern in schema.get("patternProperties", {})]
    return [
        key
        for key in instance
        if key not in allowed and not any(pattern.search(key) for pattern in patterns)
    ]
