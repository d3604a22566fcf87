"""Imports every module that registers chat commands. One line per module."""

import briefing.service.actors  # noqa: F401
import briefing.service.admin  # noqa: F401
import briefing.service.archive  # noqa: F401
import briefing.service.brief  # noqa: F401
import briefing.service.follows  # noqa: F401
import briefing.service.subscriptions  # noqa: F401
