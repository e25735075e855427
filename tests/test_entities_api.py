"""The public surface of chronist.entities: light import, docstring examples."""

from __future__ import annotations

import subprocess
import sys


def test_the_package_is_callable() -> None:
    import chronist

    found = chronist.recognize("Truman entließ MacArthur in Washington.")
    assert [(e.text, e.type.value) for e in found][:2] == [("Truman", "PER"), ("MacArthur", "PER")]


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
