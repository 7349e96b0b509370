"""An event as text: `repr` a constructor call, `str` one line and its figures.

`Event` takes these functions as its ``__repr__`` and ``__str__``. The repr is
the initial statement plus the fields that differ from their defaults, so it
reads back; the str is the current date, status, actors and title, then the
figures on indented lines, with the data's control characters escaped
(`timeline.model._text.visible`) so a title cannot drive a terminal. Apart from
`timeline.model._event`, which says what an event is, not how it is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from timeline._errors import quoted
from timeline.model._claim import Status
from timeline.model._figures import figures_text
from timeline.model._text import visible

if TYPE_CHECKING:
    from timeline.model._event import Event

__all__ = ["event_repr", "event_str"]


def event_repr(self: Event) -> str:
    """`repr(event)`: a constructor call that builds the same event.

    >>> event_repr(Event(title="x", when="2026-04", status="confirmed"))
    "Event(id='x', title='x', when=When.parse('April 2026'), status='confirmed')"
    """
    # A constructor call: the initial statement plus the fields that differ from
    # their defaults (a status as its text, which the constructor accepts).
    parts = [
        f"id={quoted(self.id)}",
        f"title={quoted(self.title)}",
        f"when={quoted(self.initial_when)}",
    ]
    for field in attrs.fields(type(self))[3:]:
        value = getattr(self, field.name)
        if value != field.default:
            shown = value.value if isinstance(value, Status) else value
            parts.append(f"{field.alias}={quoted(shown)}")
    return f"Event({', '.join(parts)})"


def event_str(self: Event) -> str:
    """`str(event)`: the current date, status, actors and title, then its figures.

    >>> event_str(Event(title="DeepSeek V4 release", when="2026-04", actors=["DeepSeek"]))
    'April 2026  expected  DeepSeek  DeepSeek V4 release'
    """
    actors = ", ".join(self.actors) or "-"
    line = f"{self.when}  {self.status.value}  {actors}  {self.title}"
    # Figures (target, observations, growth) follow on indented lines; data
    # text shows its control characters escaped, so it cannot drive a terminal.
    return "\n".join(visible(t) for t in [line, *(f"    {t}" for t in figures_text(self))])
