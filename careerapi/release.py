"""Which release of the code is running: a hash of its source and its locked dependencies.

What the API caches outlives a deploy: rendered answers in Redis (keyed by dataset version
and URL), ETags in clients, list items' JSON in the `Rendering` table. A deploy can change
an answer's shape without any load (a new field), so each of those also names the release
that wrote it, and another release's copy is never served.
"""

import functools
import hashlib
from pathlib import Path

from django.conf import settings

#: The project's own code: every package beside this one that is a local app or the project.
_PACKAGES = ("careerapi",)
_LOCKS = ("requirements/*.lock",)


@functools.cache
def release_id() -> str:
    """SHA-256 of the project's Python files and lock files, its first 16 hex digits."""
    root = Path(settings.BASE_DIR)
    files = []
    for package in (*_PACKAGES, *settings.LOCAL_APPS):
        files += (root / package).rglob("*.py")
    for pattern in _LOCKS:
        files += root.glob(pattern)
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
