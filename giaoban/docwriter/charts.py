"""Charts for the report: one drawing code, SVG for the web page and PNG for Word.

Each chart is laid out once as a list of primitives (rectangles, lines, text) in CSS pixels;
two small back-ends paint them: Pillow for PNG (drawn at twice the size, ~250 dpi at the width
Word shows it, so print stays sharp) and plain SVG text for the preview page (text stays text).
No plotting library on this path: a whole provincial report draws its charts in tens of
milliseconds, where matplotlib took ~0,2 s per chart. DejaVu Sans carries every Vietnamese
letter: Debian's fonts-dejavu-core (in the base system, and in .ci/run's list), else a copy some
installed package carries (matplotlib's), else Liberation Sans (fonts-liberation2); without any,
Pillow's own font with a warning (some Vietnamese letters may then show as boxes).
Axis numbers are written the Vietnamese way (29.774; 1,5 tỷ).
"""

from __future__ import annotations

import functools
import html
import importlib.util
import io
import logging
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from PIL import Image, ImageDraw, ImageFont

from .model import IndicatorRow, TrendSeries
from .vnformat import format_number, format_pct

COLORS = ["#1f5fa8", "#c0392b", "#2e8b57", "#d68910", "#7d3c98", "#117a8b"]
LAST_BAR = "#222222"
BANDS = [(0, 50, "#f6d5d1"), (50, 80, "#fbeccb"), (80, 100, "#dcefdc"), (100, 1000, "#cfe8f5")]
BAR_COLORS = [(50, "#c0392b"), (80, "#d68910"), (100, "#2e8b57"), (float("inf"), "#1f5fa8")]
GRID = "#dddddd"
AXIS = "#555555"
MUTED = "#555555"
WIDTH = 756  # CSS px: 6,3 in at 120 px/in; Word shows it 15 cm wide
PNG_SCALE = 2
FONT_FAMILY = "DejaVu Sans, Arial, sans-serif"


# ---------------------------------------------------------------- fonts and text metrics


FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]  # Debian, Fedora


