"""Charts are PNG bytes made from plain data."""

from __future__ import annotations

import struct
from datetime import date

from briefing.charts import daily_series, mentions_chart

PNG = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    return struct.unpack(">II", data[16:24])


def test_missing_days_are_zero_and_a_week_is_shown_at_least():
    series = daily_series([(date(2025, 1, 10), 2), (date(2025, 1, 8), 1), (date(2025, 1, 10), 1)])
    assert series[0] == (date(2025, 1, 4), 0) and series[-1] == (date(2025, 1, 10), 3)
    assert len(series) == 7 and dict(series)[date(2025, 1, 8)] == 1


def test_a_long_history_keeps_the_last_days():
    series = daily_series([(date(2024, 1, 1), 1), (date(2025, 1, 1), 4)], max_days=30)
    assert len(series) == 30 and series[-1] == (date(2025, 1, 1), 4) and sum(n for _, n in series) == 4


def test_no_data_no_series():
    assert daily_series([]) == []


def test_the_chart_is_a_small_png_readable_on_a_phone():
    png = mentions_chart([(date(2025, 1, d), d % 3) for d in range(1, 25)], title="Keith Kellogg")
    assert png.startswith(PNG) and 2_000 < len(png) < 150_000
    assert png_size(png) == (800, 400)


def test_a_chart_with_no_mentions_still_renders():
    assert mentions_chart([], title="Nobody").startswith(PNG)


def test_the_same_data_gives_the_same_bytes():
    data = [(date(2025, 1, 3), 2), (date(2025, 1, 5), 7)]
    assert mentions_chart(data, title="NATO") == mentions_chart(data, title="NATO")
