"""Compressed answers (careerapi.api.compression): brotli or gzip as Accept-Encoding asks,
the same JSON once decompressed, ETags that tell the forms apart and revalidate either,
`Vary: Accept-Encoding`, the response cache, HEAD, JSON-LD, the streamed export (as NDJSON
and as a download), and each body compressed once per process."""

import gzip
import hashlib
import json

import brotli
import pytest
from django.core.cache import cache
from django.test import override_settings

from careerapi.api.caching import local_responses
from careerapi.api.compression import MIN_BYTES, coding_choose, compressed_bodies
from tests.test_http_caching import EARLY, FULL, answered_by_the_view_early, headers_of

pytestmark = pytest.mark.django_db

ROLES = "/api/v1/roles/"
EXPORT = "/api/v1/export/"
JSONLD_PAGES = ["/api/v1/roles/amazon-engineer/", "/api/v1/occupations/15-1252.00/"]
# JSON-LD asked for by Accept (the REST framework's way) or by `format` (answered early).
JSONLD_ASKS = {
    "accept": ({"HTTP_ACCEPT": "application/ld+json"}, {}),
    "format": ({}, {"format": "jsonld"}),
}
DECOMPRESS = {"gzip": gzip.decompress, "br": brotli.decompress}
# Answered early (anonymous, plain Accept) and the REST framework's way (another Accept).
WAYS = {"early": {}, "full": {"HTTP_ACCEPT": "application/json; indent=2"}}


def encoded(client, url, coding, **headers):
    return client.get(url, HTTP_ACCEPT_ENCODING=coding, **headers)


