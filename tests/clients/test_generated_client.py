"""A job board's developer generates a Python client from the committed openapi.yaml with
openapi-python-client and, with the client's defaults, goes through the job-board journeys
against a live server holding the real dataset: a role page with pay in a chosen currency,
its JSON-LD and its interview process; a recruiter's skill filters and skill match; a
mirror's sync (dataset version, change feed, ETag revalidation, bulk export). Every
generated function takes a plain client, and reads the answer to every choice it offers."""

import enum
import hashlib
import importlib
import inspect
import itertools
import json
import os
import pkgutil
import subprocess
import sys
import typing
from http import HTTPStatus

import pytest
import yaml
from django.conf import settings

from apikeys.services import partner_key_create
from interviews.models import InterviewStage
from loader.services import dataset_load
from roles.models import Role, RoleSkill

SCHEMA = settings.BASE_DIR / "openapi.yaml"
PACKAGE = "careerapi_client"
KEY_RATE = 500  # the partner key's quota per hour, as its RateLimit-Limit shows it


@pytest.fixture(scope="session")
def api(tmp_path_factory):
    """The generated client package, imported: generated once a session into a temporary
    folder, as the package alone (`--meta none`), so that it imports from there."""
    target = tmp_path_factory.mktemp("generated") / PACKAGE
    bin_dir = os.path.dirname(sys.executable)
    result = subprocess.run(
        [
            os.path.join(bin_dir, "openapi-python-client"),
            "generate",
            "--path",
            str(SCHEMA),
            "--meta",
            "none",
            "--output-path",
            str(target),
            "--fail-on-warning",
        ],
        capture_output=True,
        text=True,
        cwd=target.parent,
        # The generator formats its output with ruff (its post-hooks), from this virtualenv.
        env={**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")},
        timeout=120,
        check=False,
    )
    printed = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert result.returncode == 0, "\n".join(printed)
    assert printed == [f"Generating {target}"], "the generator warned:\n" + "\n".join(printed)

    sys.path.insert(0, str(target.parent))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(target.parent))
        for name in [name for name in sys.modules if name.partition(".")[0] == PACKAGE]:
            del sys.modules[name]


@pytest.fixture
def server(transactional_db, live_server, dataset_copy) -> str:
    """The live server's URL, serving a copy of the real dataset (which a test may edit and
    load again)."""
    dataset_load(paths=[dataset_copy])
    return live_server.url


@pytest.fixture
def partner(api, server):
    """The generated AuthenticatedClient with a partner key, as the client sends it by
    default (`Authorization: Bearer <key>`)."""
    key = partner_key_create(name="Job board", rate=f"{KEY_RATE}/hour")[1]
    with api.AuthenticatedClient(base_url=server, token=key) as client:
        yield client


@pytest.fixture
def anonymous(api, server):
    """The generated plain Client, with no key."""
    with api.Client(base_url=server) as client:
        yield client


def operation(api, tag: str, name: str):
    return importlib.import_module(f"{api.__name__}.api.{tag}.{name}")


def operations(api) -> list:
    """Every generated operation's module (`api.<tag>.<operationId>`)."""
    package = importlib.import_module(f"{api.__name__}.api")
    modules = [
        importlib.import_module(found.name)
        for found in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}.")
        if not found.ispkg
    ]
    return [module for module in modules if hasattr(module, "sync_detailed")]


def assert_key_honoured(response) -> None:
    assert response.headers["RateLimit-Limit"] == str(KEY_RATE)


def test_a_role_page_with_pay_in_euros_and_its_interview_process(api, partner):
    roles_retrieve = operation(api, "roles", "roles_retrieve")
    processes_retrieve = operation(api, "interview_processes", "interview_processes_retrieve")
    role = (
        Role.objects.filter(interview_processes__isnull=False, salary_bands__isnull=False)
        .exclude(salary_bands__currency__code="EUR")
        .distinct()
        .first()
    )

    response = roles_retrieve.sync_detailed(role.slug, client=partner, currency="EUR")

    assert response.status_code == HTTPStatus.OK, response.content
    assert_key_honoured(response)
    page = response.parsed
    assert isinstance(page, api.models.RoleDetail)
    assert page.slug == role.slug and page.title == role.title
    assert len(page.salary_bands) == role.salary_bands.count()
    converted = [band for band in page.salary_bands if band.converted is not None]
    for band in converted:
        assert band.currency != "EUR"
        assert band.converted.currency == "EUR"
        assert {leg.currency for leg in band.converted.legs} <= {band.currency, "EUR"}
    amounts = [
        (amount, converted_amount, band.converted.rate)
        for band in converted
        for amount, converted_amount in [
            (band.min_amount, band.converted.min_),
            (band.median_amount, band.converted.median),
        ]
        if isinstance(amount, float | int) and converted_amount is not None
    ]
    assert amounts, "no amount of the page was converted"
    for amount, converted_amount, rate in amounts:
        assert converted_amount == pytest.approx(amount * rate, abs=0.01)  # to the cent

    # The page's JSON-LD for the board's own page, as the README shows: Accept, through the
    # client's httpx client (the generated function reads the JSON page).
    jsonld = partner.get_httpx_client().get(
        f"/api/v1/roles/{role.slug}/", headers={"Accept": "application/ld+json"}
    )
    assert jsonld.status_code == HTTPStatus.OK, jsonld.content
    assert jsonld.headers["Content-Type"] == "application/ld+json"
    assert_key_honoured(jsonld)
    occupation = jsonld.json()
    assert (occupation["@type"], occupation["name"]) == ("Occupation", role.title)

    assert {process.slug for process in page.interview_processes} == set(
        role.interview_processes.values_list("slug", flat=True)
    )
    for summary in page.interview_processes:
        detail = processes_retrieve.sync_detailed(summary.slug, client=partner)
        assert detail.status_code == HTTPStatus.OK, detail.content
        assert_key_honoured(detail)
        process = detail.parsed
        assert isinstance(process, api.models.InterviewProcess)
        assert role.slug in process.roles
        positions = [stage.position for stage in process.stages]
        assert positions == sorted(positions)
        assert len(positions) == InterviewStage.objects.filter(process__slug=summary.slug).count()
        assert [stage.name for stage in process.stages] == [s.name for s in summary.stages]


