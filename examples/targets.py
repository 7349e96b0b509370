"""Figures with deadlines: targets, progress, and checking a growth claim.

Run: python examples/targets.py

The figures come from one article on the 2026 AI race. It says daily token calls
rose "from 1 trillion at the start of 2024 to over 140 trillion by March 2025 — a
growth of more than a thousand-fold in two years". Computing the figure shows
what the numbers support: over 140-fold, in at most 15 months.
"""

from __future__ import annotations

from timeline import Event, Observation, Quantity, Target, Timeline, growth

# -- checking a growth claim --------------------------------------------------------

start = Observation("start of 2024", "1 trillion tokens per day")
end = Observation("by March 2025", "over 140 trillion tokens per day")
calls = growth(start, end)

print("Daily token calls")
print(f"  {start}  ->  {end}")
print(f"  factor:      {calls.factor}x")
low_rate, _ = calls.annual_rate
longest = calls.years[1]
assert low_rate is not None and longest is not None
print(f"  time taken:  at most {longest:.2f} years")
print(f"  annual rate: at least {low_rate:,.0%}")
claimed = Quantity(1000, "")
if calls.factor.definitely_above(claimed):
    print("  the figures show the claimed thousand-fold rise")
elif calls.factor.definitely_below(claimed):
    print("  the figures rule out the claimed thousand-fold rise")
else:
    print(f"  'more than a thousand-fold' is not shown: the figures give {calls.factor}x")
print()

# -- targets --------------------------------------------------------------------------

keling = Event(
    title="KeLing AI reaches $600M ARR",
    when="by 2026",
    actors=["Kuaishou"],
    target=Target(
        "KeLing AI annual recurring revenue",
        "$600 million",
        "by 2026",
        baseline=Observation("2026-03~", "over $300 million"),
    ),
)
guangzhou = Event(
    title="Guangzhou: 10,000 AI-plus enterprises",
    when="by 2030",
    actors=["Guangzhou"],
    target=Target("AI-plus enterprises in Guangzhou", "10,000 enterprises", "by 2030"),
)
industry = Event(
    title="China's AI-related industry above 10 trillion CNY",
    when="by the end of 2030",
    target=Target("size of China's AI-related industry", "over 10 trillion CNY", "by 2030"),
)
tl = Timeline([keling, guangzhou, industry])

as_of = "2026-04-01"
for event in tl.targets():
    target = event.target
    assert target is not None
    print(event.title)
    print(f"  {target.describe(event.observations, as_of=as_of)}")
    if target.baseline is not None:
        needed = target.required_growth()
        low, high = needed.annual_rate
        assert low is not None and high is not None
        print(f"  needs {needed.factor}x by the deadline: {low:.0%} to {high:.0%} a year")
print()

# A later figure (invented for the example) and what it says about the KeLing target.
keling_target = keling.target
assert keling_target is not None
later = Observation("2026-09", "$450 million")
print(f"If KeLing AI were at {later.value} in {later.when}:")
share = keling_target.progress(later)  # a unitless Quantity: 0 at baseline, 1 at goal
print(f"  progress: {float(share.midpoint):.0%} of the way")
print(f"  on track: {keling_target.on_track(later)}  (None: the dates cannot tell)")
print(f"  status:   {keling_target.status('2026-10-01', [later])}")
