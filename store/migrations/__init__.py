"""Numbered schema migrations: ``mNNNN_<name>.py`` with ``apply(db)``."""
