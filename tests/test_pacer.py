"""The pacer, on a clock of its own: sliding windows on real grant times, per-chat and per-group
limits, RetryAfter."""

import asyncio
import itertools
import time

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


def most_in_a_window(times: list[float], window: float) -> int:
    return max(sum(1 for t in times if s <= t < s + window - 1e-9) for s in times)


async def test_at_most_n_sends_in_any_window_spaced_by_the_minimum_gap(ft):
    p = pacer(ft, per_window=20, window=1.0, min_gap=0.02)
    times = await grants(p, ft, range(1, 61))
    assert most_in_a_window(times, 1.0) == 20
    assert min(b - a for a, b in itertools.pairwise(times)) == pytest.approx(0.02)
    assert times[20] == pytest.approx(1.0) and times[40] == pytest.approx(2.0)
    assert p.rate == 20.0


async def test_a_stalled_loop_releases_no_burst(ft):
    p = pacer(ft, per_window=20, window=1.0, min_gap=0.05)
    times = await grants(p, ft, range(1, 11))
    ft.now += 0.7  # the event loop was blocked
    times += await grants(p, ft, range(11, 41))
    assert min(b - a for a, b in itertools.pairwise(times)) == pytest.approx(0.05)
    assert most_in_a_window(times, 1.0) <= 20


async def test_one_chat_waits_its_interval_between_messages(ft):
    p = pacer(ft, chat_interval=1.05)
    assert await grants(p, ft, [7, 7, 7]) == [0.0, 1.05, 2.1]


async def test_a_group_gets_at_most_its_quota_per_window(ft):
    p = pacer(ft, min_gap=0.01, chat_interval=0.0, group_per_window=3, group_window=10.0)
    times = await grants(p, ft, [-5] * 5)
    assert times[:3] == [0.0, 0.01, 0.02] and times[3] == pytest.approx(10.0)


async def test_retry_after_holds_the_chat_and_slows_all_which_then_recovers(ft):
    p = pacer(ft, per_window=20, window=1.0, min_gap=0.05, chat_interval=0.0, slowdown=0.5, recovery=0.25)
    p.retry_after(3, 2.0)
    assert (p.speed, p.rate) == (0.5, 10.0)
    assert await grants(p, ft, [4, 5]) == [0.0, 0.1]  # other chats go on, at half speed
    assert (await grants(p, ft, [3]))[0] == pytest.approx(2.0)
    for _ in range(2):
        p.sent()
    assert p.speed == 1.0


async def test_a_long_retry_after_pauses_every_chat(ft):
    p = pacer(ft, flood_pause=5.0)
    p.retry_after(3, 8.0)
    assert (await grants(p, ft, [4]))[0] == pytest.approx(8.0)


async def test_memory_of_idle_chats_is_dropped(ft):
    p = pacer(ft, per_window=1000, window=1.0, min_gap=0.0, chat_interval=0.5)
    await grants(p, ft, range(1, 3000))
    ft.now += 10
    await grants(p, ft, range(5000, 5100))  # a sweep comes every 1024 grants
    assert set(p._recent) <= set(range(5000, 5100))


async def test_replies_and_the_fanout_share_each_chats_window(ft):
    p = pacer(ft, min_gap=0.025, chat_burst=3, chat_window=3.0, chat_interval=1.05)
    replies = [await p.wait(7, reply=True) for _ in range(3)]
    assert [round(t.at - 100.0, 6) for t in replies] == [0.0, 0.025, 0.05]  # an answer's parts at once
    await p.wait(7)  # a digest part for the same chat: after the replies' window, not at once
    assert ft.now - 100.0 == pytest.approx(3.0)
    await p.wait(8)
    start = ft.now
    await p.wait(8, reply=True)  # a reply may follow a digest part at once (its burst)...
    assert ft.now - start == pytest.approx(0.025)
    await p.wait(8)  # ...but the fan-out keeps its interval after the reply
    assert ft.now - start == pytest.approx(0.025 + 1.05)


async def test_an_answer_moves_its_messages_place_in_the_chats_window(ft):
    p = pacer(ft, min_gap=0.0, chat_burst=1, chat_window=1.0)
    turn = await p.wait(7, reply=True)
    ft.now += 0.5  # Telegram answered half a second later: the message reached it then
    p.answered(turn)
    await p.wait(7, reply=True)
    assert ft.now - 100.0 == pytest.approx(1.5)


async def test_a_reply_takes_the_next_slot_before_the_fanout_waiting_for_it():
    p = Pacer(Limits(per_window=4, window=0.4, min_gap=0.01, chat_interval=0.0))
    order: list[str] = []

    async def send(name: str, chat: int, reply: bool) -> None:
        await p.wait(chat, reply=reply)
        order.append(name)

    fanout = [asyncio.create_task(send(f"digest {c}", c, False)) for c in range(1, 13)]
    while len(order) < 4:  # the first window's four are out (however busy the machine); eight wait for slots
        await asyncio.sleep(0.001)
    await send("reply", 100, True)
    await asyncio.gather(*fanout)
    assert order.index("reply") == 4  # the next slot, not after the eight
    assert len(order) == 13


async def test_replies_and_the_fanout_together_keep_the_overall_limit():
    p = Pacer(Limits(per_window=5, window=0.25, min_gap=0.0, chat_interval=0.0))
    times: list[float] = []

    async def send(chat: int, reply: bool) -> None:
        await p.wait(chat, reply=reply)
        times.append(time.monotonic())

    await asyncio.gather(*(send(c, c % 2 == 0) for c in range(1, 21)))
    assert most_in_a_window(sorted(times), 0.25 - 0.01) <= 5
    assert max(times) - min(times) >= 0.25 * 3 - 0.02  # 20 sends: four windows


async def test_a_reply_waiting_for_its_own_chat_does_not_hold_back_the_fanout():
    p = Pacer(Limits(min_gap=0.0, chat_burst=1, chat_window=0.5, chat_interval=0.0))
    await p.wait(7, reply=True)
    waiting = asyncio.create_task(p.wait(7, reply=True))  # chat 7's window is full for 0.5 s
    await asyncio.sleep(0.01)
    start = time.monotonic()
    await p.wait(8)
    assert time.monotonic() - start < 0.1
    await waiting
