"""Records of the France–Mali 2025 episode as the API returns them, for the schema's examples.

tests/diplomacy/test_api_documentation.py checks each against the API's answer for the seed data.
"""

# The brief objects that the records below show again and again.
FRANCE = {"code": "FR", "name": "France"}
MALI = {"code": "ML", "name": "Mali"}
EPISODE_BRIEF = {
    "slug": "france-mali-2025",
    "title": "France–Mali 2025: a French embassy member arrested, diplomats expelled, "
    "counter-terrorism cooperation ended",
}
ARTICLE_BRIEF = {
    "id": 1,
    "publisher": "AFP dispatch, French-language press",
    "title": "[Untitled article: France ends counter-terrorism cooperation with Mali after the "
    "arrest of a French diplomat]",
    "url": "",
    "published_on": "2025-09-19",
}
ARREST_BRIEF = {
    "id": 1,
    "kind": "detention",
    "date": "2025-08-01",
    "date_precision": "month",
    "actor": "ML",
    "target": "FR",
}

PERSONA_NON_GRATA_DECLARATION = {
    "id": 4,
    "kind": "persona_non_grata",
    "actor": FRANCE,
    "target": MALI,
    "date": "2025-01-01",
    "date_precision": "year",
    "announced_on": "2025-09-19",
    "summary": "France declares two Malian diplomats persona non grata, one of the embassy and "
    "one of the consulate in Paris, in direct response to the arrest; they must leave "
    "France by Saturday 20 September.",
    "notes": "Decided on a date that was not made public, before Wednesday 17 September 2025, "
    "when Mali responded to it; made public on Friday 19 September. Recorded with year "
    "precision for that reason. Both are reported to be intelligence officers.",
    "episode": EPISODE_BRIEF,
    "in_response_to": ARREST_BRIEF,
    "cameo_code": "161",
    "citations": [
        {
            "id": 10,
            "source": ARTICLE_BRIEF,
            "quote": "Cette rupture intervient alors que Paris a également exigé le "
            "départ de deux représentants maliens, membres de l’ambassade et du "
            "consulat à Paris.",
            "attribution": "",
        },
        {
            "id": 11,
            "source": ARTICLE_BRIEF,
            "quote": "Selon une source diplomatique française, ces deux diplomates ont "
            "été déclarés persona non grata et disposent d’un délai jusqu’à "
            "samedi pour quitter la France.",
            "attribution": "French diplomatic source",
        },
        {
            "id": 12,
            "source": {
                "id": 8,
                "publisher": "Info241 (info241.com)",
                "title": "[Report: France expels two Malian diplomats]",
                "url": "",
                "published_on": None,
            },
            "quote": "d'ici au 20 septembre",
            "attribution": "",
        },
    ],
    "created_at": "2026-11-26T12:00:00Z",
    "updated_at": "2026-11-26T12:00:00Z",
    "envoys": [
        {
            "id": 8,
            "name": "",
            "description": "Member of the Malian consulate in Paris declared persona non "
            "grata (unnamed)",
        },
        {
            "id": 7,
            "name": "",
            "description": "Member of the Malian embassy in Paris declared persona non grata "
            "(unnamed)",
        },
    ],
    "persons_count": 2,
    "grounds": "reciprocity",
    "leave_by": "2025-09-20",
    "departed_on": None,
}


COOPERATION_SUSPENSION = {
    "id": 5,
    "kind": "cooperation_suspension",
    "actor": FRANCE,
    "target": MALI,
    "date": "2025-01-01",
    "date_precision": "year",
    "announced_on": "2025-09-19",
    "summary": "France suspends its counter-terrorism cooperation with Mali, to which the "
    "arrested agent had contributed until his arrest.",
    "notes": "Decided on a date that was not made public, before Wednesday 17 September 2025, "
    "when Mali responded to it; made public on Friday 19 September. Recorded with year "
    "precision for that reason.",
    "episode": EPISODE_BRIEF,
    "in_response_to": ARREST_BRIEF,
    "cameo_code": "160",
    "citations": [
        {
            "id": 13,
            "source": ARTICLE_BRIEF,
            "quote": "« Face à un acte d’une telle gravité et d’une telle hostilité, la "
            "France a décidé de suspendre la coopération avec le Mali dans le "
            "cadre de la lutte contre le terrorisme dans ce pays à laquelle "
            "contribuait jusqu’à son arrestation l’agent qui a été "
            "arbitrairement arrêté »",
            "attribution": "French diplomatic source, to AFP",
        },
        {
            "id": 14,
            "source": {
                "id": 6,
                "publisher": "RTN (rtn.ch), AFP dispatch",
                "title": "[AFP dispatch: Mali declares five French embassy staff "
                "persona non grata]",
                "url": "",
                "published_on": None,
            },
            "quote": "",
            "attribution": "AFP",
        },
        {
            "id": 15,
            "source": {
                "id": 7,
                "publisher": "Africanews (fr.africanews.com)",
                "title": "[Report: France suspends counter-terrorism cooperation with Mali]",
                "url": "",
                "published_on": "2025-09-19",
            },
            "quote": "",
            "attribution": "",
        },
    ],
    "created_at": "2026-11-26T12:00:00Z",
    "updated_at": "2026-11-26T12:00:00Z",
    "domain": "counter_terrorism",
    "resumed_on": None,
}


