"""The middleware only the admin needs, run only for the admin's requests.

Sessions, CSRF, authentication and messages serve the admin's login and forms. The API
authenticates by key (`apikeys`), is read-only and never reads a session, a user, a cookie
or a message, so running them for it would cost every API request their work (a cookie
parsed, a CSRF check, lazy objects set up, their response hooks) for nothing. Each class
here is Django's own, scoped to the admin's URL prefix (`ADMIN_URL`): an admin request
gets it exactly as Django runs it, any other passes through untouched. They stay subclasses
of Django's classes in `MIDDLEWARE`, so the admin's system checks (admin.E408-E410) still
find them, and their order is Django's.
"""

from django.conf import settings
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.middleware.csrf import CsrfViewMiddleware


def for_admin(request) -> bool:
    """Whether the request is the admin's (its path under `ADMIN_URL`)."""
    return request.path_info[1:].startswith(settings.ADMIN_URL)


class AdminOnly:
    """Mixin: the middleware's work for admin requests only."""

    def __call__(self, request):
        if for_admin(request):
            return super().__call__(request)
        return self.get_response(request)


class AdminSessionMiddleware(AdminOnly, SessionMiddleware):
    """Django's sessions, for the admin."""


class AdminCsrfViewMiddleware(AdminOnly, CsrfViewMiddleware):
    """Django's CSRF protection, for the admin's forms."""

    def process_view(self, request, callback, callback_args, callback_kwargs):
        # Django calls a middleware's view hook apart from the middleware itself.
        if not for_admin(request):
            return None
        return super().process_view(request, callback, callback_args, callback_kwargs)


class AdminAuthenticationMiddleware(AdminOnly, AuthenticationMiddleware):
    """Django's `request.user`, for the admin."""


class AdminMessageMiddleware(AdminOnly, MessageMiddleware):
    """Django's messages, for the admin's notices."""
