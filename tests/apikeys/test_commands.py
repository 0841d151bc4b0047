"""`manage.py create_api_key` prints a working key once and stores only its hash."""

from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from apikeys.models import PartnerKey

pytestmark = pytest.mark.django_db


def create_api_key(*args) -> list[str]:
    out = StringIO()
    call_command("create_api_key", *args, stdout=out)
    return out.getvalue().splitlines()


def test_create_api_key_prints_a_key_that_works(seed_dataset, client):
    key, summary = create_api_key("Acme Jobs", "--rate", "1000/hour", "--expires", "2099-01-01")

    partner_key = PartnerKey.objects.get()
    assert partner_key.name == "Acme Jobs" and partner_key.rate == "1000/hour"
    assert partner_key.expiry_date == datetime(2099, 1, 1, tzinfo=UTC)
    assert key.startswith(partner_key.prefix + ".")
    assert key not in partner_key.hashed_key  # stored hashed
    assert partner_key.prefix in summary and "cannot be shown again" in summary
    response = client.get("/api/v1/sources/", HTTP_X_API_KEY=key)
    assert response.status_code == 200 and response["RateLimit-Limit"] == "1000"


def test_without_a_rate_the_key_uses_the_default_partner_rate():
    _, summary = create_api_key("Acme Jobs")

    assert PartnerKey.objects.get().rate == ""
    assert "expires never" in summary


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rate", "1000/hr"], "is not a rate"),
        (["--rate", "0/hour"], "is not a rate"),
        (["--expires", "2020-01-01"], "already past"),
        (["--expires", "next year"], "not an ISO 8601 date"),
    ],
)
def test_bad_arguments_are_reported_and_create_nothing(args, message):
    with pytest.raises(CommandError, match=message):
        create_api_key("Acme Jobs", *args)

    assert not PartnerKey.objects.exists()
