"""The figures of one statement: a target with its baseline, and observations.

`_FigureReader._figures` turns the figures `timeline.extract._figures` found in a
statement into a `Target` (a figure with a deadline the statement looks forward
to, with the figure it starts from) and `Observation` values placed at their own
date, the statement's, or publication. A figure in a present-tense clause joined to a
dated past one ("founded in 2015 and employs 1,200 people") is as of publication, not
the past clause's date; with no publication date it is left unplaced. `_bare_goal` reads
a bare number as a goal ("aims to have 3,236 in orbit"), `_kind` the statement's kind (a
target's kind says what its goal is about). `Reader` in `timeline.extract._reader` builds
on it.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from timeline._errors import TimelineError
from timeline.dates import When
from timeline.dates._find import DateMatch
from timeline.extract._clauses import Piece, without_aside
from timeline.extract._cues import Look
from timeline.extract._dating import DateIndex, day, until
from timeline.extract._figures import Figure, added_to, figures
from timeline.extract._kinds import guess_kind
from timeline.extract._text import Span, words
from timeline.figures import Observation, Quantity, Target
from timeline.figures._units import multiple_mark
from timeline.model import Status

__all__: list[str] = []

_SHARE_OF: Final = re.compile(
    # "20% of the country's critical minerals": a possessive is part of the phrase
    r"\s+of\s+((?:(?!(?:to|by|in|that|which|who|and|or|for|from|with|at)\b)[\w'-]+\s*){1,4})"
)
_METRIC_WORDS: Final = re.compile(
    r"\b(annual recurring revenue|net bookings|bookings|revenue|arr|sales|profit|funding"
    r"|investment|valuation|"
    r"users|subscribers|downloads|market share|capacity|output|shipments|enterprises|"
    r"token calls|calls|industry|inflation|emissions|deliveries|production|unemployment"
    r"|gdp|prices|growth|installations|exports|imports|invest(?:s|ing)?|spend(?:s|ing)?)\b",
    re.IGNORECASE,
)


_SINCE: Final = re.compile(r"\bsince\s+$", re.IGNORECASE)
# Where a statement's clauses join: "founded in 2015 and employs ...", "...; it operates ...".
_JOIN: Final = re.compile(r"\s+and\s+|\s*;\s+|,?\s+but\s+", re.IGNORECASE)
# Verbs that put a clause in the present ("employs", "has", "now"), or in the past.
_PRESENT: Final = words(
    """is are has have employs operates runs owns holds serves counts boasts sells makes
    produces ships generates earns controls manages includes covers remains totals numbers
    exceeds tops now currently today still"""
)
_PAST: Final = words(
    """was were had did rose grew fell sold made held ran won built began became took gave hit
    led spent paid raised got saw"""
)
_NOT_PAST: Final = words("based related limited listed advanced detailed dedicated skilled")
_NOT_VERB: Final = words(
    """its this his hers ours theirs yours plus less thus was sales profits revenues earnings
    shares users customers employees staff people units plants"""
)


# A money figure is the price of a thing built or bought, not a goal, after words of price
# ("at a cost of", "buy Beta for", "a deal worth"), or when the noun it is said with is a
# thing ("a $2.5 billion research hub", "a $1.2bn acquisition") rather than what a goal counts
# (`_MONEY_METRICS`: "$5 billion revenue", "$500 million in funding").
_PRICED: Final = re.compile(
    r"(?:\b(?:buy|buys|bought|buying|acquire|acquires|acquired|acquiring|purchase|purchases"
    r"|purchased|purchasing|take\s+over|takes\s+over|took\s+over|sell|sells|sold|selling"
    r"|build|builds|built|building)\b[^.;:!?$\u20ac\u00a3\u00a5]{0,60}?\bfor"
    r"|\b(?:deal|contract|agreement|order|acquisition|purchase|takeover|transaction|project"
    r"|programme|program|plant|factory|hub|facility)s?\s+(?:valued\s+at|worth))\s+"
    r"(?:(?:about|around|some|nearly|roughly|almost|over|more\s+than|an\s+estimated|up\s+to)\s+)?$",
    re.IGNORECASE,
)
_MONEY_METRICS: Final = words(
    """revenue revenues sales profit profits earnings income ebitda ebit turnover arr mrr
    funding financing investment investments capex spending spend budget budgets orders
    bookings backlog savings exports imports valuation subsidies subsidy grants loans
    dividends dividend buybacks buyback cash margin margins loss losses debt aid fund funds
    round raise proceeds gmv volume value contracts deals payments fees royalties tax taxes
    costs cost cuts reductions cut wages pay bonuses salaries output production gdp trade
    recurring annual net gross operating adjusted total yearly quarterly monthly new fresh
    additional extra public private foreign direct of in worth a an the"""
)
_YEAR_EARLIER: Final = re.compile(r",?\s*(?:a|one)\s+year\s+(?:earlier|ago|before)\b", re.I)
_COST: Final = re.compile(
    r"(?:\bcost(?:s|ing)?|\bcost\s+of|\bprice\s+tag\s+of|\bpriced\s+at|\bbudget\s+of)\s+"
    r"(?:(?:about|around|some|nearly|roughly|an\s+estimated)\s+)?$",
    re.IGNORECASE,
)


# A forecast revised to a figure: "lowered its nuclear output forecast for 2028 to", "raised
# its revenue guidance to": the figure after it is what is now expected (a goal), the one
# after "from" the forecast it replaces (no observation: nothing was measured).
_REVISED_TO: Final = re.compile(
    r"\b(?:raised|lowered|cut|trimmed|lifted|increased|reduced|revised|upgraded|downgraded"
    r"|boosted|slashed|hiked|narrowed)\s+(?:(?:its|their|the|his|her)\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:forecasts?|guidance|outlook|projections?|targets?|goals?"
    r"|estimates?)(?:\s+for\s+[^,;.]{1,40}?)?\s+(?:down\s+|up\s+)?to\s+"
    r"(?:(?:about|around|roughly|some)\s+)?\Z",
    re.IGNORECASE,
)
_FROM: Final = re.compile(r",?\s+(?:down\s+|up\s+)?from\s+\Z", re.IGNORECASE)


def _year_earlier(when: When) -> When | None:
    """The same period a year before ("Q4 2025" -> "Q4 2024"), for a plain dated value."""
    text = str(when)
    years = re.findall(r"\b\d{4}\b", text)
    if len(years) != 1 or when.is_interval:
        return None
    try:
        earlier = When.parse(text.replace(years[0], str(int(years[0]) - 1)))
    except TimelineError:
        return None
    return earlier if earlier.precision is when.precision else None


_REVENUE: Final = re.compile(r"\b(?:revenue|arr|sales|profit|bookings)\b", re.IGNORECASE)

_POLICY: Final = re.compile(
    r"\b(?:plan|policy|government|ministry|city|province|state|national|law)\b", re.IGNORECASE
)

# Kinds that say less than "a goal with a deadline": a target's kind replaces them
# ("funding", "investment", "model-release" ... say more, and stay).
_GENERIC_KINDS: Final = frozenset({"statement", "metric", "revenue", "policy", "publication"})

# A bare number as a goal: "aims to have 3,236 in orbit", "to have 10,000 in factories".
_BARE_GOAL: Final = re.compile(
    r"\bto\s+(?:have|reach|hit|deploy|operate|put|install|field)\s+"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?=\s+(?:in|on|at|across|into)\s)",
    re.IGNORECASE,
)

# What a sentence makes or sends: "to mass-produce robots", "will launch satellites".
_MADE: Final = re.compile(
    r"\b(?:to|will)\s+[a-z-]+\s+(?:(?:more|new|its|their|the)\s+)?([a-z]{3,}s)\b"
)

_NOT_COUNTED: Final = frozenset({"plans", "aims", "its", "this", "costs", "prices", "sales"})


class _FigureReader:
    """Reads a statement's figures (the part of `Reader` about targets and observations)."""

    folded: str
    anchor: When | None
    picked: DateMatch | None  # the date phrase the statement is dated by
    looked_ahead: dict[int, When]  # a date said without its year, read as the next one
    dates: DateIndex
    yen: bool  # "¥" in a text about Japan

    def _figures(
        self,
        figs: list[Figure],
        dates: list[DateMatch],
        date: DateMatch | None,
        when: When | None,
        status: Status,
        look: Look | None,
        actors: tuple[str, ...],
        span: Span,
        piece: Piece,
        earlier: list[tuple[Figure, When]],
    ) -> tuple[Target | None, list[Observation], str | None]:
        target: Target | None = None
        observations: list[Observation] = []
        unplaced: list[str] = []
        goal = None
        base_figure = None
        replaced = None  # "from 360-400 TWh" after a revised forecast's figure
        revised = [
            f
            for f in figs
            if _REVISED_TO.search(self.folded, max(piece.start, f.start - 120), f.start)
        ]
        if revised and status is not Status.HAPPENED and date is not None:
            look = Look.FORWARD  # "lowered its forecast for 2028 to": what is now expected
            after = figs.index(revised[0]) + 1
            if after < len(figs) and _FROM.search(
                self.folded, max(piece.start, figs[after].start - 20), figs[after].start
            ):
                replaced = figs[after]
        if (
            figs
            and date is not None
            and status is not Status.HAPPENED
            and look is Look.FORWARD
            and date.when.latest is not None
        ):
            # "at a cost of £38 billion", "a $2.5 billion research hub": a price, not a goal
            goals = [f for f in figs if not self._price(f)]
            # "will add 1,200 in 2027 to the 3,000 rural towers": the goal is the amount
            # the verb acts on, not the total it is added to
            acted = [f for f in goals if not added_to(self.folded, f, piece.start)]
            goals = acted or goals
            before = [f for f in goals if f.end <= date.start]
            goal = before[-1] if before else (goals[0] if goals else None)
            goal = revised[0] if revised else goal
        if goal is not None and date is not None and date.when.latest is not None:
            # "in the third quarter" said in October: next year's, as the draft's date
            date = attrs.evolve(date, when=self.looked_ahead.get(date.start, date.when))
            metric = self._metric(goal, piece, span, actors)
            baseline = None
            for i, fig in enumerate(figs):
                # "20 million by 2030, up from 9 million in 2022": where the goal starts.
                own = self._figure_when(fig, figs[i + 1 :], dates, None, Status.EXPECTED)
                value = fig.quantity
                if not value.unit and goal.quantity.unit and goal.quantity.currency is None:
                    value = attrs.evolve(value, unit=goal.quantity.unit)  # "up from 9 million"
                if fig is not goal and value.compatible(goal.quantity) and own is not None:
                    deadline = date.when.latest
                    if (
                        own is not self.anchor
                        and own.latest
                        and deadline is not None
                        and day(own.latest) < day(deadline)
                    ):
                        baseline, base_figure = Observation(own, value), fig
                        break
            for fig, stated in reversed(earlier if baseline is None else []):
                if fig.quantity.compatible(goal.quantity):
                    baseline = Observation(stated, fig.quantity)
                    break
            try:
                target = Target(metric, goal.quantity, date.when, baseline=baseline)
            except TimelineError:
                try:
                    target = Target(metric, goal.quantity, date.when)
                except TimelineError:
                    target, goal = None, None
        for i, fig in enumerate(figs):
            if fig is goal or fig is base_figure or (fig is replaced and target is not None):
                continue
            note = None
            present = self._present_clause(fig, figs, piece) if status is Status.HAPPENED else None
            if present is not None:
                # "founded in 2015 and employs 1,200 people": as of publication, unless the
                # clause has a date of its own ("and employs 1,200 people as of 2026")
                in_clause = [d for d in dates if present[0] <= d.start and d.end <= present[1]]
                seen = in_clause[0].when if in_clause else self.anchor
                if not in_clause:
                    note = "in a present-tense clause: as of publication"
            else:
                seen = self._figure_when(fig, figs[i + 1 :], dates, when, status)
            if seen is None:
                unplaced.append(fig.text)
                continue
            value = fig.quantity
            if status is not Status.HAPPENED and look is Look.FORWARD:
                note = "a figure the statement looks forward to, as stated at publication"
                if goal is not None and added_to(self.folded, fig, piece.start):
                    # "to its 2,000 stores": what there is now, not at the goal's date
                    seen = self.anchor if self.anchor is not None else seen
                    note = "the total the goal is added to, as stated at publication"
            currency = value.currency
            if currency is not None and self._price(fig):
                value = attrs.evolve(value, unit=currency)  # "$2.5 billion", no "hub"
                if status is not Status.HAPPENED:
                    # what the thing costs, as said at publication: no goal, not its date's
                    seen = self.anchor if self.anchor is not None else seen
                    note = "the price of what is built or bought, as stated at publication"
            try:
                observations.append(Observation(seen, value, note=note))
            except TimelineError:
                unplaced.append(fig.text)
                continue
            if status is Status.HAPPENED or look is not Look.FORWARD:
                earlier.append((fig, seen))
        extra = None
        if unplaced:
            extra = "Figures with no date to place them: " + ", ".join(unplaced) + "."
        if replaced is not None and target is not None:
            earlier_forecast = f"The forecast it replaces: {replaced.quantity}."
            extra = earlier_forecast if extra is None else f"{extra} {earlier_forecast}"
        return target, observations, extra

    def _price(self, fig: Figure) -> bool:
        """Whether a money figure is the price of a thing built or bought, not what a goal
        counts: after words of price ("at a cost of", "buy Beta for", "a deal worth"), or
        said with a thing's noun ("a $2.5 billion research hub", "a $1.2bn acquisition")."""
        quantity = fig.quantity
        if quantity.currency is None:
            return False
        lead = max(0, fig.start - 80)
        if _COST.search(self.folded, lead, fig.start) or _PRICED.search(
            self.folded, lead, fig.start
        ):
            return True
        noun = quantity.unit.split()[1:]  # "USD research hub" -> research hub
        return bool(noun) and not any(w.lower() in _MONEY_METRICS for w in noun)

    def _figure_when(
        self,
        fig: Figure,
        later: list[Figure],
        dates: list[DateMatch],
        when: When | None,
        status: Status,
    ) -> When | None:
        limit = later[0].start if later else fig.end + 60
        own = next((d for d in dates if fig.end <= d.start < min(limit, fig.end + 40)), None)
        if own is not None and _SINCE.search(self.folded, max(0, own.start - 8), own.start):
            # "grew tenfold since 2020": measured from then to publication, the span the
            # statement is dated with; not a figure of 2020
            return when if status is Status.HAPPENED and when is not None else self.anchor
        if own is not None and when is not None and own is self.picked:
            return when  # the statement's own date, as read for it ("the fourth quarter": 2025)
        if own is not None:
            return own.when
        if (
            status is Status.HAPPENED
            and when is not None
            and _YEAR_EARLIER.match(self.folded, fig.end)
        ):
            earlier = _year_earlier(when)
            if earlier is not None:
                return earlier  # "down from $2.3 billion a year earlier"
        if fig.after_from and later and self.anchor is not None:
            return until(self.anchor, None)
        if status is Status.HAPPENED and when is not None and not when.is_undated:
            return when
        return self.anchor

    def _present_clause(
        self, fig: Figure, figs: list[Figure], piece: Piece
    ) -> tuple[int, int] | None:
        """The span of ``fig``'s clause when it is in the present tense and joined to another
        by "and", ";" or "but" ("founded in 2015 and employs 1,200 people"), else None."""
        inside = [(f.start, f.end) for f in figs]
        cuts = [
            m.span()
            for m in _JOIN.finditer(self.folded, piece.start, piece.end)
            if not any(a <= m.start() < b for a, b in inside)  # "between 5 and 10 GW"
        ]
        if not cuts:
            return None
        begin = max((b for a, b in cuts if b <= fig.start), default=piece.start)
        stop = min((a for a, b in cuts if a >= fig.end), default=piece.end)
        clause = (self.folded[begin : fig.start] + " " + self.folded[fig.end : stop]).lower()
        tokens = re.findall(r"[a-z']+", clause)
        perfect = False
        for word in tokens:
            if word in _PAST or (word.endswith("ed") and not perfect and word not in _NOT_PAST):
                return None
            perfect = word in ("has", "have", "having")
        present = any(w in _PRESENT for w in tokens) or any(
            len(w) > 3
            and w.endswith("s")
            and not w.endswith(("ss", "us", "is"))
            and w not in _NOT_VERB
            for w in tokens[:2]
        )
        return (begin, stop) if present else None

    def _metric(self, goal: Figure, piece: Piece, span: Span, actors: tuple[str, ...]) -> str:
        words = _METRIC_WORDS.search(self.folded, piece.start, piece.end) or _METRIC_WORDS.search(
            self.folded, span.start, span.end
        )
        unit = goal.quantity.unit
        share = _SHARE_OF.match(self.folded, goal.end)
        if unit == "%" and share is not None:
            what = f"share of {share.group(1).strip()}"  # "75% of EU companies"
        elif unit and unit != "%" and goal.quantity.currency is None and not multiple_mark(unit):
            what = unit  # "10,000 AI-plus enterprises"
        elif words is not None:
            what = words.group(1)
            if what.lower().startswith(("invest", "spend")):
                # "will invest $2.5 billion by 2030": what the goal counts is investment
                what = "investment" if what.lower().startswith("invest") else "spending"
        else:
            what = "figure"
        return f"{actors[0]}: {what}" if actors else what

    def _bare_goal(self, span: Span, start: int, end: int) -> Figure | None:
        """A bare number as a goal ("aims to have 3,236 in orbit"), counting what the
        sentence counted before ("the first 100 Kuiper satellites") or made ("to
        mass-produce robots"); None when it names nothing to count."""
        m = _BARE_GOAL.search(self.folded, start, end)
        if m is None:
            return None
        unit = None
        taken = [(d.start, d.end) for d in self.dates.within(span.start, m.start())]
        for fig in reversed(figures(self.folded, span.start, m.start(), taken, yen=self.yen)):
            u = fig.quantity.unit
            if u and fig.quantity.currency is None and re.fullmatch(r"[a-z][a-z-]*s", u):
                unit = u
                break
        if unit is None:
            made = list(_MADE.finditer(self.folded, span.start, m.start()))
            if made and made[-1].group(1).lower() not in _NOT_COUNTED:
                unit = made[-1].group(1)
        if unit is None:
            return None
        try:
            quantity = Quantity.parse(f"{m.group('num')} {unit}")
        except TimelineError:
            return None
        return Figure(m.group("num"), m.start("num"), m.end("num"), quantity)

    def _kind(self, span: Span, piece: Piece, target: Target | None) -> str | None:
        sentence = self.folded[span.start : span.end]
        kind = guess_kind(without_aside(self.folded, piece), sentence)
        if kind is None and piece.index == 0:
            kind = guess_kind(sentence)
        if target is not None and (kind is None or kind in _GENERIC_KINDS):
            # A goal with a deadline: its kind says what the goal is about.
            if _REVENUE.search(sentence):
                return "revenue-target"
            if _POLICY.search(sentence):
                return "policy-target"
            return "target"
        return kind
