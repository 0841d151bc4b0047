"""Admin logins bounded per client address: past FAILED_LOGIN_RATE failures in a window,
a login POST is a 429 problem document with `Retry-After` until the window ends.

A problem document rather than the admin's page, as every error here is one (the admin's
CSRF failure included): one shape for clients and monitoring, and `Retry-After` says when
to try again. Only the POST is refused: the form still shows. Per address, not per
username, so nobody can lock a curator out by failing logins in their name.
"""

import functools

from rest_framework import status

from careerapi.api.errors import problem_response

from .throttling import client_address, failed_logins


def login_throttled(login_view):
    """The admin's login view, bounding failed logins per client address (FAILED_LOGIN_RATE).

    A failed login is the form shown again (200); a login is a redirect, a CSRF failure a
    403, neither counted. Past the bound, a POST is a 429 problem document with
    `Retry-After` (as every error here) before the password is checked; the form still shows.
    """

    @functools.wraps(login_view)
    def view(request, *args, **kwargs):
        if request.method != "POST":
            return login_view(request, *args, **kwargs)
        client = client_address(request)
        wait = failed_logins.refusal(client)
        if wait is None:
            response = login_view(request, *args, **kwargs)
            wait = failed_logins.count(client) if response.status_code == 200 else None
            if wait is None:
                return response
        response = problem_response(
            status.HTTP_429_TOO_MANY_REQUESTS,
            f"Too many failed logins from this address; try again in {wait} seconds.",
        )
        response["Retry-After"] = str(wait)
        return response

    return view