def roles_having(skills: list[str], *, every: bool) -> set[str]:
    """The roles needing every one of `skills` (or any), read from the database."""
    needs: dict[str, set[str]] = {}
    for role, skill in RoleSkill.objects.values_list("role__slug", "skill__slug"):
        needs.setdefault(role, set()).add(skill)
    test = set(skills).issubset if every else set(skills).intersection
    return {role for role, needed in needs.items() if test(needed)}


def skill_pair() -> list[str]:
    """Two skills some roles need both of and others only one of, the most needed first."""
    roles_by_skill: dict[str, set[str]] = {}
    for role, skill in RoleSkill.objects.values_list("role__slug", "skill__slug"):
        roles_by_skill.setdefault(skill, set()).add(role)
    ranked = sorted(roles_by_skill, key=lambda skill: (-len(roles_by_skill[skill]), skill))
    return next(
        [first, second]
        for first, second in itertools.combinations(ranked, 2)
        if set() < roles_by_skill[first] & roles_by_skill[second]
        and roles_by_skill[first] != roles_by_skill[second]
    )


def test_a_recruiters_skill_filters_and_skill_match(api, anonymous):
    roles_list = operation(api, "roles", "roles_list")
    roles_match = operation(api, "roles", "roles_match")
    skills = skill_pair()
    every, either = roles_having(skills, every=True), roles_having(skills, every=False)
    assert set() < every < either

    all_of = roles_list.sync_detailed(client=anonymous, skill=skills, page_size=100)
    any_of = roles_list.sync_detailed(client=anonymous, skill_any=skills, page_size=100)

    for response in (all_of, any_of):
        assert response.status_code == HTTPStatus.OK, response.content
        assert response.headers["RateLimit-Limit"] == settings.ANON_RATE.partition("/")[0]
    assert {role.slug for role in all_of.parsed.results} == every
    assert {role.slug for role in any_of.parsed.results} == either
    for role in all_of.parsed.results:
        assert set(skills) <= {skill.slug for skill in role.skills}

    response = roles_match.sync_detailed(client=anonymous, skills=",".join(skills), page_size=100)

    assert response.status_code == HTTPStatus.OK, response.content
    results = response.parsed.results
    assert {result.role.slug for result in results} == either
    ranks = [(result.score, result.coverage) for result in results]
    assert ranks == sorted(ranks, reverse=True)
    for result in results:
        matched = {skill.slug for skill in result.matched}
        assert matched == set(skills) if result.role.slug in every else len(matched) == 1
        assert result.matched_weight == sum(skill.weight for skill in result.matched)
        assert result.score == round(result.matched_weight / (3 * len(skills)), 4)
        assert not {skill.slug for skill in result.missing} & set(skills)


