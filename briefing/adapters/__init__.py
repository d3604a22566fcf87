"""Adapters: the thin I/O edges (Telegram, the terminal, HTTP fetching, the scheduler)."""
