"""Gambit ``.efg`` files (the textual "EFG 2 R" format) read into and written from :class:`ExtensiveGame`.

The format lists the tree's nodes in depth-first order after a header naming the players::

    EFG 2 R "title" { "Player 1" "Player 2" }
    "comment"

    c "" 1 "" { "H" 1/2 "T" 1/2 } 0
    p "" 1 1 "Ann" { "a" "b" } 0
    t "" 1 "o1" { 1, -1 }

``c`` is a chance node (its information set number, name, outcomes with probabilities), ``p`` a personal
node (player number, information set number and name, actions), ``t`` a terminal; the last numbers are
outcome numbers, whose payoffs are listed the first time each appears (payoffs attached to inner nodes
are added to every terminal below). Nodes of one player sharing an information set number form one
information set. Numbers may be integers, fractions (``1/3``) or decimals.

Examples
--------
>>> from games.catalog_trees import entry_deterrence
>>> text = write_efg(entry_deterrence())
>>> print(text.splitlines()[0])
EFG 2 R "entry deterrence" { "Entrant" "Incumbent" }
>>> read_efg(text).to_normal_form().exact_payoffs.tolist() == \\
...     entry_deterrence().to_normal_form().exact_payoffs.tolist()
True
"""

from __future__ import annotations

import os
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

from .imperfect import ExtensiveGame, Node
from .numeric import format_number

__all__ = ["read_efg", "write_efg"]

_TOKEN = re.compile(r'\s*(?:(?P<str>"(?:[^"\\]|\\.)*")|(?P<sym>[{},])|(?P<word>[^\s{},"]+))', re.S)
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(/\d+)?$")


def _tokenize(text: str, name: str) -> list[tuple[str, str, int]]:
    out, pos, line = [], 0, 1
    while True:
        m = _TOKEN.match(text, pos)
        if m is None:
            rest = text[pos:].strip()
            if rest:
                raise ValueError(f"{name}, line {line}: cannot read {rest[:20]!r}")
            return out
        line += text.count("\n", pos, m.start(m.lastgroup))
        kind = m.lastgroup
        value = m.group(kind)
        if kind == "str":
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        out.append((kind, value, line))
        line += text.count("\n", m.start(kind), m.end())
        pos = m.end()


class _Reader:
    def __init__(self, text: str, name: str) -> None:
        self.toks = _tokenize(text, name)
        self.k = 0
        self.name = name

    def peek(self) -> tuple[str, str, int]:
        return self.toks[self.k] if self.k < len(self.toks) else ("eof", "", self.toks[-1][2] if self.toks else 1)

    def fail(self, expected: str) -> None:
        kind, value, line = self.peek()
        found = "end of file" if kind == "eof" else repr(value)
        raise ValueError(f"{self.name}, line {line}: expected {expected}; found {found}")

    def take(self, kind: str, expected: str, value: str | None = None) -> str:
        k, v, _ = self.peek()
        if k != kind or (value is not None and v != value):
            self.fail(expected)
        self.k += 1
        return v

    def number(self, expected: str) -> Any:
        k, v, _ = self.peek()
        if k != "word" or not _NUMBER.match(v):
            self.fail(expected)
        self.k += 1
        if "/" in v:
            num, den = v.split("/")
            if int(den) == 0 or any(c in num for c in ".eE"):
                self.fail(expected)
            f = Fraction(int(num), int(den))
            return int(f) if f.denominator == 1 else f
        return float(v) if any(c in v for c in ".eE") else int(v)

    def integer(self, expected: str) -> int:
        v = self.number(expected)
        if not isinstance(v, int):
            self.fail(expected)
        return v

    def strings(self, what: str) -> list[str]:
        self.take("sym", f"'{{' opening the {what}", "{")
        out = []
        while self.peek()[0] == "str":
            out.append(self.take("str", "a label"))
        self.take("sym", f"a quoted label or '}}' closing the {what}", "}")
        return out

    def numbers(self, what: str) -> list[Any]:
        self.take("sym", f"'{{' opening the {what}", "{")
        out = []
        while self.peek()[:2] != ("sym", "}"):
            if self.peek()[:2] == ("sym", ","):
                self.k += 1
                continue
            out.append(self.number(f"a number or '}}' in the {what}"))
        self.k += 1
        return out