def test_a_mirrors_sync_version_changes_etag_and_export(api, partner, dataset_copy, fixture_file):
    dataset_retrieve = operation(api, "dataset", "dataset_retrieve")
    changes_list = operation(api, "changes", "changes_list")
    export_retrieve = operation(api, "export", "export_retrieve")
    roles_retrieve = operation(api, "roles", "roles_retrieve")

    # The first sync: the version, the whole dataset, and a role page kept with its ETag.
    first = dataset_retrieve.sync_detailed(client=partner)
    assert first.status_code == HTTPStatus.OK, first.content
    assert_key_honoured(first)
    version = first.parsed.version

    export = export_retrieve.sync_detailed(client=partner)
    assert export.status_code == HTTPStatus.OK
    assert_key_honoured(export)
    assert export.parsed is not None, "the generated client drops the export's body"
    lines = export.content.splitlines(keepends=True)
    header, checksum = json.loads(lines[0]), json.loads(lines[-1])
    assert header["type"] == "dataset" and header["version"] == version
    assert checksum == {
        "type": "checksum",
        "sha256": hashlib.sha256(b"".join(lines[:-1])).hexdigest(),
    }
    items = [json.loads(line) for line in lines[1:-1]]
    assert len(items) == sum(header["counts"].values())

    bands = fixture_file("amazon/amazon-engineer-salaries.yaml")
    band = bands.read()["salary_bands"][0]
    kept = roles_retrieve.sync_detailed(band["role"], client=partner)
    assert kept.status_code == HTTPStatus.OK
    etag = kept.headers["ETag"]
    with partner.with_headers({"If-None-Match": etag}) as revalidating:
        unchanged = roles_retrieve.sync_detailed(band["role"], client=revalidating)
    assert unchanged.status_code == HTTPStatus.NOT_MODIFIED
    assert unchanged.content == b""

    # A load changes one band: the feed lists it and the page showing it; the kept ETag
    # no longer matches.
    def relabel(data):
        data["salary_bands"][0]["label"] += " (revised)"

    bands.edit(relabel)
    dataset_load(paths=[dataset_copy])

    changes = changes_list.sync_detailed(client=partner, since=version, page_size=100)
    assert changes.status_code == HTTPStatus.OK, changes.content
    assert_key_honoured(changes)
    feed = changes.parsed
    latest = dataset_retrieve.sync_detailed(client=partner).parsed.version
    assert feed.since == version and feed.version == latest != version
    assert {(item.type_, item.slug, item.kind.value) for item in feed.results} == {
        ("roles", band["role"], "updated"),
        ("salary-bands", band["slug"], "updated"),
    }
    with partner.with_headers({"If-None-Match": etag}) as revalidating:
        changed = roles_retrieve.sync_detailed(band["role"], client=revalidating)
    assert changed.status_code == HTTPStatus.OK
    assert changed.headers["ETag"] != etag
    relabelled = next(b for b in changed.parsed.salary_bands if b.slug == band["slug"])
    assert relabelled.label.endswith(" (revised)")
    with partner.with_headers({"If-None-Match": changed.headers["ETag"]}) as revalidating:
        assert roles_retrieve.sync_detailed(band["role"], client=revalidating).status_code == (
            HTTPStatus.NOT_MODIFIED
        )


def test_every_generated_function_takes_a_plain_client(api):
    """The anonymous journeys pass a plain Client, which Python does not check against the
    annotations: each function is typed to take one, as well as an AuthenticatedClient."""
    functions = [
        getattr(module, name)
        for module in operations(api)
        for name in ("sync", "sync_detailed", "asyncio", "asyncio_detailed")
        if hasattr(module, name)
    ]
    assert len(functions) >= 4 * 45
    for function in functions:
        accepted = set(typing.get_args(typing.get_type_hints(function)["client"]))
        assert {api.Client, api.AuthenticatedClient} <= accepted, function.__module__


def enum_taken(hint) -> tuple[type[enum.Enum] | None, bool]:
    """The enum a parameter's annotation takes (`X | Unset`, `list[X] | Unset`), and whether
    as a list; (None, False) for any other parameter."""
    for option in typing.get_args(hint) or (hint,):
        listed = typing.get_origin(option) is list
        kind = typing.get_args(option)[0] if listed else option
        if inspect.isclass(kind) and issubclass(kind, enum.Enum):
            return kind, listed
    return None, False


def schema_operations() -> dict[str, dict]:
    """The committed schema's operations by operationId."""
    paths = yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))["paths"]
    return {
        operation["operationId"]: operation
        for methods in paths.values()
        for operation in methods.values()
    }


def example_of(parameter: dict):
    if "example" in parameter:
        return parameter["example"]
    return next(iter(parameter["examples"].values()))["value"]


def choices_offered(function) -> list[tuple[str, object]]:
    """(argument, value) for each value of each enum argument of a generated function."""
    offered = []
    for name, hint in typing.get_type_hints(function).items():
        kind, listed = enum_taken(hint)
        offered += [(name, [choice] if listed else choice) for choice in kind or ()]
    return offered


def test_every_choice_a_generated_function_offers_gets_an_answer_it_reads(api, anonymous):
    """A function offers each value of an enum argument as a choice: with each one (and the
    examples of the parameters it needs), the answer is a 200 the client parses into the
    operation's model. A choice whose answer is another format (a page's JSON-LD) fails."""
    by_id = schema_operations()
    called = 0
    for module in operations(api):
        offered = choices_offered(module.sync_detailed)
        if not offered:
            continue
        operation = by_id[module.__name__.rpartition(".")[2]]
        json_schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        model = getattr(api.models, json_schema["$ref"].rpartition("/")[2])
        arguments = inspect.signature(module.sync_detailed).parameters
        needed = {}
        for parameter in operation.get("parameters", ()):
            if parameter.get("required"):
                name = parameter["name"]
                needed[name if name in arguments else f"{name}_"] = example_of(parameter)
        for name, value in offered:
            response = module.sync_detailed(client=anonymous, **needed, **{name: value})
            where = f"{module.__name__.rpartition('.')[2]} {name}={value!r}"
            assert response.status_code == HTTPStatus.OK, (where, response.content[:300])
            assert isinstance(response.parsed, model), where
            called += 1
    assert called >= 100
