"""exambank: exam question banks as YAML, linted and built into handouts and exports."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def installed_version() -> str:
    """exambank's version as installed, for ``--version``, CI logs and SARIF."""
    try:
        return version("exambank")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "0+unknown"
