"""Enumerations used by the interviews app's models, filters and fixtures."""

from django.db import models


class CompetencyKind(models.TextChoices):
    LEADERSHIP_PRINCIPLE = "leadership_principle", "Leadership principle"
    QUALITY = "quality", "Quality the employer looks for"


class StageKind(models.TextChoices):
    ONLINE_ASSESSMENT = "online_assessment", "Online assessment"
    RECRUITER_SCREEN = "recruiter_screen", "Recruiter screen"
    PHONE_SCREEN = "phone_screen", "Technical phone screen"
    HIRING_MANAGER = "hiring_manager", "Hiring manager round"
    ONSITE_LOOP = "onsite_loop", "On-site or virtual loop"
    BAR_RAISER = "bar_raiser", "Bar raiser round"
    DECISION = "decision", "Debrief and decision"


class GuidanceKind(models.TextChoices):
    EVALUATION_AREA = "evaluation_area", "What is evaluated"
    PREPARATION = "preparation", "How to prepare"
    MISTAKE = "mistake", "Mistake to avoid"


class QuestionCategory(models.TextChoices):
    BEHAVIORAL = "behavioral", "Behavioral"
    CODING = "coding", "Coding"
    SYSTEM_DESIGN = "system_design", "System design"
    TECHNICAL_CONCEPT = "technical_concept", "Technical concept"
