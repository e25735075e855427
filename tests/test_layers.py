"""The package's layers import downward only, and library code never imports the CLI.

cli -> web, export, evaluation -> timeline -> events -> temporal, entities -> text,
lang, errors. A module may import its own layer and the ones below it; the
check reads every ``import`` statement of the package (also those inside
functions), so a lazy import cannot hide an upward dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from chronist.errors import LanguageDataError
from chronist.temporal.grammar import load_grammar
from chronist.temporal.lazy_pattern import LazyPattern

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "chronist"
LAYERS = [
    {"errors", "lang", "text"},
    {"temporal", "entities"},
    {"events"},
    {"timeline"},
    {"export", "web", "evaluation", "integrations"},
    {"store"},
    {"api"},
    {"cli"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}
API = len(LAYERS) - 1  # the package's __init__: the public API, which only the CLI reads


def _layer(module: str) -> int:
    parts = module.split(".")
    if parts[0] != "chronist":
        return -1
    if len(parts) == 1:
        return API
    return RANK.get(parts[1], len(LAYERS))


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


def test_every_module_has_a_layer() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    modules = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    assert packages | modules <= set(RANK)


def test_layers_import_downward_only() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        module = module.removesuffix(".__init__")
        own = _layer(module)
        if module == "chronist":
            continue
        for imported in _imports(path):
            if _layer(imported) > own:
                wrong.append(f"{module} imports {imported}")
    assert wrong == []


def test_library_code_never_imports_the_cli() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        if "cli" in path.relative_to(PACKAGE).parts:
            continue
        assert not [m for m in _imports(path) if m.startswith("chronist.cli")], path


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_shipped_rule_pattern_compiles(lang: str) -> None:
    for rule in load_grammar(lang).rules:
        assert rule.regex.compiled().groupindex.keys() >= rule.groups, rule.name


def test_a_bad_pattern_names_its_file_and_rule() -> None:
    pattern = LazyPattern("(?P<year>[0-9]{4}", "rules.toml: rule 'year'")
    with pytest.raises(LanguageDataError, match=r"rules.toml: rule 'year': bad pattern"):
        pattern.search("1953")
