"""The import contract: packages import downward only (README 'Layout', DESIGN 'Layers').

Every `import` in giaoban/ counts, at module level or inside a function (an import hidden in a
function to dodge a cycle is still an upward import). A package may import its own modules and
packages of lower layers; only the edges may import one another.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "giaoban"

LAYERS = [  # lowest first
    {"core"},  # plain cores (no Django): periods, numbers, aggregation rules …
    {"textfigures"},  # … the text core (normalizer, period words, organization names, readers) …
    {"docwriter", "formats"},  # … and what is built on them
    {"audit", "jobs"},  # what every app may use
    {"org"},
    {"collection"},
    {"analytics", "intake"},
    {"meetings"},
    {"documents", "demo", "dhis2"},
    {"web", "api", "security", "cli", "urls", "wsgi", "settings", "__main__"},  # edges
]
EDGES = LAYERS[-1]
PLAIN = LAYERS[0] | LAYERS[1] | LAYERS[2]

# Upward imports that remain, each with why it is not fixed yet (none today). The test fails when
# one is added, and also when one of these goes away (so the list only shrinks, and says the truth).
KNOWN: set[tuple[str, str]] = set()


def layer_of(package: str) -> int:
    for i, names in enumerate(LAYERS):
        if package in names:
            return i
    raise AssertionError(f"giaoban.{package} is in no layer: add it to LAYERS in {__file__}")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(module: str, source: str, is_package: bool = False) -> set[str]:
    """The giaoban modules `module` imports anywhere in its source."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                found.add(".".join(base + ([node.module] if node.module else [])))
            elif node.module:
                found.add(node.module)
    return {name for name in found if name == "giaoban" or name.startswith("giaoban.")}


def violations(sources: dict[str, tuple[str, bool]]) -> set[tuple[str, str]]:
    """(importing module, imported package) for every import that does not go downward."""
    found = set()
    for module, (source, is_package) in sources.items():
        parts = module.split(".")
        if len(parts) < 2:
            continue
        own = parts[1]
        for target in imports(module, source, is_package):
            target_parts = target.split(".")
            if len(target_parts) < 2 or target_parts[1] == own:
                continue
            other = target_parts[1]
            if layer_of(other) < layer_of(own) or (own in EDGES and other in EDGES):
                continue
            found.add((module, f"giaoban.{other}"))
    return found


def tree_sources() -> dict[str, tuple[str, bool]]:
    return {module_name(path): (path.read_text(encoding="utf-8"), path.name == "__init__.py")
            for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts}


def test_packages_import_downward_only():
    found = violations(tree_sources())
    assert found - KNOWN == set(), "upward or sideways imports (see LAYERS in this file)"
    assert KNOWN - found == set(), "fixed: remove these from KNOWN"


def test_a_planted_upward_import_fails():
    sources = tree_sources()
    sources["giaoban.org.planted"] = ("def view():\n    from giaoban.web import views\n", False)
    sources["giaoban.core.planted"] = ("from ..collection.models import Report\n", False)
    sources["giaoban.analytics.planted"] = ("import giaoban.intake.service\n", False)  # a sibling
    assert violations(sources) - KNOWN == {("giaoban.org.planted", "giaoban.web"),
                                           ("giaoban.core.planted", "giaoban.collection"),
                                           ("giaoban.analytics.planted", "giaoban.intake")}


def test_the_plain_cores_do_not_import_django():
    for path in PACKAGE.rglob("*.py"):
        parts = module_name(path).split(".")
        if len(parts) < 2 or parts[1] not in PLAIN - {"formats"}:  # formats: Django's locale format module
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n == "django" or n.startswith("django.") for n in names), path


def module_graph(sources: dict[str, tuple[str, bool]]) -> dict[str, set[str]]:
    """Module → the giaoban modules it imports (`from pkg import submodule` counts as the submodule)."""
    graph = {}
    for module, (source, is_package) in sources.items():
        targets = set()
        for node in ast.walk(ast.parse(source)):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = module.split(".")
                    parts = parts[: len(parts) - node.level + (1 if is_package else 0)]
                    base = ".".join(parts + ([node.module] if node.module else []))
                names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in sources else base for alias in node.names]
            for name in names:
                parts = name.split(".")
                while parts and ".".join(parts) not in sources:
                    parts = parts[:-1]
                if parts and ".".join(parts) != module:
                    targets.add(".".join(parts))
        graph[module] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in graph:
        if v not in index:
            visit(v)
    return found


def test_no_module_imports_itself_back():
    # collection.rules ↔ workflow and the old api.api ↔ api.analytics/meetings were the last ones.
    assert cycles(module_graph(tree_sources())) == []


def test_a_planted_cycle_fails():
    sources = tree_sources()
    source, is_package = sources["giaoban.collection.indicators"]
    sources["giaoban.collection.indicators"] = (source + "\ndef f():\n    from giaoban.collection import workflow\n",
                                                is_package)
    planted = {"giaoban.collection.indicators", "giaoban.collection.workflow"}
    assert any(planted <= set(group) for group in cycles(module_graph(sources)))


def hidden_imports_without_why(module: str, source: str) -> list[int]:
    """Lines of giaoban imports inside a function with no comment saying why: on the line, on the
    line above, or above the run of import lines it belongs to."""
    lines = source.splitlines()
    found = []
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(function):
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if not (isinstance(node, ast.ImportFrom) and node.level) and not any(
                    n == "giaoban" or n.startswith("giaoban.") for n in names):
                continue
            row = node.lineno - 1
            while True:
                if "#" in lines[row]:
                    break
                above = lines[row - 1].strip() if row else ""
                if above.startswith("#"):
                    break
                if above.startswith(("from ", "import ")):
                    row -= 1
                    continue
                found.append(node.lineno)
                break
    return found


def test_every_import_inside_a_function_says_why():
    missing = [f"{module}:{line}" for module, (source, _) in tree_sources().items()
               for line in hidden_imports_without_why(module, source)]
    assert missing == [], "move these imports to the top of the module, or say on the line why they cannot be there"


def test_a_planted_silent_import_inside_a_function_fails():
    source = ("def f():\n    from giaoban.org import models\n"
              "def g():\n    # models load after the apps\n    from giaoban.org import models\n    from . import names\n"
              "def h():\n    import json\n")
    assert hidden_imports_without_why("giaoban.org.planted", source) == [2]
