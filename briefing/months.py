"""The names of the months, one table for the date parser, the sentence splitter and the extractor.

English with the abbreviations dates print ("Nov", "Sept"), numbered; and the names in French, Spanish,
German, Portuguese and Italian, which date lines print too ("22 novembre 2026", "24. November 2026").
"""

from __future__ import annotations

ENGLISH_MONTHS = (
    "january february march april may june july august september october november december".split()
)
# The abbreviations dates print, by month number; "may" is its own
_ABBREVIATIONS = (("jan",), ("feb",), ("mar",), ("apr",), (), ("jun",), ("jul",), ("aug",), ("sep", "sept"),
                  ("oct",), ("nov",), ("dec",))  # fmt: skip
# English names and abbreviations → the month's number
MONTHS = {
    name: number
    for number, (full, short) in enumerate(zip(ENGLISH_MONTHS, _ABBREVIATIONS, strict=True), start=1)
    for name in (*short, full)
}
GERMAN_MONTHS = tuple(
    "januar jänner februar märz maerz april mai juni juli august september oktober november dezember".split()
)
# Months in French, Spanish, German, Portuguese and Italian, and the short forms French dates print
FOREIGN_MONTHS = (
    *"""
    janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre
    decembre janv févr fevr juil
    enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
    janeiro fevereiro março marco maio junho julho setembro outubro novembro dezembro
    gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
    """.split(),
    *GERMAN_MONTHS,
)
