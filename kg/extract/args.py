"""Who a noun phrase in an event's argument stands for.

Besides names, arguments are often descriptions: "Afghan government officials" (a country),
"Taliban representatives" (a group), "the militant group" (the article's armed group), "the two
sides" (the two parties of the event or conflict in focus), "deputies of Burhan" (the side Burhan
serves), "they" where a mediator "brought the two sides together" (those brought together),
"the ambassador" (the last envoy named), "he" (the last person named), "Bogota" in "talks
between Bogota and the ELN" (a capital standing for its government).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from kg.extract.syntax import RELATIVE, chain, clause_above, pobjs, subjects
from kg.extract.table import ActorInfo, ActorTable
from kg.nlp.components import gathers
from kg.nlp.gazetteer import gazetteer
from kg.nlp.lexicon import lexicon, words

_TEAMS = {"delegation", "team", "delegations", "teams"}
# nouns that end the names of bodies but, bare, mostly mean something else ("the front", "the army")
_NOT_BODIES = {"front", "army", "forces", "government", "state", "group", "party", "people", "country"}
_DELEGATIONS = frozenset({"delegation", "team"})
_ENVOYS = {"envoys", "emissaries", "negotiators", "delegates"}  # "the envoys": the delegation's members
_PEOPLE = {"leaders", "men", "women", "pair", "duo"}  # "the two leaders", "the pair": the two people in focus
_PRONOUNS = {"he", "him", "his", "she", "her"}
_REPRESENTED_PRONOUNS = {"him", "her", "them", "us", "it", "me", "you"}
_OBJECT_PRONOUNS = {"him", "her"}  # "her" as an object; as a possessive it may mean the subject
_DEFINITE = {"the", "this", "that", "these", "those"}
_PEOPLE_SIDES = {"rivals", "foes", "adversaries", "enemies"}  # may mean two people
_MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "appos")
_ROLE_CLASSES = {
    "diplomat": {"envoy", "ambassador", "diplomat", "representative", "negotiator", "mediator", "emissary"},
    "head": {"president", "premier", "leader", "king", "emir", "chancellor", "sultan", "chairman"},
    "minister": {"minister", "secretary"},
    "spokesperson": {"spokesman", "spokeswoman", "spokesperson"},
    "commander": {"commander", "general", "chief"},
}
_RIVAL = words("rival warring feuding")
_OTHERS = words(
    "neighbours neighbors neighbour neighbor rivals rival enemies enemy adversaries adversary foes foe "
    "opponents opponent"
)


_COUNTED_AS = {c: {c} for c in _ROLE_CLASSES} | {"diplomat": {"diplomat", "minister"}}
"""The offices "the two envoys" (ministers, ...) may mean: ministers are diplomats too."""


def _role_class(word: str) -> str | None:
    word = word.lower()
    return next((c for c, words in _ROLE_CLASSES.items() if word in words), None)


def _office(role: str) -> str | None:
    """The class of a person's role: its head word's ("foreign minister", "secretary of state":
    minister), except that a prime minister heads a government."""
    role = role.lower().split(" of ")[0]
    return "head" if role.endswith(("prime minister", "premier")) else _role_class(role.split()[-1])


class Resolver:
    """Resolves argument tokens to actor keys (see the module docstring)."""

    def __init__(self, doc: Doc, actors: ActorTable) -> None:
        self.doc, self.actors = doc, actors
        self.pairs: list[tuple[int, tuple[str, ...]]] = []  # (token index, parties) of events so far
        self.kinds: list[str] = []  # the kind of each of those events
        lex = lexicon()
        self._agents = lex.word_list("agent_nouns")
        self._leading = lex.word_list("leading_participles")
        self._sides = lex.word_list("side_nouns")
        self._counted_people = lex.word_list("counted_person_nouns")  # "the two ministers", with a number only
        self._proxies = lex.word_list("proxy_nouns")
        self._offices = self._counted_people | self._proxies | {"counterparts", "leaders", "mediators"}
        self._armed = lex.word_list("armed_descriptors")
        self._home: str | None = None  # the country "the government" stands for ("" when none)
        self._told: dict[int, list[str]] = {}  # token index of "the two sides" -> whom it meant

    # ------------------------------------------------------------- public

    def resolve(self, token: Token, conjuncts: bool = True) -> list[str]:
        """Actor keys for ``token`` and, unless told otherwise, its conjuncts and the names after
        "including" ("Afghan politicians, including Hamid Karzai")."""
        out: list[str] = []
        tokens = [token, *token.conjuncts] if conjuncts else [token]
        if conjuncts:
            tokens += [
                o
                for t in list(tokens)
                for head in (t, *_of_objects(t))  # "a coalition of groups, including X"
                for c in head.children
                if c.dep_ == "prep" and c.lower_ == "including"
                for o in (*pobjs(c), *(x for p in pobjs(c) for x in p.conjuncts))
            ]
        for t in tokens:
            for key in self._one(t, depth=0):
                if key not in out:
                    out.append(key)
            if conjuncts:
                out += [k for k in self._members(t) if k not in out]
        return out

    def _members(self, t: Token) -> list[str]:
        """The members a group is listed with: "the extended troika of the United States, Russia,
        China and Pakistan", "the Quartet - the US, the EU, Russia and the UN -". Only a list of
        two or more countries or organisations, none of them the group itself (the words of a name
        such as "the Economic Community of West African States" are the group)."""
        group = self.actors.key_at(t.i)
        info = self.actors.get(group) if group is not None else None
        if info is None or info.type != "Organization":
            return []
        heads = [c for c in t.children if c.dep_ == "appos"] + _of_objects(t)
        for head in heads:
            listed = [self.actors.key_at(x.i) for x in (head, *head.conjuncts)]
            if len(listed) < 2 or any(k is None or k == group for k in listed):
                continue
            if all(self.actors.actors[k].type in ("Country", "Organization") for k in listed if k):
                return list(dict.fromkeys(k for k in listed if k))
        return []

    def is_capital(self, t: Token) -> bool:
        """Whether ``t`` names a capital city, not an actor of its own ("Pretoria", "Doha")."""
        return (
            t.ent_type_ == "GPE"
            and self.actors.key_at(t.i) is None
            and gazetteer().capital_country(self._ent_text(t)) is not None
        )

    def country_of_capital(self, t: Token) -> str | None:
        """The key of the country whose capital ``t`` names, when the article names that country
        ("Kyiv's delegation": Ukraine's), whatever entity the tagger took it for."""
        if t.tag_ != "NNP" or self.actors.key_at(t.i) is not None:
            return None
        country = gazetteer().capital_country(self._ent_text(t))
        return country.key if country is not None and self.actors.get(country.key) is not None else None

    def note_event(self, index: int, parties: list[str], kind: str = "meeting") -> None:
        """Remember the parties of an event mentioned at token ``index`` (for "the two sides"),
        or of a conflict (kind ``"conflict"``: "the war between X and Y"); a call (kind ``"call"``)
        is remembered but puts no sides in focus, nor does the hosting of a gathering (kind
        ``"hosting"``: "X, who hosted the ceremony"); a denied meeting (kind ``"denied"``) is in focus
        but tells nothing of whom the article is about."""
        if parties:
            at = bisect.bisect_right([i for i, _ in self.pairs], index)
            self.pairs.insert(at, (index, tuple(parties)))
            self.kinds.insert(at, kind)

    def salient_pair(self, index: int, people: bool = False) -> list[str]:
        """The two sides in focus before ``index``: the groups and countries of the latest events,
        gathered backwards until there are two; with ``people`` (a word that may mean two people:
        "the pair", "the rivals"), the two people of the latest event when they serve the same
        side ("Kiir and Machar met in Juba ... the rivals agreed")."""
        groups: list[str] = []
        for (i, parties), kind in zip(reversed(self.pairs), reversed(self.kinds), strict=True):
            if i >= index or kind in ("call", "hosting"):
                continue  # a call puts no sides in focus ("Clinton telephoned Trimble and Adams"), nor
                # the host of a ceremony and the guests the parser joined to it
            sides: list[str] = []
            for p in parties:
                info = self.actors.get(p)
                side = p if info is None or info.type != "Person" else info.affiliation
                if side and side not in sides and side in self.actors.actors:
                    sides.append(side)
            persons = [p for p in parties if (a := self.actors.get(p)) is not None and a.type == "Person"]
            if people and not groups and len(persons) == len(parties) == 2 and len(sides) <= 1:
                return persons
            groups += [s for s in sides if s not in groups]
            if len(groups) >= 2:
                return groups[:2]
        return []

    def salient_persons(self, index: int) -> list[str]:
        """The two people in focus before ``index`` ("the two leaders"), else the two sides. When
        the latest event with people names one, it is that person and whom they last took part
        with ("Kiir and Machar signed ... Museveni met Machar ... Kiir visited Khartoum ... the two
        leaders": Kiir and Machar)."""
        events = [(i, self._persons(parties)) for i, parties in self.pairs if i < index]
        events = [(i, persons) for i, persons in events if persons]
        if events and len(events[-1][1]) == 1:
            person = events[-1][1][0]
            before = reversed(events[:-1])
            partner = next((q for _, ps in before if person in ps for q in ps if q != person), None)
            if partner is not None:
                return [person, partner]
        for _, persons in reversed(events):
            if len(persons) >= 2:
                return persons[:2]
        return self.salient_pair(index)

    def _counted_persons(self, t: Token, count: int = 2) -> list[str]:
        """Whom "the two ministers" (envoys, presidents, ...) means: the two people in focus when
        both hold such an office (or no office is known of them), else the latest two of an event
        who do; none when three of one event do. With no such pair, the two sides ("the two
        ministers signed a transit agreement" after the presidents met: their two countries).
        "The three ministers" (or more) are the people of the latest event with that many who
        may hold the office, else no one."""
        prime = any(c.lower_ == "prime" for c in t.children if c.dep_ in ("amod", "compound"))
        wanted = "head" if prime else _role_class(t.lower_.removesuffix("s"))

        def fits(key: str, known: bool = False) -> bool:
            info = self.actors.get(key)
            office = _office(info.role) if info is not None and info.role else None
            if info is None or wanted is None:
                return info is not None
            return office in _COUNTED_AS[wanted] if known or office is not None else True

        events = [persons for i, parties in self.pairs if i < t.i and (persons := self._persons(parties))]
        if count > 2:
            return next((fitting for ps in reversed(events) if len(fitting := [p for p in ps if fits(p)]) == count), [])
        if events and sum(fits(p, known=True) for p in events[-1]) > 2:
            return []  # "Blinken, Lavrov and Wang Yi attended ... the two ministers": which two is not told
        focus = self.salient_persons(t.i)
        if len(focus) == 2 and all(k in self._persons(tuple(focus)) and fits(k) for k in focus):
            return focus
        for persons in reversed(events):
            fitting = [p for p in persons if fits(p)]
            if len(fitting) == 2:
                return fitting
        return self.salient_pair(t.i)

    def salient_groups(self, index: int, count: int) -> list[str]:
        """The ``count`` countries or groups in focus before ``index`` ("the three countries", "the
        four powers"): the first of those of the latest event with as many sides, else the latest
        list of that many countries ("Russia, China and Pakistan"), else the last that many named."""
        for i, parties in reversed(self.pairs):
            sides = list(dict.fromkeys(s for p in parties if (s := self._side(p))))
            if i < index and len(sides) >= count:
                return sides[:count]
        for t in reversed(self.doc[:index]):
            if t.dep_ == "conj" or not t.conjuncts:
                continue
            keys = [self.actors.key_at(x.i) for x in (t, *t.conjuncts)]
            if all(k and self.actors.actors[k].type == "Country" for k in keys):
                listed = list(dict.fromkeys(k for k in keys if k))
                if len(listed) == count:
                    return listed
        last: dict[str, int] = {}
        for info in self.actors.actors.values():
            before = [p for p in info.positions if p < index]
            if info.type == "Country" and before:
                last[info.key] = max(before)
        named = sorted(last, key=last.__getitem__)[-count:]
        return named if len(named) == count else []

    def _persons(self, parties: tuple[str, ...]) -> list[str]:
        return [p for p in parties if (a := self.actors.get(p)) is not None and a.type == "Person"]

    def main_pair(self, kind: str | None = None) -> list[str]:
        """The two sides the article is about: the pair of groups or countries most often parties
        of the same event of this kind (for meetings, of any kind but calls when no meeting has
        two), persons counting for the side they serve."""
        if kind is not None:
            mine = [p for p, k in zip(self.pairs, self.kinds, strict=True) if k == kind]
            pair = self._commonest(mine)
            return pair or ([] if kind == "agreement" else self._commonest(self._not_calls()))
        return self._commonest(self._not_calls())

    def _not_calls(self) -> list[tuple[int, tuple[str, ...]]]:
        return [p for p, k in zip(self.pairs, self.kinds, strict=True) if k not in ("call", "denied", "hosting")]

    def _commonest(self, pairs: list[tuple[int, tuple[str, ...]]]) -> list[str]:
        counts: dict[tuple[str, str], int] = {}
        for _, parties in pairs:
            sides = list(dict.fromkeys(s for p in parties if (s := self._side(p))))
            for i, a in enumerate(sides):
                for b in sides[i + 1 :]:
                    pair = (a, b)
                    counts[pair] = counts.get(pair, 0) + 1
        if not counts:
            return []
        best = max(counts.values())
        return list(next(p for p in counts if counts[p] == best))

    def _side(self, key: str) -> str | None:
        info = self.actors.get(key)
        if info is None or info.type != "Person":
            return key
        return info.affiliation if info.affiliation in self.actors.actors else None

    def armed_group(self, index: int) -> str | None:
        """The article's armed group: the only one, else the one named most often before
        ``index`` (the latest of those on a tie); before any is named (a lead that names the group
        only later: "the country's largest Muslim rebel group signed ..."), the one the article
        names most often."""
        armed = [a for a in self.actors.actors.values() if a.kind == "armed"]
        if len(armed) <= 1:
            return armed[0].key if armed else None

        def weight(a: ActorInfo) -> tuple[int, int]:
            before = [p for p in a.positions if p < index]
            return len(before), max(before, default=-1)

        best = max(armed, key=weight)
        if weight(best)[0]:
            return best.key
        return max(armed, key=lambda a: (len(a.positions), -min(a.positions, default=0))).key

    # ------------------------------------------------------------- one token

    def _one(self, t: Token, depth: int) -> list[str]:
        owned = self._owned_name(t)
        if owned is not None:
            return [owned]
        key = self.actors.key_at(t.i)
        if key is not None:
            return [key]
        if t.ent_type_ == "GPE":
            country = gazetteer().capital_country(self._ent_text(t))
            if country is not None:
                return [self.actors.add_known(country, alias=self._ent_text(t))]
        low = t.lower_
        if t.ent_kb_id_.startswith("demonym:") and t.tag_ in ("NNPS", "NNS"):
            return self._country(t.ent_kb_id_[8:])
        if low in RELATIVE and t.head.dep_ == "relcl" and t.head.head.i < t.i and depth == 0:
            return self._one(t.head.head, depth + 1)  # "Assad, whom he met in Geneva": Assad
        if low in _PRONOUNS:
            barred = self._own_subjects(t) if low in _OBJECT_PRONOUNS else set()
            if t.dep_ == "nsubj" and t.head.dep_ == "relcl" and (named := self.actors.key_at(t.head.head.i)):
                barred.add(named)  # "Assad, whom he met in Geneva": he is not Assad, but who spoke with him
                said = self._main_subject(t.head.head, barred)
                if said:
                    return said
            found = self.actors.last_before(t.i, lambda a: a.type == "Person" and a.key not in barred)
            if low in ("he", "she") and found is not None and t.head == t.sent.root and t.dep_ == "nsubj":
                kept = self._subject_kept(t, found)
                if kept is not None and kept not in barred:
                    return [kept]
            return [found] if found else []
        if low == "it" and t.dep_ == "nsubj" and t.head.dep_ == "relcl" and (verb := _verb_of_object(t.head.head)):
            # "Washington honour the agreement it signed": who does the verb the noun is object of;
            # "urged Washington to honour the agreement it signed": who was urged to; "Washington,
            # which is trying to start talks under the agreement it signed": Washington
            urged = [c for c in verb.head.children if c.dep_ == "dobj"] if verb.dep_ == "xcomp" else []
            doers = [_antecedent(s) for s in urged or subjects(verb)]
            subs = [k for s in doers if s.i < t.i for k in self._one(s, depth + 1)]
            if subs:
                return subs
        if low == "its" and t.dep_ == "poss":
            # "Hamas told Egypt and Qatar that its delegation would travel": the speaker's
            speaker = self._speaker_before(t)
            if speaker:
                return speaker
        if (low == "its" and t.dep_ == "poss") or (low == "it" and t.dep_ == "nsubj" and t.head.dep_ == "relcl"):
            # "the Taliban said its delegation ...": the country or group named last before it, in
            # the same sentence
            found = self.actors.last_before(t.i, lambda a: a.type in ("Country", "Organization"))
            info = self.actors.get(found) if found else None
            same = info is not None and any(t.sent.start <= p < t.i for p in info.positions)
            return [found] if found and same else []
        if low in ("they", "them") and depth == 0:  # "brought the two sides together, where they signed"
            gathering = next((v for v in chain(t, 6)[1:] if gathers(v)), None)
            objects = [c for c in gathering.children if c.dep_ == "dobj"] if gathering is not None else []
            if any(o.left_edge.i <= t.i <= o.right_edge.i for o in objects):
                # "brought them together": "them" is who was brought, told before; "X and Y first
                # met on Jan. 24, when Annan brought them together": X and Y
                told = subjects(above) if (above := clause_above(gathering)) is not None and above.i < t.i else []
                named = [x for s in told for x in (s, *s.conjuncts) if s.lower_ not in _PRONOUNS]
                if len(named) >= 2:
                    return list(dict.fromkeys(k for x in named for k in self._one(x, 1)))
                return []
            if gathering is None and low == "they" and t.dep_ in ("nsubj", "nsubjpass"):
                # "the two men travelled to Abu Dhabi, where they were received"; "X and Y met in
                # December. In May they signed a protocol"
                return self._clause_subjects(t) or self._subjects_before(t)
            return list(dict.fromkeys(k for o in objects for x in (o, *o.conjuncts) for k in self._one(x, 1)))
        if low == "their" and t.dep_ == "poss" and depth == 0:  # "their previous summit"
            return self.salient_persons(t.i)
        if self._is_armed_descriptor(t) and self._in_country(t):
            named = [k for c in t.children if c.dep_ == "appos" for k in self._one(c, depth + 1)]
            return named or self._armed_group_at(t)  # "the country's largest rebel group(, the ELN)"
        named = self._among_them(t)
        if named:
            return named
        if self._det(t) in _DEFINITE and _role_class(low):
            key = self._national_in_role(t)
            if key:
                return [key]
        if t.tag_ in ("NN", "NNS") or (t.tag_ == "NNP" and not t.ent_type_):
            # "the crown prince of the UAE, Sheikh Mohammed bin Zayed", "his Turkish and Iranian
            # counterparts, Mevlut Cavusoglu and Mohammad Javad Zarif": the names, not the countries
            named = [
                k for c in t.children if c.dep_ == "appos" for x in (c, *c.conjuncts) for k in self._named(x, depth)
            ]
            if named:
                return list(dict.fromkeys(named))
            named_after = self._appos_of_conjunct(t)
            if named_after:
                return [named_after]
        if t.tag_ == "NNS" and (listed := self._listed_right_after(t)):
            return listed
        found = self._from_modifiers(t, depth)
        if found:
            return found
        if t.tag_ in ("NN", "NNS"):
            named_next = self._named_right_after(t)
            if named_next:
                return [named_next]
        det = self._det(t)
        count = _count(t)
        if low in _GROUP_NOUNS and count > 2 and det in ("the", "these", "those", "all") and not _described(t):
            if t.i not in self._told:
                self._told[t.i] = self.salient_groups(t.i, count)
            return list(self._told[t.i])
        if (
            low in self._counted_people
            and det in ("the", "these", "those", "both")
            and (det == "both" or _has_two(t) or count > 2)
        ):
            if t.i not in self._told:
                self._told[t.i] = self._counted_persons(t, max(count, 2))
            return list(self._told[t.i])
        if (low in self._sides and (det in ("the", "both", "either", "each") or _has_two(t))) or (
            det == "each" and f"{low}s" in self._sides  # "met each delegation"
        ):
            if t.i not in self._told:  # what the phrase meant when first read, not after its own event
                self._told[t.i] = (
                    self.salient_persons(t.i) if low in _PEOPLE else self.salient_pair(t.i, low in _PEOPLE_SIDES)
                )
            return list(self._told[t.i])
        if low == "government" and ((det == "the" and depth == 0) or (det is None and _modifies(t))):
            key = self._home_government()  # "the government", "government negotiators"
            return [key] if key else []
        if self._is_armed_descriptor(t) and det in _DEFINITE:
            return self._armed_group_at(t)
        if det in _DEFINITE and _role_class(low):
            key = self._person_in_role(t)
            return [key] if key else []
        if low in _TEAMS and det == "the" and depth == 0 and not _modifies(t):
            return self._team_before(t)  # "A Taliban delegation arrived ... The delegation met X"
        if low in _ENVOYS and det == "the" and depth == 0 and not _modifies(t) and not _described(t):
            return self._team_before(t, _DELEGATIONS)  # "A Taliban delegation ... for the envoys to meet X"
        if det == "the" and depth <= 1 and t.tag_ == "NN" and low not in _NOT_BODIES and not _modifies(t):
            # "the Joint Boundary Commission ... The commission met", "met members of the council"
            key = self._body_named_before(t)
            if key:
                return [key]
        if low == "country" and det in _DEFINITE | {"'s"}:
            key = self.actors.last_before(t.i, lambda a: a.type == "Country")
            return [key] if key else []
        return []

    def _body_named_before(self, t: Token) -> str | None:
        """The body named last before ``t`` whose name ends in the noun ``t`` ("the commission":
        the Joint Boundary Commission), when the noun's own modifiers are words of that name."""
        words = {c.lower_ for c in t.children if c.dep_ in ("compound", "amod")}

        def named(a: ActorInfo) -> bool:
            label = a.label.lower().split()
            return a.type == "Organization" and len(label) > 1 and label[-1] == t.lower_ and words <= set(label)

        return self.actors.last_before(t.i, named)

    def _named(self, x: Token, depth: int) -> list[str]:
        """The actor a name in apposition is, or (a title joined to the name: "Field Marshal
        Birhanu Jula, and the Tigrayan commander Tadesse Werede") whom the title stands for."""
        key = self.actors.key_at(x.i)
        if key is not None:
            return [key]
        titled = depth < 2 and not x.ent_type_ and x.tag_ in ("NN", "NNS")
        return self._one(x, depth + 1) if titled else []  # not "the Qatari capital, Doha": a place

    def _listed_right_after(self, t: Token) -> list[str]:
        """The people a plural office names after a comma, when the parser hung the names
        elsewhere: "hosted his Turkish and Iranian counterparts, Mevlut Cavusoglu and Mohammad
        Javad Zarif, and the three ministers adopted ..." (the names made subjects of "adopted")."""
        comma = t.i + 1
        if comma + 1 >= len(self.doc) or self.doc[comma].text != "," or t.lower_ not in self._offices:
            return []
        first = self.doc[comma + 1]
        key = self.actors.key_at(first.i)
        if key is None or self.actors.actors[key].type != "Person" or first.head.i == t.i:
            return []
        root = first
        while root.dep_ != "conj" and root.head.i > root.i and self.actors.key_at(root.head.i) == key:
            root = root.head  # from "Mevlut" to "Cavusoglu"
        after = self.doc[root.i + 1] if root.i + 1 < len(self.doc) else None
        if after is None or after.lower_ not in (",", "and"):
            return []  # "meet the country's officials, Karzai's spokesman said": a new clause
        keys = [k for x in (root, *root.conjuncts) if (k := self.actors.key_at(x.i))]
        return [k for k in dict.fromkeys(keys) if self.actors.actors[k].type == "Person"]

    def _owned_name(self, t: Token) -> str | None:
        """The person a conjoined possessor owns, which the parser hung elsewhere: in "Henry
        Kissinger and Hanoi's Le Duc Tho initialed", "Hanoi" is the conjunct and Tho an
        apposition; the one who initialed is Tho."""
        if t.dep_ != "conj" or not any(c.dep_ == "case" and c.i == t.i + 1 for c in t.children):
            return None
        key = self.actors.key_at(t.i + 2) if t.i + 2 < len(self.doc) else None
        info = self.actors.get(key) if key else None
        if info is None or info.type != "Person" or self.doc[t.i + 2].head.i == t.i:
            return None  # "and Hanoi's negotiator, Tho" parsed right is found through the noun
        return key

    def _appos_of_conjunct(self, t: Token) -> str | None:
        """The person named right after a role noun joined to a name, which the parser hung on
        that name: "Alexander Lebed and the separatists' chief of staff, Aslan Maskhadov, signed"
        (Maskhadov the apposition of Lebed)."""
        comma = t.right_edge.i + 1
        if t.dep_ != "conj" or comma + 1 >= len(self.doc) or self.doc[comma].text != ",":
            return None
        name = next((c for c in t.head.children if c.dep_ == "appos" and c.left_edge.i == comma + 1), None)
        key = self.actors.key_at(name.i) if name is not None else None
        if key is None or self.actors.actors[key].type != "Person" or lexicon().role_of([t.text]) is None:
            return None
        return key

    def _named_right_after(self, t: Token) -> str | None:
        """The person a role word is the title of, when the parser hung the name elsewhere: in
        "Vice-President Taha and rebel leader John Garang signed", "leader" is Taha's conjunct and
        Garang his apposition."""
        after = t.i + 1
        if t.tag_ != "NN" or after >= len(self.doc) or lexicon().role_of([t.text]) is None:
            return None
        key = self.actors.key_at(after)
        info = self.actors.get(key) if key else None
        name = self.doc[after]
        if info is None or info.type != "Person" or name.head.i == t.i or t.head.i == after:
            return None  # "the leader Garang" parsed right is found through the name itself
        return key

    def _own_subjects(self, t: Token) -> set[str]:
        """Whom an object pronoun cannot mean: the subject of its own clause ("Khalilzad said Baradar
        had met him": not Baradar), or, in a clause with none, who controls it: the subject of the
        verb it completes ("Nyusi flew to Gorongosa to meet him": not Nyusi), or that verb's object
        ("Zelensky asked the G7 to invite him": not the G7)."""
        if t.dep_ not in ("dobj", "dative", "pobj"):
            return set()
        verb = t.head.head if t.dep_ == "pobj" else t.head
        if not verb.tag_.startswith("VB"):
            return set()
        own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not own:  # a clause with no subject: its controller, an object of the verb above, else its subject
            upper = verb.head if verb.dep_ in ("xcomp", "advcl") else None
            objects = [c for c in upper.children if c.dep_ == "dobj"] if upper is not None else []
            own = objects or subjects(verb)
        return {k for s in own for k in self._one(s, 1)}

    def _clause_subjects(self, t: Token) -> list[str]:
        """Who "they" is in a clause hung from another clause of the sentence: that clause's
        subject, told before it ("the two men travelled to Abu Dhabi, where they were received"),
        with whom a single subject addressed ("X handed Y a plan when they met")."""
        verb = t.head
        for _ in range(4):
            if verb.dep_ not in ("relcl", "advcl", "conj", "ccomp") or verb.head == verb:
                return []
            verb = verb.head
            if not verb.tag_.startswith("VB"):
                continue
            named = [s for s in subjects(verb) if s.i < t.i and s.lower_ not in ("they", "them")]
            if named:
                keys = list(dict.fromkeys(k for s in named for x in (s, *s.conjuncts) for k in self._one(x, 1)))
                if len(keys) == 1:  # "X handed Y a plan when they met": one subject, so "they" are X and Y
                    keys += [k for k in self._persons_addressed(verb, t) if k not in keys]
                return keys
        return []

    def _persons_addressed(self, verb: Token, before: Token) -> list[str]:
        """The people a verb is done to, told before ``before``: its object or indirect object, or
        the object of "to" or "with" ("handed Lavrov a plan", "spoke to Lavrov")."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < before.i]
        objects += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "with") for o in pobjs(c)]
        keys = [k for o in objects if o.i < before.i for x in (o, *o.conjuncts) for k in self._one(x, 1)]
        return [k for k in dict.fromkeys(keys) if (a := self.actors.get(k)) is not None and a.type == "Person"]

    def _main_subject(self, noun: Token, barred: set[str]) -> list[str]:
        """The person subject of the clause a noun is an object of ("Biden spoke with Erdogan's
        minister, Hakan Fidan, whom he met": Biden)."""
        while noun.dep_ == "appos":
            noun = noun.head
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ in ("dobj", "dative") else None
        if verb is None or not verb.tag_.startswith("VB"):
            return []
        found = [k for s in subjects(verb) if s.i < noun.i for k in self._one(s, 1)]
        people = [k for k in found if k not in barred and (a := self.actors.get(k)) is not None and a.type == "Person"]
        return people[:1]

    def _subject_kept(self, t: Token, last: str) -> str | None:
        """Who "he" or "she", the subject of a sentence's main verb, is when the sentence names no
        one before it: the person the sentence before has as the subject of its main verb, if one,
        rather than the last person named ("Pompeo flew to Kabul for talks with Ghani and Abdullah.
        On his way home he stopped in Doha": Pompeo)."""
        sent = t.sent
        if sent.start == 0 or any(self.actors.key_at(i) for i in range(sent.start, t.i)):
            return None
        before = self.doc[sent.start - 1].sent.root
        named = [x for s in subjects(before) for x in (s, *s.conjuncts) if s.lower_ not in _PRONOUNS]
        keys = list(dict.fromkeys(k for x in named for k in self._one(x, 1)))
        people = [k for k in keys if (a := self.actors.get(k)) is not None and a.type == "Person"]
        return people[0] if len(people) == 1 and people[0] != last else None

    def _subjects_before(self, t: Token) -> list[str]:
        """Who "they", the subject of a sentence's main verb, is: the two or more actors the
        sentence before names as the subject of its own main verb ("X and Y met in December.")."""
        sent = t.sent
        if t.head != sent.root or sent.start == 0:
            return []
        before = self.doc[sent.start - 1].sent.root
        named = [x for s in subjects(before) for x in (s, *s.conjuncts) if s.lower_ not in ("they", "them")]
        keys = list(dict.fromkeys(k for x in named for k in self._one(x, 1)))
        return keys if len(keys) >= 2 else []

    def _team_before(self, t: Token, nouns: frozenset[str] | None = None) -> list[str]:
        """Whose "the delegation" (or "the team"; with ``nouns``, any of them) is: that of the
        nearest one named before it, by its owner ("a Taliban delegation", "Pakistan's
        delegation", "the delegation of X"), its leader ("a delegation led by Hanafi", "at the
        head of a delegation") or who formed or sent it ("the government has formed a negotiating
        team")."""
        nouns = nouns or frozenset({t.lower_})
        for before in [t.doc[i] for i in range(t.i - 1, -1, -1) if t.doc[i].lower_ in nouns][:3]:
            owners = self._owners(before)
            if owners:
                return owners
        return []

    def _owners(self, before: Token) -> list[str]:
        """Who a delegation or team is of, by its owner, its leader or who formed it."""
        owners = [c for c in before.children if c.dep_ in ("compound", "poss", "amod", "nmod") and c.i < before.i]
        owners += [o for c in before.children if c.dep_ == "prep" and c.lower_ in ("of", "from") for o in pobjs(c)]
        for c in before.children:  # "a delegation led by Hanafi"
            if c.dep_ == "acl" and c.lower_ in ("led", "headed"):
                owners += [o for a in c.children if a.dep_ == "agent" for o in pobjs(a)]
        head = before.head
        if before.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "head":
            owners += subjects(head.head.head.head) if head.head.head.lower_ == "at" else []
        elif before.dep_ == "dobj":
            owners += subjects(head)  # "the government has formed a negotiating team"
        return list(dict.fromkeys(k for o in owners for k in self._one(o, 1)))

    def _from_modifiers(self, t: Token, depth: int) -> list[str]:
        """ "Sudanese government officials", "Houthi representatives", "envoys of both sides"."""
        if depth > 2 or (t.lower_ not in self._agents and not (depth and t.tag_.startswith("NN"))):
            return []
        if t.lower_ in _OTHERS:
            return []  # "the ministers of Afghanistan's neighbours", "the Taliban's opponents": not them
        if any(c.dep_ == "amod" and c.lower_ in _RIVAL for c in t.children):
            return []  # "Lebanon's rival leaders", "the country's warring factions": sides within it, not it
        out: list[str] = []
        proxy = t.lower_ in self._proxies  # "deputies of Burhan", "Burhan's envoys": Burhan's side
        for c in t.children:
            if c.dep_ in _MODIFIER_DEPS and c.i != t.i:
                for m in (c, *c.conjuncts):
                    if m.ent_kb_id_.startswith("demonym:") and not self.actors.key_at(m.i):
                        out += self._country(m.ent_kb_id_[8:])
                    elif proxy and c.dep_ == "poss":
                        out += [self._side_of_person(k) for k in self._one(m, depth + 1)]
                    else:
                        out += self._one(m, depth + 1)
            elif c.dep_ == "prep" and c.lower_ in ("of", "for", "from"):
                for obj in c.children:
                    if obj.dep_ == "pobj":
                        found = [k for o in (obj, *obj.conjuncts) for k in self._one(o, depth + 1)]
                        out += [self._side_of_person(k) for k in found] if proxy else found
            elif c.dep_ == "acl" and c.lower_ == "representing":
                # "a delegation representing Hamas": Hamas's side (not Burhan, who is represented: his side)
                found = [
                    k
                    for o in c.children
                    if o.dep_ == "dobj" and o.lower_ not in _REPRESENTED_PRONOUNS  # "representing him": whom?
                    for m in (o, *o.conjuncts)
                    for k in self._one(m, depth + 1)
                ]
                out += [self._side_of_person(k) for k in found]
            elif c.dep_ == "acl" and c.tag_ == "VBN" and c.lower_ in self._leading:
                # "a government delegation led by Abdullah Abdullah": he is at the table
                leaders = [o for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
                out += [k for o in leaders for m in (o, *o.conjuncts) for k in self._one(m, depth + 1)]
        return list(dict.fromkeys(out))

    def _side_of_person(self, key: str) -> str:
        """What a person's deputies or envoys stand for: the group or country the person serves,
        when the article names it ("deputies of Burhan" take part for the army, not Burhan)."""
        info = self.actors.get(key)
        if info is None or info.type != "Person" or not info.affiliation:
            return key
        side = self.actors.get(info.affiliation)
        return side.key if side is not None and side.type != "Person" else key

    def _home_government(self) -> str | None:
        """The country whose government the article names outright ("the Afghan government",
        "Ethiopia's government"), most often if several: what "the government" then means."""
        if self._home is None:
            counts: dict[str, int] = {}
            for t in self.doc:
                if t.lower_ not in ("government", "governments"):
                    continue
                for c in t.children:
                    key = None
                    if c.dep_ in ("amod", "compound", "poss", "nmod") and c.ent_kb_id_.startswith("demonym:"):
                        key = self._country(c.ent_kb_id_[8:])
                    elif c.dep_ in ("compound", "poss", "nmod"):
                        found = self.actors.key_at(c.i)
                        info = self.actors.get(found) if found else None
                        if info is not None and info.type == "Person" and info.affiliation:
                            info = self.actors.get(info.affiliation)  # "Petro's government"
                        key = [info.key] if info is not None and info.type == "Country" else None
                    for k in key or []:
                        counts[k] = counts.get(k, 0) + 1
            self._home = max(counts, key=counts.__getitem__) if counts else ""
        return self._home or None

    def _country(self, iso: str) -> list[str]:
        if iso == "-":
            return []
        key = self.actors.add_country(iso)
        return [key] if key else []

    def _person_in_role(self, t: Token) -> str | None:
        wanted, word = _role_class(t.lower_), t.lower_

        def same(info: ActorInfo) -> bool:  # "the king" is the king named before, not the president
            return info.type == "Person" and bool(info.role) and info.role.lower().split()[-1] == word

        def fits(info: ActorInfo) -> bool:
            return info.type == "Person" and bool(info.role) and _role_class(info.role.split()[-1]) == wanted

        key = self.actors.last_before(t.i, same) or self.actors.last_before(t.i, fits)
        if key is not None:
            self.actors.add(key, key, "Person", alias=self._phrase(t))
        return key

    def _among_them(self, t: Token) -> list[str]:
        """The names a plural noun is followed by: "the Lebanese leaders, among them Nabih Berri,
        Fouad Siniora and Saad Hariri" are those leaders (however the parser hung the list)."""
        doc, i = self.doc, t.i
        if t.tag_ not in ("NNS", "NNPS") or i + 4 >= len(doc):
            return []
        if [x.lower_ for x in doc[i + 1 : i + 4]] not in ([",", "among", "them"], [",", "among", "whom"]):
            return []
        end = t.sent.end
        first = next((doc[j] for j in range(i + 4, end) if self.actors.key_at(j) and doc[j].dep_ != "compound"), None)
        if first is None:
            return []
        return list(dict.fromkeys(k for x in (first, *first.conjuncts) if (k := self.actors.key_at(x.i))))

    def _national_in_role(self, t: Token) -> str | None:
        """ "The French leader", "the Pakistani president": the person named before who holds an
        office of that class for that country ("French President Jacques Chirac"), not the country."""
        countries = {
            k
            for c in t.children
            if c.dep_ in ("amod", "compound", "nmod") and c.i < t.i and c.ent_kb_id_.startswith("demonym:")
            for k in self._country(c.ent_kb_id_[8:])
        }
        if len(countries) != 1 or t.tag_ != "NN":
            return None
        wanted = _role_class(t.lower_)

        def fits(info: ActorInfo) -> bool:
            return (
                info.type == "Person"
                and info.affiliation in countries
                and bool(info.role)
                and _role_class(info.role.split()[-1]) == wanted
            )

        key = self.actors.last_before(t.i, fits)
        if key is not None:
            self.actors.add(key, key, "Person", alias=self._phrase(t))
        return key

    def _is_armed_descriptor(self, t: Token) -> bool:
        """ "the militants", "the rebel group", "the largest Muslim rebel group"; not "the contact
        group" or "the rights group": a noun left out of the words that make the descriptor makes
        it another kind of group."""
        mods = [c for c in t.children if c.dep_ in ("amod", "compound") and c.i < t.i]
        return any(
            " ".join([*(c.lower_ for c in mods[k:]), t.lower_]) in self._armed
            and not any(c.dep_ == "compound" and c.tag_ in ("NN", "NNS") for c in mods[:k])
            for k in range(len(mods) + 1)
        )

    def _speaker_before(self, t: Token) -> list[str]:
        """The country or group that says or tells the clause ``t`` is in, named before it."""
        speech = lexicon().word_list("speech_verbs", "report_verbs")
        x = t
        for _ in range(6):
            if x.head == x:
                return []
            x = x.head
            if x.lower_ in speech and x.tag_.startswith("VB"):
                keys = [k for s in subjects(x) if s.i < t.i for k in self._one(s, 1)]
                return [k for k in keys if (a := self.actors.get(k)) is not None and a.type != "Person"]
        return []

    def _armed_group_at(self, t: Token) -> list[str]:
        key = self.armed_group(t.i)
        if key is not None:
            self.actors.add(key, key, "Organization", alias=self._phrase(t))
        return [key] if key else []

    def _in_country(self, t: Token) -> bool:
        """Whether the possessive on ``t`` says where it is: "the country's largest rebel group"."""
        for c in t.children:
            if c.dep_ == "poss" and c.tag_ != "PRP$":
                info = self.actors.get(self.actors.key_at(c.i) or "")
                return c.lower_ in ("country", "nation") or (info is not None and info.type == "Country")
        return False

    @staticmethod
    def _det(t: Token) -> str | None:
        for c in t.children:
            if c.dep_ in ("det", "predet") or (c.dep_ == "poss" and c.tag_ == "PRP$"):
                return c.lower_
            if c.dep_ == "poss":
                return "'s"
        return None

    def _phrase(self, t: Token) -> str:
        start = min([t.i, *(c.i for c in t.children if c.dep_ in ("det", "amod", "compound") and c.i < t.i)])
        return self.doc[start : t.i + 1].text

    def _ent_text(self, t: Token) -> str:
        if not t.ent_iob_ or t.ent_iob_ == "O":
            return t.text
        start, end = t.i, t.i + 1
        while start > 0 and self.doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(self.doc) and self.doc[end].ent_iob_ == "I":
            end += 1
        return self.doc[start:end].text


def _antecedent(t: Token) -> Token:
    """What a relative pronoun stands for ("Washington, which is trying ..."); else ``t``."""
    return t.head.head if t.lower_ in RELATIVE and t.head.dep_ == "relcl" else t


def _verb_of_object(noun: Token) -> Token | None:
    """The verb ``noun`` is the object of, directly or through the nouns and prepositions it hangs
    from ("start talks under the agreement"), if any."""
    while noun.dep_ in ("pobj", "prep") and noun.head.dep_ in ("prep", "dobj", "pobj"):
        noun = noun.head
    if noun.dep_ != "dobj" or not noun.head.tag_.startswith("VB"):
        return None
    return noun.head


_GROUP_NOUNS = {"countries", "nations", "powers", "states", "governments", "sides", "parties"}
_NUMBERS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _count(t: Token) -> int:
    """The number a noun is counted with ("the three countries": 3; 0 when none)."""
    for c in t.children:
        if c.dep_ == "nummod":
            low = c.lower_
            return _NUMBERS.get(low, int(low) if low.isdigit() and len(low) < 3 else 0)
    return 0


def _described(t: Token) -> bool:
    """Whether a counted noun says which ones it means ("the three Gulf states")."""
    return any(c.dep_ in ("amod", "compound") for c in t.children)


def _has_two(t: Token) -> bool:
    return any(c.dep_ == "nummod" and c.lower_ in ("two", "2", "both") for c in t.children)


def _of_objects(t: Token) -> list[Token]:
    """The objects of the "of" phrase of a noun: "groups" in "a coalition of holdout groups"."""
    return [o for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for o in pobjs(c)]


def _modifies(t: Token) -> bool:
    """Whether a bare noun modifies the noun after it ("government negotiators"), or is joined to
    one that does ("Government and MILF negotiators")."""
    x = t
    while x.dep_ == "conj" and x.head != x:
        x = x.head
    return x.dep_ in ("compound", "nmod", "amod") and x.head.i > x.i
