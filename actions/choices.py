"""Vocabularies of the actions: the one place each is defined."""

from django.db import models


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    # Known only to lie between two days: `date_not_before` and `date_not_after`.
    RANGE = "range", "Between two days"


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
    DEMAND_TO_REDUCE_STAFF = (
        "demand_to_reduce_staff",
        "Demand to reduce the staff of a mission",
    )
    THREAT_OF_MEASURES = "threat_of_measures", "Threat of further measures"
    THREAT_TO_BREAK_RELATIONS = (
        "threat_to_break_relations",
        "Threat to reduce or break relations",
    )
    OTHER = "other", "Other"


class PloverEvent(models.TextChoices):
    """Event types of PLOVER (the successor of CAMEO, used by POLECAT)."""

    AGREE = "AGREE", "Agree"
    CONSULT = "CONSULT", "Consult"
    SUPPORT = "SUPPORT", "Support"
    CONCEDE = "CONCEDE", "Concede"
    COOPERATE = "COOPERATE", "Cooperate"
    AID = "AID", "Aid"
    RETREAT = "RETREAT", "Retreat"
    REQUEST = "REQUEST", "Request"
    ACCUSE = "ACCUSE", "Accuse"
    REJECT = "REJECT", "Reject"
    THREATEN = "THREATEN", "Threaten"
    PROTEST = "PROTEST", "Protest"
    SANCTION = "SANCTION", "Sanction"
    MOBILIZE = "MOBILIZE", "Mobilize"
    COERCE = "COERCE", "Coerce"
    ASSAULT = "ASSAULT", "Assault"


class PloverMode(models.TextChoices):
    """The PLOVER modes of the diplomatic events this dataset records."""

    EXPEL = "expel", "Expel (ambassadors or similar diplomats)"
    WITHDRAW = "withdraw", "Withdraw (recall diplomats)"
    DISCONTINUE = "discontinue", "Discontinue (break or end exchanges or relations)"
    ARREST = "arrest", "Arrest or detain"
    DISAPPROVE = "disapprove", "Disapprove (protests, summoning an ambassador)"
    ALLEGE = "allege", "Allege (accusations, e.g. of espionage)"
    YIELD = "yield", "Yield (demands to release persons or to give way)"
    RELATIONS = "relations", "Relations (threats to reduce or break relations)"
