"""The GitHub workflow a bank repository copies: install, lint with annotations, build, upload."""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML

from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "bank.yml"


def steps() -> list[dict[str, Any]]:
    workflow = YAML(typ="safe").load(WORKFLOW)
    assert "pull_request" in workflow["on"]
    [job] = workflow["jobs"].values()
    found: list[dict[str, Any]] = job["steps"]
    return found


def position(predicate: str) -> int:
    """Index of the first step that uses ``predicate`` or whose command contains it."""
    for index, step in enumerate(steps()):
        if step.get("uses", "").startswith(predicate) or predicate in step.get("run", ""):
            return index
    raise AssertionError(f"no step with {predicate!r} in {WORKFLOW.name}")


def test_steps_come_in_order() -> None:
    order = [
        "actions/checkout@",
        "actions/setup-python@",
        "pip install nox",
        "nox -s lint -- --format github",
        "nox -s build",
        "actions/upload-artifact@",
    ]
    indices = [position(step) for step in order]
    assert indices == sorted(indices) and len(set(indices)) == len(indices)


def test_dist_is_uploaded() -> None:
    [upload] = [step for step in steps() if step.get("uses", "").startswith("actions/upload-")]
    assert upload["with"]["path"].rstrip("/") == "dist"


def test_the_job_has_a_time_limit_below_githubs_six_hours() -> None:
    # Files a pull request brings must not hold the runner for GitHub's default 360 minutes.
    [job] = YAML(typ="safe").load(WORKFLOW)["jobs"].values()
    assert 0 < job["timeout-minutes"] <= 60
