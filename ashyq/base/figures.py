"""Figures as the legal forms print them: rounded half up, once, from the value that was meant.

Python's ``round`` rounds a tie to the even digit and works on the binary value (0.125 → 0.12,
89.995 → 89.99); the forms round half up on the decimal figure (0,13; 90,00). The scorer rounds the
final with this, and the reports print every figure with it, so a printed row and a printed total
are rounded the same way.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def round_points(value: float, places: int = 2) -> float:
    """``value`` rounded half up to ``places`` decimals (89.995 → 90.00). Float noise from adding up
    items (89.99499999…) is removed first, so the figure is the one meant."""
    exact = Decimal(repr(round(value, 9)))
    return float(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
