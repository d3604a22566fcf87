"""The store: the only code that talks SQL.

``open_db(path)`` opens (and migrates) the SQLite database; the modules of this package are typed
read/write functions over it, taking and returning the frozen dataclasses of ``briefing.models``.
"""

from store.db import Database, StoreError, open_db, transaction

__all__ = ["Database", "StoreError", "open_db", "transaction"]
