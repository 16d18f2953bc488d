"""``exambank rules`` and ``exambank rule NAME``: the rules' own docstrings, printed."""

from __future__ import annotations

import json

from exambank.config import ALL, unknown_rule
from exambank.errors import UsageError
from exambank.rules import RULES, LoadRule, Rule
from exambank.rules.base import either, language_names

CONFIG = "config"  # what a mistake in [tool.exambank] is reported as: no rule of RULES
# Its documentation, as a rule's docstring is: for `exambank rule config` and SARIF's help.
CONFIG_DOC = """\
The [tool.exambank] table of pyproject.toml is wrong.

pyproject.toml is not UTF-8 (saved as UTF-16, say) or not valid TOML (a merge conflict
left in it, say), or its [tool.exambank] table has a mistake: an unknown key, rule or
option, or a value of the wrong type. Every mistake is reported at its line, and nothing
is checked until they are fixed (exit status 2).

Bad:
    [tool.exambank]
    select = ["answer-cont"]
    baseline = 1

Good:
    [tool.exambank]
    select = ["answer-count"]
    baseline = "baseline.json"
""".rstrip("\n")


def rule_table() -> str:
    """One line per rule: name, default severity ("off" if opt-in), the languages it
    reads ("any", or the tags it is scoped to), summary."""
    width = max(map(len, RULES))
    languages = {name: ",".join(rule.languages or ("any",)) for name, rule in RULES.items()}
    wide = max(len("LANGUAGE"), *map(len, languages.values()))
    lines = [f"{'RULE'.ljust(width)}  SEVERITY  {'LANGUAGE'.ljust(wide)}  SUMMARY"]
    for name, rule in RULES.items():
        severity = rule.severity if rule.enabled_by_default else "off"
        lines.append(
            f"{name.ljust(width)}  {severity:<8}  {languages[name].ljust(wide)}  {rule.summary()}"
        )
    return "\n".join(lines) + "\n"


def rule_page(name: str) -> str:
    """A rule's documentation and how to configure it; or what ``config``, which reports
    mistakes in pyproject.toml, is."""
    if name == CONFIG:
        return (
            f"{CONFIG} (error, always on)\n\n{CONFIG_DOC}\n\n"
            "It cannot be turned off: nothing is checked until pyproject.toml is mended.\n"
        )
    if name.upper() == ALL:  # what --select ALL takes: no page of its own
        capitals = "" if name == ALL else " (in capitals)"
        raise UsageError(
            f"'{name}' is no rule: {ALL}{capitals} names every rule where rules are listed "
            "(--select and --ignore; select, ignore and the other rule lists of "
            "[tool.exambank]); `exambank rules` lists every rule, and `exambank rule NAME` "
            "shows one rule's page"
        )
    if name not in RULES:
        message, hint = unknown_rule(name)
        raise UsageError(f"{message}; {hint}")
    rule = RULES[name]
    scope = f"{_scope(rule.languages)}\n\n" if rule.languages else ""
    return f"{name} ({_status(rule)})\n\n{rule.doc()}\n\n{scope}{_configuration(rule)}"


def _status(rule: type[Rule]) -> str:
    if not rule.switchable:
        return "error, always on"
    scope = f", {language_names(rule.languages)} only" if rule.languages else ""
    if not rule.enabled_by_default:
        return f"{rule.severity}, off by default{scope}"
    return f"{rule.severity}{scope}"


def _scope(languages: tuple[str, ...]) -> str:
    tags = either([f"{tag} (the default)" if tag == "en" else tag for tag in languages])
    return (
        f"It reads {language_names(languages)} wording, so it runs only on a bank whose "
        f"manifest's `language` is {tags}, or a regional variant ({languages[0]}-GB). "
        "On a bank in another language it does not run, and lint says so once per bank."
    )


def _configuration(rule: type[Rule]) -> str:
    if issubclass(rule, LoadRule):
        return "It cannot be turned off: a file that breaks it cannot be checked further.\n"
    if not rule.switchable:
        return "It cannot be turned off, nor its severity changed.\n"
    settings = {"severity": rule.severity, **rule.options}
    lines = [f"Configure it in pyproject.toml:\n\n    [tool.exambank.rules.{rule.name}]"]
    # TOML reads any character in a string as typed: a Russian term as written, not escaped
    lines += [
        f"    {key} = {json.dumps(value, ensure_ascii=False)}" for key, value in settings.items()
    ]
    if not rule.enabled_by_default:
        lines.append(f'\nTurn it on with extend-select = ["{rule.name}"] in [tool.exambank].')
    if rule.on_questions:
        lines.append(
            f"\nSwitch it off for one question:\n\n"
            f'    lint: {{ignore: [{rule.name}], reason: "..."}}'
        )
    return "\n".join(lines) + "\n"
