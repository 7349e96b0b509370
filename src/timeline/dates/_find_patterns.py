"""The patterns `find_dates` scans text with: date-shaped phrases and the words around them.

One compiled pattern (`CANDIDATE`) finds every date-shaped phrase; `PLAIN` is the same
without alternatives. The word lists and small patterns here decide whether a
number is a year (see `timeline.dates._find` for the rules).
"""

from __future__ import annotations

import re

from timeline.dates._numeric import NUMERIC
from timeline.dates._parse_context import COUNT
from timeline.dates._parse_time import CLOCK, ZONE_WORD

__all__ = [
    "ALTERNATIVES",
    "ALT_WORD",
    "ANNOUNCED_ON",
    "CANDIDATE",
    "CLAUSE_OPENS",
    "COUNTING",
    "FUNCTION_WORDS",
    "FUTURE_AFTER",
    "FUTURE_BEFORE",
    "ISO_START",
    "JOIN",
    "MAGNITUDE",
    "MAY_WORDS",
    "NEXT_WORD",
    "ORDINAL_WORDS",
    "PLAIN",
    "PREV_WORD",
    "RATHER_THAN",
    "RELATION",
    "SCHEDULED_FOR",
    "SEASONS",
    "STRONG",
    "SUPERLATIVE_BEFORE",
    "YEAR_BEFORE_DASH",
    "YEAR_NOUNS",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MONTH = (
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)(?![a-z])"
)
# A year is never glued to a decimal point, a thousands comma or a slash and
# digits ("2025/27" is no year; "2025/26" is a span, read whole below).
_YEAR = r"(?<![\d.,])\d{4}(?!\d|[.,/]\d)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?!\d|[.,]\d)"
# a year named against the reference: "December last year", "the first quarter of next year"
_REL_YEAR = r"(?:this|next|last)\s+year"
_THE_YEAR = rf"(?:{_YEAR}|{_REL_YEAR}|the\s+year(?![\s-]end))"  # "the first half of the year"
# "within 18 months", "over the next five years": a deadline that time from the reference,
# unless the time runs from some other event ("within 18 months of the merger")
_COUNT = COUNT.replace("?P<n>", "?:")
_UNIT = r"(?:day|week|fortnight|month|quarter|year|decade)"
# "a few", "a couple of" with any white space between their words
_VAGUE = r"a\s+few|a\s+couple\s+of|several"
_WITHIN = (
    rf"(?:(?:within(?:\s+the\s+next)?|(?:over\s+)?the\s+next)\s+(?:{_COUNT}|{_VAGUE})\s+{_UNIT}s?"
    rf"|(?:within|over)\s+the\s+next\s+{_UNIT}"
    # "in the coming months", "over the upcoming weeks", "within weeks": within a few of them
    r"|(?:over\s+)?the\s+(?:coming|upcoming)(?:\s+few)?\s+(?:day|week|month|year)s"
    r"|within\s+(?:day|week|month|year)s)"
    r"(?!\s+(?:of|after|from|since|following|before|into|in)\b)"
)
# "in 18 months", "six months from now": about the day, month or year that time from the
# reference lands on; "the holiday season": late November to December
_AHEAD = (
    rf"(?P<ahead>in\s+(?:about\s+|around\s+|roughly\s+|approximately\s+|some\s+)?"
    rf"(?:{_COUNT}|{_VAGUE})\s+{_UNIT}s?(?:'s?|s')?(?:\s+time)?"
    r"(?!\s+(?:of|after|from|since|following|before|into|in|ago|earlier|later)\b))"
    rf"|(?:{_COUNT}|{_VAGUE})\s+{_UNIT}s?\s+from\s+(?:now|today)"
    # "two years ago": that time before the reference
    rf"|(?:(?:about|around|roughly|approximately|some)\s+)?(?:{_COUNT}|{_VAGUE})\s+{_UNIT}s?\s+ago\b"
    rf"|(?:(?:the|this|next|last)\s+)?(?:{_YEAR}\s+)?holiday\s+(?:shopping\s+)?season"
    rf"(?:,?\s+(?:of\s+)?{_YEAR})?"
)
_TPRE = rf"(?:{CLOCK}(?:\s*\(?{ZONE_WORD}\)?)?,?\s+(?:on\s+)?)?"
# A time said after a day is its time, unless "on <day>" follows: "1 January, at 23:59 on 31
# December" gives 23:59 to 31 December.
_TZONE = rf"(?:\s*,?\s*\(?{ZONE_WORD}\)?)"
_TSUF = rf"(?:,?\s+(?:at\s+|from\s+)?{CLOCK}{_TZONE}?(?!{_TZONE}?\s+on\s))?"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+"
_FISCAL = r"(?:fy|fiscal(?:\s+year)?)\s?'?(?:\d{4}(?:[-/]\d{2}(?!\d))?|\d{2})(?!\d)e?"
# A quarter or half of a fiscal year, spelt as `When.parse` reads it: "Q3", "3Q", "third quarter".
_FPART = (
    r"(?:[qh][1-4]|[1-4]q|[12]h|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)"
    r"\s+quarter|(?:the\s+)?(?:first|second|1st|2nd)\s+half)"
)
_PRE = (
    r"(?P<net>net\s+)?"  # "NET" (no earlier than), only in capitals
    r"(?P<pre>(?:(?:by\s+the\s+end\s+of|by\s+end\s+of|by\s+the\s+(?:start|beginning)\s+of"
    r"|no\s+later\s+than|not\s+later\s+than|not\s+before|no\s+earlier\s+than|by|before|after"
    r"|ahead\s+of|as\s+early\s+as|as\s+soon\s+as|no\s+sooner\s+than|not\s+sooner\s+than"
    r"|until\s+at\s+least|at\s+least\s+until|not\s+until"
    r"|circa|c\.|ca\.|about|around|approximately|roughly|maybe|possibly|perhaps|probably)"
    r"\s+){0,3})"  # at most three: a bounded prefix keeps the scan linear
)
# The first alternatives of "Q3 or Q4 2025", "Q2, Q3 or Q4 2025", "April or May
# 2026": parts that are no date alone. Whole dates joined by "or" ("2026 or
# 2027", "Q4 2025 or Q1 2026") are joined after they are found.
_ALT_ITEM = (
    rf"(?:q[1-4]|[1-4]q|h[12]|[12]h|{_MONTH}|spring|summer|autumn|fall|winter"
    r"|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th))"  # "the second or third quarter"
)
# At most five listed before "or": a bounded list keeps the scan linear.
_ALT = rf"(?P<alt>(?:{_ALT_ITEM},\s+){{0,4}}{_ALT_ITEM}\s+or\s+)?"
_MOD = (
    r"(?P<mod>(?:the\s+)?(?:(?:early|mid|late)[\s-]+(?:to[\s-]+(?:early|mid|late)[\s-]+)?"
    # hyphens for spaces as `When.parse` reads them: "end-of-2025", "end-of-the-year"
    r"|(?:start|beginning|middle|end)(?:\s+of\s+|-of-)"
    # "end of year 2026" (`When.parse` reads it: late 2026), not "end of year" alone here
    r"(?:the[\s-]+)?(?:year(?:\s+|(?<=-of-year)-)(?=\d{4}(?!\d)))?|(?:mid|end|start)-))?"
)
# A reporting period up to a day or month: "the quarter ended June 30, 2026", "the year
# ending March 31, 2027", "the three months to June 30" (`When.parse` reads them whole).
_SPAN = (
    r"(?:quarter|half[\s-]year|(?:fiscal\s+)?year|(?:three|six|nine|twelve|3|6|9|12)\s+months"
    # a 52/53-week year's periods: "the 13 weeks ended February 27, 2026"
    r"|(?:\d{1,2}|thirteen|fourteen|twelve|sixteen|twenty-six|twenty-seven|thirty-nine|forty"
    r"|fifty-two|fifty-three)\s+weeks)"
)
# ("to" only after "the": "delayed by six months to March 2027" is a move, not a period)
_PERIOD = (
    rf"(?:(?:the\s+)?{_SPAN}\s+end(?:ing|ed)(?:\s+on)?|the\s+{_SPAN}\s+to)\s+"
    rf"(?:{_DAY}\s+(?:of\s+)?{_MONTH}|{_MONTH}(?:\s+{_DAY})?)(?:,?\s+{_YEAR})?"
)
_CORE = (
    r"(?P<core>"
    rf"{_PERIOD}|"
    # "the week of March 16": that day's week (`When.parse` reads it whole)
    rf"(?:the\s+)?week\s+(?:of|beginning|starting)\s+"
    rf"(?:{_DAY}\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+{_DAY})(?:,?\s+{_YEAR})?|"
    # "between now and 2030", "from now until 2030": now is the reference day
    r"(?<=between )now(?=\s+and\s)|(?<=from )now(?=\s+(?:to|until|till|through)\s)|"
    # fiscal periods: found whole, so "fiscal 2025" is never read as the year 2025, nor
    # "fiscal third quarter 2026" as a calendar quarter
    rf"(?P<fiscal>(?:{_FPART},?\s*(?:of\s+)?)?{_FISCAL}(?:,?\s+(?:[qh][1-4]|[1-4]q|[12]h)(?![a-z\d]))?"
    rf"|fiscal\s+{_FPART},?\s+(?:of\s+)?'?\d{{4}}(?!\d)"
    r"|(?:this|next|last|the\s+current)\s+fiscal\s+(?:year|quarter|half))|"
    # calendar years said as such: "CY2027", "Q3 CY26", "calendar year 2027" (not Q3 alone)
    rf"(?:{_FPART},?\s*(?:of\s+)?)?(?:(?<![a-z\d])cy\s?'?(?:\d{{4}}|\d{{2}})|calendar\s+(?:year\s+)?\d{{4}})(?!\d)|"
    # halves and quarters written short: "2H25", "1H 2026", "H2'25", "3Q25", "Q4 '25", "H1-26",
    # "2H-2025", "1H-2H 2026" (a space before two digits is left out: "Q3 26 stores")
    r"(?P<short>(?:(?:[1-4]q|[12]h)-)?(?:[1-4]q|[12]h)(?:\s?'?|-)(?:\d{4}|\d{2})"
    r"|(?:q[1-4]|h[12])(?:\s?'|-'?)\d{2})(?!\d)|"
    # two years: "2025/26", "1999/2000" (a year before a slash is no year alone)
    r"(?P<pair>(?<![\d.,])(?P<p1>\d{4})/(?P<p2>\d{4}|\d{2}))(?![\d/])|"
    r"\d{4}-\d{2}-\d{2}(?:t\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?)?(?![\d-])"
    r"|\d{4}(?:-w\d{2}(?:-\d)?|w\d{2}\d?)(?![\d-])"
    r"|(?<![\d.,/])\d{4}(?P<sl>[/.])\d{1,2}(?P=sl)\d{1,2}(?![\d/]|\.\d)"  # "2026/04/03"
    rf"|{NUMERIC}"  # "25/04/2026", "12/2026": read as far as they are sure
    r"|\d{4}-\d{2}(?![\d-])"
    # day ranges before single days: "24-27 March 2026" is not "27 March 2026"
    rf"|{_DAY}(?:\s*(?:-|to)\s*|\s+or\s+){_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|{_MONTH}\s+{_DAY}(?:\s*(?:-|to)\s*|\s+or\s+){_DAY}(?:,?\s+{_YEAR})?"
    # a day, maybe with its time: "9 a.m. PT on April 7, 2026", "April 7, 2026 at 4:30 p.m. ET"
    rf"|{_TPRE}(?:{_WEEKDAY})?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?{_TSUF}"
    rf"|{_TPRE}(?:{_WEEKDAY})?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?{_TSUF}"
    rf"|(?P<month>{_MONTH})(?:,?\s+(?:of\s+)?(?:(?P<my>{_YEAR})|(?P<mrel>{_REL_YEAR})))?"
    rf"|(?P<q>q[1-4])(?:,?[\s-]+(?:of\s+)?{_THE_YEAR})?|{_YEAR}[\s-]?q[1-4]"
    # an ISO week of a year: "week 53 of 2026", "week 5, 2027" (not the year alone)
    rf"|week\s+\d{{1,2}}(?!\d),?\s+(?:of\s+)?{_YEAR}"
    # "the first week of April": its days 1-7
    rf"|(?:the\s+)?(?:first|second|third|fourth|last|1st|2nd|3rd|4th)\s+week\s+(?:of|in)\s+"
    rf"{_MONTH}(?:,?\s+{_YEAR})?"
    # "the third quarter" alone is the reference year's, as "Q3" is
    rf"|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
    rf"(?:,?\s+(?:of\s+)?{_THE_YEAR}|(?!\s+of\b))"  # not "the third quarter of the match"
    rf"|h[12],?[\s-]+(?:of\s+)?{_THE_YEAR}|{_YEAR}[\s-]?h[12]"
    # "the second half" alone is the reference year's, as "the third quarter" is
    rf"|(?:the\s+)?(?:first|second|1st|2nd)\s+half"
    rf"(?:,?\s+(?:of\s+)?{_THE_YEAR}|(?!\s+of\b))"
    rf"|{_WITHIN}|{_AHEAD}"
    rf"|(?:spring|summer|autumn|fall)(?:\s+of)?\s+{_YEAR}|winter(?:\s+of)?\s+\d{{4}}\s*[-/]\s*\d{{2,4}}"
    r"|(?:the\s+)?\d{3}0'?s(?![a-z])"
    r"|(?:the\s+)?\d{1,3}(?:st|nd|rd|th)\s+century"
    r"|(?:later|earlier)\s+this\s+(?:year|month|quarter|week)"
    r"|(?:this|next|last)\s+(?:week|month|quarter|year|decade|century|spring|summer|autumn|fall"
    rf"|winter|{_MONTH})"
    rf"|(?:the\s+)?year(?:'s)?[\s-]end(?:(?:,?\s+(?:of\s+)?|-){_YEAR})?"
    rf"|the[\s-]+(?:year|month|quarter|week|decade)"  # "-" as in "end-of-the-year"
    rf"|(?P<midyear>mid[\s-]?year)(?:(?:,?\s+(?:of\s+)?|-)(?P<mdy>{_YEAR}))?"
    r"|today|tomorrow|yesterday"
    rf"|(?P<est>{_YEAR})e"  # "2027E": an analyst's estimate for 2027
    rf"|(?P<year>{_YEAR})"
    r")"
)
_SUF = r"(?:\s+or\s+(?:later|earlier)|\s+at\s+the\s+(?:latest|earliest))?"
# The undated: "TBD" (in capitals), "to be announced", "date not announced" ...
_UNDATED = (
    r"(?P<undated>(?P<uw>date\s+)?(?P<ua>tb[adc]|t\.b\.[adc]\.?)"
    r"|date\s+not\s+(?:yet\s+)?announced|date\s+unknown|unknown\s+date"
    r"|to\s+be\s+(?:announced|determined|confirmed))"
)
CANDIDATE = re.compile(rf"(?<![\w$€£¥#])(?:{_UNDATED}|{_PRE}{_ALT}{_MOD}{_CORE}{_SUF})(?![\w%])")
# The same without alternatives: the parts of one `When.parse` refuses.
PLAIN = re.compile(
    rf"(?<![\w$€£¥#])(?:{_UNDATED}|{_PRE}(?P<alt>(?!))?{_MOD}{_CORE}{_SUF})(?![\w%])"
)
# The start of an ISO 8601 date ("2026-04", "2026-04-06T10:00Z"): two such joined by a slash
# are an interval.
ISO_START = re.compile(r"\d{4}-\d{2}")
ALTERNATIVES = re.compile(r"\s+(?:and|or)\s+")
JOIN = re.compile(r"\s*(?:-|to|through|until|till)\s*|\s+(?:and|or)\s+")
# What may stand between "to be announced" and the date it is announced on.
ANNOUNCED_ON = re.compile(r"\s+(?:(?:on|in|at|for|around|during|sometime|from|until|till)\s+)?")
ALT_WORD = re.compile(r"[a-z\d]+")
SEASONS = _words("spring summer autumn fall winter")
ORDINAL_WORDS = _words("or the first second third fourth 1st 2nd 3rd 4th")


