"""Charts of the quality report as inline SVG: readable at a glance, no script, no CDN."""
from __future__ import annotations

import re
from html import escape as _html_escape

from checks.shown_text import shown

COLORS = {"error": "#d92d20", "warning": "#f79009", "info": "#2e90fa", "untrusted": "#d92d20",
          "review": "#f79009", "trusted": "#12b76a", "new": "#d92d20", "resolved": "#12b76a",
          "share": "#7a5af8", "filled": "#2e90fa"}


def escape(text: str) -> str:
    """A label (a sponsor's name, a rule) as SVG text: markup escaped, control characters shown."""
    return _html_escape(shown(text))


LABEL_W, BAR_W, ROW_H = 300, 420, 20
# A bar's label at 12 px takes about 6.5 px a character on average (DejaVu Sans and system fonts; a rule id of 50
# characters measured 277): the label column is as wide as the longest label, up to LABEL_CHARS characters; a
# longer label (a sponsor's full name) ends in an ellipsis and shows whole on hover.
LABEL_CHAR_PX, LABEL_CHARS, LABEL_PAD = 6.5, 50, 12
# The count a label ends with ("Pfizer (12)": the sponsor's studies), kept when the label is cut.
LABEL_COUNT = re.compile(r"\s\(\d[\d,]*\)$")


def label_width(labels: list[str]) -> int:
    """The width of a chart's label column: its longest label, whole up to LABEL_CHARS characters."""
    longest = max((len(shown(label)) for label in labels), default=0)
    return max(LABEL_W // 2, round(min(longest, LABEL_CHARS) * LABEL_CHAR_PX) + LABEL_PAD)


def _label(x: float, y: float, text: str) -> str:
    """A bar's label, right-aligned before it: whole, or cut with an ellipsis and whole in its tooltip."""
    whole = shown(text)
    count = LABEL_COUNT.search(whole)
    end = count.group(0) if count else ""
    short = text if len(whole) <= LABEL_CHARS else whole[:LABEL_CHARS - 1 - len(end)].rstrip() + "…" + end
    tip = f"<title>{escape(text)}</title>" if short != text else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="12" text-anchor="end">{tip}{escape(short)}</text>'


def _rect(x: float, y: float, w: float, h: float, color: str, title: str) -> str:
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" fill="{color}">'
            f"<title>{escape(title)}</title></rect>")


def _text(x: float, y: float, text: str, anchor: str = "start", size: int = 12) -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}">{escape(text)}</text>'


def legend(series: tuple[str, ...], y: float = 12) -> str:
    """A one-line legend of colored squares."""
    parts, x = [], 0
    for name in series:
        parts += [_rect(x, y - 10, 10, 10, COLORS.get(name, "#98a2b3"), name), _text(x + 14, y, name)]
        x += 24 + 7 * len(name)
    return "".join(parts)


def hbars(rows: list[tuple[str, dict[str, float]]], series: tuple[str, ...], unit: str = "",
          scale_max: float | None = None) -> str:
    """Horizontal stacked bars, one row per label; the total is written after each bar."""
    if not rows:
        return "<p class=muted>Nothing to show.</p>"
    top = scale_max or max(sum(v.values()) for _, v in rows) or 1
    height = 24 + ROW_H * len(rows)
    label_w = label_width([label for label, _ in rows])
    parts = [legend(series)] if len(series) > 1 else []
    for i, (label, values) in enumerate(rows):
        y, x = 24 + i * ROW_H, label_w
        parts.append(_label(label_w - 6, y + 13, label))
        for name in series:
            width = BAR_W * values.get(name, 0) / top
            parts.append(_rect(x, y + 2, width, ROW_H - 5, COLORS.get(name, "#98a2b3"),
                               f"{label}: {values.get(name, 0):g} {name}{unit}"))
            x += width
        total = sum(values.values())
        parts.append(_text(x + 4, y + 13, f"{total:g}{unit}" if unit else f"{total:,.0f}"))
    return (f'<svg class="chart" viewBox="0 0 {label_w + BAR_W + 80} {height}" role="img" '
            f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>')


def columns(points: list[tuple[str, dict[str, float]]], series: tuple[str, ...], stacked: bool = True) -> str:
    """Columns over runs (oldest left), stacked or side by side, with the first and last label below."""
    if not points:
        return "<p class=muted>No run recorded yet.</p>"
    width, height, base = 760, 200, 170
    top = max((sum(v.values()) if stacked else max(v.values(), default=0)) for _, v in points) or 1
    step = (width - 60) / len(points)
    parts = [legend(series), _text(0, 40, f"{top:,.0f}", size=11), _text(0, base, "0", size=11)]
    for i, (label, values) in enumerate(points):
        x, y = 50 + i * step, base
        bar = max(step * (0.8 if stacked else 0.8 / len(series)), 1)
        for j, name in enumerate(series):
            h = (base - 40) * values.get(name, 0) / top
            bx = x if stacked else x + j * bar
            parts.append(_rect(bx, (y - h) if stacked else base - h, bar, h, COLORS.get(name, "#98a2b3"),
                               f"{label}: {values.get(name, 0):,.0f} {name}"))
            if stacked:
                y -= h
    parts += [_text(50, base + 16, points[0][0], size=11), _text(width - 10, base + 16, points[-1][0], "end", 11)]
    return (f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
            f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>')
