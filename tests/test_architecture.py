"""The import graph follows the flow: each package imports only the packages that
docs/architecture.md allows it (read from the code's own imports, not run)."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

BASE = {"errors", "types", "settings"}
# package -> the packages it may import (docs/architecture.md, "Who may import whom")
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "settings": {"errors"},
    "types": {"errors"},
    "text": {"errors", "types"},
    "read": BASE | {"text"},
    "clean": BASE | {"text", "read"},
    "annotate": BASE | {"text"},
    "store": BASE,
    "link": BASE | {"text", "store"},
    "timeline": BASE | {"text", "store"},
    "pipeline": BASE | {"text", "read", "clean", "annotate", "link", "store"},
    "editing": BASE | {"store", "timeline"},
    "api": BASE | {"read", "pipeline", "annotate", "link", "store", "timeline", "editing"},
    "evaluation": BASE
    | {"text", "read", "clean", "annotate", "store", "link", "pipeline", "timeline", "api"},
    "web": BASE | {"api", "timeline", "editing"},
    "cli": BASE | {"api", "pipeline", "annotate", "timeline", "evaluation", "web", "editing"},
    "__init__": BASE | {"api"},
    "__main__": {"cli"},
}


def _unit(module: str) -> str:
    """The top-level room of a module: ``storyline.link.events`` -> ``link``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> set[str]:
    rel = path.relative_to(SRC).with_suffix("")
    module = ".".join(rel.parts)
    package = module[: -len(".__init__")] if module.endswith(".__init__") else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
                found.update([target] if node.module else [f"{target}.{a.name}" for a in node.names])
            elif node.module:
                found.add(node.module)
    return {m for m in found if m == "storyline" or m.startswith("storyline.")}


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for path in (SRC / "storyline").rglob("*.py"):
        here = _unit(".".join(path.relative_to(SRC).with_suffix("").parts))
        graph[here].update(u for u in map(_unit, _imports(path)) if u != here)
    return graph


def test_every_package_imports_only_what_the_architecture_allows() -> None:
    wrong = {
        unit: sorted(targets - ALLOWED.get(unit, set()))
        for unit, targets in import_graph().items()
        if targets - ALLOWED.get(unit, set())
    }
    assert not wrong, f"imports against the flow (fix the code or docs/architecture.md): {wrong}"


def test_every_package_is_in_the_table() -> None:
    rooms = {p.stem if p.is_file() else p.name for p in (SRC / "storyline").iterdir()
             if (p.suffix == ".py" or (p.is_dir() and (p / "__init__.py").exists()))}
    assert rooms <= set(ALLOWED), f"new package(s) missing from the table: {sorted(rooms - set(ALLOWED))}"


def test_the_table_is_the_one_in_the_docs() -> None:
    doc = (SRC.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    for unit, targets in ALLOWED.items():
        line = f"| `{unit}` | {', '.join(f'`{t}`' for t in sorted(targets)) or '(nothing)'} |"
        assert line in doc, f"docs/architecture.md lacks the row: {line}"
