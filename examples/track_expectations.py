"""Track expectations over time: what was promised, when it was said, and what slipped.

An article published in late March 2026 says Tencent's Hybrid Model 3.0 is
"slated for an April release" and that DeepSeek V4 is "also expected in April";
Guangzhou aims for 10,000 AI-plus enterprises by 2030. A later report (made up
for this example, and labelled so) moves DeepSeek V4 to May.

Run: python examples/track_expectations.py
"""

from __future__ import annotations

from timeline import Event, Source, Timeline, When

ARTICLE = Source(
    "What Tencent's Open AI Ecosystem and Model Race Reveal About the Global AI Shift",
    publisher="AI Large-Model Wave and Transformation Guide",
    # The article carries no exact date: late March 2026 (days 21 to 31).
    published=When.dekad(2026, 3, 3),
    quote="Hybrid Model 3.0 is in internal testing and slated for an April release",
)
FOLLOW_UP = Source(
    "Illustrative follow-up report (invented for this example)",
    published=When.day(2026, 4, 20),
    quote="DeepSeek V4 now expected in May",
)

# "April", as the article says it: read against the article's date, April 2026.
hybrid = Event(
    title="Tencent Hybrid Model 3.0 release",
    when="April",
    kind="model-release",
    actors=["Tencent"],
    tags=["llm"],
    sources=[ARTICLE],
)
deepseek = Event(
    title="DeepSeek V4 release",
    when="April",
    kind="model-release",
    actors=["DeepSeek"],
    tags=["llm"],
    sources=[ARTICLE],
    related=[hybrid.id],
).revise(when="May", stated="2026-04-20", source=FOLLOW_UP, note="slipped")
guangzhou = Event(
    title="Guangzhou: 10,000 AI-plus enterprises",
    when="by 2030",
    kind="policy-target",
    actors=["Guangzhou"],
    sources=[ARTICLE],
)

tl = Timeline([hybrid, deepseek, guangzhou], name="AI race 2026")


def section(title: str) -> None:
    print(f"\n== {title}")


section("The timeline, as known now")
print(tl)

section("Slips")
for event, slip in tl.slips():
    print(f"{event.title}: {slip.before} -> {slip.after} (stated {slip.stated}, {slip.days} days)")

for day in ("2026-04-01", "2026-05-01"):
    section(f"As known on {day}")
    print(tl.as_of(day))

section("What changed between the two days")
change = tl.as_of("2026-04-01").diff(tl.as_of("2026-05-01"))
for c in change.changed:
    for field, (before, after) in c.fields.items():
        if field != "claims":
            print(f"{c.id}: {field} {before} -> {after}")

section("Upcoming in the 90 days from 1 April 2026")
print(tl.as_of("2026-04-01").upcoming(as_of="2026-04-01"))

section("Overdue on 1 May 2026 (still expected, window passed)")
print(tl.overdue(as_of="2026-05-01"))
