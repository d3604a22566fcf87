"""The names of the months, one table for the date parser, the sentence splitter and the extractor.

English with the abbreviations dates print ("Nov", "Sept"), numbered; and the names in French, Spanish,
German, Portuguese and Italian, which date lines print too ("22 novembre 2026", "24. November 2026");
and in Russian, Ukrainian and Arabic ("24 ноября 2026", "24 листопада 2026", "24 نوفمبر 2026").
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

# Months in Russian and Ukrainian, known by their first three letters (a date prints the genitive, "24
# ноября 2026", "24 листопада 2026", or an abbreviation, "24 ноя 2026"); the two languages share no stem
CYRILLIC_MONTH_STEMS = {
    **{stem: n for n, stem in enumerate("янв фев мар апр май июн июл авг сен окт ноя дек".split(), start=1)},
    "мая": 5,
    **{stem: n for n, stem in enumerate("січ лют бер кві тра чер лип сер вер жов лис гру".split(), start=1)},
}
# ... and their full names, nominative and genitive, which a date line may hold as it holds "novembre"
CYRILLIC_MONTHS = tuple(
    """
    январь января февраль февраля март марта апрель апреля июнь июня июль июля август августа
    сентябрь сентября октябрь октября ноябрь ноября декабрь декабря
    січень січня лютий лютого березень березня квітень квітня травень травня червень червня липень липня
    серпень серпня вересень вересня жовтень жовтня листопад листопада грудень грудня
    """.split()
)
# Months in Arabic (alef written without hamza: the reader folds أ إ آ to ا): the names Egypt and the Gulf
# print, and the Levant's (two words for four of them: "تشرين الثاني"); a date may print both, "24
# نوفمبر/تشرين الثاني 2026"
ARABIC_MONTHS = {
    **dict.fromkeys(("يناير", "كانون الثاني"), 1),
    **dict.fromkeys(("فبراير", "شباط"), 2),
    **dict.fromkeys(("مارس", "اذار"), 3),
    **dict.fromkeys(("ابريل", "نيسان"), 4),
    **dict.fromkeys(("مايو", "ايار"), 5),
    **dict.fromkeys(("يونيو", "يونيه", "حزيران"), 6),
    **dict.fromkeys(("يوليو", "يوليه", "تموز"), 7),
    **dict.fromkeys(("اغسطس", "اب"), 8),
    **dict.fromkeys(("سبتمبر", "ايلول"), 9),
    **dict.fromkeys(("اكتوبر", "تشرين الاول"), 10),
    **dict.fromkeys(("نوفمبر", "تشرين الثاني"), 11),
    **dict.fromkeys(("ديسمبر", "كانون الاول"), 12),
}
