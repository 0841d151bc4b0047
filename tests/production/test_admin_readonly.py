"""The dataset admin through gunicorn: a superuser sees a salary band, cannot change it,
and the API keeps answering what the fixture files say."""

import functools
import http.client
import http.cookiejar
import json
import urllib.error
import urllib.parse
import urllib.request

from .processes import http_get, manage_run, postgres_url

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


class SourceAddressHandler(urllib.request.HTTPHandler):
    """Connects from `address`: any of 127.0.0.0/8 reaches the server on 127.0.0.1, so a
    test can be a client address of its own (the throttles count per address)."""

    def __init__(self, address: str):
        super().__init__()
        self.address = address

    def http_open(self, req):
        connect = functools.partial(http.client.HTTPConnection, source_address=(self.address, 0))
        return self.do_open(connect, req)


class Browser:
    """urllib with a cookie jar, from one client address; 4xx and 5xx are returned."""

    def __init__(self, base: str, address: str = "127.0.0.1"):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            SourceAddressHandler(address), urllib.request.HTTPCookieProcessor(self.cookies)
        )

    def request(self, path: str, form: dict | None = None, headers: dict | None = None):
        """(status, headers, body) of a GET, or of a form POST when `form` is given."""
        data = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def cookie(self, name: str) -> str | None:
        return next((cookie.value for cookie in self.cookies if cookie.name == name), None)

    def post(self, path: str, form: dict):
        """A form POST with the CSRF token (the cookie's secret, which Django accepts)."""
        if self.cookie("csrftoken") is None:
            self.request(path)  # the page sets the CSRF cookie
        return self.request(path, {**form, "csrfmiddlewaretoken": self.cookie("csrftoken")})

    def login(self, username: str, password: str):
        return self.post("/admin/login/", {"username": username, "password": password})


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
