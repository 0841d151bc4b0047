"""Sessions, CSRF, users and messages run for the admin and nowhere else
(careerapi/admin_middleware.py): a curator logs in and edits through the admin, with CSRF
checks on, while API answers never touch a session or a cookie."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client

pytestmark = pytest.mark.django_db

ROLE_LIST = "/api/v1/roles/"


def csrf_token(response) -> str:
    """The token the admin's form carries."""
    return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', response.content)[1].decode()


@pytest.fixture
def browser(django_user_model):
    """A browser as a curator uses one: cookies kept, CSRF checked as in production."""
    django_user_model.objects.create_superuser("curator", "c@example.com", "a-long-password")
    return Client(enforce_csrf_checks=True)


def log_in(browser: Client):
    form = browser.get("/admin/login/")
    return browser.post(
        "/admin/login/?next=/admin/",
        {
            "username": "curator",
            "password": "a-long-password",
            "csrfmiddlewaretoken": csrf_token(form),
            "next": "/admin/",
        },
    )


def test_a_curator_logs_in_adds_and_edits_through_the_admin(browser):
    logged_in = log_in(browser)
    assert logged_in.status_code == 302 and logged_in["Location"] == "/admin/"
    assert "sessionid" in browser.cookies and "csrftoken" in browser.cookies

    add_form = browser.get("/admin/auth/group/add/")
    assert add_form.status_code == 200
    added = browser.post(
        "/admin/auth/group/add/",
        {"name": "partners desk", "csrfmiddlewaretoken": csrf_token(add_form)},
        follow=True,
    )
    group = Group.objects.get(name="partners desk")
    assert b"was added successfully" in added.content  # the messages framework's notice

    change_url = f"/admin/auth/group/{group.pk}/change/"
    change_form = browser.get(change_url)
    edited = browser.post(
        change_url,
        {"name": "partner success", "csrfmiddlewaretoken": csrf_token(change_form)},
        follow=True,
    )
    assert edited.status_code == 200
    assert b"was changed successfully" in edited.content
    group.refresh_from_db()
    assert group.name == "partner success"


def test_an_admin_post_without_the_csrf_token_is_refused(browser):
    log_in(browser)

    refused = browser.post("/admin/auth/group/add/", {"name": "no token"})

    assert refused.status_code == 403
    assert not Group.objects.filter(name="no token").exists()


def test_the_admin_still_needs_a_login(browser):
    response = browser.get("/admin/auth/group/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_api_answer_ignores_the_admin_session(seed_dataset, browser):
    anonymous = Client().get(ROLE_LIST, {"page_size": 5})
    log_in(browser)

    with_session = browser.get(ROLE_LIST, {"page_size": 6})
    fresh = Client().get(ROLE_LIST, {"page_size": 6})

    assert anonymous.status_code == with_session.status_code == 200
    assert with_session.content == fresh.content
    for response in (anonymous, with_session):
        assert not response.cookies  # no session or CSRF cookie set or renewed
        assert "Cookie" not in response.get("Vary", "")
    assert headers_of(with_session) == headers_of(fresh)


def headers_of(response) -> dict:
    """The headers but those that differ per request (its id, the quota left)."""
    skip = {"x-request-id", "ratelimit-remaining", "ratelimit-reset"}
    return {name.lower(): value for name, value in response.items() if name.lower() not in skip}


def test_the_admin_middleware_are_djangos_own_classes_scoped():
    """Django's admin checks (admin.E408-E410) find them by class; CSRF by name
    (security.W003, silenced in the settings for that reason)."""
    from django.conf import settings
    from django.contrib.auth.middleware import AuthenticationMiddleware
    from django.contrib.messages.middleware import MessageMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.middleware.csrf import CsrfViewMiddleware
    from django.utils.module_loading import import_string

    classes = [import_string(path) for path in settings.MIDDLEWARE]
    for django_class in (
        SessionMiddleware,
        CsrfViewMiddleware,
        AuthenticationMiddleware,
        MessageMiddleware,
    ):
        assert sum(issubclass(found, django_class) for found in classes) == 1
    assert settings.SILENCED_SYSTEM_CHECKS == ["security.W003"]
