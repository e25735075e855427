"""The examples in the docstrings of the core are run as tests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import chronist.temporal
import chronist.text

_MODULES = sorted(
    {"chronist", "chronist.lang"}
    | {
        info.name
        for package in (chronist.temporal, chronist.text)
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
    }
)


@pytest.mark.parametrize("name", _MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
