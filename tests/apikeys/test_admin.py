"""Curators create keys in the admin (the key is shown once), revoke them and set expiry."""

import pytest
from django.contrib.messages import get_messages

from apikeys.models import PartnerKey

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/apikeys/partnerkey/add/"


@pytest.fixture
def curator(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("curator", "c@x.example", "pw"))
    return client


def test_creating_a_key_in_the_admin_shows_it_once(seed_dataset, curator, client):
    response = curator.post(ADD_URL, {"name": "Acme Jobs", "rate": "100/hour"}, follow=True)

    partner_key = PartnerKey.objects.get()
    [message] = [m for m in map(str, get_messages(response.wsgi_request)) if "The API key for" in m]
    key = message.split("The API key for Acme Jobs is: ")[1].split(". ")[0]
    assert key.startswith(partner_key.prefix + ".") and partner_key.rate == "100/hour"
    curator.logout()
    assert client.get("/api/v1/sources/", HTTP_X_API_KEY=key).status_code == 200


def test_the_admin_rejects_a_malformed_rate(curator):
    response = curator.post(ADD_URL, {"name": "Acme Jobs", "rate": "lots"})

    assert response.status_code == 200 and "is not a rate" in response.content.decode()
    assert not PartnerKey.objects.exists()


def test_revoking_a_key_in_the_admin_turns_it_away(seed_dataset, curator, client, make_key):
    partner_key, key = make_key()
    change_url = f"/admin/apikeys/partnerkey/{partner_key.pk}/change/"

    response = curator.post(change_url, {"name": "Job board", "rate": "", "revoked": "on"})

    assert response.status_code == 302
    partner_key.refresh_from_db()
    assert partner_key.revoked
    assert client.get("/api/v1/sources/", HTTP_X_API_KEY=key).status_code == 401
    assert "revoked" in curator.get(change_url).content.decode()


def test_the_package_key_model_is_not_in_the_admin(curator):
    assert curator.get("/admin/rest_framework_api_key/apikey/").status_code == 404
