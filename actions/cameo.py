"""Default CAMEO event codes (as used by GDELT and ICEWS) for each kind of action."""

from actions.choices import ActionKind, CooperationDomain, StatementType

# The CAMEO manual files the expulsion of diplomats under 161 (reduce or break
# diplomatic relations), not under 166 or 174.
KIND_CODES = {
    ActionKind.PERSONA_NON_GRATA: "161",
    ActionKind.COOPERATION_SUSPENSION: "160",
    ActionKind.DETENTION: "173",
    ActionKind.STATEMENT: "010",
}

SUSPENSION_DOMAIN_CODES = {
    CooperationDomain.MILITARY: "1622",
    CooperationDomain.DEVELOPMENT_AID: "1621",
    CooperationDomain.ECONOMIC: "1621",
}

STATEMENT_TYPE_CODES = {
    StatementType.DENUNCIATION: "111",
    StatementType.ACCUSATION_OF_ESPIONAGE: "1125",
    StatementType.DEMAND_FOR_RELEASE: "1053",
    StatementType.THREAT_OF_MEASURES: "131",
    StatementType.THREAT_TO_BREAK_RELATIONS: "1313",
}


def default_cameo_code(*, kind: str, domain: str = "", statement_type: str = "") -> str:
    if kind == ActionKind.COOPERATION_SUSPENSION and domain in SUSPENSION_DOMAIN_CODES:
        return SUSPENSION_DOMAIN_CODES[domain]
    if kind == ActionKind.STATEMENT and statement_type in STATEMENT_TYPE_CODES:
        return STATEMENT_TYPE_CODES[statement_type]
    return KIND_CODES[kind]
