"""What the import report says of readings a series may need (`timeline.ics._series`).

Most are what RFC 5545 leaves open: each names the reading taken (recurring_ical_events's
too) and the other.
"""

from __future__ import annotations

__all__ = [
    "DAYS_TIMED",
    "LEAP_UNTIL",
    "LEAP_UNTIL_REFUSED",
    "NO_OCCURRENCE",
    "OTHER_KIND",
    "PERIOD_AT_START",
    "UNSYNCHRONIZED",
]

OTHER_KIND = (
    "EXDATEs of another kind than DTSTART (a day, a time without a zone, or one with a zone "
    "where DTSTART has none), each matched on DTSTART's wall clock, a day removing that day's "
    "occurrence (RFC 5545 §3.3.5; a time without a zone is not read as UTC)"
)
DAYS_TIMED = (
    "RDATEs of days (VALUE=DATE) in a series of date-times, each an occurrence at midnight in "
    "DTSTART's zone (RFC 5545 gives a day no time of day)"
)
PERIOD_AT_START = (
    "RDATE PERIODs starting where another occurrence does (DTSTART, an occurrence of the RRULE "
    "or another RDATE): one occurrence (RFC 5545 §3.8.5.2), lasting as the PERIOD says, not as "
    "DTEND, DURATION or the other RDATE does"
)


LEAP_UNTIL = (
    "recurrence rules with an UNTIL at second 60 (a leap second), bounded at the end of its "
    "minute (second 59 read to its end, as a DTSTART at the leap second is)"
)
LEAP_UNTIL_REFUSED = (
    "recurrence rules with an UNTIL at second 60 where no leap second was, refused as such a "
    "DTSTART is (leap seconds come at 23:59:60 UTC at a month's end): the rule is not followed "
    "past DTSTART; write the UNTIL at second 59, or at second 00 of the next minute"
)
UNSYNCHRONIZED = (
    "recurring events whose DTSTART is not an occurrence of their RRULE (RFC 5545 leaves such "
    "a set undefined), imported at DTSTART as recurring_ical_events reads them; dateutil and "
    "some calendar apps start at the rule's first occurrence"
)


NO_OCCURRENCE = (
    "recurring events whose RRULE ends (UNTIL) before DTSTART, imported at DTSTART alone "
    "(RFC 5545: DTSTART is always in the set; recurring_ical_events and dateutil give no "
    "occurrence at all)"
)
