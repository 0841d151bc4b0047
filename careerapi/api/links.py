"""Links in response bodies (`next`, `previous`, the index's URLs, the JSON-LD's `url`).

Bodies are cached and shared by every client, keyed by path and query alone
(`careerapi.api.caching`), so a link must not come from the request: a forged `Host` or
`X-Forwarded-Proto` would otherwise reach the next client. Links are absolute from
`PUBLIC_BASE_URL` when it is set, and root-relative (`/api/v1/roles/?page=2`) when not;
where only an absolute URL will do (schema.org's `url`), there is none without it.
"""

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.utils.urls import remove_query_param, replace_query_param

LINK_SCHEMA = {"type": "string", "format": "uri-reference"}


def public_link(path: str) -> str:
    """The link to `path` (with its query), from the configured base URL."""
    return settings.PUBLIC_BASE_URL.rstrip("/") + path


def absolute_link(path: str) -> str | None:
    """The absolute link to `path` from `PUBLIC_BASE_URL`; None when that is unset."""
    return public_link(path) if settings.PUBLIC_BASE_URL else None


def page_link(request, page_query_param: str, number: int) -> str:
    """The link to page `number` of the list `request` asked for (page 1 without `page`)."""
    path = request.get_full_path()
    if number == 1:
        return public_link(remove_query_param(path, page_query_param))
    return public_link(replace_query_param(path, page_query_param, number))


@extend_schema_field(LINK_SCHEMA)
class LinkField(serializers.CharField):
    """A link as `public_link` writes it: absolute, or root-relative."""