# Words after which a four-digit number is a year ("in 2025"), and words that
# make it a count ("2000 employees", "2030 million").
STRONG = _words("in by before after since until till during of early mid late year")
FUNCTION_WORDS = _words(
    "and or to through until till when while before after as in at on for with but the a an is "
    "was will would could should may might has had have are were be been if so because then "
    "onwards onward versus vs than from into since amid despite citing following during due via "
    # pronouns count nothing: "between now and 2030 it will invest"
    "it its they we he she i you there their our "
    # nor adverbs: "2030, 2035 and 2040 respectively"
    "respectively instead too already either "
    # nor the adverb of a move: "the plant scheduled for 2026 back to 2028"
    "back"
)
MAGNITUDE = re.compile(
    r"\s*(?:%|percent|per\s+cent|hundred|thousand|million|billion|trillion|bn|mn|m|k|x|times)"
    r"(?![a-z])|-[a-z]"
)
RELATION = re.compile(r"\b(?:by|before|after|than|ahead|as)\b")
COUNTING = _words("no. no number over under than nearly almost least some top total only just")
RATHER_THAN = re.compile(r"\brather\s+than\s+$")
# A year naming a schedule: "the 2028 date it gave", "its 2030 target", "a 2035 deadline"
YEAR_NOUNS = _words("date deadline target goal timeline timetable timeframe schedule horizon")
# A time "in" which something was the first, highest ... is a stretch of the past: "the first
# cut in four years", "the lowest level in a decade"
SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:[a-z]{2,}est|first|last|most|least|times?|once|twice|never|ever|only|record)\b"
    r"[^.;:!?]{0,40}$"
)
# ... and one said of the future has a word for it before it in its clause: "is expected in
# 18 months", "will ship in two weeks", "opens in a year"; "a thousand-fold growth in two
# years" is a stretch of the past
FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|'ll|expect(?:s|ed|ing)?|due|set|scheduled|slated|plann?(?:s|ed|ing)?"
    r"|aim(?:s|ed|ing)?|intend(?:s|ed|ing)?|should|could|may|might|going|hop(?:es?|ed|ing)"
    r"|target(?:s|ed|ing)?|promis(?:es?|ed)|pledged|vowed|likely|on\s+track|again"
    r"|(?:ship|launch|open|start|begin|arrive|return|resume|close|end|finish)(?:s|es)?)\b"
    r"[^.;:!?]{0,60}$"
)
# ... or it opens its clause before a comma, and the clause after looks forward: "In 18
# months, the plant will open", "Acme said that in six months, the line would run"
CLAUSE_OPENS = re.compile(r"(?:\A|[.;:!?]|\bthat|,\s*(?:and|but|so|then)|[\"'(\u201c])\s*$")
FUTURE_AFTER = re.compile(
    r"(?:'s?|s')?\s*,\s*[^.;:!?]{0,60}?\b(?:will|would|shall|'ll|expects?|is\s+expected"
    r"|are\s+expected|is\s+due|are\s+due|is\s+set|are\s+set|is\s+scheduled|are\s+scheduled"
    r"|plans?|aims?|intends?|should|could|may|might|is\s+going|are\s+going|hopes?|targets?"
    r"|is\s+likely|are\s+likely|is\s+on\s+track|are\s+on\s+track)\b"
)
SCHEDULED_FOR = re.compile(r"\b(?:\w+ed|set|due|date|deadline|target)\s+for\s+$")
MAY_WORDS = STRONG | _words("from to this next last")
NEXT_WORD = re.compile(r"\s*([a-z]+)")
PREV_WORD = re.compile(r"([a-z]+\.?)\s*$")
YEAR_BEFORE_DASH = re.compile(r"(?<![\d.,])(\d{4})\s*-\s*$")
