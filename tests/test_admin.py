"""Curators can browse, search and open every dataset model in the admin."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

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
    from roles.models import Role

    response = curator.get(admin_url(Role, "changelist"), {"q": "AWS Developer"})

    assert response.context["cl"].result_count == 1


@pytest.mark.django_db
def test_the_admin_needs_a_login(client):
    response = client.get("/admin/roles/role/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
