"""The dataset admin through gunicorn: a superuser sees a salary band, cannot change it,
and the API keeps answering what the fixture files say."""

import json

from .processes import Browser, http_get, manage_run, postgres_url

USERNAME = "readonly-curator"
PASSWORD = "a-long-enough-test-password"
# Hashed here with the hasher production checks (the test settings know only MD5), at a low
# iteration count: the first login rehashes it.
CREATE_SUPERUSER = f"""
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import User
from compensation.models import SalaryBand
hasher = PBKDF2PasswordHasher()
User.objects.update_or_create(username={USERNAME!r}, defaults=dict(
    email="curator@example.com", is_staff=True, is_superuser=True,
    password=hasher.encode({PASSWORD!r}, hasher.salt(), iterations=1000)))
band = SalaryBand.objects.order_by("pk").first()
print("band", band.pk, band.slug)
"""


def test_a_superuser_sees_a_band_in_the_admin_but_cannot_change_it(served):
    out = manage_run("shell", "-c", CREATE_SUPERUSER, database_url=postgres_url("serve"))
    [(pk, slug)] = [line.split()[1:] for line in out.splitlines() if line.startswith("band ")]
    api = served.base + f"/api/v1/salary-bands/{slug}/"
    before = json.loads(http_get(api)[2])
    browser = Browser(served.base)
    change = f"/admin/compensation/salaryband/{pk}/change/"

    browser.login(USERNAME, PASSWORD)
    status, _, page = browser.request(change)
    form = {"slug": slug, "median_amount": "999999", "quote": "Edited in the admin."}
    refused = browser.post(change, form)

    assert browser.cookie("sessionid") is not None, "the superuser could not log in"
    assert status == 200 and slug in page.decode()
    assert 'name="_save"' not in page.decode()  # a read-only page offers no Save
    assert refused[0] == 403, served.log_tail()
    assert refused[1]["Content-Type"] == "application/problem+json"
    assert json.loads(http_get(api)[2]) == before
    assert browser.request("/admin/compensation/salaryband/add/")[0] == 403
