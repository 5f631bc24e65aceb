"""Percentiles and formatting shared by the benchmarks."""

import math


def percentile(values, pct):
    """The `pct` percentile (nearest rank) in the values' unit, rounded; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return round(ordered[rank - 1], 1)