def _font_path(bold: bool = False) -> str | None:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    candidates = [folder / name for folder in FONT_DIRS]
    spec = importlib.util.find_spec("matplotlib")  # not a dependency; its copy serves where installed
    if spec and spec.origin:
        candidates.append(Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf" / name)
    liberation = "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"
    candidates.append(Path("/usr/share/fonts/truetype/liberation2") / liberation)
    return next((str(p) for p in candidates if p.exists()), None)


@functools.lru_cache(maxsize=64)
def _font(size_px: float, bold: bool = False):
    path = _font_path(bold) or _font_path(False)
    if path is None:
        _warn_no_font()
        return ImageFont.load_default(size_px)
    return ImageFont.truetype(path, max(1, round(size_px)))


@functools.cache
def _warn_no_font() -> None:
    logging.getLogger(__name__).warning(
        "No DejaVu Sans or Liberation Sans font found (apt-get install fonts-dejavu-core): charts use "
        "Pillow's default font, which may lack some Vietnamese letters.")


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in CSS px (measured at PNG scale for precision)."""
    return _font(size * PNG_SCALE, bold).getlength(text) / PNG_SCALE


# ---------------------------------------------------------------- primitives and back-ends


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str = AXIS
    width: float = 1.0
    dash: bool = False


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline-free: the anchor's vertical position (see valign)
    text: str
    size: float = 11.0
    anchor: str = "start"  # start | middle | end
    valign: str = "baseline"  # top | middle | baseline | bottom
    color: str = "#000000"
    bold: bool = False


@dataclass
class Drawing:
    width: float
    height: float
    items: list


def _png(drawing: Drawing) -> bytes:
    s = PNG_SCALE
    img = Image.new("RGB", (math.ceil(drawing.width * s), math.ceil(drawing.height * s)), "#ffffff")
    draw = ImageDraw.Draw(img)
    h_anchor = {"start": "l", "middle": "m", "end": "r"}
    v_anchor = {"top": "a", "middle": "m", "baseline": "s", "bottom": "d"}
    for item in drawing.items:
        if isinstance(item, Rect):
            if item.w > 0 and item.h > 0:
                draw.rectangle([round(item.x * s), round(item.y * s), round((item.x + item.w) * s) - 1,
                                round((item.y + item.h) * s) - 1], fill=item.fill)
        elif isinstance(item, Line):
            width = max(1, round(item.width * s))
            if item.dash:
                length = math.hypot(item.x2 - item.x1, item.y2 - item.y1)
                steps = max(1, int(length // 6))
                for k in range(0, steps, 2):
                    a, b = k / steps, min(1.0, (k + 1) / steps)
                    draw.line([((item.x1 + (item.x2 - item.x1) * a) * s, (item.y1 + (item.y2 - item.y1) * a) * s),
                               ((item.x1 + (item.x2 - item.x1) * b) * s, (item.y1 + (item.y2 - item.y1) * b) * s)],
                              fill=item.color, width=width)
            else:
                draw.line([(item.x1 * s, item.y1 * s), (item.x2 * s, item.y2 * s)], fill=item.color, width=width)
        elif isinstance(item, Text):
            draw.text((item.x * s, item.y * s), item.text, font=_font(item.size * s, item.bold), fill=item.color,
                      anchor=h_anchor[item.anchor] + v_anchor[item.valign])
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False, compress_level=6)
    return buf.getvalue()


def _svg(drawing: Drawing) -> bytes:
    esc = html.escape
    baseline = {"top": "text-before-edge", "middle": "central", "baseline": "alphabetic", "bottom": "text-after-edge"}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {drawing.width:.0f} {drawing.height:.0f}" '
           f'width="{drawing.width:.0f}" height="{drawing.height:.0f}" font-family="{FONT_FAMILY}" role="img">']
    for item in drawing.items:
        if isinstance(item, Rect):
            out.append(f'<rect x="{item.x:.1f}" y="{item.y:.1f}" width="{item.w:.1f}" height="{item.h:.1f}" fill="{item.fill}"/>')
        elif isinstance(item, Line):
            dash = ' stroke-dasharray="6 6"' if item.dash else ""
            out.append(f'<line x1="{item.x1:.1f}" y1="{item.y1:.1f}" x2="{item.x2:.1f}" y2="{item.y2:.1f}" '
                       f'stroke="{item.color}" stroke-width="{item.width}"{dash}/>')
        elif isinstance(item, Text):
            weight = ' font-weight="bold"' if item.bold else ""
            out.append(f'<text x="{item.x:.1f}" y="{item.y:.1f}" font-size="{item.size}" fill="{item.color}" '
                       f'text-anchor="{item.anchor}" dominant-baseline="{baseline[item.valign]}"{weight}>{esc(item.text)}</text>')
    out.append("</svg>")
    return "".join(out).encode("utf-8")


def _output(drawing: Drawing, fmt: str) -> bytes:
    if fmt == "png":
        return _png(drawing)
    if fmt == "svg":
        return _svg(drawing)
    raise ValueError(f"Định dạng biểu đồ không hỗ trợ: '{fmt}' (chỉ 'svg' hoặc 'png')")


# ---------------------------------------------------------------- helpers


def _axis_number(value) -> str:
    if abs(value) >= 1_000_000_000:
        return format_number(value / 1_000_000_000, 1) + " tỷ"
    if abs(value) >= 1_000_000:
        return format_number(value / 1_000_000, 1) + " tr"
    return format_number(value, 0 if float(value).is_integer() else 1)


def nice_ticks(top: float, count: int = 4) -> list[float]:
    """0, step, 2·step … up to at least `top`, with a step of 1, 2, 2,5 or 5 × 10^k."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    n = math.ceil(top / step - 1e-9)
    return [i * step for i in range(n + 1)]


def _wrap(text: str, width_px: float, size: float, max_lines: int = 3) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        cand = f"{line} {word}".strip()
        if line and text_width(cand, size) > width_px:
            lines.append(line)
            line = word
        else:
            line = cand
    lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(",;") + "…"
    return lines


def _short(name: str, limit: int = 42) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


# ---------------------------------------------------------------- the two charts


def trend_drawing(series: list[TrendSeries], title: str = "") -> Drawing:
    """Trend over the last periods: one small panel per indicator, each on its own scale, so a
    count of sessions and a count of attendees can stand side by side."""
    series = [s for s in series if s.points][:4]
    n = max(1, len(series))
    items: list = []
    top_pad = 22 if title else 0
    if title:
        items.append(Text(WIDTH / 2, 4, title, 13, "middle", "top", bold=True))
    gap = 18
    panel_w = (WIDTH - gap * (n - 1) - 8) / n
    titles = [_wrap(s.label, panel_w - 6, 10) for s in series]
    title_h = 13 * max((len(t) for t in titles), default=1) + 6
    plot_top = top_pad + title_h + 14  # room for the value label over the tallest bar
    plot_h = 150
    plot_bottom = plot_top + plot_h
    height = plot_bottom + 44
    for i, s in enumerate(series):
        x0 = 4 + i * (panel_w + gap)
        for k, line in enumerate(titles[i]):
            items.append(Text(x0 + panel_w / 2, top_pad + 2 + 13 * k, line, 10, "middle", "top"))
        ys = [float(v) if v is not None else None for _, v in s.points]
        ticks = nice_ticks(max([v for v in ys if v is not None] + [1.0]) * 1.05)
        labels = [_axis_number(t) for t in ticks]
        axis_w = max(text_width(label, 9) for label in labels) + 6
        px0, pw = x0 + axis_w, panel_w - axis_w
        scale = plot_h / ticks[-1]
        for t, label in zip(ticks, labels):
            y = plot_bottom - t * scale
            items.append(Line(px0, y, px0 + pw, y, GRID, 1))
            items.append(Text(px0 - 4, y, label, 9, "end", "middle", MUTED))
        slot = pw / len(ys)
        color = COLORS[i % len(COLORS)]
        prev_year = None
        for k, ((label, _v), v) in enumerate(zip(s.points, ys)):
            cx = px0 + slot * (k + 0.5)
            last = k == len(ys) - 1
            if v is not None:
                h = v * scale
                items.append(Rect(cx - slot * 0.33, plot_bottom - h, slot * 0.66, h, LAST_BAR if last else color))
                if last:
                    items.append(Text(cx, plot_bottom - h - 3, _axis_number(v), 9.5, "middle", "bottom", bold=True))
            quarter, _, year = label.partition("/")
            items.append(Text(cx, plot_bottom + 4, quarter, 9, "middle", "top"))
            if year and year != prev_year:
                items.append(Text(cx, plot_bottom + 17, year, 8.5, "middle", "top", MUTED))
            prev_year = year
        items.append(Line(px0, plot_bottom, px0 + pw, plot_bottom, AXIS, 1))
    if series:
        first, last_label = series[0].points[0][0], series[0].points[-1][0]
        items.append(Text(WIDTH / 2, height - 4, f"Từ {first} đến {last_label}; cột đậm: kỳ báo cáo", 9, "middle",
                          "bottom", MUTED))
    return Drawing(WIDTH, height, items)


def progress_drawing(rows: Sequence[IndicatorRow | _PctRow], title: str = "", pace: float | None = None) -> Drawing:
    """Horizontal bars: % of the year's target reached, over red/amber/green/blue bands."""
    rows = [r for r in rows if r.pct_achieved is not None]
    items: list = []
    names = [_short(r.name) for r in rows]
    label_w = min(WIDTH * 0.48, max((text_width(nm, 10) for nm in names), default=60) + 10)
    top = 8 + (22 if title else 0) + (14 if pace else 0)
    bar_h, row_h = 14, 22
    x0, x1 = label_w, WIDTH - 46
    pcts = [r.pct_achieved for r in rows if r.pct_achieved is not None]  # every row has one (above)
    xmax = max([120.0] + [p * 1.05 for p in pcts])
    ticks = [t for t in nice_ticks(xmax, 5) if t <= xmax + 1e-9]
    xmax = max(xmax, ticks[-1])
    sx = (x1 - x0) / xmax
    plot_h = row_h * max(1, len(rows))
    bottom = top + plot_h
    height = bottom + 26
    if title:
        items.append(Text(WIDTH / 2, 4, title, 13, "middle", "top", bold=True))
    for lo, hi, color in BANDS:
        if lo < xmax:
            items.append(Rect(x0 + lo * sx, top, (min(hi, xmax) - lo) * sx, plot_h, color))
    items.append(Line(x0 + 100 * sx, top, x0 + 100 * sx, bottom, AXIS, 1))
    if pace:
        items.append(Line(x0 + pace * sx, top - 2, x0 + pace * sx, bottom, AXIS, 1, dash=True))
        items.append(Text(x0 + pace * sx, top - 3, f"tiến độ {format_pct(pace, 0)}", 9, "middle", "bottom", MUTED))
    for k, (name, p) in enumerate(zip(names, pcts)):
        cy = top + row_h * (k + 0.5)
        color = next(c for limit, c in BAR_COLORS if p < limit)
        items.append(Rect(x0, cy - bar_h / 2, p * sx, bar_h, color))
        items.append(Text(x0 + p * sx + 4, cy, format_pct(p), 9.5, "start", "middle"))
        items.append(Text(x0 - 6, cy, name, 10, "end", "middle"))
    items.append(Line(x0, bottom, x1, bottom, AXIS, 1))
    for t in ticks:
        items.append(Line(x0 + t * sx, bottom, x0 + t * sx, bottom + 3, AXIS, 1))
        items.append(Text(x0 + t * sx, bottom + 5, format_number(t, 0) + "%", 9, "middle", "top", MUTED))
    return Drawing(WIDTH, height, items)


def _series_key(series) -> tuple:
    return tuple((s.label, tuple((p, None if v is None else float(v)) for p, v in s.points)) for s in series)


def _rows_key(rows) -> tuple:
    return tuple((r.name, r.pct_achieved) for r in rows)


@functools.lru_cache(maxsize=128)
def _trend_cached(key: tuple, fmt: str, title: str) -> bytes:
    series = [TrendSeries("", "", label, list(points)) for label, points in key]
    return _output(trend_drawing(series, title), fmt)


@functools.lru_cache(maxsize=128)
def _progress_cached(key: tuple, fmt: str, title: str, pace: float | None) -> bytes:
    rows = [_PctRow(name, pct) for name, pct in key]
    return _output(progress_drawing(rows, title, pace), fmt)


@dataclass(frozen=True)
class _PctRow:
    name: str
    pct_achieved: float | None


def trend_chart(series: Iterable[TrendSeries], fmt: str = "png", title: str = "") -> bytes:
    """The trend chart as PNG or SVG bytes; the same figures give the same bytes (cached)."""
    return _trend_cached(_series_key([s for s in series if s.points][:4]), fmt, title)


def progress_chart(rows: Iterable[IndicatorRow], fmt: str = "png", title: str = "", pace: float | None = None) -> bytes:
    """The progress chart as PNG or SVG bytes (cached by the names and percentages)."""
    return _progress_cached(_rows_key([r for r in rows if r.pct_achieved is not None]), fmt, title, pace)


def render_block(block, fmt: str) -> bytes:
    """Draw the chart a writing.Block of kind 'chart' describes."""
    if block.extra.get("kind") == "trend":
        return trend_chart(block.data, fmt=fmt)
    return progress_chart(block.data, fmt=fmt, pace=block.extra.get("pace"))


def render_blocks(blocks: list, fmt: str = "png") -> list[bytes]:
    """Draw many charts (a few milliseconds each: no process pool is worth starting)."""
    return [render_block(b, fmt) for b in blocks]
