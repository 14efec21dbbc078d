"""Suspensions or ends of cooperation in a domain."""

import datetime

from actions.api import examples
from actions.choices import CooperationDomain
from actions.kinds.base import Kind, register

DOMAIN_WEIGHTS = {domain: 1 for domain in CooperationDomain}


def synthesize(draft):
    domain = draft.fields["domain"] = draft.choice(DOMAIN_WEIGHTS)
    if draft.rng.random() < 0.3:
        draft.fields["resumed_on"] = draft.date + datetime.timedelta(
            days=draft.rng.randint(30, 2000)
        )
    draft.fields["summary"] = (
        f"{draft.actor_name} suspended its {domain.label.lower()} "
        f"cooperation with {draft.target_name}."
    )


COOPERATION_SUSPENSION = register(
    Kind(
        value="cooperation_suspension",
        label="Cooperation suspension",
        model_name="CooperationSuspension",
        slug="cooperation-suspensions",
        description="Suspensions or ends of cooperation in a domain.",
        fields=("domain", "resumed_on"),
        required={"domain": "Give the domain of the suspended cooperation."},
        cameo_code="160",
        plover="SANCTION",
        plover_mode="discontinue",
        # CAMEO: reduce or stop military (1622) or economic (1621) assistance.
        codes_by=(
            "domain",
            {
                CooperationDomain.MILITARY: ("1622", None, None),
                CooperationDomain.DEVELOPMENT_AID: ("1621", None, None),
                CooperationDomain.ECONOMIC: ("1621", None, None),
            },
        ),
        example=(
            "France suspends counter-terrorism cooperation with Mali",
            examples.COOPERATION_SUSPENSION,
        ),
        synthetic_weights=(15, 10),
        synthesize=synthesize,
    )
)
