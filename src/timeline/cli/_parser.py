"""argparse's parser, with its usage messages made to quote the value and name the fix.

argparse reads ``--within -5d`` as ``--within`` followed by another option, ``-5d``,
and says "argument --within: expected one argument": nothing quoted, no fix. Here
that message is reworded from the command line itself: a value that starts with
'-' is judged by the option's own type (a negative ``--within`` is refused with the
option's rule) or else shown with the spelling that passes it (``--text=-x``); a
missing value shows the option's form (``--actor ACTOR``).
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shlex
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from timeline.formats._io import FORMATS

__all__ = ["Parser"]

# argparse's own words for an option given too few values (Python 3.11 to 3.13).
_TOO_FEW = re.compile(r"argument (?P<names>\S+): expected (?P<count>one|\d+) arguments?")
# ... and for a value not among an option's (or the commands') choices.
_CHOICE = re.compile(
    r"argument (?P<names>\S+): invalid choice: (?P<value>'.*') \(choose from (?P<choices>.*)\)",
    re.S,
)


def _unquoted(text: str) -> str:
    """A value as argparse quotes it (``'show'``; some versions leave it bare), unquoted."""
    import ast

    text = text.strip()
    try:
        return str(ast.literal_eval(text))
    except (ValueError, SyntaxError):
        return text


def _not_a_choice(names: str, value: str, choices: str) -> str:
    """The message for a value not among the choices: quoted, with the one meant if close."""
    given = _unquoted(value)
    offered = [_unquoted(choice) for choice in choices.split(",")]
    noun = "a command" if names == "COMMAND" else f"one of {', '.join(offered)}"
    head = f"argument {names}: {given!r} is not {noun}"
    close = difflib.get_close_matches(str(given).replace("_", "-").lower(), offered, n=1)
    if close:
        return f"{head}; did you mean {close[0]!r}?"
    return f"{head}; use one of {', '.join(offered)}" if names == "COMMAND" else head


class Parser(argparse.ArgumentParser):
    """An `argparse.ArgumentParser` whose usage errors quote the value and name the fix.

    Sub-commands get the same class (argparse makes them with the parent's type).

    >>> parser = Parser(prog="t", exit_on_error=False)
    >>> _ = parser.add_argument("--text")
    >>> print(parser.reworded("argument --text: expected one argument", ["--text", "-x"]))
    argument --text: '-x' starts with '-', so it was read as an option; to give it as the value
    write --text=-x
    """

    _argv: Sequence[str] = ()

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> tuple[argparse.Namespace, list[str]]:
        # Kept to reword an error: what this (sub-)parser was given.
        self._argv = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> argparse.Namespace:
        # argparse's own, but with each argument no option took quoted with its fix.
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            (self._command() or self).error("; ".join(map(self._not_taken, extras)))
        return parsed

    def _not_taken(self, extra: str) -> str:
        """Why ``extra`` was left over, and the fix: a typo, a file named '-x', one too many."""
        command = self._command()
        known = command._option_string_actions if command is not None else {}
        said = f"`{command.prog}`" if command is not None else "`timeline`"
        if extra.startswith("-") and len(extra) > 1:
            name = extra.split("=", 1)[0]
            # Compared without the dashes, which every name shares.
            names = {k.lstrip("-"): k for k in known if k.startswith("--")}
            close = difflib.get_close_matches(name.lstrip("-"), names, n=1, cutoff=0.7)
            if close:
                return f"{extra!r} is not an option of {said}; did you mean {names[close[0]]}?"
            if _file_like(extra):
                return _dashed_file(extra)
            return f"{extra!r} is not an option of {said}; see {said[:-1]} --help`"
        takes = [_metavars(a, 1)[0] for a in (command or self)._get_positional_actions()]
        if not takes:
            return f"{extra!r} is more than {said} takes; leave it out"
        shown = " ".join(takes)
        return (
            f"{extra!r} is one value more than {said} takes ({shown}); give one {shown}, "
            "and quote a value that holds spaces"
        )

    def _command(self) -> argparse.ArgumentParser | None:
        """The sub-command's parser named in the command line, if any."""
        for action in self._subparsers._group_actions if self._subparsers else ():
            if isinstance(action, argparse._SubParsersAction):
                for token in self._argv:
                    chosen = action.choices.get(token)
                    if isinstance(chosen, argparse.ArgumentParser):
                        return chosen
        return None

    def error(self, message: str) -> NoReturn:
        """Print the usage and the reworded ``message`` on stderr; exit with status 2."""
        super().error(self.reworded(message, self._argv))

    def reworded(self, message: str, argv: Sequence[str]) -> str:
        """``message`` with the value quoted and the fix named, when argparse said too
        little ("expected one argument"); any other message as it is."""
        if message.startswith("the following arguments are required"):
            files = [t for t in argv if t.startswith("-") and len(t) > 1 and _file_like(t)]
            return "; ".join([message, *(_dashed_file(t) for t in files if not self._is_option(t))])
        choice = _CHOICE.fullmatch(message)
        if choice is not None:
            return _not_a_choice(choice["names"], choice["value"], choice["choices"])
        match = _TOO_FEW.fullmatch(message)
        if match is None:
            return message
        names = match["names"].split("/")
        action = self._option_string_actions.get(names[-1])
        at = _last_use(argv, names)
        if action is None or at is None:
            return message
        count = 1 if match["count"] == "one" else int(match["count"])
        option = f"argument {match['names']}"
        long = names[-1]
        form = " ".join(_metavars(action, count))
        given = argv[at + 1 : at + 1 + count]
        dashed = next((i for i, value in enumerate(given) if value.startswith("-")), None)
        if dashed is None:  # the command line ended
            values = "a value" if count == 1 else f"{count} values"
            return f"{option}: needs {values} after it: {long} {form}"
        value = given[dashed]
        if self._is_option(value):
            return (
                f"{option}: no value before the option {value!r}; give {long} its value "
                f"({long} {form}), or write {shlex.quote(f'{long}={value}')} if {value!r} is "
                "the value"
            )
        refused = _refusal(action, value)
        if refused is not None:
            return f"{option}: {refused}"
        if count > 1:  # no '=' spelling passes more than one value
            return (
                f"{option}: {value!r} starts with '-', so it was read as an option; the "
                f"values of {long} cannot start with '-'"
            )
        return (
            f"{option}: {value!r} starts with '-', so it was read as an option; to give it as "
            f"the value write {shlex.quote(f'{long}={value}')}"
        )

    def _is_option(self, text: str) -> bool:
        """Whether ``text`` names one of this parser's options (or abbreviates one)."""
        name = text.split("=", 1)[0]
        if name in self._option_string_actions:
            return True
        return (
            name.startswith("--")
            and len(name) > 2
            and any(known.startswith(name) for known in self._option_string_actions)
        )


def _file_like(text: str) -> bool:
    """Whether ``text`` reads as a file's name: a data file's, an article's, or one there."""
    suffix = os.path.splitext(text)[1].lower()
    return suffix in (*FORMATS, ".ics", ".txt", ".md", ".html") or os.path.exists(text)


def _dashed_file(name: str) -> str:
    return (
        f"{name!r} starts with '-', so it was read as an option; for a file of that name "
        f"write {shlex.quote('./' + name)}"
    )


def _last_use(argv: Sequence[str], names: list[str]) -> int | None:
    """Where in ``argv`` the option was last given (by name, or a long name abbreviated)."""
    for at in range(len(argv) - 1, -1, -1):
        token = argv[at]
        if token == "--":
            continue
        if token in names or (
            token.startswith("--")
            and len(token) > 2
            and any(name.startswith("--") and name.startswith(token) for name in names)
        ):
            return at
    return None


def _metavars(action: argparse.Action, count: int) -> list[str]:
    """How the help shows the option's values: ``A B``, ``ACTOR``."""
    metavar = action.metavar
    if isinstance(metavar, tuple):
        return [str(m) for m in metavar]
    shown = str(metavar) if metavar is not None else action.dest.upper()
    return [shown] * count


def _refusal(action: argparse.Action, value: str) -> str | None:
    """The option's own refusal of ``value`` (its type's message), or None if it is taken."""
    convert = action.type
    if not callable(convert):
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(map(str, action.choices))
            return f"{value!r} is not one of {choices}"
        return None
    try:
        convert(value)
    except (argparse.ArgumentTypeError, TypeError, ValueError) as err:
        return str(err)
    return None
