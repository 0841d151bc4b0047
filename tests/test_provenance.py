"""Every salary band, statistic, stage and question on the wire names its source."""

import pytest

pytestmark = pytest.mark.django_db


def assert_cites(item: dict) -> None:
    source = item["source"]
    assert source["slug"] and source["title"] and source["attribution"], item


def test_salary_bands_cite_their_source(seed_dataset, client):
    for band in client.get("/api/v1/salary-bands/", {"page_size": 100}).json()["results"]:
        assert_cites(band)


def test_the_role_page_cites_every_figure_stage_and_band(seed_dataset, client):
    role = client.get("/api/v1/roles/amazon-engineer/").json()

    for item in [*role["statistics"], *role["salary_bands"], *role["content"]]:
        assert_cites(item)
    for process in role["interview_processes"]:
        assert_cites(process)
        for stage in process["stages"]:
            assert_cites(stage)


def test_interview_stages_and_questions_cite_their_source(seed_dataset, client):
    processes = client.get("/api/v1/interview-processes/").json()["results"]
    questions = client.get("/api/v1/questions/", {"page_size": 100}).json()["results"]

    assert processes and questions
    for stage in (stage for process in processes for stage in process["stages"]):
        assert_cites(stage)
    for question in questions:
        assert_cites(question)


def test_company_statistics_cite_their_source(seed_dataset, client):
    for statistic in client.get("/api/v1/companies/amazon/").json()["statistics"]:
        assert_cites(statistic)