DETENTION = {
    "id": 1,
    "kind": "detention",
    "actor": MALI,
    "target": FRANCE,
    "date": "2025-08-01",
    "date_precision": "month",
    "announced_on": "2025-08-14",
    "summary": "Malian authorities arrest a member of the French embassy in Bamako, accused of "
    'working for French intelligence and of plotting with "a small group of marginal '
    'elements" of the Malian armed forces.',
    "notes": "The article dates the arrest to August 2025 only. The French foreign ministry "
    "later said he had been detained since 13 August (statement reported by banouto.bj "
    "on 22 December 2025). Reports conflict on the day of the announcement: the article "
    "(AFP) says 15 August; West Africa Weekly and News Pravda report it on Malian state "
    "television on the evening of 14 August. Both are cited; the earlier day is "
    "recorded.",
    "episode": EPISODE_BRIEF,
    "in_response_to": None,
    "cameo_code": "173",
    "citations": [
        {
            "id": 1,
            "source": ARTICLE_BRIEF,
            "quote": "La France a mis fin à sa collaboration dans la lutte contre le "
            "terrorisme avec le Mali, après l’arrestation au mois d’août à "
            "Bamako d’un diplomate français.",
            "attribution": "",
        },
        {
            "id": 2,
            "source": ARTICLE_BRIEF,
            "quote": "La mesure a été prise en réaction directe à l’arrestation d’un "
            "agent diplomatique français, soupçonné par les autorités maliennes "
            "de travailler pour les services de renseignement français.",
            "attribution": "French diplomatic source",
        },
        {
            "id": 3,
            "source": {
                "id": 2,
                "publisher": "Banouto (banouto.bj)",
                "title": "[Report of a French foreign ministry statement on the "
                "French embassy member detained in Mali]",
                "url": "",
                "published_on": "2025-12-22",
            },
            "quote": "",
            "attribution": "French foreign ministry (detained since 13 August)",
        },
    ],
    "created_at": "2026-11-26T12:00:00Z",
    "updated_at": "2026-11-26T12:00:00Z",
    "envoys": [
        {
            "id": 1,
            "name": "",
            "description": "Member of the French embassy in Bamako, arrested in August 2025 "
            "(unnamed)",
        }
    ],
    "accusation": 'Working for the French intelligence services and plotting with "a small group '
    'of marginal elements of the Malian armed and security forces" to destabilise '
    "Mali's institutions.",
    "released_on": None,
}


DIPLOMATIC_STATEMENT = {
    "id": 3,
    "kind": "statement",
    "actor": FRANCE,
    "target": MALI,
    "date": "2025-08-16",
    "date_precision": "day",
    "announced_on": None,
    "summary": "The French foreign ministry calls the accusations unfounded, demands the release "
    '"without delay" of its national, an accredited member of the embassy, and calls '
    "the arrest a deliberate breach of international law.",
    "notes": "The article does not date the statement; L'Orient-Le Jour gives 16 August.",
    "episode": EPISODE_BRIEF,
    "in_response_to": ARREST_BRIEF,
    "cameo_code": "1053",
    "citations": [
        {
            "id": 7,
            "source": ARTICLE_BRIEF,
            "quote": "De son côté, le ministère français des Affaires étrangères a "
            "dénoncé des « accusations sans fondement » et exigé la « libération "
            "sans délai » de son ressortissant, rappelant qu’il s’agissait d’un "
            "membre de l’ambassade.",
            "attribution": "French foreign ministry",
        },
        {
            "id": 8,
            "source": ARTICLE_BRIEF,
            "quote": "La France a jugé cet acte contraire au droit international, "
            "estimant que le Mali violait « délibérément une des règles les plus "
            "fondamentales du droit international, s’agissant d’un agent "
            "diplomatique dûment accrédité par les autorités maliennes ».",
            "attribution": "French foreign ministry",
        },
        {
            "id": 9,
            "source": {
                "id": 5,
                "publisher": "L'Orient-Le Jour",
                "title": "[Report of the French foreign ministry's reaction to the arrest]",
                "url": "https://www.lorientlejour.com/article/1473853",
                "published_on": None,
            },
            "quote": "",
            "attribution": "French foreign ministry, 16 August",
        },
    ],
    "created_at": "2026-11-26T12:00:00Z",
    "updated_at": "2026-11-26T12:00:00Z",
    "statement_type": "demand_for_release",
}


EPISODE = {
    **EPISODE_BRIEF,
    "summary": "In August 2025 Malian authorities arrested a member of the French embassy in "
    "Bamako, accusing him of working for French intelligence. France called the "
    "accusations unfounded and demanded his release, then suspended its "
    "counter-terrorism cooperation with Mali and declared two Malian diplomats "
    "persona non grata; Mali answered by declaring five French embassy staff persona "
    "non grata and, according to AP, ending all counter-terrorism cooperation. "
    "Context: Mali has been ruled since 2020 by a military junta that took power in "
    "two coups and faces jihadist groups affiliated with Al-Qaeda and the Islamic "
    "State. Its relations with France had worsened for years; Bamako turned to "
    "Russia, and its army works with the Russian Africa Corps. Intelligence "
    "cooperation against terrorism had survived until this episode.",
    "created_at": "2026-11-26T12:00:00Z",
    "updated_at": "2026-11-26T12:00:00Z",
}


SOURCE = {
    **ARTICLE_BRIEF,
    "language": "fr",
    "created_at": "2026-11-26T12:00:00Z",
    "updated_at": "2026-11-26T12:00:00Z",
}
