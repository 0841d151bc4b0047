import json
from pathlib import Path

from django.core.management.base import BaseCommand

from loader.schema import dataset_schema


class Command(BaseCommand):
    help = (
        "Print the JSON Schema of a dataset file, built from the dataset types (or write it "
        "to --file: loader/schema.json is that file)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, help="Write the schema to this file instead.")

    def handle(self, *args, file, **options):
        text = json.dumps(dataset_schema(), indent=2, ensure_ascii=False) + "\n"
        if file is None:
            self.stdout.write(text, ending="")
            return
        file.write_text(text, encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"Wrote the dataset file schema to {file}."))
