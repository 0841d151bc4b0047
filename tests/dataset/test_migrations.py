"""The dataset app's data migrations, run on rows written before them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("dataset", "0003_rendering")]
AFTER = [("dataset", "0004_content_hash")]


@pytest.mark.django_db(transaction=True)
def test_versions_loaded_before_content_hash_keep_their_files_hash_in_it():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps.get_model("dataset", "DatasetVersion")
        old.objects.create(version="7" * 64, loaded_at=timezone.now())

        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        new = executor.loader.project_state(AFTER).apps.get_model("dataset", "DatasetVersion")
        # Until then a version was its files' hash; it stays, so `since` still finds it.
        assert list(new.objects.values_list("version", "content_hash")) == [("7" * 64, "7" * 64)]
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
