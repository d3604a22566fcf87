"""Imports every module that registers chat commands. One line per module."""

import briefing.service.actors
import briefing.service.brief  # noqa: F401
