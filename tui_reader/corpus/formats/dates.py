"""Dates in the forms people write them, as YYYY-MM-DD.

python-dateutil reads the free forms (``Nov 13, 2025``, ``13/11/2025``,
``2025-11-13T09:30:00Z``, ``Thu, 13 Nov 2025 09:30:00 GMT``); this module decides
which strings are dates at all (a year and a month must be there: ``Nov 13`` and
``2025`` are not dates of a document) and reads the compact ``20240712``.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as _dateutil

_FIRST = dt.datetime(1, 1, 1)
_SECOND = dt.datetime(2, 2, 2)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_ISO_START = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")
_SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_LABEL = re.compile(
    r"^(?:published|posted|date|updated|created|saved|recorded|aired|released|episode publish date)"
    r"(?: on| at)?\s*[:：]?\s*",
    re.IGNORECASE,
)
MAX_DATE_CHARS = 64


_JIRA = re.compile(r"^(\d{1,2})/([A-Za-z]{3})/(\d{2}|\d{4})\b")
"""Jira's ``11/Mar/24 5:12 PM``."""
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


FOREIGN_MONTHS = {  # Spanish, Portuguese, French, German, Italian, Dutch; Polish, Finnish, Turkish, Russian, Ukrainian, Bulgarian, Czech, Hungarian, Greek, Romanian, Indonesian
    "jan": ("enero", "ene", "janeiro", "janvier", "janv", "januar", "jänner", "gennaio", "gen", "januari", "styczeń", "stycznia", "tammikuu", "tammikuuta", "ocak", "январь", "января", "січень", "січня", "януари", "leden", "ledna", "január", "ιανουάριος", "ιανουαρίου", "ianuarie"),
    "feb": ("febrero", "fevereiro", "fev", "février", "févr", "fevrier", "februar", "febbraio", "februari", "luty", "lutego", "helmikuu", "helmikuuta", "şubat", "февраль", "февраля", "лютий", "лютого", "февруари", "únor", "února", "február", "φεβρουάριος", "φεβρουαρίου", "februarie"),
    "mar": ("marzo", "março", "marco", "mars", "märz", "mär", "maart", "mrt", "marzec", "marca", "maaliskuu", "maaliskuuta", "mart", "март", "марта", "березень", "березня", "březen", "března", "március", "μάρτιος", "μαρτίου", "martie", "marts", "maret"),
    "apr": ("abril", "abr", "avril", "avr", "aprile", "april", "kwiecień", "kwietnia", "huhtikuu", "huhtikuuta", "nisan", "апрель", "апреля", "квітень", "квітня", "април", "duben", "dubna", "április", "απρίλιος", "απριλίου", "aprilie"),
    "may": ("mayo", "maio", "mai", "maggio", "mag", "mei", "maj", "maja", "toukokuu", "toukokuuta", "mayıs", "май", "мая", "травень", "травня", "květen", "května", "május", "μάιος", "μαΐου"),
    "jun": ("junio", "junho", "juin", "juni", "giugno", "giu", "czerwiec", "czerwca", "kesäkuu", "kesäkuuta", "haziran", "июнь", "июня", "червень", "червня", "юни", "červen", "června", "június", "ιούνιος", "ιουνίου", "iunie"),
    "jul": ("julio", "julho", "juillet", "juil", "juli", "luglio", "lug", "lipiec", "lipca", "heinäkuu", "heinäkuuta", "temmuz", "июль", "июля", "липень", "липня", "юли", "červenec", "července", "július", "ιούλιος", "ιουλίου", "iulie"),
    "aug": ("agosto", "ago", "août", "aout", "augustus", "sierpień", "sierpnia", "augusti", "elokuu", "elokuuta", "ağustos", "август", "августа", "серпень", "серпня", "srpen", "srpna", "augusztus", "αύγουστος", "αυγούστου", "agustus"),
    "sep": ("septiembre", "setiembre", "setembro", "set", "septembre", "sept", "settembre", "wrzesień", "września", "syyskuu", "syyskuuta", "eylül", "сентябрь", "сентября", "вересень", "вересня", "септември", "září", "szeptember", "σεπτέμβριος", "σεπτεμβρίου", "septembrie"),
    "oct": ("octubre", "outubro", "out", "octobre", "oktober", "okt", "ottobre", "ott", "październik", "października", "lokakuu", "lokakuuta", "ekim", "октябрь", "октября", "жовтень", "жовтня", "октомври", "říjen", "října", "október", "οκτώβριος", "οκτωβρίου", "octombrie"),
    "nov": ("noviembre", "novembro", "novembre", "listopad", "listopada", "listopadu", "marraskuu", "marraskuuta", "kasım", "ноябрь", "ноября", "листопад", "листопада", "ноември", "νοέμβριος", "νοεμβρίου", "noiembrie"),
    "dec": ("diciembre", "dic", "dezembro", "dez", "décembre", "déc", "decembre", "dezember", "dicembre", "grudzień", "grudnia", "joulukuu", "joulukuuta", "aralık", "декабрь", "декабря", "грудень", "грудня", "декември", "prosinec", "prosince", "δεκέμβριος", "δεκεμβρίου", "decembrie", "desember"),
}
_FOREIGN_MONTH = re.compile(
    r"(?<![^\W\d_])(" + "|".join(sorted({w for ws in FOREIGN_MONTHS.values() for w in ws}, key=len, reverse=True)) + r")\.?(?![^\W\d_])",
    re.IGNORECASE,
)
_MONTH_OF = {w: en for en, ws in FOREIGN_MONTHS.items() for w in ws}
_CONNECTORS = re.compile(r"(?<![^\W\d_])(?:de|del|às|as|a las|a la|à|um|alle|om|le|el|den|der|uhr|uur|h)(?![^\W\d_])", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(r"\b\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,5}\.?,?\s+(?:de\s+)?\d{4}\b")
_CJK_DATE = re.compile(r"(\d{4})\s*[年/]\s*(\d{1,2})\s*[月/]\s*(\d{1,2})\s*日?")
"""``2024年3月5日`` (Japanese, Chinese), ``2024/3/5``."""
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
"""``05.03.2024``: written day first wherever dots separate a date (Germany, the Netherlands, ...)."""


def _translated(text: str) -> str:
    """A date written in Spanish, Portuguese, French, German, Italian or Dutch with
    its month in English and its joining words left out (``5 de março de 2024 às
    22:03`` -> ``5 mar 2024 22:03``)."""
    text = re.sub(r"(\d{1,2})h(\d{2})\b", r"\1:\2", text)  # "22h03"
    text = _FOREIGN_MONTH.sub(lambda m: _MONTH_OF[m.group(1).lower()], text)
    text = _CONNECTORS.sub(" ", text)
    return re.sub(r"(\d)\.(?=\s)", r"\1", text).strip()


def parse_date(value: object) -> str | None:
    """``value`` as YYYY-MM-DD, or None when it is not a date with a year and a month.

    Slashed dates are read day first when the first number cannot be a month
    (``13/11/2025``) and month first otherwise (``11/12/2025`` is 12 November's
    US spelling: the month-first reading dateutil and most export tools use)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = _LABEL.sub("", value.strip().strip("*_ ")).strip()
    if not text or len(text) > MAX_DATE_CHARS:
        return None
    for year_first in (_ISO_START, _COMPACT, _CJK_DATE):
        match = year_first.match(text)
        if match:
            return _checked(int(match[1]), int(match[2]), int(match[3]))
    match = _DOTTED.match(text)
    if match:
        return _checked(int(match[3]), int(match[2]), int(match[1]))
    match = _SLASHED.match(text)
    if match:
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        if first > 12:
            return _checked(year, second, first)
        return _checked(year, first, second)
    match = _JIRA.match(text)
    if match and match[2].lower() in _MONTHS:
        year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
        return _checked(year, _MONTHS.index(match[2].lower()) + 1, int(match[1]))
    if not re.search(r"\d{4}", text) or not re.search(r"[^\W\d_]", text) and "-" not in text:
        return None  # no year, or only numbers that are not an ISO or slashed date
    found = _free(text)
    month = _FOREIGN_MONTH.search(text) if found is None else None
    if month and (len(month.group(1)) >= 5 or _DAY_MONTH_YEAR.search(text)):
        # a short month ("out", "set", "mag") only between a day and a year: "out of 2024" is no date
        found = _free(_translated(text))
    return found


def _free(text: str) -> str | None:
    """A free-form date read by dateutil, when the text holds its year and month."""
    text = re.sub(r"(?<=\d{4}),?\s+(?:at\s+|@\s*)?(\d{1,2})\.(\d{2})\b", r" \1:\2", text)  # "4 Mar 2025 9.03" (British clocks)
    try:
        one = _dateutil.parse(text, default=_FIRST)
        two = _dateutil.parse(text, default=_SECOND)
    except (ValueError, OverflowError, TypeError):
        return None
    if one.year != two.year or one.month != two.month:
        return None  # the year or the month came from the default: not in the text
    return one.date().isoformat()


def _checked(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


_DATE_LINE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?P<label>published|posted|date|updated|created|saved|recorded|aired|released|"
    r"episode publish date|publish date)(?:\*\*|__)?\s*(?:on\b)?\s*[:：]?\s*(?:\*\*|__)?\s*(?P<value>.+?)\s*$",
    re.IGNORECASE,
)
_BYLINE_DATE = re.compile(
    r"^\s*(?:[-*·•|]\s*)?(?:[^\W\d_][^·•|\n]{0,40}?\s[·•|]\s+)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6},? )?"
    r"(?P<value>(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})|(?:\d{1,2} [A-Z][a-z]{2,8} \d{4})|(?:\d{4}-\d{2}-\d{2}))"
    r"(?:,?\s+\d{1,2}[.:]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,5})?)?"
    r"\s*(?:[·•|-].*)?$"
)


def date_in_lines(lines: list[str], limit: int = 25) -> str | None:
    """The date a metadata line near the top states: ``Published: Nov 13, 2025``,
    ``- Date: 2025-11-13``, ``**Episode publish date:** ...``, or a byline date
    standing alone (``November 13, 2025 · 12 min read``)."""
    for raw in lines[:limit]:
        match = _DATE_LINE.match(raw)
        if match:
            found = parse_date(match.group("value"))
            if found:
                return found
    for raw in lines[:limit]:
        match = _BYLINE_DATE.match(raw)
        if match:
            found = parse_date(match.group("value"))
            if found:
                return found
    for raw in lines[:limit]:
        # a date alone on a short line, in any language: "terça-feira, 5 de março de 2024", "[Submitted on 13 Mar 2024]"
        text = re.sub(r"^\[(?:submitted|published|posted|updated)\s+on\s+|\]$", "", raw.strip(), flags=re.IGNORECASE)
        text = re.sub(r"^[^\d,]{3,24},\s*", "", text)
        if len(text) <= 40 and re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", text) and re.search(r"\d{4}", text) and not re.search(r"[.!?]$", text):
            found = parse_date(text)
            if found:
                return found
    return None
