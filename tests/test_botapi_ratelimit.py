"""Telegram's flood limits as the test server enforces them, on a clock the test moves."""

from tests.botapi.ratelimit import RateLimiter, RateLimits, Window


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def limiter(**limits) -> tuple[RateLimiter, Clock]:
    clock = Clock()
    return RateLimiter(RateLimits(**limits), clock), clock


def test_one_message_per_second_per_chat():
    rl, clock = limiter()
    assert rl.check(1, group=False) is None
    assert rl.check(1, group=False) == 1
    assert rl.check(2, group=False) is None  # another chat is not held back
    clock.now += 1.0
    assert rl.check(1, group=False) is None
    assert (rl.stats.accepted, rl.stats.per_chat) == (3, 1)


def test_overall_limit_answers_with_the_seconds_until_room():
    rl, clock = limiter(overall=Window(30, 1.0), per_chat=None)
    for chat in range(30):
        assert rl.check(chat, group=False) is None
    assert rl.check(99, group=False) == 1
    clock.now += 0.999
    assert rl.check(99, group=False) == 1
    clock.now += 0.001
    assert rl.check(99, group=False) is None
    assert rl.stats.overall == 2


def test_twenty_per_minute_in_a_group():
    rl, clock = limiter(per_chat=None)
    for i in range(20):
        clock.now += 1.5
        assert rl.check(-5, group=True) is None, i
    assert rl.check(-5, group=True) == 32  # the first of the 20 leaves the window in 31.5 s
    assert rl.check(7, group=False) is None  # a private chat has no per-minute limit
    assert rl.stats.per_group == 1
    assert rl.stats.retry_after_max == 32


def test_refused_messages_do_not_use_up_the_window():
    rl, clock = limiter(per_chat=Window(2, 1.0))
    rl.check(1, group=False)
    rl.check(1, group=False)
    for _ in range(10):
        assert rl.check(1, group=False) == 1
    clock.now += 1.0
    assert rl.check(1, group=False) is None
    assert rl.stats.refused == 10


def test_a_switched_off_window_never_refuses():
    rl, _ = limiter(overall=None, per_chat=None, per_group=None)
    assert all(rl.check(1, group=True) is None for _ in range(1000))
