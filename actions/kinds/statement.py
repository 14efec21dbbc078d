"""Diplomatic statements: protests, demands, accusations and threats."""

from actions.api import examples
from actions.choices import StatementType
from actions.kinds.base import Kind, register

STATEMENT_WEIGHTS = {
    StatementType.DENUNCIATION: 30, StatementType.ACCUSATION_OF_ESPIONAGE: 20,
    StatementType.DEMAND_FOR_RELEASE: 15, StatementType.THREAT_OF_MEASURES: 15,
    StatementType.THREAT_TO_BREAK_RELATIONS: 5, StatementType.OTHER: 15,
}


def _article(noun: str) -> str:
    return "an" if noun[0].lower() in "aeiou" else "a"


def synthesize(draft):
    statement_type = draft.fields["statement_type"] = draft.choice(STATEMENT_WEIGHTS)
    draft.fields["summary"] = (
        f"{draft.actor_name} addressed {_article(statement_type.label)} "
        f"{statement_type.label.lower()} to {draft.target_name}."
    )


STATEMENT = register(
    Kind(
        value="statement",
        label="Diplomatic statement",
        model_name="DiplomaticStatement",
        slug="diplomatic-statements",
        description="Protests, demands, accusations and threats addressed to another state.",
        # The number of persons is that of a demand to reduce a mission's staff.
        fields=("statement_type", "persons_count"),
        required={"statement_type": "Give the type of statement."},
        cameo_code="010",
        plover="ACCUSE",
        plover_mode="disapprove",
        codes_by=(
            "statement_type",
            {
                StatementType.DENUNCIATION: ("111", "ACCUSE", "disapprove"),
                StatementType.ACCUSATION_OF_ESPIONAGE: ("1125", "ACCUSE", "allege"),
                StatementType.DEMAND_FOR_RELEASE: ("1053", "REQUEST", "yield"),
                StatementType.THREAT_OF_MEASURES: ("131", "THREATEN", ""),
                StatementType.THREAT_TO_BREAK_RELATIONS: ("1313", "THREATEN", "relations"),
                # CAMEO 10: demand; PLOVER: request that the other state give way.
                StatementType.DEMAND_TO_REDUCE_STAFF: ("10", "REQUEST", "yield"),
            },
        ),
        example=("France calls the accusations unfounded", examples.DIPLOMATIC_STATEMENT),
        synthetic_weights=(30, 30),
        synthesize=synthesize,
    )
)
