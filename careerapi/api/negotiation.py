"""Content negotiation that honours the q values of Accept (RFC 9110, section 12.5.1).

The REST framework ranks an Accept header's media ranges by how specific they are and
ignores their weights, so `Accept: application/json;q=0` ("anything but JSON") got JSON.
Here a renderer's weight is the q of the most specific range that matches it (so
`*/*, application/json;q=0` refuses JSON too), weight 0 is "not acceptable", and the
renderer of the highest weight wins; between equal weights the one matched by the more
specific range, then the view's first, as before. An Accept with no media range in it
(an empty value) asks for nothing in particular, like no Accept at all; the cached way
in `careerapi.api.caching` answers those plain headers early and must agree.

A format named in the request (`?format=jsonld` where a view takes it: careerapi.api.jsonld)
is the client's explicit choice, made where it cannot set Accept (a link): it is answered
whatever Accept says.
"""

from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.utils.mediatypes import _MediaType

ANYTHING = [_MediaType("*/*")]


def _weight(media_range: _MediaType) -> float:
    """The range's q: 1 when absent or unreadable (as the REST framework took every range)."""
    try:
        q = float(media_range.params.get("q", 1))
    except ValueError:
        return 1.0
    return q if 0 <= q <= 1 else 1.0


class QualityContentNegotiation(DefaultContentNegotiation):
    """DRF's negotiation (format override, limits on the header), weighing q values."""

    def select_renderer(self, request, renderers, format_suffix=None):
        format = format_suffix or request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        if format:
            renderer = self.filter_renderers(renderers, format)[0]
            return renderer, renderer.media_type
        ranges = [_MediaType(token) for token in self.get_accept_list(request)] or ANYTHING

        best, best_rank = None, (0.0, -1)
        for renderer in renderers:
            renderer_type = _MediaType(renderer.media_type)
            matching = [media_range for media_range in ranges if renderer_type.match(media_range)]
            if not matching:
                continue
            precedence = max(media_range.precedence for media_range in matching)
            chosen = max(
                (media_range for media_range in matching if media_range.precedence == precedence),
                key=_weight,
            )
            rank = (_weight(chosen), precedence)
            if rank[0] > 0 and rank > best_rank:
                best, best_rank = (renderer, renderer_type, chosen), rank
        if best is None:
            raise exceptions.NotAcceptable(available_renderers=renderers)

        renderer, renderer_type, chosen = best
        # The accepted media type is the more specific of the two, as the REST framework
        # gives it: `application/json; indent=4` as asked, or the renderer's for `*/*`.
        if renderer_type.precedence > chosen.precedence:
            params = tuple(f"{key}={value}" for key, value in chosen.params.items())
            return renderer, ";".join((renderer.media_type, *params))
        return renderer, chosen.orig
