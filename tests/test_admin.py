"""Curators can browse, search and open every dataset model in the admin, and change
none of it: the fixture files are the source of truth and `load_dataset` their only writer.
Admin logins are throttled per client address."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.db.models import Count
from django.forms.models import model_to_dict
from django.test import override_settings
from django.urls import reverse

from careerapi.admin import DatasetAdmin
from compensation.models import SalaryBand
from roles.models import Role
from tests.conftest import DATASET_APPS

DATASET_MODELS = [model for app in DATASET_APPS for model in apps.get_app_config(app).get_models()]


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def curator(client, django_user_model):
    user = django_user_model.objects.create_superuser("curator", "c@example.com", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", DATASET_MODELS, ids=lambda m: m._meta.label)
def test_every_dataset_model_is_in_the_admin(model):
    model_admin = admin.site._registry.get(model)

    assert model_admin is not None
    assert model_admin.search_fields, "curators need a search box"


@pytest.mark.django_db
@pytest.mark.parametrize("model", DATASET_MODELS, ids=lambda m: m._meta.label)
def test_changelist_search_and_change_page_open(seed_dataset, curator, model):
    assert curator.get(admin_url(model, "changelist")).status_code == 200
    assert curator.get(admin_url(model, "changelist"), {"q": "aws"}).status_code == 200
    row = model.objects.first()
    assert curator.get(admin_url(model, "change", row.pk)).status_code == 200


@pytest.mark.django_db
def test_admin_search_finds_a_role_by_title(seed_dataset, curator):
    response = curator.get(admin_url(Role, "changelist"), {"q": "AWS Developer"})

    assert response.context["cl"].result_count == 1


@pytest.mark.django_db
def test_the_admin_needs_a_login(client):
    response = client.get("/admin/roles/role/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# --- read-only: the fixture files are the source of truth, a load their only writer ------


@pytest.fixture
def superuser_request(rf, django_user_model):
    request = rf.get("/admin/")
    request.user = django_user_model(username="root", is_staff=True, is_superuser=True)
    return request


@pytest.mark.parametrize("model", DATASET_MODELS, ids=lambda m: m._meta.label)
def test_every_dataset_model_admin_is_view_only(superuser_request, model):
    model_admin = admin.site._registry[model]
    request = superuser_request

    assert isinstance(model_admin, DatasetAdmin), "dataset admins derive from DatasetAdmin"
    assert model_admin.has_view_permission(request)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    assert "delete_selected" not in model_admin.get_actions(request)
    for inline_class in model_admin.inlines:
        inline = inline_class(model, admin.site)
        assert inline.has_view_permission(request), inline_class.__name__
        assert not inline.has_add_permission(request, None), inline_class.__name__
        assert not inline.has_change_permission(request), inline_class.__name__
        assert not inline.has_delete_permission(request), inline_class.__name__


def test_what_is_not_dataset_stays_editable(superuser_request):
    """Partner keys (operator data), users and groups are managed in the admin."""
    others = [model for model in admin.site._registry if model._meta.app_label not in DATASET_APPS]

    assert others
    for model in others:
        assert admin.site._registry[model].has_change_permission(superuser_request), model


def band_form_data(band) -> dict:
    """What the band's change form would post: its fields, with the median raised."""
    data = {k: "" if v is None else v for k, v in model_to_dict(band).items()}
    data["median_amount"] = (band.median_amount or 0) + 1000
    return data


@pytest.mark.django_db
def test_a_band_is_shown_but_an_edit_is_refused(seed_dataset, curator):
    band = SalaryBand.objects.order_by("pk").first()
    before = model_to_dict(band)
    url = admin_url(SalaryBand, "change", band.pk)

    page = curator.get(url)
    response = curator.post(url, band_form_data(band))

    assert page.status_code == 200 and band.slug in page.content.decode()
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    band.refresh_from_db()
    assert model_to_dict(band) == before


@pytest.mark.django_db
def test_adding_and_deleting_a_band_are_refused(seed_dataset, curator):
    band = SalaryBand.objects.order_by("pk").first()
    count = SalaryBand.objects.count()

    assert curator.get(admin_url(SalaryBand, "add")).status_code == 403
    assert curator.post(admin_url(SalaryBand, "add"), band_form_data(band)).status_code == 403
    delete_url = admin_url(SalaryBand, "delete", band.pk)
    assert curator.post(delete_url, {"post": "yes"}).status_code == 403
    curator.post(
        admin_url(SalaryBand, "changelist"),
        {"action": "delete_selected", "_selected_action": [band.pk], "post": "yes"},
    )
    assert SalaryBand.objects.count() == count


@pytest.mark.django_db
def test_a_role_page_shows_its_inline_rows_read_only(
    seed_dataset, curator, django_assert_max_num_queries
):
    role = Role.objects.annotate(rows=Count("skills")).order_by("-rows").first()
    # Read-only rows show their foreign keys' labels: joined, not one query per row.
    with django_assert_max_num_queries(15):
        response = curator.get(admin_url(Role, "change", role.pk))

    assert response.status_code == 200
    formsets = response.context["inline_admin_formsets"]
    assert formsets and all(not formset.has_change_permission for formset in formsets)
    assert all(not formset.has_add_permission for formset in formsets)
    assert 'name="_save"' not in response.content.decode()


# --- login attempts: a failed one counts against the client address -----------------------


def login(client, password: str, ip: str = "203.0.113.9"):
    return client.post(
        "/admin/login/", {"username": "curator", "password": password}, REMOTE_ADDR=ip
    )


@pytest.mark.django_db
@override_settings(FAILED_LOGIN_RATE="3/hour")
def test_failed_logins_past_the_bound_are_a_429_with_retry_after(client, django_user_model, clock):
    django_user_model.objects.create_superuser("curator", "c@example.com", "right")

    statuses = [login(client, "wrong").status_code for _ in range(3)]
    refused = login(client, "right")  # refused before the password is even checked

    assert statuses == [200, 200, 200]
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    assert refused["Retry-After"] == "3590"
    assert refused.json()["status"] == 429
    assert "_auth_user_id" not in client.session
    # The form is still shown, and another address may still log in.
    assert client.get("/admin/login/", REMOTE_ADDR="203.0.113.9").status_code == 200
    assert login(client, "right", ip="198.51.100.2").status_code == 302


@pytest.mark.django_db
@override_settings(FAILED_LOGIN_RATE="2/hour")
def test_successful_logins_do_not_count(client, django_user_model, clock):
    django_user_model.objects.create_superuser("curator", "c@example.com", "right")

    for _ in range(3):
        assert login(client, "right").status_code == 302
        client.logout()
    assert [login(client, "wrong").status_code for _ in range(3)] == [200, 200, 429]
