"""Records of the France–Mali 2025 episode as the API returns them, for the schema's examples.

tests/diplomacy/test_api_documentation.py checks each against the API's answer for the seed data.
"""

STATE = {
    "code": "ML",
    "alpha_3": "MLI",
    "alpha_4": "",
    "numeric": "466",
    "name": "Mali",
    "official_name": "Republic of Mali",
    "is_historic": False,
    "ended_on": None,
}


MISSION = {
    "id": 1,
    "sending_state": {"code": "FR", "name": "France"},
    "receiving_state": {"code": "ML", "name": "Mali"},
    "kind": "embassy",
    "city": "Bamako",
    "created_at": "2026-11-26T12:00:00Z",
    "updated_at": "2026-11-26T12:00:00Z",
}


ENVOY = {
    "id": 1,
    "name": "",
    "description": "Member of the French embassy in Bamako, arrested in August 2025 (unnamed)",
    "sending_state": {"code": "FR", "name": "France"},
    "mission": {"id": 1, "kind": "embassy", "city": "Bamako"},
    "title": "",
    "category": "diplomatic_agent",
    "created_at": "2026-11-26T12:00:00Z",
    "updated_at": "2026-11-26T12:00:00Z",
}
