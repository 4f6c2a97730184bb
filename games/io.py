"""Gambit ``.nfg`` files (strategic games, format version 1): :func:`read_nfg` and :func:`write_nfg`.

The format (Gambit documentation, "Game representation formats") is a prologue

    NFG 1 R "title" { "Player 1" "Player 2" } { { "T" "B" } { "L" "R" } } "comment"

(the strategy block may instead give the number of strategies of each player, ``{ 2 2 }``; the comment
is optional) followed by one of two bodies:

- *payoff version*: every player's payoff at every pure profile, profiles listed with player 1's
  strategy varying fastest, then player 2's, and so on;
- *outcome version*: a list of outcomes ``{ { "name" 1, 2 } ... }`` and then, for every profile in the
  same order, the index of its outcome (``0`` is the null outcome, every payoff 0).

Numbers are integers (``3``), fractions (``1/3``) or decimals (``0.25``, ``1e-3``). Integers and
fractions are read exactly (the game keeps :attr:`~games.NormalFormGame.exact_payoffs`); a game with a
decimal payoff is a float game. Whitespace is not significant. Inside a label, as Gambit writes them,
``\\"`` is a quote and ``\\\\`` a backslash (any other backslash is kept as it is). Labels are
written as UTF-8; Gambit itself (16.7) accepts printable-ASCII labels only.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

from .normal_form import NormalFormGame, check_table_size
from .numeric import format_number

__all__ = ["read_nfg", "write_nfg"]

FORMATS = ("payoff", "outcome")

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(/\d+)?")


@dataclass(frozen=True)
class _Token:
    kind: str  # "number", "text", "symbol", "{", "}", ",", "eof"
    text: str
    line: int

    def describe(self) -> str:
        if self.kind == "eof":
            return "end of file"
        if self.kind == "text":
            return f'the label "{self.text}"'
        return repr(self.text)


def _tokens(text: str, name: str) -> Iterator[_Token]:
    """Split an .nfg text into tokens, keeping line numbers for error messages."""
    pos, line, n = 0, 1, len(text)
    while True:
        while pos < n and text[pos].isspace():
            line += text[pos] == "\n"
            pos += 1
        if pos >= n:
            yield _Token("eof", "", line)
            return
        c = text[pos]
        if c in "{},":
            yield _Token(c, c, line)
            pos += 1
        elif c == '"':
            start_line, out, pos = line, [], pos + 1
            while True:
                if pos >= n:
                    raise ValueError(f"{name}, line {start_line}: a label opened with \" is never closed")
                c = text[pos]
                if c == "\\" and pos + 1 < n and text[pos + 1] in '"\\':
                    out.append(text[pos + 1])
                    pos += 2
                    continue
                if c == '"':
                    pos += 1
                    break
                line += c == "\n"
                out.append(c)
                pos += 1
            yield _Token("text", "".join(out), start_line)
        elif c.isdigit() or c in "+-.":
            match = _NUMBER.match(text, pos)
            end = match.end() if match else pos
            word_end = end
            while word_end < n and not text[word_end].isspace() and text[word_end] not in '{},"':
                word_end += 1
            if match is None or word_end != end:
                raise ValueError(f"{name}, line {line}: expected a number (an integer, a fraction "
                                 f"like 1/3 or a decimal like 0.25); found {text[pos:word_end]!r}")
            yield _Token("number", text[pos:end], line)
            pos = end
        else:
            end = pos
            while end < n and not text[end].isspace() and text[end] not in '{},"':
                end += 1
            yield _Token("symbol", text[pos:end], line)
            pos = end


class _Parser:
    def __init__(self, text: str, name: str) -> None:
        self.name = name
        self._it = _tokens(text, name)
        self.tok = next(self._it)

    def advance(self) -> _Token:
        tok, self.tok = self.tok, next(self._it) if self.tok.kind != "eof" else self.tok
        return tok

    def fail(self, expected: str, tok: _Token | None = None) -> None:
        tok = tok or self.tok
        raise ValueError(f"{self.name}, line {tok.line}: expected {expected}; found {tok.describe()}")

    def expect(self, kind: str, expected: str) -> _Token:
        if self.tok.kind != kind:
            self.fail(expected)
        return self.advance()

    def number(self, expected: str) -> int | Fraction | float:
        tok = self.expect("number", expected)
        return _parse_number(tok, self.name)

    def text_list(self, what: str) -> list[str]:
        self.expect("{", f"'{{' opening the list of {what}")
        out = []
        while self.tok.kind == "text":
            out.append(self.advance().text)
        self.expect("}", f"a quoted label or '}}' closing the list of {what}")
        return out


def _parse_number(tok: _Token, name: str) -> int | Fraction | float:
    s = tok.text
    if "/" in s:
        num, den = s.split("/")
        if any(ch in num for ch in ".eE"):
            raise ValueError(f"{name}, line {tok.line}: expected a fraction of integers; found {s!r}")
        if int(den) == 0:
            raise ValueError(f"{name}, line {tok.line}: expected a number; found {s!r} (zero denominator)")
        return Fraction(int(num), int(den))
    if any(ch in s for ch in ".eE"):
        return float(s)
    return int(s)


def _read_source(source: Any) -> tuple[str, str]:
    """Return ``(text, name)`` for a path, a path-like object or the text of a file."""
    if isinstance(source, os.PathLike):
        path = Path(source)
    elif isinstance(source, str):
        if not source.strip():
            raise ValueError(f"path_or_text is empty ({source!r}): give the path of an .nfg file or its text "
                             "(starting with 'NFG')")
        if source.lstrip("\ufeff \t\r\n").startswith("NFG") or "\n" in source or "{" in source:
            return source.removeprefix("\ufeff"), "<nfg text>"
        path = Path(source)
    else:
        raise TypeError(f"path_or_text must be a path or the text of an .nfg file; got {type(source).__name__}")
    if not path.is_file():
        raise ValueError(f"path_or_text: no such file {str(path)!r} (text of an .nfg file must start with 'NFG')")
    return path.read_text(encoding="utf-8-sig"), str(path)  # -sig: a byte order mark is not text


def read_nfg(path_or_text: str | os.PathLike) -> NormalFormGame:
    """Read a strategic game from a Gambit ``.nfg`` file (payoff or outcome version).

    Parameters
    ----------
    path_or_text : str or path-like
        A file path, or the text of a file (a string that starts with ``NFG`` or holds a line break
        or a ``{``).

    Returns
    -------
    NormalFormGame
        With the file's title, comment (as ``description``), player and strategy labels. Integer and
        fraction payoffs are kept exactly.

    Raises
    ------
    ValueError
        On malformed input, naming the file, the line and what was expected there.

    Examples
    --------
    >>> g = read_nfg('''NFG 1 R "Selten (IJGT, 75), Figure 2" { "Player 1" "Player 2" } { 3 2 }
    ... 1 1 0 2 0 2 1 1 0 3 2 0''')
    >>> g.shape, g.payoffs[2, 0].tolist(), g.payoffs[0, 1].tolist()
    ((3, 2), [0.0, 2.0], [1.0, 1.0])
    >>> read_nfg('NFG 1 R "t" { "A" "B" } { 2 2 } 1 2 3')
    Traceback (most recent call last):
    ...
    ValueError: <nfg text>, line 1: expected player 2's payoff at profile 2 (of 4); found end of file
    """
    text, name = _read_source(path_or_text)
    p = _Parser(text, name)
    tok = p.tok
    if tok.kind != "symbol" or tok.text != "NFG":
        p.fail("the file type 'NFG'")
    p.advance()
    if p.tok.kind != "number" or p.tok.text != "1":
        p.fail("the format version 1")
    p.advance()
    if p.tok.kind != "symbol" or p.tok.text not in ("R", "D"):
        p.fail("the data type 'R' (or 'D')")
    p.advance()
    title = p.expect("text", "the game title (a quoted string)").text
    players = p.text_list("player names")
    if not players:
        raise ValueError(f"{name}, line {p.tok.line}: expected at least one player; the player list is empty")
    actions = _read_strategies(p, len(players))
    description = p.advance().text if p.tok.kind == "text" else ""
    shape = tuple(len(a) for a in actions)
    n_players, n_profiles = len(players), math.prod(shape)
    if p.tok.kind == "{":
        values = _read_outcome_body(p, n_players, n_profiles)
    elif p.tok.kind == "number":
        values = [[p.number(f"player {i + 1}'s payoff at profile {k + 1} (of {n_profiles})")
                   for i in range(n_players)] for k in range(n_profiles)]
    else:
        p.fail("the payoffs (numbers) or the outcome list ('{')")
    if p.tok.kind != "eof":
        p.fail(f"end of file after the {n_profiles} profiles")
    # profiles are listed with player 1's strategy varying fastest
    table = np.empty(n_profiles * n_players, dtype=object)
    table[:] = [v for row in values for v in row]
    arr = table.reshape(shape[::-1] + (n_players,))
    arr = arr.transpose(tuple(range(n_players - 1, -1, -1)) + (n_players,))
    try:
        return NormalFormGame(arr, players=players, actions=actions, title=title, description=description)
    except ValueError as exc:  # e.g. two strategies with one label: say which file
        raise ValueError(f"{name}: {exc}") from exc


def _read_strategies(p: _Parser, n_players: int) -> list[list[str]]:
    p.expect("{", "'{' opening the strategy lists (or the numbers of strategies)")
    actions: list[list[str]] = []
    if p.tok.kind == "{":
        for i in range(n_players):
            actions.append(p.text_list(f"player {i + 1}'s strategy labels"))
    else:
        counts = []
        for i in range(n_players):
            tok = p.tok
            count = p.number(f"player {i + 1}'s number of strategies")
            if not isinstance(count, int) or count < 0:
                p.fail(f"player {i + 1}'s number of strategies (a non-negative integer)", tok)
            counts.append(count)
        check_table_size(counts, f"{p.name}, line {p.tok.line}")  # before making the labels
        actions = [[str(k + 1) for k in range(count)] for count in counts]
    p.expect("}", f"'}}' closing the strategies of the {n_players} players")
    check_table_size([len(a) for a in actions], f"{p.name}, line {p.tok.line}")
    for i, labels in enumerate(actions):
        if not labels:
            raise ValueError(f"{p.name}, line {p.tok.line}: expected at least one strategy for player "
                             f"{i + 1}; the file gives none")
    return actions


def _read_outcome_body(p: _Parser, n_players: int, n_profiles: int) -> list[list[Any]]:
    p.expect("{", "'{' opening the outcome list")
    outcomes: list[list[Any]] = [[0] * n_players]  # index 0: the null outcome
    while p.tok.kind == "{":
        p.advance()
        k = len(outcomes)
        p.expect("text", f"the (quoted) name of outcome {k}")
        payoff = []
        for i in range(n_players):
            payoff.append(p.number(f"player {i + 1}'s payoff in outcome {k}"))
            if p.tok.kind == ",":
                p.advance()
        p.expect("}", f"'}}' closing outcome {k} after its {n_players} payoffs")
        outcomes.append(payoff)
    p.expect("}", "'{' opening an outcome or '}' closing the outcome list")
    values = []
    for k in range(n_profiles):
        tok = p.tok
        idx = p.number(f"the outcome index of profile {k + 1} (of {n_profiles})")
        if not isinstance(idx, int) or not 0 <= idx < len(outcomes):
            p.fail(f"an outcome index in 0..{len(outcomes) - 1} for profile {k + 1}", tok)
        values.append(outcomes[idx])
    return values


def _quote(label: str) -> str:
    """A quoted label as Gambit writes it: backslashes and quotes escaped with a backslash."""
    return '"' + str(label).replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_nfg(game: NormalFormGame, path: str | os.PathLike | None = None, *, format: str = "payoff") -> str:
    """Write ``game`` in Gambit's ``.nfg`` format and return the text (also saved when ``path`` is given).

    Parameters
    ----------
    game : NormalFormGame
        Any number of players.
    path : str or path-like, optional
        Where to save the file.
    format : {"payoff", "outcome"}
        The payoff version (every payoff listed, player 1's strategy varying fastest) or the outcome
        version (one outcome per distinct payoff vector, then an outcome index per profile).

    Returns
    -------
    str
        The file's text. Integers and fractions are written exactly (``1/3``), floats as decimals.

    Examples
    --------
    >>> from fractions import Fraction
    >>> g = NormalFormGame.from_bimatrix([[1, Fraction(1, 3)], [0, 2]], [[2, 0], [0, 1]],
    ...                                  players=["Row", "Col"], title="Example")
    >>> print(write_nfg(g))
    NFG 1 R "Example" { "Row" "Col" }
    { { "a1" "a2" } { "b1" "b2" } }
    <BLANKLINE>
    1 2
    0 0
    1/3 0
    2 1
    <BLANKLINE>
    >>> print(write_nfg(g, format="outcome"))
    NFG 1 R "Example" { "Row" "Col" }
    { { "a1" "a2" } { "b1" "b2" } }
    <BLANKLINE>
    {
    { "" 1, 2 }
    { "" 0, 0 }
    { "" 1/3, 0 }
    { "" 2, 1 }
    }
    1 2 3 4
    <BLANKLINE>
    >>> read_nfg(write_nfg(g)) == g
    True
    """
    if not isinstance(game, NormalFormGame):
        raise TypeError(f"game must be a NormalFormGame; got {type(game).__name__}")
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(repr(f) for f in FORMATS)}; got {format!r}")
    n = game.num_players
    source = game.exact_payoffs if game.has_exact_payoffs else game.payoffs
    # profiles in Gambit's order: player 1's strategy varies fastest
    ordered = source.transpose(tuple(range(n - 1, -1, -1)) + (n,)).reshape(-1, n)
    rows = [[format_number(v, digits=None) for v in row] for row in ordered]
    lines = [
        f"NFG 1 R {_quote(game.title)} {{ {' '.join(_quote(p) for p in game.players)} }}",
        "{ " + " ".join("{ " + " ".join(_quote(a) for a in labels) + " }" for labels in game.actions) + " }",
    ]
    description = getattr(game, "description", "")
    lines.append(_quote(description) if description else "")
    if format == "payoff":
        lines += [" ".join(row) for row in rows]
    else:
        index: dict[tuple[str, ...], int] = {}
        for row in rows:
            index.setdefault(tuple(row), len(index) + 1)
        lines.append("{")
        lines += ['{ "" ' + ", ".join(key) + " }" for key in index]
        lines.append("}")
        lines.append(" ".join(str(index[tuple(row)]) for row in rows))
    text = "\n".join(lines) + "\n"
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text