@pytest.mark.parametrize(
    ("header", "coding"),
    [
        ("", None),
        ("identity", None),
        ("gzip", "gzip"),
        ("gzip, deflate", "gzip"),
        ("br", "br"),
        ("gzip, deflate, br, zstd", "br"),
        ("gzip;q=1.0, br;q=0.5", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("gzip;q=0", None),
        ("*", "br"),
        ("*;q=0.1, gzip;q=0", "br"),
        ("GZIP", "gzip"),
        ("gzip;q=nonsense", None),
    ],
)
def test_the_coding_is_the_one_the_client_prefers(header, coding):
    assert coding_choose(header) == coding


@pytest.mark.parametrize("coding", ["gzip", "br"])
@pytest.mark.parametrize("way", WAYS)
def test_a_compressed_answer_is_the_same_json(seed_dataset, client, coding, way):
    plain = client.get(ROLES, **WAYS[way])
    compressed = encoded(client, ROLES, coding, **WAYS[way])

    assert compressed.status_code == 200
    assert compressed["Content-Encoding"] == coding
    assert int(compressed["Content-Length"]) == len(compressed.content) < len(plain.content)
    assert json.loads(DECOMPRESS[coding](compressed.content)) == plain.json()
    assert compressed["Content-Type"] == plain["Content-Type"]


@pytest.mark.parametrize("coding", ["gzip", "br"])
def test_a_compressed_answer_has_a_weak_etag_and_varies_by_accept_encoding(
    seed_dataset, client, coding
):
    plain = client.get(ROLES)
    compressed = encoded(client, ROLES, coding)

    assert plain["ETag"].startswith('"')  # strong
    assert compressed["ETag"] == "W/" + plain["ETag"]
    for response in (plain, compressed):
        vary = {v.strip() for v in response["Vary"].split(",")}
        assert {"Accept", "Accept-Encoding"} <= vary


def test_without_accept_encoding_nothing_is_compressed(seed_dataset, client):
    for response in (client.get(ROLES), client.get(ROLES, HTTP_ACCEPT_ENCODING="gzip;q=0")):
        assert not response.has_header("Content-Encoding")
        assert response.json()["count"] == 6


def test_a_small_answer_is_sent_as_it_is(client):
    response = client.get("/livez", HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200 and not response.has_header("Content-Encoding")
    assert response.json() == {"status": "ok"}


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("coding", ["gzip", "br"])
def test_either_etag_revalidates_either_answer(seed_dataset, client, coding, way):
    headers = WAYS[way]
    strong = client.get(ROLES, **headers)["ETag"]
    weak = encoded(client, ROLES, coding, **headers)["ETag"]

    answers = {
        "plain, weak tag": client.get(ROLES, HTTP_IF_NONE_MATCH=weak, **headers),
        "compressed, strong tag": encoded(
            client, ROLES, coding, HTTP_IF_NONE_MATCH=strong, **headers
        ),
        "compressed, weak tag": encoded(client, ROLES, coding, HTTP_IF_NONE_MATCH=weak, **headers),
    }

    assert {name: r.status_code for name, r in answers.items()} == dict.fromkeys(answers, 304)
    assert answers["plain, weak tag"]["ETag"] == strong  # the tag of the form it stands for
    assert answers["compressed, strong tag"]["ETag"] == weak
    assert all(r.content == b"" for r in answers.values())
    assert all("Accept-Encoding" in r["Vary"] for r in answers.values())


def test_the_response_cache_serves_both_forms(seed_dataset, client):
    computed = encoded(client, ROLES, "gzip")  # computed, kept in the cache uncompressed
    cached_plain = client.get(ROLES)
    cached_br = encoded(client, ROLES, "br")

    assert gzip.decompress(computed.content) == cached_plain.content
    assert brotli.decompress(cached_br.content) == cached_plain.content
    assert not cached_plain.has_header("Content-Encoding")


@pytest.mark.parametrize("coding", ["gzip", "br"])
def test_head_announces_the_compressed_answer(seed_dataset, client, coding):
    get = encoded(client, ROLES, coding)
    head = client.head(ROLES, HTTP_ACCEPT_ENCODING=coding)

    assert head.status_code == 200 and head.content == b""
    assert head["Content-Encoding"] == coding
    assert head["ETag"] == get["ETag"]
    assert head["Content-Length"] == get["Content-Length"]


@pytest.mark.parametrize("coding", ["gzip", "br"])
@pytest.mark.parametrize("asked", JSONLD_ASKS)
@pytest.mark.parametrize("page", JSONLD_PAGES)
def test_jsonld_is_compressed_and_revalidates(seed_dataset, client, page, asked, coding):
    headers, query = JSONLD_ASKS[asked]
    plain = client.get(page, query, **headers)
    compressed = client.get(page, query, HTTP_ACCEPT_ENCODING=coding, **headers)
    weak, strong = compressed["ETag"], plain["ETag"]
    revalidated = {
        tag: client.get(page, query, HTTP_ACCEPT_ENCODING=coding, HTTP_IF_NONE_MATCH=tag, **headers)
        for tag in (weak, strong)
    }

    assert plain["Content-Type"] == compressed["Content-Type"] == "application/ld+json"
    assert compressed["Content-Encoding"] == coding
    assert len(compressed.content) < len(plain.content) / 2
    assert json.loads(DECOMPRESS[coding](compressed.content)) == plain.json()
    assert plain.json()["@type"] == "Occupation"
    assert strong.startswith('"') and weak == "W/" + strong
    for response in revalidated.values():
        assert response.status_code == 304
        assert response["ETag"] == weak  # the tag of the compressed answer it stands for


@pytest.mark.parametrize("coding", ["gzip", "br"])
@pytest.mark.parametrize("accept", ["application/x-ndjson", "application/octet-stream"])
def test_the_export_streams_compressed(seed_dataset, client, coding, accept):
    plain = b"".join(client.get(EXPORT, HTTP_ACCEPT=accept).streaming_content)
    response = encoded(client, EXPORT, coding, HTTP_ACCEPT=accept)

    assert response.streaming and response["Content-Encoding"] == coding
    assert response["Content-Type"] == accept
    assert not response.has_header("Content-Length")
    body = b"".join(response.streaming_content)
    assert DECOMPRESS[coding](body) == plain
    assert len(body) < len(plain) / 4


def test_a_problem_document_is_compressed_too(seed_dataset, client):
    plain = client.get(ROLES, {"nope": "x" * 150})
    compressed = encoded(client, ROLES, "gzip", data={"nope": "x" * 150})

    assert compressed.status_code == 400 and compressed["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(compressed.content)) == plain.json()


@pytest.mark.parametrize("coding", ["gzip", "br"])
def test_a_process_compresses_the_same_answer_once(seed_dataset, client, coding):
    first = encoded(client, ROLES, coding)
    plain = client.get(ROLES).content
    digest = hashlib.blake2b(plain, digest_size=16).hexdigest()

    kept = compressed_bodies.get(f"{coding}:{digest}", "")
    again = encoded(client, ROLES, coding)

    assert kept is not None and kept[1] == first.content
    assert again.content == first.content
    assert DECOMPRESS[coding](again.content) == plain


# A 304 stands for the 200 the same request would get, so it carries that 200's ETag. The
# form follows Accept-Encoding alone (weak to a client that accepts a coding, whether or
# not the body is long enough to compress), so no 304 needs its 200's body to tell.
SMALL = f"{ROLES}?search=zzzzqqq"  # no role found: {"count": 0, ...}
SIZES = {"small": SMALL, "large": ROLES}


@pytest.mark.parametrize("coding", ["gzip", "br", "identity"])
@pytest.mark.parametrize("size", SIZES)
@override_settings(ANON_RATE="50/minute")
def test_a_304_carries_the_etag_of_the_200_it_stands_for(seed_dataset, client, size, coding):
    url = SIZES[size]
    computed = encoded(client, url, coding, **EARLY)
    tag = computed["ETag"]
    in_the_view = encoded(client, url, coding, **EARLY, HTTP_IF_NONE_MATCH=tag)
    before_the_view = encoded(client, url, coding, **EARLY, HTTP_IF_NONE_MATCH=tag)
    full = encoded(client, url, coding, **FULL, HTTP_IF_NONE_MATCH=tag)
    cached_full = encoded(client, url, coding, **FULL)

    accepts_a_coding = coding != "identity"
    assert (len(client.get(url).content) >= MIN_BYTES) == (size == "large")
    assert computed.has_header("Content-Encoding") == (accepts_a_coding and size == "large")
    assert tag.startswith("W/") == accepts_a_coding
    assert cached_full["ETag"] == tag
    assert answered_by_the_view_early(in_the_view)
    assert not answered_by_the_view_early(before_the_view)
    for response in (in_the_view, before_the_view, full):
        assert response.status_code == 304
        assert response["ETag"] == tag
        assert headers_of(response) == headers_of(full)


@pytest.mark.parametrize("coding", ["gzip", "br"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("headers", [EARLY, FULL], ids=["early", "full"])
def test_a_304_whose_200_left_the_cache_needs_no_query(
    seed_dataset, client, size, coding, headers, django_assert_num_queries
):
    url = SIZES[size]
    computed = encoded(client, url, coding, **headers)
    tag = {"HTTP_IF_NONE_MATCH": computed["ETag"]}
    cache.clear()  # the body expired (the dataset's stamp is read again: one query)
    local_responses.clear()
    encoded(client, "/api/v1/", coding)  # reads the stamp again

    with django_assert_num_queries(0):
        revalidated = encoded(client, url, coding, **headers, **tag)

    assert revalidated.status_code == 304 and revalidated.content == b""
    assert revalidated["ETag"] == computed["ETag"]


@pytest.mark.parametrize("coding", ["gzip", "br", "identity"])
@pytest.mark.parametrize("accept", ["application/x-ndjson", "application/octet-stream"])
def test_a_304_of_the_export_carries_the_etag_of_the_streamed_200(
    seed_dataset, client, coding, accept
):
    streamed = encoded(client, EXPORT, coding, HTTP_ACCEPT=accept)
    revalidated = encoded(
        client, EXPORT, coding, HTTP_ACCEPT=accept, HTTP_IF_NONE_MATCH=streamed["ETag"]
    )

    assert streamed.status_code == 200
    assert streamed["ETag"].startswith("W/") == (coding != "identity")
    assert revalidated.status_code == 304 and revalidated.content == b""
    assert revalidated["ETag"] == streamed["ETag"]
    assert not revalidated.has_header("Content-Type")
