"""Schema violations about keys, in an author's words.

A key the schema has no place for is most often a slip with a known fix: a misspelt key
or one in the author's language (did you mean 'explanation'?), option letters not indented
under 'options:', feedback beside the options rather than in one, a question's key written
among its options ('Respuesta: B'), option letters typed in Cyrillic or Greek, a block
scalar key that ends in a line break. A required key reported missing is often one of
these too, and then it is said once, at the key the author did write.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from jsonschema.exceptions import ValidationError as SchemaViolation

from exambank.file_names import MANIFEST
from exambank.lookalikes import is_foreign_letter, russian_lettering
from exambank.model import LIST_ITEMS, Manifest, Question, Section
from exambank.run_together import glued_hint
from exambank.schema_letters import foreign_option_letter, russian_options
from exambank.schema_patterns import unknown_keys
from exambank.schema_words import Found, clip
from exambank.source import JsonPath, Source

LETTER = re.compile(r"^[A-Z]\Z")  # not "B\n", which a block scalar gives
# What a section's file holds and a manifest does not: its lists and a question's keys (not
# 'lint', which the manifest may mean as the whole bank's).
_SECTION_FILE_KEYS = (frozenset(Section.model_fields) | frozenset(Question.model_fields)) - {
    *Manifest.model_fields,
    "lint",
}
_FEEDBACK_HINT = "{key} belongs to an option: {letter}: {{text: ..., feedback: ...}}"
# The format's keys as authors write them in their own language ('respuesta:' for
# 'answer:'), read as ``plain`` reads a key: in any case, with or without accents, its
# words joined by a space, '_' or '-' ('alternativa_correta').
_IN_OTHER_LANGUAGES = {
    "de": {
        "frage": "stem",
        "optionen": "options",
        "antwort": "answer",
        "lösung": "answer",
        "erklärung": "explanation",
        "schwierigkeit": "difficulty",
        "schlagwörter": "tags",
        "typ": "type",
        "titel": "title",
        "fragen": "questions",
        "sprache": "language",
    },
    "es": {
        "enunciado": "stem",
        "pregunta": "stem",
        "opciones": "options",
        "respuesta": "answer",
        "correcta": "answer",
        "explicación": "explanation",
        "dificultad": "difficulty",
        "etiquetas": "tags",
        "tipo": "type",
        "título": "title",
        "preguntas": "questions",
        "idioma": "language",
    },
    "fr": {
        "énoncé": "stem",
        "question": "stem",
        "réponse": "answer",
        "explication": "explanation",
        "difficulté": "difficulty",
        "étiquettes": "tags",
        "titre": "title",
        "langue": "language",
    },
    "pt": {
        "enunciado": "stem",
        "pergunta": "stem",
        "opções": "options",
        "alternativas": "options",
        "resposta": "answer",
        "resposta correta": "answer",
        "correta": "answer",
        "alternativa correta": "answer",
        "gabarito": "answer",
        "explicação": "explanation",
        "justificativa": "explanation",
        "comentário": "explanation",
        "resolução": "explanation",
        "dificuldade": "difficulty",
        "etiquetas": "tags",
        "tipo": "type",
        "título": "title",
        "perguntas": "questions",
        "idioma": "language",
    },
    "ru": {
        "вопрос": "stem",
        "варианты": "options",
        "ответ": "answer",
        "объяснение": "explanation",
        "пояснение": "explanation",
        "сложность": "difficulty",
        "теги": "tags",
        "тип": "type",
        "вопросы": "questions",
        "язык": "language",
    },
}


def explain_unknown_keys(
    source: Source, error: SchemaViolation, path: JsonPath, name: str
) -> Iterator[Found]:
    """The keys of the object at ``path`` that its schema has no place for, each with the
    fix it most likely wants."""
    schema: Any = error.schema
    instance: Any = error.instance
    # lines of a block text at its key's place, told where the file was read (load)
    unknown = [
        key for key in unknown_keys(instance, schema) if (*path, key) not in source.block_text_keys
    ]
    broken = [key for key in unknown if key.endswith("\n") and _allowed(key.rstrip("\n"), schema)]
    for key in broken:  # '"B\n": ...', or a block scalar key ('? |', then B)
        noun, meant = "letter" if "patternProperties" in schema else "key", key.rstrip("\n")
        message = f"{name}: the {noun} '{meant}' ends in a line break"
        yield source.where_key((*path, key)), message, f"write '{meant}:' with no line break"
    unknown = [key for key in unknown if key not in broken]
    if "patternProperties" in schema:  # options: a map keyed by letter
        keys = list(instance)
        if russian_lettering(keys):  # one finding: one fix, for all of them
            yield source.where_key((*path, keys[0])), *russian_options(name, keys)
            return
        for key in sorted(unknown):
            hint = "option letters are single capital letters A-Z"
            if is_foreign_letter(key):  # a Cyrillic or Greek letter typed for a Latin one
                message, hint = foreign_option_letter(name, key, keys)
                yield source.where_key((*path, key)), message, hint
                continue
            if outside := _question_key(key):  # 'Respuesta: B' under 'options:'
                written = _key_value(outside, instance[key])
                hint = f"move it out of 'options': write '{written}' indented like 'options:'"
            elif key in ("text", "feedback"):
                letters = [k for k in keys if LETTER.match(k)] or ["A"]
                before = [k for k in keys[: keys.index(key)] if LETTER.match(k)] or letters[:1]
                hint = _FEEDBACK_HINT.format(key=key, letter=before[-1])
            yield source.where_key((*path, key)), f"'{key}' is not an option letter", hint
        return
    letters = stray_letters(instance, schema)
    if letters:
        yield _stray_options(source, path, instance, letters)
    for key in sorted(set(unknown) - set(letters)):
        close = _near_miss(key, schema)
        allowed = ", ".join(sorted(schema.get("properties", {})))
        hint = f"did you mean '{close}'?" if close else f"allowed: {allowed}"
        if key == "feedback" and "options" in schema.get("properties", {}):
            answer = instance.get("answer")
            letter = answer if isinstance(answer, str) and LETTER.match(answer) else "A"
            hint = _FEEDBACK_HINT.format(key=key, letter=letter)
        elif new_item := _glued_item(path, key, schema):  # '-id: q2': a lost '- '
            hint = glued_hint(new_item, _key_value(key[1:], instance[key]))
        elif _in_a_section_file(key, schema):  # a question pasted into bank.yaml
            hint = _section_file_hint(source, _meaning(key))
        elif key == "lint" and "questions" in schema.get("properties", {}):
            hint = (
                "a suppression belongs to a question (lint: under its id); for a whole "
                "file, list the rules under [tool.exambank.per-file-ignores] in pyproject.toml"
            )
        yield source.where_key((*path, key)), f"unknown key '{key}' in {name}", hint


def _glued_item(path: JsonPath, key: str, schema: Any) -> str | None:
    """What a list item is called ("question") when ``key``, unknown in the item at
    ``path``, is the key such an item starts with after a dash with no space ('-id'): a
    new item whose '- ' lost its space, read as a key of the item above. Following a
    did-you-mean ('id') would merge the two."""
    if len(path) < 2 or not isinstance(path[-1], int) or not key.startswith("-"):
        return None
    item, first_key = LIST_ITEMS.get(str(path[-2]), (None, None))
    meant = key[1:]
    return item if meant == first_key and meant in schema.get("properties", {}) else None


def explain_missing_key(
    source: Source, error: SchemaViolation, path: JsonPath, name: str
) -> Iterator[Found]:
    """A required key that is missing, unless a misspelt key or option letters written
    outside 'options:' already stand for it."""
    instance: Any = error.instance
    schema: Any = error.schema
    missing = error.message.split("'")[1]
    unknown = unknown_keys(instance, schema)
    if any(_near_miss(key, schema) == missing for key in unknown):
        return  # the did-you-mean at the misspelt key says it
    if missing == "options" and stray_letters(instance, schema):
        return  # reported at the letters
    options = instance.get("options")
    if isinstance(options, dict) and missing in map(_question_key, options):
        return  # written under 'options:', and reported there
    yield source.where(path), f"{name} is missing '{missing}'", f"add '{missing}:'"


def _in_a_section_file(key: str, schema: Any) -> bool:
    """Whether ``key``, unknown in the object ``schema`` describes, is a section file's
    key written in the manifest: 'questions', 'key_terms', a question's 'stem' (in any
    case or language)."""
    return "sections" in schema.get("properties", {}) and _meaning(key) in _SECTION_FILE_KEYS


def section_file(source: Source) -> str:
    """A section's file beside ``source``, as ``init`` and ``new`` name one: the one file
    a schema finding's hint quotes."""
    return str(Path(source.display).with_name("<nn>-<section-id>.yaml"))


