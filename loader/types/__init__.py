"""Every type of entry in the dataset files, declared once (see `loader.declaring`).

`DATASET_TYPES` is the top level of a file, in the order the loader writes them: every
type comes after the types it refers to, so what an entry names exists when it is written.
Adding a type is one declaration in the module of its app, and its name in this list.
"""

from itertools import chain

from ..declaring import DatasetType
from . import compensation, interviews, occupations, roles, skills, sources

DATASET_TYPES: list[DatasetType] = [
    sources.SOURCES,
    roles.FAMILIES,
    roles.COMPANIES,
    skills.SKILLS,
    occupations.SOC_GROUPS,
    occupations.JOB_ZONES,
    occupations.OCCUPATIONS,
    roles.ROLES,
    roles.LADDERS,
    *compensation.TYPES,
    *interviews.TYPES,
]


def nested(types: list[DatasetType] = DATASET_TYPES) -> list[DatasetType]:
    """Every type, each followed by the types nested in it (depth first)."""
    return list(chain.from_iterable([t, *nested([c.type for c in t.children])] for t in types))


#: A type by the model it writes (references name their target by its model).
BY_MODEL = {t.model: t for t in nested()}
