from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from loader.reading import DatasetInvalid
from loader.services import dataset_load


class Command(BaseCommand):
    help = "Validate the dataset files and load them; nothing is written if any file is wrong."

    def add_arguments(self, parser):
        parser.add_argument(
            "paths",
            nargs="*",
            type=Path,
            help=f"Files or folders to load (default: {settings.DATASET_DIR}); a file may "
            "also be a bulk export (*.ndjson) from `export_dataset` or /api/v1/export/.",
        )

    def handle(self, *args, paths, **options):
        try:
            result = dataset_load(paths=paths or [settings.DATASET_DIR])
        except DatasetInvalid as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{error}; the database was not changed.") from error
        for table in result.tables:
            self.stdout.write(
                f"{table.label:<22} {table.total:>6}  "
                f"(+{table.created} created, ~{table.updated} updated, -{table.deleted} deleted)"
            )
        state = "loaded" if result.changed else "unchanged"
        # The whole version: what `/api/v1/changes/?since=` takes.
        self.stdout.write(self.style.SUCCESS(f"Dataset {result.version.version} {state}."))
