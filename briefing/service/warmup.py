"""Loading, in the background at start-up, what the first ``/actor`` reply of a process would otherwise
load while its user waits: the gazetteer (what kind of actor, given names), the dossier's summarizer (the
Snowball stemmer, pycountry's languages), and matplotlib with its fonts for the chart. Together about
1.5 s of CPU on the 2-core test machine, which the first reply took on top of its own work.

    start_warm_up()   # returns at once; a daemon thread, so it never holds up a stop

Nothing here touches the database: the app's connection belongs to the thread that answers.
"""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)


def warm_up() -> None:
    """Load the caches (each is loaded once per process, whoever asks first; asking again is free)."""
    from briefing import charts
    from briefing.dossier import quote_summarizer
    from briefing.gazetteer import load_gazetteer

    load_gazetteer()
    quote_summarizer()
    charts.warm_up()


def _warm_up_logged() -> None:
    try:
        warm_up()
    except Exception:  # a reply loads the same things again, and reports its own error
        log.exception("warming up the actor replies failed; the first /actor loads what it needs")


def start_warm_up() -> threading.Thread:
    """Run :func:`warm_up` in a daemon thread; the returned thread is for tests to join."""
    thread = threading.Thread(target=_warm_up_logged, name="briefing-warm-up", daemon=True)
    thread.start()
    return thread
