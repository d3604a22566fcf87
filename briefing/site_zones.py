"""The clock an outlet most likely writes its times on, from its site's country domain: a page of
``spiegel.de`` that says "6:19 PM" without a zone means Berlin's 6:19 PM.

    site_zone("spiegel.de") -> "Europe/Berlin"
    site_zone("news.bbc.co.uk") -> "Europe/London"
    site_zone("nytimes.com") -> None          (no country)
    site_zone("abc.net.au") -> None           (a country of several clocks)
    site_zone("techcrunch.io") -> None        (a country domain sold to anyone)

A country's clock is the one ``seeds/place_zones.toml`` gives it when it clearly has one
(:func:`briefing.place_zones.place_table`); a country of several clocks, none clearly its own (the US,
Russia, Brazil, Australia), gives none. Pure.
"""

from __future__ import annotations

import re

from briefing.place_zones import place_table

# Country domains sold to anyone as generic names: "io", "tv", "ai" name no outlet's country
GENERIC_COUNTRY_DOMAINS = frozenset(
    """ac ad ai am as bz cc cd cf co cx fm ga gd gg gl gq im io la ly me ml ms nu sc sh so st tk to tv
    vc ws""".split()
)
_OTHER_CODES = {"uk": "gb"}  # the United Kingdom's domain is not its ISO code
_HOST = re.compile(r"^(?:[a-z0-9-]+\.)+([a-z]{2})(?::\d+)?$")


def site_zone(host: str | None) -> str | None:
    """The IANA zone of the country whose domain ``host`` is on, when that country has one clock."""
    found = _HOST.match((host or "").lower())
    if found is None or found.group(1) in GENERIC_COUNTRY_DOMAINS:
        return None
    code = _OTHER_CODES.get(found.group(1), found.group(1))
    country = place_table().country_codes.get(code)
    return country.zone if country is not None else None
