"""Enumerations used by the roles app's models, filters and fixtures."""

from django.db import models


class CompanyKind(models.TextChoices):
    COMPANY = "company", "Company"
    ORGANISATION = "organisation", "Organisation within a company"


class Importance(models.TextChoices):
    """How a source ranks a skill for a role; the weight drives skill matching."""

    REQUIRED = "required", "Required"
    PREFERRED = "preferred", "Preferred"
    MENTIONED = "mentioned", "Mentioned"


IMPORTANCE_WEIGHTS = {Importance.REQUIRED: 3, Importance.PREFERRED: 2, Importance.MENTIONED: 1}


class ContentKind(models.TextChoices):
    OVERVIEW = "overview", "Overview"
    RESPONSIBILITY = "responsibility", "Responsibility"
    WORK_ENVIRONMENT = "work_environment", "Work environment"
    TOOLING = "tooling", "Tools and technologies"
    EDUCATION_PATH = "education_path", "Education path"
    QUALIFICATION = "qualification", "Qualification"
    SPECIALISATION = "specialisation", "Emerging specialisation"
    CAREER_STEP = "career_step", "Career step"
    OUTLOOK = "outlook", "Outlook"
    MARKET_TREND = "market_trend", "Market trend"
    BENEFIT = "benefit", "Benefit"
    PRO = "pro", "Pro"
    CON = "con", "Con"
    FAQ = "faq", "Frequently asked question"
    APPLICATION_TIP = "application_tip", "Application tip"


class StatisticKind(models.TextChoices):
    MEDIAN_SALARY = "median_salary", "Median salary"
    EMPLOYMENT_GROWTH = "employment_growth", "Employment growth"
    ANNUAL_OPENINGS = "annual_openings", "Annual openings"
    EMPLOYEE_COUNT = "employee_count", "Employee count"
    EMPLOYER_RATING = "employer_rating", "Employer rating"
