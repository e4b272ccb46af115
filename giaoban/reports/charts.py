"""Charts for the report: one drawing code, SVG for the web page and PNG for Word.

matplotlib with the Agg backend (no display); DejaVu Sans carries every Vietnamese letter.
Axis numbers are written the Vietnamese way (29.774; 1,5).
"""

from __future__ import annotations

import io
from typing import Iterable

import matplotlib

matplotlib.use("Agg")
from matplotlib.figure import Figure  # noqa: E402  (the backend is chosen first)
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from .model import IndicatorRow, TrendSeries  # noqa: E402
from .vnformat import format_number, format_pct  # noqa: E402

FONT = {"family": "DejaVu Sans", "size": 9}
COLORS = ["#1f5fa8", "#c0392b", "#2e8b57", "#d68910", "#7d3c98", "#117a8b"]
BANDS = [(0, 50, "#f6d5d1"), (50, 80, "#fbeccb"), (80, 100, "#dcefdc"), (100, 1000, "#cfe8f5")]
BAR_COLORS = [(50, "#c0392b"), (80, "#d68910"), (100, "#2e8b57"), (float("inf"), "#1f5fa8")]
PNG_DPI = 120


def _axis_number(value, _pos=None) -> str:
    if abs(value) >= 1_000_000_000:
        return format_number(value / 1_000_000_000, 1) + " tỷ"
    if abs(value) >= 1_000_000:
        return format_number(value / 1_000_000, 1) + " tr"
    return format_number(value, 0 if float(value).is_integer() else 1)


def _figure(width_in: float, height_in: float) -> Figure:
    fig = Figure(figsize=(width_in, height_in))
    return fig


def _output(fig: Figure, fmt: str) -> bytes:
    buf = io.BytesIO()
    with matplotlib.rc_context({"font.family": FONT["family"], "font.size": FONT["size"], "svg.fonttype": "none"}):
        # Fixed margins instead of bbox_inches="tight": tight layout draws the figure twice.
        if fmt == "png":
            fig.savefig(buf, format="png", dpi=PNG_DPI)
        elif fmt == "svg":
            fig.savefig(buf, format="svg")
        else:
            raise ValueError(f"Định dạng biểu đồ không hỗ trợ: '{fmt}' (chỉ 'svg' hoặc 'png')")
    return buf.getvalue()


def trend_chart(series: Iterable[TrendSeries], fmt: str = "png", title: str = "", kind: str = "bar") -> bytes:
    """Trend over the last periods: one small panel per indicator, each on its own scale, so a
    count of sessions and a count of attendees can stand side by side."""
    series = [s for s in series if s.points][:4]
    n = max(1, len(series))
    with matplotlib.rc_context({"font.family": FONT["family"], "font.size": FONT["size"]}):
        fig = _figure(6.3, 2.3)
        fig.subplots_adjust(left=0.07, right=0.98, top=0.78, bottom=0.14, wspace=0.35)
        for i, s in enumerate(series):
            ax = fig.add_subplot(1, n, i + 1)
            labels = [p[0] for p in s.points]
            ys = [float(v) if v is not None else 0.0 for _, v in s.points]
            color = COLORS[i % len(COLORS)]
            xs = list(range(len(ys)))
            if kind == "line":
                ax.plot(xs, ys, marker="o", color=color, linewidth=1.8)
            else:
                ax.bar(xs, ys, color=[color] * (len(ys) - 1) + ["#222222"], width=0.65)
            last = s.points[-1][1]
            if last is not None:
                ax.annotate(_axis_number(float(last)), (xs[-1], ys[-1]), textcoords="offset points",
                            xytext=(0, 2), ha="center", va="bottom", fontsize=7.5)
            ax.set_xticks(xs)
            ax.set_xticklabels([label.split("/")[0] for label in labels], fontsize=7)
            ax.tick_params(axis="y", labelsize=7)
            ax.yaxis.set_major_formatter(FuncFormatter(_axis_number))
            ax.yaxis.set_major_locator(MaxNLocator(4))
            ax.set_ylim(0, max(ys + [1]) * 1.18)
            ax.spines[["top", "right"]].set_visible(False)
            ax.set_title(_wrap(s.label, 26), fontsize=7.5)
        if series:
            first, last_label = series[0].points[0][0], series[0].points[-1][0]
            fig.text(0.5, 0.005, f"Từ {first} đến {last_label}", ha="center", va="bottom", fontsize=7, color="#555555")
        if title:
            fig.suptitle(title, fontsize=10)
        return _output(fig, fmt)


