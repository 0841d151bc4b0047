"""The real dataset holds what the four seed documents say, each fact with its source."""

from decimal import Decimal

import pytest

from compensation.models import ExchangeRate, SalaryBand
from interviews.models import Competency, InterviewProcess, Question
from roles.models import Company, Level, Role, RoleStatistic

pytestmark = pytest.mark.django_db

ENGINEER_GUIDE = "himalayas-amazon-engineer-guide"  # 000
SERVICES_GUIDE = "amazon-services-swe-interview-guide"  # 001
SWE_GUIDE = "amazon-swe-interview-guide"  # 002
AWS_DEVELOPER_PAGE = "jobdescription-org-aws-developer"  # 003


def stages(slug: str) -> list[tuple[int, str, str]]:
    process = InterviewProcess.objects.get(slug=slug)
    return list(process.stages.values_list("position", "kind", "name"))


# 000: Complete Amazon Engineer Career Guide


def test_senior_amazon_engineer_us_median_is_220k(seed_dataset):
    band = SalaryBand.objects.get(
        role__slug="amazon-engineer", level__name="Senior Amazon Engineer", region__code="US"
    )

    assert band.median_amount == Decimal("220000")
    assert band.average_amount == Decimal("240000")
    assert band.currency.code == "USD"
    assert band.source.slug == ENGINEER_GUIDE
    assert "$220k USD" in band.quote


def test_the_350k_plus_maximum_stays_open_ended(seed_dataset):
    band = SalaryBand.objects.get(slug="amazon-engineer-overall-range")

    assert (band.min_amount, band.max_amount, band.max_open) == (90000, 350000, True)
    assert band.median_amount == 110000
    assert "$350k+" in band.quote
    assert SalaryBand.objects.get(slug="amazon-engineer-us-l6").max_open  # "$700,000+"


def test_every_currency_keeps_its_own_figures(seed_dataset):
    codes = set(SalaryBand.objects.values_list("currency__code", flat=True))

    assert codes == {"USD", "CAD", "EUR", "INR", "AUD", "BRL", "MXN", "SGD", "GBP"}
    india = SalaryBand.objects.filter(currency__code="INR")
    assert {band.region.slug for band in india} == {"bengaluru", "hyderabad"}
    assert {(band.min_amount, band.max_amount) for band in india} == {(2_500_000, 20_000_000)}


def test_the_career_ladder_has_five_ordered_levels_and_an_open_top(seed_dataset):
    levels = Level.objects.filter(ladder__slug="amazon-engineer-career-path").order_by("position")

    assert [level.name for level in levels] == [
        "Junior Amazon Engineer",
        "Amazon Engineer",
        "Senior Amazon Engineer",
        "Lead Amazon Engineer",
        "Principal Amazon Engineer",
    ]
    assert [(level.years_min, level.years_max) for level in levels] == [
        (0, 2),
        (2, 4),
        (4, 8),
        (7, 12),
        (10, None),
    ]


def test_internal_levels_carry_their_codes(seed_dataset):
    l4 = Level.objects.get(code="L4")

    assert l4.name == "SDE I"
    assert l4.ladder.slug == "amazon-sde-levels"
    assert SalaryBand.objects.get(level=l4, region__code="US").min_amount == 150000


def test_outlook_statistics_keep_basis_period_and_source(seed_dataset):
    stats = {s.kind: s for s in RoleStatistic.objects.filter(role__slug="amazon-engineer")}

    assert stats["median_salary"].value == 110000
    assert stats["annual_openings"].approximate and stats["annual_openings"].value == 189000
    growth = RoleStatistic.objects.filter(role__slug="amazon-engineer", kind="employment_growth")
    # 22% (BLS 2022–32) and "roughly 12–16%" disagree; both are kept, neither averaged.
    assert {(g.value, g.value_max) for g in growth} == {(22, None), (12, 16)}
    assert "2022" in stats["employment_growth"].period or "2022" in growth[0].period
    assert all(s.source.slug == ENGINEER_GUIDE for s in stats.values())


def test_specialisations_and_related_careers(seed_dataset):
    role = Role.objects.get(slug="amazon-engineer")

    specialisations = role.content.filter(kind="specialisation").values_list("title", flat=True)
    assert "Quantum-Safe Security Engineer for Retail Systems" in specialisations
    assert len(specialisations) == 5
    assert list(role.related.values_list("name", flat=True)) == [
        "AWS",
        "Cloud Engineer",
        "Infrastructure Engineer",
        "Platform Engineer",
        "System Engineer",
    ]


def test_000_describes_a_loop_of_four_to_six_interviews(seed_dataset):
    loop = InterviewProcess.objects.get(source__slug=ENGINEER_GUIDE).stages.get(kind="onsite_loop")

    assert (loop.rounds_min, loop.rounds_max) == (4, 6)


