"""The examples in the docstrings of the events and timeline packages are run as tests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import chronist.events
import chronist.timeline

_MODULES = sorted(
    {"chronist.events", "chronist.timeline"}
    | {
        info.name
        for package in (chronist.events, chronist.timeline)
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
    }
)


@pytest.mark.parametrize("name", _MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
