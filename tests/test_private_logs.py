"""python-telegram-bot's log records keep their lines but lose users' texts and names (see
``briefing.adapters.private_logs``): by the arguments' shape, at every level."""

from __future__ import annotations

import json
import logging

from telegram import Update

from briefing.adapters.private_logs import PrivateRecords, hide_private_data, summary

BODY = {
    "update_id": 900,
    "message": {
        "message_id": 5,
        "date": 1700000000,
        "chat": {"id": 77, "type": "private", "first_name": "Zenobia"},
        "from": {"id": 77, "is_bot": False, "first_name": "Zenobia"},
        "text": "my secret plan",
    },
}


def said(logger: str, level: int, msg: str, *args: object) -> str:
    record = logging.getLogger(logger).makeRecord(logger, level, __file__, 1, msg, args, None)
    assert PrivateRecords().filter(record)
    return record.getMessage()


def test_an_update_its_json_and_a_batch_of_them_are_told_by_their_ids():
    update = Update.de_json(BODY, None)
    assert said("telegram.ext.Application", logging.DEBUG, "Processing update %s", update) == (
        "Processing update update 900"
    )
    line = said("telegram.ext.Updater", logging.DEBUG, "Webhook received data: %s", json.dumps(BODY))
    assert line == f"Webhook received data: <{len(json.dumps(BODY))} characters of JSON>"
    line = said("telegram.Bot", logging.CRITICAL, "Error while parsing updates! Received data was %r", [BODY])
    assert line == "Error while parsing updates! Received data was 'updates [900]'"


def test_a_requests_parameters_and_its_answer_keep_their_numbers_and_field_names():
    line = said(
        "telegram.Bot",
        logging.DEBUG,
        "endpoint `%s` with `%s`",
        "sendMessage",
        {"chat_id": 77, "text": "hi Zenobia"},
    )
    assert line == "endpoint `sendMessage` with `{chat_id: 77, text: …}`"
    line = said("telegram.Bot", logging.DEBUG, "returned `%s`", BODY["message"])
    assert line == "returned `{message_id: 5, date: 1700000000, chat: …, from: …, text: …}`"
    assert (
        said("telegram.Bot", logging.DEBUG, "Getting updates: %s", [900, 901])
        == "Getting updates: [900, 901]"
    )
    assert (
        summary(True) is True and summary("sendMessage") == "sendMessage" and summary(b"abc") == "<3 bytes>"
    )


def test_the_filter_is_on_every_logger_of_the_library_once():
    hide_private_data()
    hide_private_data()
    for name in ("telegram.Bot", "telegram.ext.Application", "telegram.ext.Updater", "telegram.ext.ExtBot"):
        assert sum(isinstance(f, PrivateRecords) for f in logging.getLogger(name).filters) == 1