def _source(path_or_text: Any) -> tuple[str, str]:
    if isinstance(path_or_text, os.PathLike) or (isinstance(path_or_text, str) and not
                                                 path_or_text.lstrip("\ufeff \t\r\n").startswith("EFG")):
        path = Path(path_or_text)
        if "\n" in str(path_or_text) or not path.is_file():
            raise ValueError(f"path_or_text: no such file {str(path_or_text)[:60]!r} (the text of an .efg file "
                             "starts with 'EFG')")
        return path.read_text(encoding="utf-8-sig"), str(path)
    if not isinstance(path_or_text, str):
        raise TypeError(f"path_or_text must be a path or the text of an .efg file; got {type(path_or_text).__name__}")
    return path_or_text.lstrip("\ufeff"), "<efg text>"


def read_efg(path_or_text: str | os.PathLike) -> ExtensiveGame:
    """Read an extensive game from a Gambit ``.efg`` file (or its text).

    Information sets are labelled by their names in the file when those are unique, else
    ``"<player>:<number>"``. Payoffs attached to inner nodes are added to the terminals below them.

    Examples
    --------
    >>> text = '''EFG 2 R "pennies" { "Ann" "Bob" }
    ... ""
    ... p "" 1 1 "Ann" { "H" "T" } 0
    ... p "" 2 1 "Bob" { "H" "T" } 0
    ... t "" 1 "win" { 1, -1 }
    ... t "" 2 "lose" { -1, 1 }
    ... p "" 2 1 "Bob" { "H" "T" } 0
    ... t "" 2 "lose" { -1 1 }
    ... t "" 1 "win" { 1 -1 }
    ... '''
    >>> g = read_efg(text)
    >>> g.infosets(1), g.to_normal_form().payoffs[0, 1].tolist()
    ([('Bob', ('H', 'T'))], [-1.0, 1.0])
    >>> read_efg('EFG 2 R "x" { "A" } "" q')
    Traceback (most recent call last):
    ...
    ValueError: <efg text>, line 1: expected a node type (c, p or t); found 'q'
    """
    text, name = _source(path_or_text)
    r = _Reader(text, name)
    r.take("word", "'EFG' at the start of the file", "EFG")
    r.take("word", "the version 2", "2")
    r.take("word", "'R' (rational numbers)", "R")
    title = r.take("str", "the quoted title")
    players = r.strings("list of players")
    if not players:
        raise ValueError(f"{name}: the file names no players")
    if r.peek()[0] == "str":
        r.k += 1  # the comment
    game = ExtensiveGame(players, title=title)
    outcomes: dict[int, list[Any]] = {}
    names: dict[int, str] = {}
    labels: dict[tuple[int, int], str] = {}
    used: set[str] = set()
    actions_of: dict[tuple[int, int], tuple[list[str], list[Any] | None]] = {}
    pending: list[tuple[Node, list[Any]]] = [(game.root, [0] * len(players))]
    while pending:
        node, carried = pending.pop()
        if r.peek()[0] != "word" or r.peek()[1] not in ("c", "p", "t"):
            r.fail("a node type (c, p or t)")
        kind = r.take("word", "a node type (c, p or t)")
        node_name = r.take("str", "the quoted node name")
        if kind == "t":
            number = r.peek()[1]
            payoffs = _outcome(r, outcomes, len(players), names)
            total = [a + b for a, b in zip(carried, payoffs)]
            label = names.get(int(number), "") if number.isdigit() else ""
            node.terminal(total, name=node_name or label)
            continue
        player = 0 if kind == "c" else r.integer("a player number")
        if kind == "p" and not 1 <= player <= len(players):
            r.k -= 1
            r.fail(f"a player number in 1..{len(players)}")
        number = r.integer("an information set number")
        set_name = r.take("str", "the information set name") if r.peek()[0] == "str" else ""
        key = (player, number)
        if r.peek()[:2] == ("sym", "{"):
            if kind == "c":
                acts, probs = _chance_moves(r)
            else:
                acts, probs = r.strings("list of actions"), None
            actions_of.setdefault(key, (acts, probs))
        elif key in actions_of:
            acts, probs = actions_of[key]
        else:
            r.fail("'{' opening the actions of a new information set")
        here = _outcome(r, outcomes, len(players), names)
        carried = [a + b for a, b in zip(carried, here)]
        if kind == "c":
            kids = node.chance(dict(zip(acts, probs)), name=node_name)
        else:
            if key not in labels:
                label = set_name if set_name and set_name not in used else f"{players[player - 1]}:{number}"
                labels[key] = label
                used.add(label)
            kids = node.decision(player - 1, acts, infoset=labels[key], name=node_name)
        for a in reversed(acts):
            pending.append((kids[a], carried))
    if r.peek()[0] != "eof":
        r.fail("the end of the file (the tree is complete)")
    return game


