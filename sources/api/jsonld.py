"""Sources as schema.org names them in JSON-LD: a page's provenance.

A source is a work about the item a page describes, so the item lists it as `subjectOf`
(schema.org's Occupation, an Intangible, has no `citation` or `isBasedOn`).
"""

from careerapi.api.jsonld import jsonld_node
from sources.models import Source


def source_work(source: Source) -> dict:
    """A source as a schema.org CreativeWork: its title, address, publisher and credit line."""
    publisher = jsonld_node("Organization", name=source.publisher) if source.publisher else None
    return jsonld_node(
        "CreativeWork",
        name=source.title,
        url=source.url,
        publisher=publisher,
        creditText=source.attribution,
    )


def source_works(sources: list[Source]) -> list[dict]:
    """Each source once, by slug."""
    unique = {source.slug: source for source in sources}
    return [source_work(unique[slug]) for slug in sorted(unique)]
