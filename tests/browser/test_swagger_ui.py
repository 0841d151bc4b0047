"""A developer tries the API in Swagger UI, in a real headless Chromium, fully offline."""

from urllib.parse import urlsplit

from .conftest import LOCAL_HOSTS


def test_try_it_out_on_the_roles_list_with_a_skill_filter(seeded_server, page):
    """Try it out fills every parameter with its example; the developer changes one."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(f"{seeded_server.url}/api/docs/")
    operation = page.locator("#operations-roles-roles_list")
    operation.locator(".opblock-summary").click()
    operation.locator("button.try-out__btn").click()
    skill = operation.locator('tr[data-param-name="skill"]').locator("input").first
    assert skill.input_value() == "python"  # the schema's example
    skill.fill("aws-lambda")
    operation.locator("button.execute").click()

    status = operation.locator(".live-responses-table .response .response-col_status").first
    status.wait_for(timeout=15000)
    assert status.inner_text().strip() == "200"
    body = operation.locator(".live-responses-table .response-col_description pre").first
    # The other examples (company=amazon, level=amazon-l5, search=software engineer ...)
    # with skill=aws-lambda: Amazon's engineer role.
    assert '"amazon-engineer"' in body.inner_text()
    sent = [url for url in requested if "/api/v1/roles/?" in url]
    assert len(sent) == 1 and "skill=aws-lambda" in urlsplit(sent[0]).query.split("&")
    assert "company=amazon" in urlsplit(sent[0]).query.split("&")
    outside = {urlsplit(url).hostname for url in requested if url.startswith("http")}
    assert outside <= LOCAL_HOSTS, f"requests left the server: {outside - LOCAL_HOSTS}"


def test_authorize_with_an_api_key_then_call_the_api(seeded_server, partner_key, page):
    sent: list[dict] = []
    page.on("request", lambda request: sent.append(request.headers))

    page.goto(f"{seeded_server.url}/api/docs/")
    page.locator("button.authorize").first.click()
    dialog = page.locator(".modal-ux")
    dialog.locator("input").first.fill(partner_key)
    # The first of the two schemes the dialog offers: the X-API-Key header (ApiKeyAuth).
    dialog.locator("button.modal-btn.auth.authorize").first.click()
    dialog.locator("button.btn-done").first.click()

    operation = page.locator("#operations-sources-sources_list")
    operation.locator(".opblock-summary").click()
    operation.locator("button.try-out__btn").click()
    operation.locator("button.execute").click()

    status = operation.locator(".live-responses-table .response .response-col_status").first
    status.wait_for(timeout=15000)
    assert status.inner_text().strip() == "200"
    assert any(headers.get("x-api-key") == partner_key for headers in sent)
    shown = operation.locator(".live-responses-table").first.inner_text().lower()
    assert "ratelimit-limit: 500" in shown  # the key's own quota, not the anonymous one
