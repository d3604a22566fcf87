"""Imports every module that registers chat commands. One line per module."""

import briefing.service.actors  # noqa: F401
import briefing.service.brief  # noqa: F401
