"""Vocabularies of the actor models: the one place each is defined."""

from django.db import models


class MissionKind(models.TextChoices):
    EMBASSY = "embassy", "Embassy"
    CONSULATE = "consulate", "Consulate"
    CONSULATE_GENERAL = "consulate_general", "Consulate general"
    PERMANENT_MISSION = "permanent_mission", "Permanent mission"
    INTERESTS_SECTION = "interests_section", "Interests section"
    OTHER = "other", "Other"


class EnvoyCategory(models.TextChoices):
    """Categories of mission members in the Vienna Conventions (1961, 1963)."""

    DIPLOMATIC_AGENT = "diplomatic_agent", "Diplomatic agent"
    ADMINISTRATIVE_TECHNICAL = (
        "administrative_technical",
        "Administrative and technical staff",
    )
    CONSULAR_OFFICER = "consular_officer", "Consular officer"
    SERVICE_STAFF = "service_staff", "Service staff"
    UNKNOWN = "unknown", "Unknown"
