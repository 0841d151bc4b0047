"""Rendering the collections whose lists are served from JSON rendered at load time.

Runs inside the load's transaction, after the writes, so the renderings always match the
rows a reader sees. Every item is rendered again on each load that changed anything: a
role's JSON shows its skills' names, and a renamed skill must show in every role.
"""

from careerapi.api.rendering import RenderedCollection
from roles.api.views import ROLES_RENDERED

from .models import Rendering

RENDERED_COLLECTIONS: list[RenderedCollection] = [ROLES_RENDERED]
INSERT_BATCH = 2000


def renderings_rebuild() -> int:
    """Render every item of every rendered collection again; return how many."""
    Rendering.objects.all().delete()
    total, batch = 0, []
    for collection in RENDERED_COLLECTIONS:
        for object_id, body in collection.render():
            batch.append(Rendering(collection=collection.name, object_id=object_id, body=body))
            if len(batch) >= INSERT_BATCH:
                Rendering.objects.bulk_create(batch)
                total, batch = total + len(batch), []
    Rendering.objects.bulk_create(batch)
    return total + len(batch)


def renderings_missing() -> bool:
    """True when nothing is rendered yet (e.g. a database loaded before renderings existed);
    with an empty dataset that stays true, and rendering nothing costs nothing."""
    return not Rendering.objects.exists()
