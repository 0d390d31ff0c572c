"""A body's trend over the nights as the points of a small SVG line (no script, no style)."""

from __future__ import annotations

WIDTH, HEIGHT = 120, 24


def trend_points(finals: list[float], top: float) -> str:
    """``x,y`` pairs of an SVG polyline over the scores, oldest left; "" with fewer than two."""
    if len(finals) < 2:
        return ""
    scale = top if top > 0 else max(finals) or 1.0
    step = WIDTH / (len(finals) - 1)
    return " ".join(
        f"{i * step:.1f},{HEIGHT - max(0.0, min(1.0, value / scale)) * HEIGHT:.1f}" for i, value in enumerate(finals)
    )
