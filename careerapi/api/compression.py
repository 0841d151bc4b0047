"""Compressed answers: brotli (`br`) or gzip, as the client's Accept-Encoding asks.

Django's GZipMiddleware, with brotli beside gzip and Accept-Encoding read with its q
values (`gzip;q=0` refuses gzip, `*` accepts any coding): of the codings the client
accepts, the one it prefers, brotli on a tie. Only bodies of a textual type (JSON and any
`+json` type: JSON-LD, problem documents; NDJSON, the schema's YAML, HTML; the export's
NDJSON as an `application/octet-stream` download) of at least `MIN_BYTES` are compressed;
a streamed body (the export) is compressed as it streams.

ETags: a compressed body is another representation, so it must not carry the strong ETag
of the plain one (RFC 9110 8.8.1); as Django's GZipMiddleware does, its ETag is made weak
(`W/"…"`). `If-None-Match` compares tags weakly (careerapi.api.caching), so either form
revalidates either answer. The form follows Accept-Encoding alone: a client that accepts a
coding gets the weak tag on every answer, compressed or not (a body too short to compress,
a 304), so a 304 carries the tag of the 200 it stands for without knowing that 200's body
(which may have left the cache: a 304 needs no database). A weak tag is always allowed;
a strong one only ever labels the plain bytes. Every answer says `Vary: Accept-Encoding`.

The response cache keeps the plain body; each process keeps the compressed bodies it made
last (`compressed_bodies`, bounded in bytes as `local_responses` is), by coding and digest
of the plain body, so a cached answer is compressed once, not at every request. No random
padding is added (Django adds some against BREACH): no answer holds
a secret, and an API key is never echoed.
"""

import hashlib

import brotli
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_sequence, compress_string

from .caching import LocalResponses

#: Bodies shorter than this are sent as they are (the headers would outweigh the gain).
MIN_BYTES = 200
#: Brotli's quality for answers made on the fly (11, its best, is for static files).
BROTLI_QUALITY = 5
#: Besides `text/*` and every `+json` type (JSON-LD, problem documents): JSON by another name.
TEXTUAL_TYPES = (
    "application/json",
    "application/x-ndjson",
    "application/vnd.oai.openapi",
    "application/vnd.oai.openapi+json",
    "application/yaml",
    "application/javascript",
    # What the API serves under this type is the export's NDJSON, for clients that only
    # download (static files, which could be anything, are WhiteNoise's, answered outside).
    "application/octet-stream",
)
#: The codings served, in the order preferred when the client weighs them alike.
CODINGS = ("br", "gzip")


def coding_choose(accept_encoding: str) -> str | None:
    """The coding to answer with, of those served, for an Accept-Encoding header; None for
    the body as it is."""
    weights: dict[str, float] = {}
    for item in accept_encoding.lower().split(","):
        name, _, params = item.partition(";")
        name, weight = name.strip(), 1.0
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if name:
            weights[name] = weight
    best, best_weight = None, 0.0
    for coding in CODINGS:
        weight = weights.get(coding, weights.get("*", 0.0))
        if weight > best_weight:
            best, best_weight = coding, weight
    return best


#: The compressed bodies this process made last: (coding, digest of the plain body) ->
#: ("", compressed body, coding), least recently used out first.
compressed_bodies = LocalResponses()


def body_compress(content: bytes, *, coding: str) -> bytes:
    """`content` in `coding` (br or gzip), made once per process for the same bytes."""
    key = f"{coding}:{hashlib.blake2b(content, digest_size=16).hexdigest()}"
    entry = compressed_bodies.get(key, "")
    if entry is not None:
        return entry[1]
    if coding == "br":
        compressed = brotli.compress(content, quality=BROTLI_QUALITY)
    else:
        compressed = compress_string(content)
    compressed_bodies.put(key, ("", compressed, coding))
    return compressed


def _textual(response) -> bool:
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return (
        content_type.startswith("text/")
        or content_type.endswith("+json")
        or content_type in TEXTUAL_TYPES
    )


def _weaken_etag(response) -> None:
    etag = response.get("ETag")
    if etag and etag.startswith('"'):
        response["ETag"] = "W/" + etag


def _brotli_sequence(chunks):
    compressor = brotli.Compressor(quality=BROTLI_QUALITY)
    for chunk in chunks:
        data = compressor.process(chunk)
        if data:
            yield data
    yield compressor.finish()


class CompressionMiddleware:
    """Compress answers with brotli or gzip when the client accepts one (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Content-Encoding"):
            return response  # compressed already (WhiteNoise's static files)
        patch_vary_headers(response, ("Accept-Encoding",))
        coding = coding_choose(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        if coding is None:
            return response
        _weaken_etag(response)  # compressed or not: see ETags in the module docstring
        if response.status_code == 304 or not _textual(response):
            return response
        if response.streaming:
            if response.is_async:  # not served by this API; left as it is
                return response
            chunks = response.streaming_content
            response.streaming_content = (
                _brotli_sequence(chunks) if coding == "br" else compress_sequence(chunks)
            )
            del response["Content-Length"]
        else:
            content = response.content
            if len(content) < MIN_BYTES:
                return response
            compressed = body_compress(content, coding=coding)
            if len(compressed) >= len(content):
                return response
            response.content = compressed
            response["Content-Length"] = str(len(compressed))
        response["Content-Encoding"] = coding
        return response
