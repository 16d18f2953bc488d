"""A property worked out once per object, on first reading, and kept in the object.

``functools.cached_property`` does the same, but on Python 3.11 every first reading takes
a lock shared by all the objects of the class (3.12 dropped it): a first reading costs
2,200 instructions more, and a lint of 10,000 questions first-reads two such properties of
each question. Two threads reading the same property at once may each work it out; both
get the same value, as the properties kept are pure functions of their object.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

Value = TypeVar("Value")


class worked_out(Generic[Value]):  # a lower-case name: used as a decorator, like cached_property
    """The value of the decorated method, kept in the instance's ``__dict__`` under its
    name: later readings find it there and never call this descriptor again."""

    def __init__(self, method: Callable[[Any], Value]) -> None:
        self.method = method
        self.name = method.__name__
        self.__doc__ = method.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name  # the name it is read by, should it differ from the method's

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> worked_out[Value]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> Value: ...
    def __get__(self, instance: object, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.method(instance)
        return value
