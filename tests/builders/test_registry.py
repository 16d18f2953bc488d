from __future__ import annotations

import pytest

from exambank.builders import BUILDERS, Builder, _registry


def test_every_format_is_registered_by_its_name():
    assert {name: builder.name for name, builder in BUILDERS.items()} == {
        "pdf": "pdf",
        "json": "json",
        "csv": "csv",
    }
    assert all(
        issubclass(builder, Builder) and builder.description for builder in BUILDERS.values()
    )


def test_the_registry_refuses_two_builders_of_one_name():
    class First(Builder):
        name = "twin"

    class Second(Builder):
        name = "twin"

    with pytest.raises(ValueError, match="two builders are named 'twin'"):
        _registry(First, Second)
