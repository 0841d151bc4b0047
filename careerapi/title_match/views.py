"""GET /api/v1/title-match/?title=Sr.+Software+Engineer: occupations and roles for a title."""

from dataclasses import asdict

from django.urls import reverse
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework.response import Response

from careerapi.api.links import public_link
from careerapi.api.views import ApiView
from search.titles import MATCH_LIMIT_MAX, title_words, titles_match

from . import examples
from .serializers import TitleMatchListSerializer, TitleMatchQuerySerializer

#: The detail route of each type, and the name of its lookup.
_PAGES = {"occupation": ("v1:occupation-detail", "code"), "role": ("v1:role-detail", "slug")}


class TitleMatchView(ApiView):
    """The O*NET occupations and company roles a free-text job title names, best first."""

    def allowed_query_parameters(self) -> set[str]:
        return {"title", "limit"}

    @extend_schema(
        operation_id="title_match",
        summary="Match a job title to occupations and roles",
        description="Turns a job title as people write it (`Sr. Software Engineer`, "
        "`Software Development Engineer II`) into the O*NET occupations and company roles "
        "that go by it. Matched against every O*NET occupation title, its alternate titles "
        "and the titles workers reported, and every role's title. Seniority and grade words "
        "(senior, junior, lead, principal, staff, I to VI) are left out on both sides, and "
        "abbreviations are read in full (Sr., Jr., Mgr., Eng., Dev., SWE, SDE). Titles with "
        "every word are the candidates; when none has them all, those with all but one, "
        "else those with any. Each "
        "occupation or role once, with its best title; best score first, then O*NET titles "
        "before alternate, reported and role titles, then the shorter title.",
        parameters=[
            OpenApiParameter(
                "title",
                {"type": "string", "minLength": 1, "maxLength": 200},
                required=True,
                description="The job title, as written (case, accents and punctuation do not "
                "matter).",
                examples=[OpenApiExample("A title", value="Sr. Software Engineer")],
            ),
            OpenApiParameter(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": MATCH_LIMIT_MAX, "default": 10},
                description=f"How many results at most (1 to {MATCH_LIMIT_MAX}).",
            ),
        ],
        responses=TitleMatchListSerializer,
        examples=[examples.TITLE_MATCH],
    )
    def get(self, request):
        query = TitleMatchQuerySerializer(
            data={
                "title": request.query_params.get("title", ""),
                "limit": request.query_params.get("limit", 10),
            }
        )
        query.is_valid(raise_exception=True)
        title, limit = query.validated_data["title"], query.validated_data["limit"]
        words, results = title_words(title), []
        for match in titles_match(words=words, limit=limit):
            route, lookup = _PAGES[match.type]
            url = public_link(reverse(route, kwargs={lookup: match.slug}))
            results.append({**asdict(match), "url": url})
        body = {"title": title, "words": words, "results": results}
        return Response(TitleMatchListSerializer(body).data)
