"""exambank: exam question banks as YAML, linted and built into handouts and exports."""

from __future__ import annotations


def installed_version() -> str:
    """exambank's version as installed, for ``--version``, CI logs and SARIF."""
    # imported here: ``exambank.entry`` imports this package before it can catch Ctrl-C,
    # and importlib.metadata alone takes 0.1 s or more
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("exambank")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "0+unknown"
