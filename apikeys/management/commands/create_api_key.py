"""`manage.py create_api_key NAME [--rate 1000/hour] [--expires 2027-01-01]`: print a new key."""

import argparse
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from apikeys.services import partner_key_create


def _expiry(value: str) -> datetime:
    """An ISO 8601 date (midnight UTC) or date-time (UTC when it has no offset)."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO 8601 date such as 2027-01-01."
        ) from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


class Command(BaseCommand):
    help = "Create an API key for a partner platform and print it (once: only its hash is kept)."

    def add_arguments(self, parser):
        parser.add_argument("name", help="Who the key is for, e.g. the partner's name.")
        parser.add_argument(
            "--rate", default="", help="N/second|minute|hour|day (default: PARTNER_DEFAULT_RATE)."
        )
        parser.add_argument("--expires", type=_expiry, help="Expiry date, e.g. 2027-01-01 (UTC).")

    def handle(self, *args, name, rate, expires, **options):
        try:
            partner_key, key = partner_key_create(name=name, rate=rate, expires=expires)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(key)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created API key {partner_key.prefix} for {partner_key.name!r} "
                f"(rate {partner_key.effective_rate}, "
                f"expires {partner_key.expiry_date.isoformat() if expires else 'never'}). "
                "Store it now: it cannot be shown again."
            )
        )
