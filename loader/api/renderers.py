"""The NDJSON media type, so `Accept: application/x-ndjson` is accepted by the export."""

import json

from rest_framework.renderers import BaseRenderer
from rest_framework.utils.encoders import JSONEncoder

from loader.exporting import NDJSON_CONTENT_TYPE


class NdjsonRenderer(BaseRenderer):
    """One JSON object per line. The export streams its own lines; this renders errors."""

    media_type = NDJSON_CONTENT_TYPE
    format = "ndjson"
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        return json.dumps(data, cls=JSONEncoder, ensure_ascii=False).encode() + b"\n"
