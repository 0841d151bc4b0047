"""A real headless Chromium (Debian's) driven by Playwright against the live server."""

import shutil

import pytest
from django.conf import settings

from loader.services import dataset_load

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@pytest.fixture
def seeded_server(transactional_db, live_server):
    """The live server with the real dataset (loaded before Playwright starts its loop)."""
    dataset_load(paths=[settings.DATASET_DIR])
    return live_server


@pytest.fixture
def partner_key(seeded_server) -> str:
    from apikeys.services import partner_key_create

    return partner_key_create(name="Job board", rate="500/hour")[1]


@pytest.fixture
def page(seeded_server):
    from playwright.sync_api import sync_playwright

    assert shutil.which("chromium"), "needs Debian's chromium: apt-get install chromium"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            yield browser.new_page()
        finally:
            browser.close()
