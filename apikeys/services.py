"""Issuing partner API keys."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .models import PartnerKey


@transaction.atomic
def partner_key_create(
    *, name: str, rate: str = "", expires: datetime | None = None
) -> tuple[PartnerKey, str]:
    """Create a partner key; returns it with the plain key, which is not stored anywhere."""
    if expires is not None and expires <= timezone.now():
        raise ValidationError({"expiry_date": "The expiry date is already past."})
    partner_key = PartnerKey(name=name, rate=rate, expiry_date=expires)
    key = PartnerKey.objects.assign_key(partner_key)
    partner_key.full_clean()
    partner_key.save()
    return partner_key, key
