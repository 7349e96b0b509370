"""Figures with units: timeline's `Quantity` against pint's own quantities.

`Quantity.parse` reads bounds, scales and currencies that pint does not ("over $5
billion"), and asks pint only when two unit spellings meet ("2 GW" vs "1500 MW"). This
measures, per figure: reading "1500 MW" (timeline vs ``pint.UnitRegistry.Quantity``),
comparing two figures in one unit, and comparing across units (GW vs MW), plus the
one-time cost of loading pint the first time two unit spellings meet.

Run: ``python benchmarks/bench_figures.py [--n 5000]``.
"""

from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal


def _per_item(label: str, run: Callable[[], object], n: int) -> float:
    start = time.perf_counter()
    run()
    us = (time.perf_counter() - start) / n * 1e6
    print(f"  {label:<44} {us:8.2f} us")
    return us


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--n", type=int, default=5_000)
    n = args.parse_args().n

    first_meeting = subprocess.run(
        [
            sys.executable,
            "-c",
            "import time; from timeline import Quantity; a = Quantity.parse('2 GW'); "
            "b = Quantity.parse('1500 MW'); t = time.perf_counter(); a < b; "
            "print((time.perf_counter() - t) * 1000)",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()

    import pint

    from timeline import Quantity

    ureg = pint.UnitRegistry(non_int_type=Decimal, cache_folder=None)
    texts = [f"{i} MW" for i in range(1, n + 1)]

    print(f"figures, {n:,} each")
    ours_parse = _per_item(
        "timeline Quantity.parse('1500 MW')", lambda: [Quantity.parse(t) for t in texts], n
    )
    pint_parse = _per_item(
        "pint ureg.Quantity('1500 MW')", lambda: [ureg.Quantity(t) for t in texts], n
    )

    ours = [Quantity.parse(t) for t in texts]
    theirs = [ureg.Quantity(t) for t in texts]
    gw = [Quantity(Decimal(i) / 1000, "GW") for i in range(1, n + 1)]
    pint_gw = [ureg.Quantity(Decimal(i) / 1000, "GW") for i in range(1, n + 1)]
    _ = gw[0] <= ours[0]  # the first meeting loads pint: measured above, not here
    ours_same = _per_item(
        "timeline compare, same unit", lambda: [a < b for a, b in itertools.pairwise(ours)], n
    )
    pint_same = _per_item(
        "pint compare, same unit", lambda: [a < b for a, b in itertools.pairwise(theirs)], n
    )
    ours_cross = _per_item(
        "timeline compare, GW vs MW", lambda: [a <= b for a, b in zip(gw, ours, strict=True)], n
    )
    pint_cross = _per_item(
        "pint compare, GW vs MW", lambda: [a <= b for a, b in zip(pint_gw, theirs, strict=True)], n
    )
    print(f"  first meeting of two unit spellings (loads pint): {float(first_meeting):.0f} ms")
    print(
        f"ratios (pint / timeline): parse {pint_parse / ours_parse:.2f}x, "
        f"same unit {pint_same / ours_same:.2f}x, across units {pint_cross / ours_cross:.2f}x"
    )


if __name__ == "__main__":
    main()
