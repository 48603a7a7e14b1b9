"""Records to RDF: every core term written, IRIs shared across articles, dates typed by precision."""

from __future__ import annotations

from datetime import date

from rdflib import Literal, URIRef

from kg.rdf.ids import Ids
from kg.rdf.mapping import map_extraction
from kg.rdf.namespaces import DCTERMS, GEONAMES, OWL, PK, RDF, RDFS, SCHEMA, SKOS, WD, XSD
from kg.records import Actor, Agreement, Article, DateValue, Extraction, Meeting, Mention, Place

ids = Ids("https://w3id.org/peacekg/id/")
TEXT = "Envoys of Freedonia and the Sylvan Front met in Geneva on Monday. They signed a truce."


def extraction(article_id: str = "t1") -> Extraction:
    article = Article(article_id, TEXT, date(2022, 5, 4), "Title", "Wire", "https://example.org/t1")
    s1, s2 = Mention(0, 65, TEXT[0:65], reported_by="freedonia", trigger="met"), Mention(66, 87, TEXT[66:87])
    return Extraction(
        article=article,
        actors=(
            Actor("freedonia", "Freedonia", "Country", ("Freedonian government",), geonames=123),
            Actor("sylvan front", "Sylvan Front", "Organization", ("the Front", "Sylvan Front"), wikidata="Q42"),
            Actor("ana diaz", "Ana Diaz", "Person", ("Diaz",), role="envoy", affiliation="freedonia"),
        ),
        places=(Place("geneva", "Geneva", geonames=2660646, country="freedonia"),),
        meetings=(
            Meeting(
                "talks in Geneva",
                ("freedonia", "sylvan front", "nobody"),
                "geneva",
                DateValue("2022-05-02", "day", "on Monday"),
                "Occurred",
                (s1,),
                "talks",
            ),
        ),
        agreements=(
            Agreement(
                "truce",
                ("freedonia", "sylvan front"),
                None,
                DateValue(None, None, "soon"),
                "Planned",
                (s2,),
                "ceasefire",
                key="truce freedonia sylvan front 2022-05",
            ),
        ),
    )


def test_every_core_term_is_written():
    g = map_extraction(ids, extraction())
    art, actor, place = ids.article("t1"), ids.actor("sylvan front"), ids.place("geneva")
    meeting = ids.event("meeting", "t1 meeting 1")
    agreement = ids.event("agreement", "truce freedonia sylvan front 2022-05")
    mention = ids.mention("t1", 0, 65)
    expected = [
        (art, RDF.type, PK.Article),
        (art, DCTERMS.identifier, Literal("t1")),
        (art, SCHEMA.datePublished, Literal("2022-05-04", datatype=XSD.date)),
        (art, DCTERMS.title, Literal("Title")),
        (art, DCTERMS.source, Literal("Wire")),
        (art, SCHEMA.url, URIRef("https://example.org/t1")),
        (actor, RDF.type, PK.Organization),
        (actor, RDFS.label, Literal("Sylvan Front")),
        (actor, SKOS.altLabel, Literal("the Front")),
        (actor, PK.mentionedIn, art),
        (actor, OWL.sameAs, WD.Q42),
        (ids.actor("freedonia"), OWL.sameAs, GEONAMES["123/"]),
        (ids.actor("ana diaz"), PK.role, Literal("envoy")),
        (ids.actor("ana diaz"), PK.affiliation, ids.actor("freedonia")),
        (place, RDF.type, PK.Place),
        (place, PK.locatedIn, ids.actor("freedonia")),
        (place, PK.mentionedIn, art),
        (meeting, RDF.type, PK.Meeting),
        (meeting, PK.participant, actor),
        (meeting, PK.place, place),
        (meeting, PK.date, Literal("2022-05-02", datatype=XSD.date)),
        (meeting, PK.status, PK.Occurred),
        (meeting, PK.dateText, Literal("on Monday")),
        (meeting, PK.evidence, mention),
        (meeting, PK.mentionedIn, art),
        (meeting, PK.category, Literal("talks")),
        (agreement, RDF.type, PK.Agreement),
        (agreement, PK.party, actor),
        (agreement, PK.status, PK.Planned),
        (mention, RDF.type, PK.Mention),
        (mention, PK.inArticle, art),
        (mention, PK.text, Literal(TEXT[0:65])),
        (mention, PK.start, Literal(0)),
        (mention, PK.end, Literal(65)),
        (mention, PK.reportedBy, ids.actor("freedonia")),
        (mention, PK.trigger, Literal("met")),
    ]
    missing = [t for t in expected if t not in g]
    assert missing == []


def test_label_is_not_repeated_as_alias_and_unknown_participants_are_dropped():
    g = map_extraction(ids, extraction())
    actor = ids.actor("sylvan front")
    assert set(g.objects(actor, SKOS.altLabel)) == {Literal("the Front")}
    assert len(set(g.objects(ids.event("meeting", "t1 meeting 1"), PK.participant))) == 2


def test_unresolved_date_keeps_the_expression_only():
    g = map_extraction(ids, extraction())
    agreement = ids.event("agreement", "truce freedonia sylvan front 2022-05")
    assert list(g.objects(agreement, PK.date)) == []
    assert list(g.objects(agreement, PK.dateText)) == [Literal("soon")]


def test_actors_and_keyed_events_share_iris_across_articles():
    a, b = map_extraction(ids, extraction("t1")), map_extraction(ids, extraction("t2"))
    actors_a = set(a.subjects(RDF.type, PK.Organization))
    assert actors_a == set(b.subjects(RDF.type, PK.Organization))
    assert set(a.subjects(RDF.type, PK.Agreement)) == set(b.subjects(RDF.type, PK.Agreement))
    # unkeyed events are per article
    assert set(a.subjects(RDF.type, PK.Meeting)).isdisjoint(b.subjects(RDF.type, PK.Meeting))


def test_evidence_text_is_exactly_the_article_span():
    g = map_extraction(ids, extraction())
    for mention in g.subjects(RDF.type, PK.Mention):
        start, end = int(g.value(mention, PK.start)), int(g.value(mention, PK.end))
        assert str(g.value(mention, PK.text)) == TEXT[start:end]
