"""Inline SVG charts: no script, no CDN, readable when printed and when opened from disk."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ashyq.reports.i18n import format_points

BAR_HEIGHT = 18
GAP = 6
LABEL_WIDTH = 330
BAR_WIDTH = 300


@dataclass(frozen=True)
class Bar:
    label: str
    points: float
    max: float

    @property
    def share(self) -> float:
        return 0.0 if self.max <= 0 else max(0.0, min(1.0, self.points / self.max))


def bar_chart(bars: list[Bar], lang: str, caption: str) -> Markup:
    """Horizontal bars, one per criterion: the share of its maximum, with "points / max" at the end.

    Labels are escaped here: criterion titles are ours, but nothing reaches the page unescaped."""
    height = len(bars) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_WIDTH + 90
    parts = [
        f'<svg class="chart" role="img" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}"><title>{escape(caption)}</title>'
    ]
    for index, bar in enumerate(bars):
        y = GAP + index * (BAR_HEIGHT + GAP)
        filled = round(BAR_WIDTH * bar.share, 1)
        colour = "#2e7d32" if bar.share >= 0.9 else "#f9a825" if bar.share >= 0.7 else "#c62828"
        value = f"{format_points(bar.points, lang)} / {format_points(bar.max, lang)}"
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 13}" text-anchor="end" font-size="12">{escape(bar.label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{BAR_WIDTH}" height="{BAR_HEIGHT}" fill="#eceff1"/>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{filled}" height="{BAR_HEIGHT}" fill="{colour}"/>'
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 6}" y="{y + 13}" font-size="12">{escape(value)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def shorten(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
