"""Both documentation pages work with the outside world cut off: every request that would
leave the server is blocked, and any such attempt, console error or page error fails."""

from urllib.parse import urlsplit

import pytest

from .conftest import LOCAL_HOSTS


@pytest.fixture
def offline(page):
    """The page with every non-loopback request aborted; what it tried and what went wrong."""
    seen = {"outside": [], "errors": []}

    def route(route):
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            seen["outside"].append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.on(
        "console",
        lambda message: (
            seen["errors"].append(f"console: {message.text}") if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: seen["errors"].append(f"page: {error}"))
    return page, seen


def test_redoc_renders_every_operation_from_this_server_alone(seeded_server, offline):
    page, seen = offline

    page.goto(f"{seeded_server.url}/api/redoc/", wait_until="networkidle")

    # An operation's summary, as Redoc writes it in its menu and as a heading.
    heading = page.locator("h2", has_text="List salary bands").first
    heading.wait_for(timeout=15000)
    assert page.locator("h2", has_text="List the collections").count() == 1
    assert seen == {"outside": [], "errors": []}


def test_swagger_ui_renders_every_operation_from_this_server_alone(seeded_server, offline):
    page, seen = offline

    page.goto(f"{seeded_server.url}/api/docs/", wait_until="networkidle")

    operations = page.locator(".opblock-summary")
    operations.first.wait_for(timeout=15000)
    assert page.locator("#operations-salary-bands-salary_bands_list").count() == 1
    assert operations.count() > 30
    assert seen == {"outside": [], "errors": []}
