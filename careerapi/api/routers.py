"""The router every app's `api/urls.py` builds its routes with.

A detail URL matches its slug or code in any case, as the filters do (`SlugListField`):
`/api/v1/currencies/gbp/` is GBP and `/api/v1/roles/Amazon-Software-Engineer/` the role
amazon-software-engineer, not the catch-all 404 of an unknown path. The view reads the
lookup in the spelling of its `lookup_value_regex` (`CollectionViewSet.initial`), so the
item, and the body, are the canonical one's.
"""

from rest_framework.routers import SimpleRouter


class Router(SimpleRouter):
    """DRF's SimpleRouter, with the lookup of a detail route matched in any case."""

    def get_lookup_regex(self, viewset, lookup_prefix: str = "") -> str:
        lookup_field = getattr(viewset, "lookup_field", "pk")
        name = getattr(viewset, "lookup_url_kwarg", None) or lookup_field
        value = getattr(viewset, "lookup_value_regex", "[^/.]+")
        return f"(?P<{lookup_prefix}{name}>(?i:{value}))"
