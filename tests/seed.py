"""Stable identifiers (uid) of the records of fixtures/france-mali-2025.yaml.

Tests find seed records by uid, never by integer id, which differs between
databases and runs.
"""

from actions.models import Action

EPISODE_SLUG = "france-mali-2025"

# The actions, named after the rows of shared/seed/FACTS.md.
ARREST = "d58abd5e-5d5a-590b-8820-6b9025fa652d"  # 1: ML detains a French embassy member
ARREST_ANNOUNCEMENT = "50706777-a19f-5c04-88f9-a87e76e917f3"  # 2: ML announces, accuses
FRENCH_DEMAND = "db42e55a-13c1-5266-8ab8-f1e175488b2c"  # 3: FR "sans fondement", release
MALI_PNG = "98517bc0-c402-5a7b-a506-bdecbee2eeff"  # 5: ML declares five French staff PNG
FRENCH_SUSPENSION = "3bb358ee-9b10-5af6-9259-ade6ca4e7504"  # 6: FR suspends CT cooperation
FRENCH_PNG = "194c07dd-56ca-5024-9884-c2f7d4b846dc"  # 7: FR declares two Malians PNG
MALI_END_OF_COOPERATION = "14bbafe5-90f0-59ff-8bbf-6ec9af684215"  # AP: ML ends CT cooperation
FRENCH_WARNING = "75ef9fe5-19ee-5e45-aa80-5e719bd4914e"  # 8: FR warns of further measures

FRENCH_EMBASSY_IN_BAMAKO = "fcc99b21-4a8c-5114-abb7-4219f5e47fbe"
MALIAN_EMBASSY_IN_PARIS = "55b64a98-a46d-5674-ab74-b6be69fb3912"
ARRESTED_ENVOY = "34e163cb-f90e-577f-9bff-24a57f8963b3"  # French, at the embassy in Bamako
MALIAN_ENVOY_OF_EMBASSY = "6c54e629-4ebe-5408-9a97-dae3d7335ee4"

ARTICLE_SOURCE = "51bc577a-6d4a-587b-913b-947df79b9acb"


def action_id(uid: str) -> int:
    return Action.objects.values_list("pk", flat=True).get(uid=uid)
