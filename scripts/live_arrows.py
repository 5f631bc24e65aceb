"""Count the arrows (distinct module → module imports) inside a package, and its cycles.

    python scripts/live_arrows.py [-v] [package]     # default: live; -v lists the arrows

Every import counts, also those inside functions and under TYPE_CHECKING; migrations do not.
`from live import conf` is an arrow to live.conf when live/conf.py exists, else to the package.
A cycle is a strongly connected group of modules (Tarjan); the figures in docs/architecture.md
come from this script.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def modules(package: str) -> dict[str, Path]:
    found = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "migrations" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def arrows(package: str) -> dict[str, set[str]]:
    known = modules(package)

    def resolve(target: str) -> str:
        # the longest known module an import names: live.conf, not live
        while target and target not in known:
            target = target.rpartition(".")[0]
        return target

    graph: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [resolve(alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = name.split(".")
                    keep = len(anchor) - node.level + (path.name == "__init__.py")
                    base = ".".join([*anchor[:keep], base] if base else anchor[:keep])
                targets = [resolve(f"{base}.{alias.name}") for alias in node.names]
            graph[name].update(t for t in targets if t and t != name)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def main() -> None:
    names = [arg for arg in sys.argv[1:] if not arg.startswith("-")]
    package = names[0] if names else "live"
    graph = arrows(package)
    verbose = "-v" in sys.argv
    count = sum(len(targets) for targets in graph.values())
    print(f"{package}: {len(graph)} modules, {count} arrows")
    # models and conf are the ground every layer stands on: the arrows between the rest
    ground = {f"{package}.models", f"{package}.conf"}
    rest = sum(len(targets - ground) for name, targets in graph.items() if name not in ground)
    print(f"without the arrows into {', '.join(sorted(ground))}: {rest}")

    # the parts: a subpackage (live.ws, live.services, live.admin ...) counts as one node
    def part(name: str) -> str:
        return ".".join(name.split(".")[:2])

    parts: dict[str, set[str]] = {}
    for name, targets in graph.items():
        parts.setdefault(part(name), set()).update(
            part(t) for t in targets if part(t) != part(name)
        )
    between = sum(len(targets - ground) for name, targets in parts.items() if name not in ground)
    print(f"between parts (a subpackage counts once), without those into the ground: {between}")
    for label, found in (("cycles", cycles(graph)), ("cycles between parts", cycles(parts))):
        print(f"{label}: {len(found)}")
        for group in found:
            print("  " + " ↔ ".join(group))
    if verbose:
        for name in sorted(graph):
            for target in sorted(graph[name]):
                print(f"  {name} → {target}")


if __name__ == "__main__":
    main()
