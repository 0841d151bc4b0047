"""The sources endpoint, through the test client, on the real dataset."""

import pytest

pytestmark = pytest.mark.django_db


def test_sources_carry_an_attribution_line(seed_dataset, client):
    source = client.get("/api/v1/sources/jobdescription-org-aws-developer/").json()

    assert source["attribution"] == "AWS Developer — JobDescription.org"
    assert source["file"] == "003_e239624007ddb44f.txt"


def test_the_list_query_count_does_not_grow_with_page_size(
    seed_dataset, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):  # the version of the snapshot, then the list
        assert client.get("/api/v1/sources/", {"page_size": 100}).status_code == 200
