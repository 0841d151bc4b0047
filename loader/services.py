"""Loading the dataset: read and validate every file, then write it in one transaction."""

from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.db import connection, models, transaction
from django.utils import timezone

from careerapi.postgresql.base import statements_unbounded
from careerapi.role_page.rendering import ROLE_PAGES_RENDERED
from dataset.models import DatasetVersion
from dataset.rendering import renderings_missing, renderings_rebuild
from dataset.versions import dataset_stamp_publish, version_after
from roles.api.views import ROLES_RENDERED
from search.indexing import search_index_missing, search_index_rebuild

from .affected import documents_updated
from .changes import changes_record
from .reading import dataset_read
from .sync import TableSync
from .types import nested
from .validation import dataset_validate
from .writing import DatasetWriter

# Any constant shared by all loaders; PostgreSQL serialises transactions that take it.
LOAD_LOCK_ID = 0x6361726565  # "caree"
# The apps whose tables a load writes, in the order of INSTALLED_APPS (what an app points
# at comes before it), and how many changed rows make statistics stale.
_WRITTEN = {t.model._meta.app_label for t in nested()}
# Then the record of loads and the search index, which each load writes too.
DATASET_APPS = (
    *[c.label for c in apps.get_app_configs() if c.label in _WRITTEN],
    "dataset",
    "search",
)
ANALYZE_MIN_ROWS = 1000
#: The lists and pages served from JSON rendered at load time.
RENDERED_COLLECTIONS = (ROLES_RENDERED, ROLE_PAGES_RENDERED)


@dataclass
class LoadResult:
    """What a load did: the version, whether anything changed, and per-table counts."""

    version: DatasetVersion
    changed: bool
    tables: list[TableSync]


def _lock_loads() -> None:
    """Make concurrent loads wait for each other (SQLite already allows one writer)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOAD_LOCK_ID])


def dataset_models() -> list[type[models.Model]]:
    """Every model (many-to-many links included) whose table a load writes."""
    return [
        model
        for app in DATASET_APPS
        for model in apps.get_app_config(app).get_models(include_auto_created=True)
    ]


def _analyze_dataset_tables() -> None:
    """Refresh the query planner's statistics after a load that changed many rows.

    Right after a large first load no table has statistics yet, and until autovacuum gets
    to them PostgreSQL's planner guesses (seq scans, bad joins). ANALYZE in the load's
    transaction sees its rows, so the first request after the commit is planned well.
    SQLite's planner reads statistics the same way (sqlite_stat1).
    """
    tables = sorted({model._meta.db_table for model in dataset_models()})
    names = [connection.ops.quote_name(table) for table in tables]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE " + ", ".join(names))
        else:  # SQLite analyses one table per statement
            for name in names:
                cursor.execute("ANALYZE " + name)


def dataset_load(*, paths: list[Path]) -> LoadResult:
    """Validate the files at `paths` and make the database hold exactly their data.

    Raises `DatasetInvalid` (listing every problem) before writing anything; otherwise
    writes in one transaction and, when anything changed, records a new dataset version
    (chained to the current one, so files loaded before get a version never seen) and, for
    the change feed, every item the load created, updated or deleted. A load that changes
    nothing leaves the current version, its load time included, as it was.
    """
    dataset = dataset_read(paths)
    dataset_validate(dataset)
    # A load takes as long as it takes (waiting for another load included).
    with statements_unbounded(), transaction.atomic():
        _lock_loads()
        now = timezone.now()  # after the lock, so load times follow the order of the loads
        tables = DatasetWriter(dataset, now=now).write()
        changed = any(table.changed for table in tables)
        counts = {t.label: t.total for t in tables}
        version = DatasetVersion.objects.order_by("-loaded_at").first()
        # Unchanged data keeps its version, hence its ETags; changed data (a revert too) is a
        # new version, chained to the current one, that no ETag or cached body knows yet.
        if changed or version is None:
            parent = version.version if version else None
            version = DatasetVersion.objects.create(
                version=version_after(parent, content_hash=dataset.content_hash),
                content_hash=dataset.content_hash,
                loaded_at=now,
                counts=counts,
                files=dataset.files,
            )
        if changed:
            updated = documents_updated(tables=tables, now=now)
            changes_record(version=version, loaded_at=now, tables=tables, updated=updated)
        if changed or renderings_missing():
            renderings_rebuild(RENDERED_COLLECTIONS)
        if changed or search_index_missing():
            search_index_rebuild()
        if sum(t.created + t.updated + t.deleted for t in tables) >= ANALYZE_MIN_ROWS:
            _analyze_dataset_tables()
        transaction.on_commit(
            lambda: dataset_stamp_publish(version=version.version, loaded_at=version.loaded_at)
        )
    return LoadResult(version=version, changed=changed, tables=tables)
