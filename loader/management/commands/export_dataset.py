from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dataset.versions import dataset_version_current
from loader.exporting import dataset_export


class Command(BaseCommand):
    help = (
        "Write the whole dataset as NDJSON, the same bytes as GET /api/v1/export/ "
        "(to standard output, or to --output)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", type=Path, help="Write to this file instead.")

    def handle(self, *args, output, **options):
        if dataset_version_current() is None:
            raise CommandError("No dataset has been loaded yet: run load_dataset first.")
        if output is None:
            for line in dataset_export():
                self.stdout.write(line.decode(), ending="")
            return
        with output.open("wb") as file:
            lines = sum(file.write(line) > 0 for line in dataset_export())
        self.stdout.write(self.style.SUCCESS(f"Exported {lines - 2} items to {output}."))
