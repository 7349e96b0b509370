"""How good and how fast `timeline.extract` is on the seed article.

Quality: runs `extract` on the article the bundled dataset models by hand
(``timeline.datasets.ai_race_2026()``) and scores the drafts against it, by the
matching rule of issue 14: a draft matches a dataset event when the draft's
quote overlaps the event's source quote (both located in the article), or they
share an actor and the same date bounds.

- recall: dataset events matched by some draft (target >= 90%)
- precision: drafts that match some dataset event (target >= 70%)
- dates right: matched pairs whose date bounds (earliest and latest day) agree
  (target >= 90%); each event is paired with the draft whose quote overlaps
  its own the most (ties: the one with the same bounds, then the first)
- status agreement on the same pairs

Then it prints every miss and every false draft, so the next person sees what
to improve.

Corpus: the hand-annotated articles of tests/data/extract whose tables follow one shape
(article, title starts with, when, status, first promise, actors[, location]), read from
the test modules of `CORPUS`. A row is found when exactly one draft's title starts with
its head; then its date (the text of its `When`), status, first promise, actors and
location are each right or not. Precision: drafts some row's head matches, of all the
drafts of those articles. Speed: `extract` against dateparser's ``search_dates`` (which only
finds dates) on the same text, best of several runs, and the ratio.

    PYTHONPATH=src python benchmarks/bench_extract.py [ARTICLE.txt]
"""

from __future__ import annotations

import datetime as _dt
import sys
import time
from collections.abc import Callable
from pathlib import Path

from timeline import Event, Source, datasets
from timeline.extract import Draft, extract
from timeline.extract._text import fold

ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "sources" / "ai-race-2026-article.txt"
FALLBACK = Path("/work/shared/sources/ai-race-2026-article.txt")


def _find(folded_text: str, quote: str) -> tuple[int, int] | None:
    """Where a dataset quote sits in the article (typography folded on both sides)."""
    needle = " ".join(fold(quote).split())
    at = folded_text.find(needle)
    return None if at < 0 else (at, at + len(needle))


def _bounds(when: object) -> tuple[object, object]:
    earliest = getattr(when, "earliest", None)
    latest = getattr(when, "latest", None)

    def day(p: object) -> object:
        return p if p is None or not isinstance(p, _dt.datetime) else p.date()

    return (day(earliest), day(latest))


def _overlap(a: tuple[int, int] | None, b: tuple[int, int]) -> int:
    if a is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score(text: str, drafts: list[Draft], events: list[Event]) -> dict[str, object]:
    """Recall, precision, date and status agreement, misses and false drafts."""
    folded = " ".join(fold(text).split(" "))  # same length as text
    where = {e.id: _find(folded, e.sources[0].quote or "") if e.sources else None for e in events}
    pairs: dict[str, Draft] = {}
    matched_drafts: set[int] = set()
    quoted_drafts: set[int] = set()  # matched by quote overlap alone (the stricter reading)
    for event in events:
        span = where[event.id]
        best: tuple[int, int, int] | None = None  # (overlap, same bounds, -index)
        for i, draft in enumerate(drafts):
            overlap = _overlap(span, draft.span)
            same = _bounds(draft.when) == _bounds(event.when)
            shares = bool(set(draft.actors) & set(event.actors)) and same
            if overlap <= 0 and not shares:
                continue
            if overlap > 0:
                quoted_drafts.add(i)
            key = (overlap, int(same), -i)
            if best is None or key > best:
                best = key
            matched_drafts.add(i)
        if best is not None:
            pairs[event.id] = drafts[-best[2]]
    dates_right = [
        e for e in events if e.id in pairs and _bounds(pairs[e.id].when) == _bounds(e.when)
    ]
    status_right = [e for e in events if e.id in pairs and pairs[e.id].status == e.status]
    return {
        "events": len(events),
        "drafts": len(drafts),
        "recall": len(pairs) / len(events) if events else 1.0,
        "precision": len(matched_drafts) / len(drafts) if drafts else 1.0,
        "precision_quotes": len(quoted_drafts) / len(drafts) if drafts else 1.0,
        "dates": len(dates_right) / len(pairs) if pairs else 1.0,
        "status": len(status_right) / len(pairs) if pairs else 1.0,
        "misses": [e for e in events if e.id not in pairs],
        "false": [d for i, d in enumerate(drafts) if i not in matched_drafts],
        "wrong_dates": [(e, pairs[e.id]) for e in events if e.id in pairs and e not in dates_right],
        "wrong_status": [
            (e, pairs[e.id]) for e in events if e.id in pairs and e not in status_right
        ],
        "unlocated": [e.id for e in events if where[e.id] is None],
    }


# Test modules whose tables of hand-annotated articles the corpus scores.
CORPUS = (
    "test_extract_industries",
    "test_extract_deals_power",
    "test_extract_shipyards_trials",
    "test_extract_announcements",
)
TESTS = Path(__file__).resolve().parents[1] / "tests"


