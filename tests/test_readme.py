"""The README is the user's manual: it must name every rule and show working commands."""

import re

from exambank.rules import RULES
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_every_rule_is_documented_in_the_readme():
    missing = [name for name in RULES if f"`{name}`" not in README]
    assert missing == [], f"README does not document: {missing}"


def test_quickstart_has_two_commands_and_ci_runs_the_test_one():
    quickstart = README.split("## Quickstart", 1)[1].split("##", 1)[0]
    commands = re.search(r"```sh\n(.*?)```", quickstart, re.S).group(1).strip().splitlines()
    assert len(commands) == 2 and "nox" in commands[0]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


def test_the_rule_table_says_which_rules_are_on_as_the_rules_do():
    # | `rule` | what it reports | precision | on/off |, one row per item-writing rule
    rows = re.findall(r"^\| `([a-z-]+)` \|.*\| (on|off) \|$", README, re.MULTILINE)
    assert len(rows) >= 15
    said = {name: default == "on" for name, default in rows}
    assert said == {name: RULES[name].enabled_by_default for name in said}


def _table_rows(header: str) -> list[str]:
    """The rule names of the README table under ``header``, in order."""
    table = README.split(header + "\n", 1)[1].split("\n\n", 1)[0]
    return re.findall(r"^\| `([a-z-]+)` \|", table, re.MULTILINE)


def test_the_two_rule_tables_list_every_rule():
    """A rule mentioned in prose but missing from the tables is missing for a reader."""
    checks = _table_rows("| rule | severity | language | what it reports |")
    item_writing = _table_rows(
        "| rule | what it reports | precision (last sample) | language | default |"
    )
    assert set(checks) | set(item_writing) == set(RULES)
    assert len(set(checks)) == len(checks)  # once a table, though longest-option-key is
    assert len(set(item_writing)) == len(item_writing)  # in both (two checks, two rows)


def test_the_count_of_rules_off_by_default_is_the_rules_own():
    words = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    said = re.search(r"[;.](?:\*\*)?\s(\w+)\srules\sand\s`longest-option-key`", README)
    assert said, "the README no longer says how many rules are off by default"
    count = said.group(1).lower()
    off = sum(not rule.enabled_by_default for rule in RULES.values())
    assert words.split().index(count) + 1 == off
