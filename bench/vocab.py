"""The names the generators draw from: countries, groups, people, places, outlets and event words.

Both generators (:mod:`bench.corpus` for article texts, :mod:`bench.graph` for RDF) use these
lists, so the text corpus and the synthetic graph speak of the same world. Popularity follows a
Zipf law: a few actors (the Taliban, the United States) appear in most articles, most appear
rarely.

>>> z = Zipf(5, seed=1)
>>> sorted({z.draw() for _ in range(200)})
[0, 1, 2, 3, 4]
"""

from __future__ import annotations

import bisect
import itertools
import random

# (name, demonym, capital)
COUNTRIES: tuple[tuple[str, str, str], ...] = (
    ("United States", "American", "Washington"),
    ("Afghanistan", "Afghan", "Kabul"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Qatar", "Qatari", "Doha"),
    ("Russia", "Russian", "Moscow"),
    ("China", "Chinese", "Beijing"),
    ("Iran", "Iranian", "Tehran"),
    ("India", "Indian", "New Delhi"),
    ("Turkey", "Turkish", "Ankara"),
    ("Germany", "German", "Berlin"),
    ("Norway", "Norwegian", "Oslo"),
    ("Uzbekistan", "Uzbek", "Tashkent"),
    ("United Kingdom", "British", "London"),
    ("Saudi Arabia", "Saudi", "Riyadh"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Colombia", "Colombian", "Bogota"),
    ("Sudan", "Sudanese", "Khartoum"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Yemen", "Yemeni", "Sanaa"),
    ("Oman", "Omani", "Muscat"),
    ("Switzerland", "Swiss", "Bern"),
    ("France", "French", "Paris"),
    ("Japan", "Japanese", "Tokyo"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("Kazakhstan", "Kazakh", "Astana"),
    ("Tajikistan", "Tajik", "Dushanbe"),
    ("Turkmenistan", "Turkmen", "Ashgabat"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Philippines", "Philippine", "Manila"),
    ("Jordan", "Jordanian", "Amman"),
)

ORGANIZATIONS: tuple[str, ...] = (
    "Taliban",
    "United Nations",
    "NATO",
    "European Union",
    "High Peace Council",
    "High Council for National Reconciliation",
    "State Department",
    "Afghan Foreign Ministry",
    "Haqqani Network",
    "Islamic State",
    "Hezb-e-Islami",
    "African Union",
    "Shanghai Cooperation Organization",
    "Organization of Islamic Cooperation",
    "Red Cross",
    "UN Security Council",
    "Arab League",
    "Gulf Cooperation Council",
    "National Security Council",
    "Independent Election Commission",
)

FIRST_NAMES: tuple[str, ...] = (
    "Ahmad",
    "Mohammad",
    "Abdul",
    "Karim",
    "Farid",
    "Nasir",
    "Hamid",
    "Rahim",
    "Sayed",
    "Omar",
    "Javid",
    "Masoud",
    "Yusuf",
    "Tariq",
    "Salim",
    "Daoud",
    "Jamil",
    "Anwar",
    "Bashir",
    "Najib",
    "Fawzia",
    "Habiba",
    "Sima",
    "Nargis",
    "Laila",
    "Shukria",
    "Mariam",
    "Zahra",
    "Roya",
    "Farida",
    "John",
    "Michael",
    "David",
    "Thomas",
    "Richard",
    "Elizabeth",
    "Susan",
    "Laura",
    "Anne",
    "Peter",
)
SURNAMES: tuple[str, ...] = (
    "Rahmani",
    "Stanekzai",
    "Naderi",
    "Sultani",
    "Popal",
    "Wardak",
    "Hakimi",
    "Karimi",
    "Noori",
    "Amiri",
    "Baheer",
    "Durrani",
    "Ghaffari",
    "Hashimi",
    "Jalali",
    "Kohistani",
    "Mansoor",
    "Nazari",
    "Osmani",
    "Qaderi",
    "Rasuli",
    "Safi",
    "Tarzi",
    "Yousufzai",
    "Zaheer",
    "Barakzai",
    "Achakzai",
    "Mohmand",
    "Shinwari",
    "Sherzad",
    "Miller",
    "Carter",
    "Hughes",
    "Bennett",
    "Walsh",
    "Fischer",
    "Larsen",
    "Moreau",
    "Tanaka",
    "Petrov",
)
ROLES: tuple[str, ...] = (
    "special envoy",
    "spokesman",
    "foreign minister",
    "deputy foreign minister",
    "chief negotiator",
    "ambassador",
    "national security adviser",
    "senior official",
    "deputy spokesman",
    "peace envoy",
    "member of the negotiating team",
    "political deputy",
    "senior commander",
    "defence minister",
)

CITIES: tuple[tuple[str, str], ...] = (
    ("Doha", "Qatar"),
    ("Kabul", "Afghanistan"),
    ("Islamabad", "Pakistan"),
    ("Moscow", "Russia"),
    ("Tashkent", "Uzbekistan"),
    ("Oslo", "Norway"),
    ("Geneva", "Switzerland"),
    ("Istanbul", "Turkey"),
    ("Beijing", "China"),
    ("Tehran", "Iran"),
    ("Kandahar", "Afghanistan"),
    ("Herat", "Afghanistan"),
    ("Bonn", "Germany"),
    ("Muscat", "Oman"),
    ("Abu Dhabi", "United Arab Emirates"),
    ("Jeddah", "Saudi Arabia"),
    ("Cairo", "Egypt"),
    ("Havana", "Cuba"),
    ("Nairobi", "Kenya"),
    ("Addis Ababa", "Ethiopia"),
    ("Mazar-i-Sharif", "Afghanistan"),
    ("Jalalabad", "Afghanistan"),
    ("Peshawar", "Pakistan"),
    ("Quetta", "Pakistan"),
    ("Ankara", "Turkey"),
    ("Dushanbe", "Tajikistan"),
    ("Almaty", "Kazakhstan"),
    ("London", "United Kingdom"),
    ("Paris", "France"),
    ("Washington", "United States"),
)

OUTLETS: tuple[str, ...] = (
    "Kabul Daily",
    "Frontier Post",
    "Gulf Herald",
    "Central Asia Wire",
    "Eastern Times",
    "Capital Report",
    "The Regional Observer",
    "Peace Monitor",
    "Morning Dispatch",
    "Global Affairs Review",
)

MEETING_NOUNS: tuple[str, ...] = (
    "talks",
    "negotiations",
    "round of talks",
    "meeting",
    "summit",
    "conference",
    "consultations",
    "peace talks",
    "direct talks",
    "phone call",
)
AGREEMENT_NOUNS: tuple[str, ...] = (
    "peace deal",
    "ceasefire",
    "prisoner exchange",
    "agreement",
    "truce",
    "preliminary deal",
    "agreement on the rules of procedure",
    "framework agreement",
)
TOPICS: tuple[str, ...] = (
    "the withdrawal of foreign troops",
    "the release of prisoners",
    "a permanent ceasefire",
    "the future political system",
    "humanitarian access",
    "the protection of civilians",
    "the agenda of the negotiations",
    "security guarantees",
    "the return of refugees",
    "women's rights",
    "the reduction of violence",
    "sanctions relief",
)
MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def person_names() -> list[str]:
    """Every first name with every surname, in a fixed shuffled order.

    >>> names = person_names()
    >>> len(names) == len(FIRST_NAMES) * len(SURNAMES), len(set(names)) == len(names)
    (True, True)
    """
    names = [f"{first} {last}" for first, last in itertools.product(FIRST_NAMES, SURNAMES)]
    random.Random(7).shuffle(names)
    return names


class Zipf:
    """Draws ranks ``0..n-1`` with probability proportional to ``1 / (rank + 1) ** s``."""

    def __init__(self, n: int, s: float = 1.1, seed: int | random.Random = 0) -> None:
        if n < 1:
            raise ValueError(f"Unexpected population size: {n!r}")
        self.rng = seed if isinstance(seed, random.Random) else random.Random(seed)
        weights = [1.0 / (rank + 1) ** s for rank in range(n)]
        self.cumulative = list(itertools.accumulate(weights))

    def draw(self) -> int:
        return bisect.bisect(self.cumulative, self.rng.random() * self.cumulative[-1])

    def sample(self, k: int) -> list[int]:
        """``k`` distinct ranks (fewer when the population is smaller)."""
        k = min(k, len(self.cumulative))
        seen: dict[int, None] = {}
        for _ in range(50 * k):
            if len(seen) == k:
                break
            seen.setdefault(self.draw(), None)
        return list(seen)
