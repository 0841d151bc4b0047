"""Links in bodies come from PUBLIC_BASE_URL (or are root-relative), never from the request:
bodies are cached and shared by every client (careerapi/api/links.py)."""

import pytest

pytestmark = pytest.mark.django_db

SKILLS = "/api/v1/skills/"
FORGED = {"HTTP_HOST": "127.0.0.1:1", "HTTP_X_FORWARDED_PROTO": "https"}


def test_a_forged_host_reaches_no_link_of_a_list_or_the_index(client, seed_dataset):
    forged = client.get(SKILLS, {"page_size": 3, "page": 2}, **FORGED).json()
    plain = client.get(SKILLS, {"page_size": 3, "page": 2}).json()

    for body in (forged, plain):
        assert body["next"] == "/api/v1/skills/?page=3&page_size=3"
        assert body["previous"] == "/api/v1/skills/?page_size=3"
    index = client.get("/api/v1/", **FORGED).json()
    assert index["collections"]["skills"] == SKILLS
    assert index["schema"] == "/api/schema/"
    assert "127.0.0.1:1" not in str(client.get("/api/v1/").json())


def test_links_are_absolute_from_the_public_base_url(client, seed_dataset, settings):
    settings.PUBLIC_BASE_URL = "https://api.example.com/"
    body = client.get(SKILLS, {"page_size": 3}, **FORGED).json()

    assert body["next"] == "https://api.example.com/api/v1/skills/?page=2&page_size=3"
    index = client.get("/api/v1/", **FORGED).json()
    assert index["changes"] == "https://api.example.com/api/v1/changes/"


def test_the_change_feed_pages_with_the_same_links(client, seed_dataset):
    body = client.get("/api/v1/changes/", {"page_size": 2}, **FORGED).json()

    assert body["next"] == "/api/v1/changes/?page=2&page_size=2"