def _section_file_hint(source: Source, key: str) -> str:
    """Where a section file's ``key`` goes: into a section's file, to which ``new`` adds
    a question."""
    where = f"belongs in a section's file, {section_file(source)}, not in {MANIFEST}"
    new = "or add one with exambank new QUESTION-ID --section FILE"
    if key == "questions":
        return f"'{key}' {where}: move the questions there, {new}"
    if key in Question.model_fields:
        return f"'{key}' is a question's key, and a question {where}: move it there, {new}"
    return f"'{key}' {where}: move it to the section it is about"


def _allowed(key: str, schema: Any) -> bool:
    return not unknown_keys({key: None}, schema)


def _near_miss(key: str, schema: Any) -> str | None:
    """The key of ``schema`` that ``key`` stands for: in another case or language, or
    misspelt; not for a key that is a section file's ('questions' is not 'sections')."""
    if _in_a_section_file(key, schema):
        return None
    return closest_key(key, sorted(schema.get("properties", {})))


def closest_key(key: str, allowed: Sequence[str]) -> str | None:
    """The key of ``allowed`` that ``key`` stands for: in another case or language, or
    misspelt."""
    if _meaning(key) in allowed:
        return _meaning(key)
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def plain(key: str) -> str:
    """``key`` in lower case without accents: 'Explicación' and 'explicacion' alike."""
    spelled = unicodedata.normalize("NFD", key.casefold())
    return unicodedata.normalize("NFC", "".join(c for c in spelled if not unicodedata.combining(c)))


