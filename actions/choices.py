"""Vocabularies of the actions: the one place each is defined."""

from django.db import models


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class Grounds(models.TextChoices):
    ESPIONAGE = "espionage", "Espionage"
    INTERFERENCE = "interference", "Interference in internal affairs"
    RECIPROCITY = "reciprocity", "Reciprocity"
    INCOMPATIBLE_ACTIVITIES = (
        "incompatible_activities",
        "Activities incompatible with diplomatic status",
    )
    SECURITY = "security", "Security"
    UNSPECIFIED = "unspecified", "Unspecified"


class CooperationDomain(models.TextChoices):
    COUNTER_TERRORISM = "counter_terrorism", "Counter-terrorism"
    INTELLIGENCE = "intelligence", "Intelligence"
    MILITARY = "military", "Military"
    SECURITY = "security", "Security"
    DEVELOPMENT_AID = "development_aid", "Development aid"
    JUDICIAL = "judicial", "Judicial"
    DIPLOMATIC = "diplomatic", "Diplomatic"
    ECONOMIC = "economic", "Economic"
    OTHER = "other", "Other"


class StatementType(models.TextChoices):
    DENUNCIATION = "denunciation", "Denunciation"
    ACCUSATION_OF_ESPIONAGE = "accusation_of_espionage", "Accusation of espionage"
    DEMAND_FOR_RELEASE = "demand_for_release", "Demand for release"
    THREAT_OF_MEASURES = "threat_of_measures", "Threat of further measures"
    THREAT_TO_BREAK_RELATIONS = (
        "threat_to_break_relations",
        "Threat to reduce or break relations",
    )
    OTHER = "other", "Other"
