"""Schemathesis checks of our own, for the test suite and `scripts/schemathesis` alike.

The CLI loads this module through `SCHEMATHESIS_HOOKS=tests.schemathesis_hooks`; the suite
imports it. It replaces one built-in check, `positive_data_acceptance`, with a narrower one:
a schema can say what a slug looks like but not which slugs the dataset holds, so a
well-formed slug, currency or version that names nothing is a 400 (the product's rule: an
unknown slug in a filter is a 400, not an empty list), and so are values valid one by one
that contradict each other (`min_amount` above `max_amount`), and so is a query string
longer than the API's bound on the whole of it (4,096 characters), which no schema can state
beside each parameter's own bounds. Such a 400 says so with the error codes `unknown`,
`inconsistent` or `query_too_long`; any other rejection of schema-valid data still fails.
"""

import json

import schemathesis
from schemathesis.checks import positive_data_acceptance

#: Error codes of a 400 that no OpenAPI schema can predict (careerapi.api.filters).
DATA_DEPENDENT_CODES = {"unknown", "inconsistent", "query_too_long"}


def _data_dependent_rejection(response) -> bool:
    if response.status_code != 400:
        return False
    if not response.headers.get("content-type", [""])[0].startswith("application/problem+json"):
        return False
    try:
        errors = json.loads(response.content).get("errors") or []
    except (ValueError, AttributeError):
        return False
    return bool(errors) and all(error.get("code") in DATA_DEPENDENT_CODES for error in errors)


@schemathesis.check
def positive_data_acceptance_except_unknown_references(ctx, response, case):
    """`positive_data_acceptance`, except for a 400 that only names unknown references."""
    if _data_dependent_rejection(response):
        return None
    return positive_data_acceptance(ctx, response, case)
