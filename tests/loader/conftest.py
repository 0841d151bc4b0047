"""Fixtures of the loader's tests."""

import pytest

from loader.services import dataset_load


@pytest.fixture
def load(django_capture_on_commit_callbacks):
    """Load dataset paths, publishing the new version as a real commit would."""

    def run(*paths):
        with django_capture_on_commit_callbacks(execute=True):
            return dataset_load(paths=list(paths))

    return run
