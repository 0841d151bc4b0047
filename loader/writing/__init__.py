"""Writing a validated dataset: fixture entries become rows, table by table, parents first.

Each app's collections are written by a mixin in this package (`roles`, `compensation`,
`interviews`); each step turns one collection into rows keyed by natural key and hands them
to `dataset.sync`. Stale rows are deleted only after every table is written, children first.
"""

from .base import WriterBase
from .compensation import CompensationWriter
from .interviews import InterviewsWriter
from .roles import RolesWriter


class DatasetWriter(RolesWriter, CompensationWriter, InterviewsWriter, WriterBase):
    """Writes one dataset inside the caller's transaction."""
