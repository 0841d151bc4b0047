"""Serializer fields the apps share.

`BlankChoiceAsNull`: a choice a model leaves blank where the data gives none (a question's
stage kind, an O*NET task's kind) is sent as `null`, not `""`, so the schema can say "one of
these values, or null" and generated clients get an enum and None, not an enum of `""`.
"""

from rest_framework import serializers


class BlankChoiceAsNull(serializers.ChoiceField):
    """A choice field whose blank value is sent as null (and described as nullable)."""

    def __init__(self, **kwargs):
        kwargs.pop("allow_blank", None)
        super().__init__(allow_null=True, **kwargs)

    def to_representation(self, value):
        return None if value in ("", None) else super().to_representation(value)
