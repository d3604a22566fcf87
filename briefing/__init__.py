"""Briefing: news in, briefings out.

The modules directly in this package are the pure core: they import no telegram, no sqlite, no httpx,
and take ``now`` as an argument instead of reading the clock. ``briefing.service`` combines the core
with the store; ``briefing.adapters`` holds I/O (Telegram, the terminal, HTTP, the scheduler).
"""