def _chance_moves(r: _Reader) -> tuple[list[str], list[Any]]:
    r.take("sym", "'{' opening the chance outcomes", "{")
    acts, probs = [], []
    while r.peek()[0] == "str":
        acts.append(r.take("str", "an outcome label"))
        probs.append(r.number("the outcome's probability"))
    r.take("sym", "'}' closing the chance outcomes", "}")
    return acts, probs


def _outcome(r: _Reader, outcomes: dict[int, list[Any]], n: int, names: dict[int, str]) -> list[Any]:
    number = r.integer("an outcome number")
    if r.peek()[0] == "str":
        names.setdefault(number, r.take("str", "the outcome name"))
        payoffs = r.numbers("payoffs")
        if len(payoffs) != n:
            r.k -= 1
            r.fail(f"{n} payoffs (one per player) for outcome {number}")
        outcomes.setdefault(number, payoffs)
    if number == 0:
        return [0] * n
    if number not in outcomes:
        r.fail(f"the payoffs of outcome {number} (its first use must list them)")
    return outcomes[number]


def _quote(label: str) -> str:
    return '"' + label.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_efg(game: ExtensiveGame, path: str | os.PathLike | None = None) -> str:
    """Write ``game`` as a Gambit ``.efg`` file (and return the text).

    Information sets are numbered per player in the order of :meth:`ExtensiveGame.infosets` and keep their
    labels as names; every terminal gets its own outcome, labelled by the terminal's name (numbered when
    several terminals share it, ``o<k>`` when it has none: Gambit wants unique labels). Fractions are written
    exactly, floats as their shortest round-tripping decimal.

    Examples
    --------
    >>> g = ExtensiveGame(["Ann"], title="one move")
    >>> kids = g.root.decision(0, ["a", "b"], infoset="I")
    >>> kids["a"].terminal([Fraction(1, 2)]); kids["b"].terminal([0])
    >>> print(write_efg(g))
    EFG 2 R "one move" { "Ann" }
    ""
    <BLANKLINE>
    p "" 1 1 "I" { "a" "b" } 0
    t "" 1 "o1" { 1/2 }
    t "" 2 "o2" { 0 }
    <BLANKLINE>
    """
    if not isinstance(game, ExtensiveGame):
        raise TypeError(f"game must be an ExtensiveGame; got {type(game).__name__}")
    game.leaves()  # checks the tree is complete
    numbers = {label: k for i in range(game.num_players) for k, (label, _) in enumerate(game.infosets(i), start=1)}
    lines = [f"EFG 2 R {_quote(game.title)} {{ {' '.join(_quote(p) for p in game.players)} }}", '""', ""]
    nodes = []
    stack = [game.root]
    while stack:
        node = stack.pop()
        nodes.append(node)
        stack.extend(node.children[a] for a in reversed(node.actions))
    inner = [n.name for n in nodes if n.kind != "terminal" and n.name]
    ends = [n.name for n in nodes if n.kind == "terminal"]
    chance_sets = outcome = 0
    for node in nodes:
        if node.kind == "terminal":  # Gambit wants unique outcome labels: a shared name gets a number
            outcome += 1
            label = node.name if node.name and ends.count(node.name) == 1 else f"{node.name or 'o'}{outcome}"
            pays = ", ".join(format_number(v, digits=None) for v in node.payoffs)
            lines.append(f"t \"\" {outcome} {_quote(label)} {{ {pays} }}")
            continue
        name = _quote(node.name if inner.count(node.name) == 1 else "")  # and unique node labels
        if node.kind == "chance":
            chance_sets += 1
            moves = " ".join(f"{_quote(a)} {format_number(p, digits=None)}"
                             for a, p in zip(node.actions, node.probabilities))
            lines.append(f"c {name} {chance_sets} \"\" {{ {moves} }} 0")
        else:
            acts = " ".join(_quote(a) for a in node.actions)
            lines.append(f"p {name} {node.player + 1} {numbers[node.infoset]} {_quote(node.infoset)} "
                         f"{{ {acts} }} 0")
    text = "\n".join(lines) + "\n"
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text
