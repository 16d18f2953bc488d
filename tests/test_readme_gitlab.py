"""The README's GitLab job runs as GitLab Runner runs it (bash, ``set -eo pipefail``): both
reports are written whether or not lint finds an error, and the job fails on an error."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import QUESTION, REPO, section_yaml, write_bank

README = (REPO / "README.md").read_text(encoding="utf-8")


def _script() -> list[str]:
    """The job's script lines, but the one that installs exambank."""
    job = re.search(r"```yaml\nexambank:\n(.*?)```", README, re.DOTALL)
    assert job, "the README has no GitLab job"
    lines = re.findall(r"^    - (.*)$", job[1].split("  script:\n", 1)[1], re.MULTILINE)
    return [line for line in lines if not line.startswith("pip install")]


@pytest.mark.parametrize(("answer", "status"), [("A", 0), ("E", 1)])  # E: no such option
def test_the_gitlab_job_writes_both_reports_and_fails_on_an_error(
    tmp_path: Path, answer: str, status: int
) -> None:
    write_bank(
        tmp_path / "bank" / "b",
        {"01-main.yaml": section_yaml(QUESTION.replace("answer: A", f"answer: {answer}"))},
    )
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"  # its exambank
    job = subprocess.run(
        ["bash", "-eo", "pipefail", "-c", "\n".join(_script())],
        cwd=tmp_path,
        env={**os.environ, "PATH": path},
        capture_output=True,
        text=True,
        check=False,
    )
    assert job.returncode == status, job.stderr
    assert "<testsuites" in (tmp_path / "exambank-junit.xml").read_text(encoding="utf-8")
    report = (tmp_path / "gl-code-quality-report.json").read_text(encoding="utf-8")
    assert ("answer-not-in-options" in report) == (answer == "E")