def test_the_guides_usd_approximations_stay_on_their_bands_and_are_no_rates(seed_dataset):
    canada = SalaryBand.objects.get(slug="amazon-engineer-ca")

    assert (canada.usd_equivalent_min, canada.usd_equivalent_max) == (75000, 225000)
    assert "≈ USD 75k–225k" in canada.quote
    # Every rate is the ECB's: none derives from a guide.
    assert set(ExchangeRate.objects.values_list("source__slug", flat=True)) == {
        "ecb-euro-reference-rates"
    }


# 001: Software Engineer at Amazon Services


def test_001_describes_three_stages(seed_dataset):
    assert stages("amazon-services-swe-process") == [
        (1, "online_assessment", "Online Assessment"),
        (2, "phone_screen", "Phone Screen"),
        (3, "onsite_loop", "Interview Loop"),
    ]
    loop = InterviewProcess.objects.get(slug="amazon-services-swe-process").stages.get(position=3)
    assert (loop.rounds_min, loop.rounds_max, loop.round_minutes) == (4, 5, 60)


def test_001_questions_are_tagged_by_category_and_topic(seed_dataset):
    question = Question.objects.get(topics__slug="linked-lists")

    assert question.category == "coding"
    assert question.text.startswith("Problem At Stripe, a service stores event sequences")
    assert question.company.slug == "amazon-services"
    assert question.company.parent.slug == "amazon"
    assert Question.objects.filter(source__slug=SERVICES_GUIDE).count() == 3


def test_leadership_principles_name_their_sources(seed_dataset):
    dive_deep = Competency.objects.get(slug="amazon-dive-deep")

    assert dive_deep.kind == "leadership_principle"
    assert list(dive_deep.sources.values_list("slug", flat=True)) == [SERVICES_GUIDE]


# 002: Amazon Software Engineer Interview


def test_002_describes_five_ordered_stages_over_three_to_five_weeks(seed_dataset):
    process = InterviewProcess.objects.get(slug="amazon-swe-process")

    assert [kind for _, kind, _ in stages("amazon-swe-process")] == [
        "recruiter_screen",
        "hiring_manager",
        "onsite_loop",
        "bar_raiser",
        "decision",
    ]
    assert (process.duration_weeks_min, process.duration_weeks_max) == (3, 5)
    assert process.source.slug == SWE_GUIDE


def test_the_three_accounts_of_the_amazon_process_are_kept_apart(seed_dataset):
    amazon = InterviewProcess.objects.filter(company__slug__in=["amazon", "amazon-services"])

    assert amazon.count() == 3
    assert {p.source.slug for p in amazon} == {ENGINEER_GUIDE, SERVICES_GUIDE, SWE_GUIDE}


def test_002_uk_figures_keep_both_attributions(seed_dataset):
    market = SalaryBand.objects.get(
        slug="software-engineer-gb-experienced-uk-average-amazon-swe-guide"
    )
    amazon = SalaryBand.objects.get(
        slug="amazon-software-engineer-experienced-faq-amazon-swe-guide"
    )

    assert market.role.company is None and amazon.role.company.slug == "amazon"
    for band in (market, amazon):
        assert (band.min_amount, band.max_amount, band.max_open) == (75000, 120000, True)
        assert band.currency.code == "GBP"
    typical = SalaryBand.objects.get(slug="amazon-software-engineer-gb-typical")
    assert (typical.min_amount, typical.max_amount) == (45000, 70000)


def test_002_company_facts(seed_dataset):
    stats = {s.kind: s for s in Company.objects.get(slug="amazon").statistics.all()}

    assert stats["employer_rating"].value == Decimal("4.1")
    assert stats["employee_count"].open_ended


# 003: AWS Developer


def test_the_aws_developer_has_three_key_certifications(seed_dataset):
    role = Role.objects.get(slug="aws-developer")
    certifications = role.role_skills.filter(skill__category="certification", importance="required")

    assert {link.skill.slug for link in certifications} == {
        "aws-certified-developer-associate",
        "aws-certified-solutions-architect-professional",
        "aws-certified-devops-engineer-professional",
    }
    assert all(link.source.slug == AWS_DEVELOPER_PAGE for link in certifications)


def test_the_aws_developer_is_industry_wide(seed_dataset):
    role = Role.objects.get(slug="aws-developer")

    assert role.company is None
    assert role.family.slug == "software-engineering"
    assert (role.experience_years_min, role.experience_years_max) == (3, 6)
    assert "AWS consulting firms" in role.employer_types
    assert role.content.filter(kind="responsibility").count() == 10


def test_dollar_figures_without_a_code_say_how_they_were_read(seed_dataset):
    band = SalaryBand.objects.get(slug="aws-developer-senior-usd")

    assert (band.min_amount, band.max_amount) == (140000, 175000)
    assert band.quote == "Senior AWS Developers ($140K–$175K)"
    assert "US dollars" in band.interpretation
    assert band.region is None


def test_every_fact_names_a_source(seed_dataset):
    for model in (SalaryBand, RoleStatistic, Question, ExchangeRate):
        assert not model.objects.filter(source__isnull=True).exists()
    assert not SalaryBand.objects.filter(quote="").exists()
