"""The pacer, on a clock of its own: even spacing, per-chat and per-group limits, RetryAfter."""

import itertools

import pytest

from briefing.adapters.pacer import Limits, Pacer


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds)


@pytest.fixture
def ft() -> FakeTime:
    return FakeTime()


def pacer(ft: FakeTime, **limits) -> Pacer:
    return Pacer(Limits(**limits), clock=ft.clock, sleep=ft.sleep)


async def grants(p: Pacer, ft: FakeTime, chats) -> list[float]:
    times = []
    for chat in chats:
        await p.wait(chat)
        times.append(round(ft.now - 100.0, 6))
    return times


async def test_slots_are_evenly_spaced_at_the_overall_rate(ft):
    p = pacer(ft, per_second=20.0)
    times = await grants(p, ft, range(1, 41))
    assert times[0] == 0.0 and times[-1] == pytest.approx(39 / 20)
    gaps = {round(b - a, 6) for a, b in itertools.pairwise(times)}
    assert gaps == {0.05}
    # no 1-second window holds more than 20 sends: what Telegram's sliding window checks
    assert max(sum(1 for t in times if s <= t < s + 1.0) for s in times) == 20


async def test_one_chat_waits_its_interval_between_messages(ft):
    p = pacer(ft, per_second=30.0, chat_interval=1.05)
    assert await grants(p, ft, [7, 7, 7]) == [0.0, 1.05, 2.1]


async def test_a_group_gets_at_most_its_quota_per_window(ft):
    p = pacer(ft, per_second=100.0, chat_interval=0.0, group_per_window=3, group_window=10.0)
    times = await grants(p, ft, [-5] * 5)
    assert times[:3] == [0.0, 0.01, 0.02] and times[3] == pytest.approx(10.0)


async def test_retry_after_holds_the_chat_and_slows_the_rate_which_then_recovers(ft):
    p = pacer(ft, per_second=20.0, chat_interval=0.0, slowdown=0.5, recovery=0.25)
    p.retry_after(3, 2.0)
    assert p.rate == 10.0
    assert await grants(p, ft, [4]) == [0.0]  # other chats go on
    assert (await grants(p, ft, [3]))[0] == pytest.approx(2.0)
    for _ in range(2):
        p.sent()
    assert p.rate == 20.0


async def test_a_long_retry_after_pauses_every_chat(ft):
    p = pacer(ft, per_second=20.0, flood_pause=5.0)
    p.retry_after(3, 8.0)
    assert (await grants(p, ft, [4]))[0] == pytest.approx(8.0)


async def test_memory_of_idle_chats_is_dropped(ft):
    p = pacer(ft, per_second=1000.0, chat_interval=0.5)
    await grants(p, ft, range(1, 3000))
    ft.now += 10
    await grants(p, ft, range(5000, 5100))  # a sweep comes every 1024 grants
    assert set(p._chat_ready) <= set(range(5000, 5100))
