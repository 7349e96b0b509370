"""A `When`'s relation to its span, said in words: by, before, after, no earlier or later.

"by 2030" is 2030 as a deadline (on or before its end), "before 2030" strictly before
it starts, "after March 2025" strictly after it ends; "no earlier than March 2026"
and "no later than March 2026" keep a source's own words. `When` offers these as
methods (`When.by`, `When.before`, ...) and, taking the value, as class methods
(`When.deadline`, `When.before_`, `When.after_`); each is a checked
`timeline.dates._constructors.relate`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.dates._precision import Relation
from timeline.dates._when_compare import when_argument

if TYPE_CHECKING:
    from timeline.dates._when import When

__all__ = [
    "after",
    "after_",
    "before",
    "before_",
    "by",
    "deadline",
    "not_after",
    "not_before",
]


def deadline(cls: type[When], when: When) -> When:
    """On or before the end of ``when``: "by 2030".

    >>> When.deadline(When.year(2030)).relation
    <Relation.BY: 'by'>
    """
    return when_argument(when, "deadline")._relate(Relation.BY)


def before_(cls: type[When], when: When) -> When:
    """Strictly before ``when`` starts: "before 2030".

    >>> str(When.before_(When.year(2030)).latest)
    '2029-12-31'
    """
    return when_argument(when, "before_")._relate(Relation.BEFORE)


def after_(cls: type[When], when: When) -> When:
    """Strictly after ``when`` ends: "after March 2025".

    >>> str(When.after_(When.month(2025, 3)).earliest)
    '2025-04-01'
    """
    return when_argument(when, "after_")._relate(Relation.AFTER)


def not_before(self: When) -> When:
    """On or after the start of this value: "no earlier than March 2026" ("NET").

    >>> str(When.month(2026, 3).not_before())
    'no earlier than March 2026'
    """
    return self._relate(Relation.NOT_BEFORE)


def not_after(self: When) -> When:
    """On or before the end of this value, said as "no later than March 2026".

    Bounds as `by`; the words are kept as the source said them.

    >>> str(When.month(2026, 3).not_after())
    'no later than March 2026'
    """
    return self._relate(Relation.NOT_AFTER)


def by(self: When) -> When:
    """This value as a deadline: "by" it.

    >>> When.year(2030).by() == When.deadline(When.year(2030))
    True
    """
    return self._relate(Relation.BY)


def before(self: When) -> When:
    """Strictly before this value.

    >>> When.year(2030).before().relation.value
    'before'
    """
    return self._relate(Relation.BEFORE)


def after(self: When) -> When:
    """Strictly after this value.

    >>> When.year(2030).after().relation.value
    'after'
    """
    return self._relate(Relation.AFTER)
