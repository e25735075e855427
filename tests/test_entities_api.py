"""The public surface of chronist.entities: light import, docstring examples."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys

import pytest

MODULES = [
    "chronist.entities",
    "chronist.entities.command",
    "chronist.entities.coreference",
    "chronist.entities.corpus",
    "chronist.entities.evaluate",
    "chronist.entities.features",
    "chronist.entities.gazetteer_pass",
    "chronist.entities.model",
    "chronist.entities.places",
    "chronist.entities.recognition",
    "chronist.entities.resources",
    "chronist.entities.tokens",
    "chronist.entities.types",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_importing_the_package_loads_no_model() -> None:
    code = (
        "import sys, chronist.entities as e; "
        "print('pycrfsuite' in sys.modules, 'chronist.entities.model' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_public_names() -> None:
    import chronist.entities as entities

    assert sorted(entities.__all__) == ["Entity", "EntityType", "Mention", "recognize"]
