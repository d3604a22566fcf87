"""Imports every module that registers chat commands. One line per module."""

import briefing.service.actors
import briefing.service.admin
import briefing.service.archive
import briefing.service.brief
import briefing.service.follows
import briefing.service.polled_feeds
import briefing.service.subscriptions  # noqa: F401