def _wrap(text: str, width: int) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines[:3])


def progress_chart(rows: Iterable[IndicatorRow], fmt: str = "png", title: str = "", pace: float | None = None) -> bytes:
    """Horizontal bars: % of the year's target reached, over red/amber/green/blue bands."""
    rows = [r for r in rows if r.pct_achieved is not None]
    with matplotlib.rc_context({"font.family": FONT["family"], "font.size": FONT["size"]}):
        height = 0.6 + 0.3 * max(1, len(rows))
        fig = _figure(6.3, height)
        ax = fig.add_subplot()
        longest = max((len(_short(r.name)) for r in rows), default=10)
        fig.subplots_adjust(left=min(0.5, 0.03 + longest * 0.0105), right=0.97, top=1 - 0.3 / height,
                            bottom=0.35 / height)
        pcts = [r.pct_achieved for r in rows]
        top = max([120.0] + [p * 1.12 for p in pcts])
        for lo, hi, color in BANDS:
            if lo < top:
                ax.axvspan(lo, min(hi, top), color=color, zorder=0, linewidth=0)
        ys = list(range(len(rows)))[::-1]
        colors = [next(c for limit, c in BAR_COLORS if p < limit) for p in pcts]
        ax.barh(ys, pcts, color=colors, height=0.6, zorder=2)
        for y, p in zip(ys, pcts):
            ax.text(p + top * 0.01, y, format_pct(p), va="center", fontsize=8, zorder=3)
        ax.set_yticks(ys)
        ax.set_yticklabels([_short(r.name) for r in rows])
        ax.set_xlim(0, top)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: format_number(v, 0) + "%"))
        ax.axvline(100, color="#555555", linewidth=0.8, zorder=1)
        if pace:
            ax.axvline(pace, color="#555555", linewidth=0.8, linestyle="--", zorder=1)
            ax.text(pace, len(rows) - 0.4, f"tiến độ {format_pct(pace, 0)}", fontsize=7, ha="center", va="bottom")
        ax.spines[["top", "right"]].set_visible(False)
        if title:
            ax.set_title(title, fontsize=10)
        return _output(fig, fmt)


def _short(name: str, limit: int = 42) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def render_block(block, fmt: str) -> bytes:
    """Draw the chart a writing.Block of kind 'chart' describes."""
    if block.extra.get("kind") == "trend":
        return trend_chart(block.data, fmt=fmt)
    return progress_chart(block.data, fmt=fmt, pace=block.extra.get("pace"))


def _render_job(args) -> bytes:
    block, fmt = args
    return render_block(block, fmt)


def render_blocks(blocks: list, fmt: str = "png", workers: int | None = None) -> list[bytes]:
    """Draw many charts; with workers > 1 they are drawn in forked processes (the charts of a
    whole provincial report take a few seconds in one process). Falls back to one process where
    fork is unavailable. Default: $GIAOBAN_CHART_WORKERS, else 1 (safe inside a threaded server)."""
    import os

    if workers is None:
        workers = int(os.environ.get("GIAOBAN_CHART_WORKERS", "1") or 1)
    workers = max(1, min(workers, len(blocks), os.cpu_count() or 1))
    if workers > 1:
        import multiprocessing

        try:
            ctx = multiprocessing.get_context("fork")
        except ValueError:
            ctx = None
        if ctx is not None:
            with ctx.Pool(workers) as pool:
                return pool.map(_render_job, [(b, fmt) for b in blocks], chunksize=1)
    return [render_block(b, fmt) for b in blocks]