def corpus() -> dict[str, object]:
    """Recall, precision and each field right over the annotated articles of `CORPUS`."""
    import importlib

    sys.path.insert(0, str(TESTS))
    data = TESTS / "data" / "extract"
    rows: list[tuple[object, ...]] = []
    articles: dict[str, tuple[str, dict[str, object]]] = {}
    for name in CORPUS:
        module = importlib.import_module(name)
        if hasattr(module, "ARTICLES"):
            articles.update(module.ARTICLES)
        else:
            articles.update({a: (day, {}) for a, day in module.PUBLISHED.items()})
        rows += [tuple(r) for r in module.EXPECTED]
    drafts = {
        a: list(
            extract(
                (data / f"{a}.txt").read_text("utf-8"),
                source=Source(a, published=day),
                fiscal_years=dict(fiscal),  # type: ignore[arg-type]
            )
        )
        for a, (day, fiscal) in articles.items()
    }
    fields = {"date": 0, "status": 0, "first": 0, "actors": 0, "location": 0}
    located = 0
    found = 0
    wrong: list[str] = []
    matched: set[tuple[str, int]] = set()
    for row in rows:
        article, head, when, status, first, actors = row[:6]
        mine = [(i, d) for i, d in enumerate(drafts[str(article)]) if d.title.startswith(str(head))]
        matched |= {(str(article), i) for i, _ in mine}
        if len(mine) != 1:
            wrong.append(f"{article}: {head!r}: {len(mine)} drafts")
            continue
        found += 1
        d = mine[0][1]
        got = {
            "date": str(d.when) == when,
            "status": d.status.value == status,
            "first": (None if d.first_when is None else str(d.first_when)) == first,
            "actors": d.actors == actors,
        }
        if len(row) > 6:
            located += 1
            got["location"] = d.location == row[6]
        for key, right in got.items():
            fields[key] += int(right)
        bad = [k for k, right in got.items() if not right]
        if bad:
            wrong.append(f"{article}: {head!r}: wrong {', '.join(bad)}")
    total = sum(len(v) for v in drafts.values())
    return {
        "articles": len(articles),
        "rows": len(rows),
        "drafts": total,
        "recall": found / len(rows) if rows else 1.0,
        "precision": len(matched) / total if total else 1.0,
        **{
            k: v / (located if k == "location" else found) if found else 1.0
            for k, v in fields.items()
        },
        "wrong": wrong,
    }


def _best(run: Callable[[], object], repeat: int = 7) -> float:
    run()  # warm up: compiled patterns, imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def _cut(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else (ARTICLE if ARTICLE.exists() else FALLBACK)
    text = path.read_text("utf-8")
    dataset = datasets.ai_race_2026()
    source = Source(
        "What Tencent’s Open AI Ecosystem and Model Race Reveal About the Global AI Shift",
        publisher="AI Large-Model Wave and Transformation Guide",
        published="2026-03~",
    )
    known = sorted({a for e in dataset for a in e.actors})
    result = extract(text, source=source, known_actors=known)
    drafts = list(result)
    s = score(text, drafts, list(dataset))
    print(f"extract on {path.name}: {s['drafts']} drafts, {s['events']} dataset events")
    print(f"  known_actors: the dataset's {len(known)} actor names")
    print(f"  recall     {s['recall']:6.1%}   (target >= 90%)")  # type: ignore[str-format]
    print(f"  precision  {s['precision']:6.1%}   (target >= 70%)")  # type: ignore[str-format]
    print(f"  precision  {s['precision_quotes']:6.1%}   counting quote overlap only")  # type: ignore[str-format]
    print(f"  dates right{s['dates']:7.1%}   of matched pairs (target >= 90%)")  # type: ignore[str-format]
    print(f"  status     {s['status']:6.1%}   of matched pairs")  # type: ignore[str-format]
    if s["unlocated"]:
        print(f"  (quotes not found in the article: {s['unlocated']})")
    bare = score(text, list(extract(text, source=source)), list(dataset))
    print(
        f"  without known_actors: recall {bare['recall']:.1%}, precision {bare['precision']:.1%},"  # type: ignore[str-format]
        f" dates {bare['dates']:.1%}, status {bare['status']:.1%}"  # type: ignore[str-format]
    )
    print("\nMisses (dataset events no draft matches):")
    for e in s["misses"] or []:  # type: ignore[attr-defined]
        print(f"  - {e.id:45} {e.when!s:24} {_cut(e.sources[0].quote or '', 50)}")
    print("\nFalse drafts (match no dataset event):")
    for d in s["false"] or []:  # type: ignore[attr-defined]
        print(f"  - {d.confidence:.2f} {d.when!s:24} {_cut(d.title, 60)}")
    print("\nDates that disagree (dataset event: its date / the draft's date):")
    for e, d in s["wrong_dates"] or []:  # type: ignore[attr-defined]
        print(f"  - {e.id:45} {e.when!s:24} / {d.when}")
    print("\nStatuses that disagree:")
    for e, d in s["wrong_status"] or []:  # type: ignore[attr-defined]
        print(f"  - {e.id:45} {e.status.value:10} / {d.status.value}")

    c = corpus()
    print(
        f"\nCorpus: {c['articles']} hand-annotated articles, {c['rows']} annotated statements,"
        f" {c['drafts']} drafts"
    )
    print(f"  recall     {c['recall']:6.1%}   (one draft titled as annotated)")  # type: ignore[str-format]
    print(f"  precision  {c['precision']:6.1%}   (drafts an annotated row names)")  # type: ignore[str-format]
    for key in ("date", "status", "first", "actors", "location"):
        print(f"  {key:10} {c[key]:6.1%}   right, of rows found")  # type: ignore[str-format]
    print("  rows read wrong:")
    for line in c["wrong"] or []:  # type: ignore[attr-defined]
        print(f"  - {line}")

    ours = _best(lambda: extract(text, source=source, known_actors=known))
    print(f"\nSpeed on {len(text):,} characters (best of 7):")
    print(f"  timeline.extract (drafts: dates, status, actors, figures) {ours * 1000:8.2f} ms")
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("  dateparser not installed: no comparison")
        return 0
    base = _dt.datetime(2026, 3, 1)
    theirs = _best(
        lambda: search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}), 3
    )
    print(f"  dateparser.search.search_dates (bare dates only)        {theirs * 1000:8.2f} ms")
    print(f"  ratio: extract takes {ours / theirs:.2f}x the time of search_dates")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
