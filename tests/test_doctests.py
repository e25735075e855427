"""The examples in the docstrings of every chronist module are run as tests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import chronist

_MODULES = sorted(
    {"chronist"} | {info.name for info in pkgutil.walk_packages(chronist.__path__, "chronist.")}
)


@pytest.mark.parametrize("name", _MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
