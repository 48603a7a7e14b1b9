"""A corpus of realistic news articles about peace talks, as JSON Lines, for the ingest benchmark.

Each article is a headline, sometimes a photo caption, and paragraphs of one or two sentences
recombined from templates: meetings and agreements (held, planned, denied, called off),
quotes, attributions and background. Actors (a Zipf-distributed mix of countries, groups and
people with their roles), places and dates (absolute and relative to the publication date)
vary from sentence to sentence, so no two articles read alike.

>>> rows = list(articles(3, seed=1))
>>> [r["id"] for r in rows]
['bench-000000', 'bench-000001', 'bench-000002']
>>> all(150 < len(r["text"].split()) < 600 for r in rows), rows[0]["text"] != rows[1]["text"]
(True, True)
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from bench.vocab import (
    AGREEMENT_NOUNS,
    CITIES,
    COUNTRIES,
    MEETING_NOUNS,
    MONTHS,
    ORGANIZATIONS,
    OUTLETS,
    ROLES,
    TOPICS,
    WEEKDAYS,
    Zipf,
    person_names,
)

MEETING_SENTENCES = (
    "{a} met {b} in {city} {past} to discuss {topic}.",
    "{person} held talks with representatives of {b} in {city} {past}, {org} said in a statement.",
    "{a} and {b} will hold a new round of talks in {city} {future}, officials said.",
    "The planned {meeting} between {a} and {b} was called off {past} after {reason}.",
    "{a} denied that its representatives had met officials from {b} in {city}.",
    "{person} is expected to visit {city} {future} for talks on {topic}.",
    "Delegations from {a} and {b} gathered in {city} {past} for the {ordinal} round of negotiations.",
    "{person} spoke by phone with {person2} {past} about {topic}, according to {org}.",
    "A summit of {a} and {b} leaders planned for {future_month} in {city} has been postponed.",
    "Negotiators from {a} and {b} resumed the {meeting} in {city} {past} after a break of several weeks.",
)
AGREEMENT_SENTENCES = (
    "{a} and {b} signed a {agreement} in {city} {past}.",
    "The two sides reached a {agreement} on {topic} {past}, {person} said.",
    "{a} said the {agreement} with {b} had collapsed after {reason}.",
    "A {agreement} between {a} and {b} is expected to be announced {future}.",
    "{person} said {a} would not accept any {agreement} that did not address {topic}.",
    "Under the {agreement} reached in {city}, {a} agreed to release {number} prisoners.",
)
OTHER_SENTENCES = (
    "\u201cWe are committed to {topic}, and we expect {a} to do the same,\u201d {person} told reporters in {city}.",
    "{number} people were killed in an attack in {city} {past}, local officials said.",
    "The conflict has displaced more than {number} people since {year}.",
    "{org} called on all sides to show restraint and to return to the negotiating table.",
    "Analysts in {city} said progress on {topic} would take time.",
    "{person}, {role} of {a}, said the process had reached a critical stage.",
    "{a} has repeatedly accused {b} of delaying {topic}.",
    "The talks come as violence has increased in several provinces in recent weeks.",
    "Diplomats said the next steps would depend on {topic}.",
    "{person} did not respond to a request for comment.",
    "In a statement, {org} welcomed the progress and urged both sides to continue.",
    "Observers said {topic} remained the main obstacle to a lasting settlement.",
)
HEADLINES = (
    "{a} and {b} agree to resume talks in {city}",
    "{person} arrives in {city} for {meeting}",
    "{a} says {agreement} with {b} within reach",
    "Talks between {a} and {b} stall over {topic}",
    "{a} rejects claims of secret meeting with {b}",
    "New round of negotiations opens in {city}",
)
CAPTIONS = (
    "{person} speaks during a news conference in {city} on {month} {day}, {year}. (Photo: {outlet})",
    "Members of the {a} delegation arrive for talks in {city}. (File photo)",
)
REASONS = (
    "a dispute over the agenda",
    "a wave of attacks",
    "disagreements over the release of prisoners",
    "one side failed to send its delegation",
    "objections from the government",
)
_WITH_ARTICLE = {"United States", "United Kingdom", "Philippines"}
_BARE = {"NATO", "Hezb-e-Islami"}
ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "next", "final")


class _Writer:
    """Fills templates for one corpus; actors are drawn with Zipf popularity."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        demonyms = {name: demonym for name, demonym, _ in COUNTRIES}
        countries = [name for name, _, _ in COUNTRIES[1:]]
        groups = list(ORGANIZATIONS[1:])
        # the two main parties, then countries and groups alternately, most named first
        self.actors = ["Taliban", "United States"] + [
            name for pair in zip(countries, groups + countries[len(groups) :], strict=False) for name in pair
        ]
        # how a role is prefixed: "Qatari foreign minister", "Taliban spokesman"
        self.adjective = {name: demonyms.get(name, name) for name in self.actors}
        self.people = person_names()[:400]
        self.actor_rank = Zipf(len(self.actors), 1.0, rng)
        self.person_rank = Zipf(len(self.people), 1.0, rng)
        self.city_rank = Zipf(len(CITIES), 0.9, rng)

    def person(self) -> str:
        name = self.people[self.person_rank.draw()]
        r = self.rng.random()
        if r < 0.4:
            return f"{self.adjective[self.actors[self.actor_rank.draw()]]} {self.rng.choice(ROLES)} {name}"
        return name if r < 0.8 else name.split()[-1]

    def actor(self) -> str:
        name = self.actors[self.actor_rank.draw()]
        return f"the {name}" if name in _WITH_ARTICLE or (name in ORGANIZATIONS and name not in _BARE) else name

    def past(self, published: date) -> str:
        rng, r = self.rng, self.rng.random()
        when = published - timedelta(days=rng.randrange(1, 90))
        if r < 0.3:
            return f"on {WEEKDAYS[(published - timedelta(days=rng.randrange(1, 6))).weekday()]}"
        if r < 0.6:
            return f"on {MONTHS[when.month - 1]} {when.day}"
        if r < 0.75:
            return f"in {MONTHS[when.month - 1]}"
        if r < 0.9:
            return rng.choice(("last week", "last month", "earlier this week", "two weeks ago"))
        return f"on {MONTHS[when.month - 1]} {when.day} last year"

    def future(self, published: date) -> str:
        when = published + timedelta(days=self.rng.randrange(3, 60))
        return self.rng.choice(
            (
                "next week",
                "later this month",
                f"on {MONTHS[when.month - 1]} {when.day}",
                "in the coming days",
                f"next {WEEKDAYS[when.weekday()]}",
            )
        )

    def fill(self, template: str, published: date) -> str:
        rng = self.rng
        a = self.actor()
        b = self.actor()
        while b == a:
            b = self.actor()
        slots = {
            "a": a,
            "b": b,
            "person": self.person(),
            "person2": self.person(),
            "org": self.actor(),
            "city": CITIES[self.city_rank.draw()][0],
            "topic": rng.choice(TOPICS),
            "meeting": rng.choice(MEETING_NOUNS),
            "agreement": rng.choice(AGREEMENT_NOUNS),
            "reason": rng.choice(REASONS),
            "ordinal": rng.choice(ORDINALS),
            "role": rng.choice(ROLES),
            "number": f"{rng.randrange(2, 900):,}",
            "year": str(published.year - rng.randrange(1, 20)),
            "month": MONTHS[published.month - 1],
            "day": str(published.day),
            "outlet": rng.choice(OUTLETS),
            "future_month": MONTHS[(published.month + rng.randrange(0, 3)) % 12],
        }
        if "{past}" in template:
            slots["past"] = self.past(published)
        if "{future}" in template:
            slots["future"] = self.future(published)
        text = template.format(**slots)
        return text[0].upper() + text[1:]

    def article(self, n: int) -> dict[str, str]:
        rng = self.rng
        published = date(2012, 1, 1) + timedelta(days=rng.randrange(0, 4000))
        lines = [self.fill(rng.choice(HEADLINES), published), ""]
        if rng.random() < 0.3:
            lines += [self.fill(rng.choice(CAPTIONS), published), ""]
        for _ in range(rng.randint(8, 12)):
            paragraph = []
            for _ in range(rng.choice((1, 2, 2))):
                r = rng.random()
                pool = MEETING_SENTENCES if r < 0.35 else AGREEMENT_SENTENCES if r < 0.5 else OTHER_SENTENCES
                paragraph.append(self.fill(rng.choice(pool), published))
            lines += [" ".join(paragraph), ""]
        return {
            "id": f"bench-{n:06d}",
            "published": published.isoformat(),
            "title": lines[0],
            "source": rng.choice(OUTLETS),
            "url": f"https://news.example.org/{published.year}/bench-{n:06d}",
            "text": "\n".join(lines).strip() + "\n",
        }


def articles(count: int, seed: int = 0) -> Iterator[dict[str, str]]:
    """``count`` articles, the same ones for the same ``seed``."""
    writer = _Writer(random.Random(seed))
    for n in range(count):
        yield writer.article(n)


def write_corpus(path: str | Path, count: int, seed: int = 0) -> int:
    """Write ``count`` articles as JSON Lines; returns the number of words written."""
    words = 0
    with open(path, "w", encoding="utf-8") as f:
        for row in articles(count, seed):
            words += len(row["text"].split())
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return words
