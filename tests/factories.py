"""Small builders for test data that does not come from the real fixtures."""

import factory

from compensation.models import Currency, Region, SalaryBand
from interviews.models import InterviewProcess, InterviewStage
from roles.models import Ladder, Level, Role
from skills.models import Skill
from sources.models import Source


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    slug = factory.Sequence(lambda n: f"source-{n}")
    title = factory.Sequence(lambda n: f"Source {n}")
    file = "source.txt"
    covers = "Test data."


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    slug = factory.Sequence(lambda n: f"role-{n}")
    title = factory.Sequence(lambda n: f"Role {n}")
    source = factory.SubFactory(SourceFactory)


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill

    slug = factory.Sequence(lambda n: f"skill-{n}")
    name = factory.Sequence(lambda n: f"Skill {n}")
    category = "tool"


class LadderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ladder

    slug = factory.Sequence(lambda n: f"ladder-{n}")
    name = factory.Sequence(lambda n: f"Ladder {n}")
    source = factory.SubFactory(SourceFactory)


class LevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Level

    ladder = factory.SubFactory(LadderFactory)
    slug = factory.Sequence(lambda n: f"level-{n}")
    name = factory.Sequence(lambda n: f"Level {n}")
    position = factory.Sequence(lambda n: n + 1)


class CurrencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Currency
        django_get_or_create = ("code",)

    code = "USD"
    name = "US Dollar"


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    slug = factory.Sequence(lambda n: f"region-{n}")
    name = factory.Sequence(lambda n: f"Region {n}")
    kind = "area"
    path = factory.LazyAttribute(lambda region: f"{region.slug}/")


class SalaryBandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SalaryBand

    slug = factory.Sequence(lambda n: f"band-{n}")
    role = factory.SubFactory(RoleFactory)
    currency = factory.SubFactory(CurrencyFactory)
    basis = "unspecified"
    min_amount = 100000
    max_amount = 150000
    quote = "$100k–$150k"
    source = factory.SubFactory(SourceFactory)


class InterviewProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InterviewProcess

    slug = factory.Sequence(lambda n: f"process-{n}")
    name = factory.Sequence(lambda n: f"Process {n}")
    source = factory.SubFactory(SourceFactory)


class InterviewStageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InterviewStage

    process = factory.SubFactory(InterviewProcessFactory)
    position = 1
    name = "Phone screen"
    kind = "phone_screen"
