"""Small charts for chat replies, rendered in memory as PNG bytes (matplotlib, Agg backend).

    png = mentions_chart([(date(2025, 1, 20), 3), (date(2025, 1, 22), 5)], title="Keith Kellogg")

Pure: data in, bytes out. The figure is made without pyplot, so no pyplot state is touched; charts are
drawn one at a time, from any thread.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache

WIDTH_IN, HEIGHT_IN, DPI = 6.4, 3.2, 125  # 800 x 400 px: readable on a phone, a few tens of KB
MAX_DAYS = 92
MIN_DAYS = 7  # a week at least, so one busy day reads as a bar, not a wall
BAR_COLOR = "#2f6db5"


def daily_series(
    days: Sequence[tuple[date, int]], *, min_days: int = MIN_DAYS, max_days: int = MAX_DAYS
) -> list[tuple[date, int]]:
    """Counts per day up to the last day given, missing days as zero: from the first day given, but
    at least ``min_days`` and at most ``max_days`` days."""
    counts: dict[date, int] = {}
    for day, n in days:
        counts[day] = counts.get(day, 0) + n
    if not counts:
        return []
    last = max(counts)
    first = min(min(counts), last - timedelta(days=min_days - 1))
    first = max(first, last - timedelta(days=max_days - 1))
    return [
        (first + timedelta(days=i), counts.get(first + timedelta(days=i), 0))
        for i in range((last - first).days + 1)
    ]


# matplotlib keeps process-wide caches (fonts, text layout) that are not made for concurrent drawing
_drawing = threading.Lock()


def mentions_chart(days: Sequence[tuple[date, int]], *, title: str) -> bytes:
    """A bar chart of mentions per day as PNG bytes; ``days`` holds (day, mentions) pairs. Safe to call
    from several threads: one chart is drawn at a time."""
    with _drawing:
        return _chart(tuple(daily_series(days)), title)


def warm_up() -> None:
    """Draw one chart and throw it away: the first chart of a process otherwise pays for importing
    matplotlib and loading its fonts (0.8-1.2 s on the 2-core test machine, against 0.1 s a chart after)."""
    last = date(2000, 1, 7)
    series = tuple((last - timedelta(days=k), k % 3) for k in range(MIN_DAYS - 1, -1, -1))
    with _drawing:
        _chart.__wrapped__(series, "Warm-up")


@lru_cache(maxsize=256)  # drawing takes tens of milliseconds; a popular actor's chart is asked for often
def _chart(series: tuple[tuple[date, int], ...], title: str) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    canvas = FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    if series:
        xs, ys = zip(*series, strict=True)
        ax.bar(xs, ys, width=0.8, color=BAR_COLOR)
        ax.set_xlim(date2num(xs[0]) - 0.7, date2num(xs[-1]) + 0.7)
    else:
        ax.text(0.5, 0.5, "no mentions yet", ha="center", va="center", transform=ax.transAxes, color="gray")
        ax.set_xticks([])
    locator = AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    ax.set_ylim(bottom=0)
    ax.set_title(f"{title} — mentions per day", fontsize=13, loc="left")
    ax.tick_params(labelsize=10)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", alpha=0.3)
    # fixed margins instead of tight_layout(), and one print_png instead of savefig(), which draws the
    # figure twice: together they halve the time a chart takes
    fig.subplots_adjust(left=0.07, right=0.98, top=0.88, bottom=0.13)
    out = io.BytesIO()
    canvas.print_png(out, metadata={"Software": None})
    return out.getvalue()