_WORD_JOINS = re.compile(r"[\s_-]+")
_MEANINGS = {
    plain(word): key for words in _IN_OTHER_LANGUAGES.values() for word, key in words.items()
}


def _meaning(key: str) -> str:
    """The format's key ``key`` is written for, in another case or language."""
    said = plain(key)
    return _MEANINGS.get(_WORD_JOINS.sub(" ", said), said)


def _question_key(key: Any) -> str | None:
    """The key of a question that ``key``, found among its options, stands for."""
    meant = _meaning(key) if isinstance(key, str) else None
    return meant if meant in Question.model_fields and meant != "options" else None


def _key_value(key: str, value: Any) -> str:
    """``key: value`` as the author would write it, shortened."""
    if isinstance(value, list):
        return f"{key}: [{', '.join(map(_written, value))}]"
    if value is None or isinstance(value, dict):
        return f"{key}: ..."
    return f"{key}: {clip(_written(value))}"


def _written(value: Any) -> str:
    """A scalar as YAML writes it: a boolean is 'false', not Python's 'False'."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def stray_letters(question: Any, schema: Any) -> list[str]:
    """Option letters written as keys of the question itself: not indented under
    'options:'. ``schema`` is the question's, or {} when the caller knows it is one."""
    if schema and "options" not in schema.get("properties", {}):
        return []
    if not isinstance(question, dict) or isinstance(question.get("options"), (list, str)):
        return []  # options written otherwise: that is the problem to report
    return [key for key in question if LETTER.match(key)]


def _stray_options(source: Source, path: JsonPath, question: Any, letters: list[str]) -> Found:
    run = "".join(letters) in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    span = f"{letters[0]}-{letters[-1]}" if run and len(letters) > 1 else ", ".join(letters)
    named = f"option {span} is" if len(letters) == 1 else f"options {span} are"
    if "options" in question:
        message = f"the {named} not indented under 'options:'"
        hint = f"indent {span} two spaces more than 'options:'"
    else:
        message = f"the {named} not under an 'options:' line"
        hint = f"add 'options:' above {letters[0]} and indent {span} under it"
    return source.where_key((*path, letters[0])), message, hint
