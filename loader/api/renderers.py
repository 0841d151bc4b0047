"""The export's media types, so `Accept: application/x-ndjson` is accepted by the export, and
`Accept: application/octet-stream` too: the same bytes, for clients (generated ones among
them) that only know how to download a body they do not parse."""

import json

from rest_framework.renderers import BaseRenderer
from rest_framework.utils.encoders import JSONEncoder

from loader.exporting import NDJSON_CONTENT_TYPE

OCTET_STREAM = "application/octet-stream"


class NdjsonRenderer(BaseRenderer):
    """One JSON object per line. The export streams its own lines; this renders errors."""

    media_type = NDJSON_CONTENT_TYPE
    format = "ndjson"
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        return json.dumps(data, cls=JSONEncoder, ensure_ascii=False).encode() + b"\n"


class OctetStreamRenderer(NdjsonRenderer):
    """The NDJSON bytes as a plain download (`application/octet-stream`)."""

    media_type = OCTET_STREAM
    format = "binary"
