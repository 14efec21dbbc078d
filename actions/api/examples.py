"""Records of the tests' seed episodes as the API returns them, for the schema's examples:
France–Mali 2025 for the first four kinds, Algeria–Morocco 2021 for the recall and the
rupture, Australia–Iran 2025 for the mission closure.

tests/diplomacy/test_api_documentation.py checks each against the API's answer for the seed data.
"""

# The brief objects that the records below show again and again.
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
FRANCE = {"code": "FR", "name": "France"}
MALI = {"code": "ML", "name": "Mali"}
ALGERIA = {"code": "DZ", "name": "Algeria"}
MOROCCO = {"code": "MA", "name": "Morocco"}


PERSONA_NON_GRATA_DECLARATION = {
    "id": 4,
    "kind": "persona_non_grata",
    "actor": FRANCE,
    "target": MALI,
    "date": "2025-08-14",
    "date_precision": "range",
    "date_not_before": "2025-08-14",
    "date_not_after": "2025-09-17",
    "announced_on": "2025-09-19",
    "summary": (
        "France declares two Malian diplomats persona non grata, one of the embassy "
        "and one of the consulate in Paris, in direct response to the arrest; they "
        "must leave France by Saturday 20 September."
    ),
    "notes": (
        "Decided on a day that was not made public. Not before 14 August 2025, when "
        "the arrest it answers was announced; not after Wednesday 17 September, when "
        "Mali answered it (the five French staff Mali expelled in return had left on "
        "Sunday 14 September, so the decision may be earlier still). Made public on "
        "Friday 19 September. Recorded with these bounds. Uncertain: afrique-sur7 "
        "dates it 17 September, a single report that gives Mali's answer the same "
        "day. Both are reported to be intelligence officers."
    ),
    "episode": EPISODE_BRIEF,
    "in_response_to": {
        "id": 1,
        "kind": "detention",
        "date": "2025-08-01",
        "date_precision": "month",
        "actor": "ML",
        "target": "FR",
    },
    "cameo_code": "161",
    "plover": "SANCTION",
    "plover_mode": "expel",
    "citations": [
        {
            "id": 12,
            "source": ARTICLE_BRIEF,
            "supports": "",
            "quote": (
                "Cette rupture intervient alors que Paris a également exigé le départ"
                " de deux représentants maliens, membres de l’ambassade et du "
                "consulat à Paris."
            ),
            "attribution": "",
        },
        {
            "id": 13,
            "source": ARTICLE_BRIEF,
            "supports": "",
            "quote": (
                "Selon une source diplomatique française, ces deux diplomates ont été"
                " déclarés persona non grata et disposent d’un délai jusqu’à samedi "
                "pour quitter la France."
            ),
            "attribution": "French diplomatic source",
        },
        {
            "id": 14,
            "source": {
                "id": 8,
                "publisher": "Info241 (info241.com)",
                "title": "[Report: France expels two Malian diplomats]",
                "url": "",
                "published_on": None,
            },
            "supports": (
                "Reports a deadline of 20 September for the two Malian diplomats to "
                "leave France."
            ),
            "quote": "",
            "attribution": "",
        },
        {
            "id": 15,
            "source": {
                "id": 11,
                "publisher": "Guinee360",
                "title": "France : deux diplomates maliens expulsés",
                "url": (
                    "https://www.guinee360.com/19/09/2025/france-deux-diplomates-"
                    "maliens-expulses/"
                ),
                "published_on": "2025-09-19",
            },
            "supports": (
                "Dated 19 September 2025 (AFP material): France expels two Malian "
                "diplomats; gives them 72 hours to leave, where other reports say "
                "until Saturday 20 September."
            ),
            "quote": "",
            "attribution": "French diplomatic source",
        },
        {
            "id": 16,
            "source": {
                "id": 12,
                "publisher": "Afrique-sur7",
                "title": (
                    "[Report: France expels two Malian diplomats, Bamako replies]"
                ),
                "url": (
                    "https://www.afrique-sur7.fr/france-02-diplomates-maliens-"
                    "expulses-bamako-replique"
                ),
                "published_on": None,
            },
            "supports": (
                "Reports that France expelled two Malian diplomats with until 20 "
                "September to leave, and dates the measure 17 September."
            ),
            "quote": "",
            "attribution": "",
        },
    ],
    "created_at": "2026-11-26T12:00:00Z",
    "updated_at": "2026-11-29T12:00:00Z",
    "envoys": [
        {
            "id": 8,
            "name": "",
            "description": (
                "Member of the Malian consulate in Paris declared persona non grata "
                "(unnamed)"
            ),
        },
        {
            "id": 7,
            "name": "",
            "description": (
                "Member of the Malian embassy in Paris declared persona non grata "
                "(unnamed)"
            ),
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
    "date": "2025-08-14",
    "date_precision": "range",
    "date_not_before": "2025-08-14",
    "date_not_after": "2025-09-17",
    "announced_on": "2025-09-19",
    "summary": (
        "France suspends its counter-terrorism cooperation with Mali, to which the "
        "arrested agent had contributed until his arrest."
    ),
    "notes": (
        "Decided on a day that was not made public. Not before 14 August 2025, when "
        "the arrest it answers was announced; not after Wednesday 17 September, when "
        "Mali answered it (the five French staff Mali expelled in return had left on "
        "Sunday 14 September, so the decision may be earlier still). Made public on "
        "Friday 19 September. Recorded with these bounds. Uncertain: afrique-sur7 "
        "dates it 17 September, a single report that gives Mali's answer the same "
        "day."
    ),
    "episode": EPISODE_BRIEF,
    "in_response_to": {
        "id": 1,
        "kind": "detention",
        "date": "2025-08-01",
        "date_precision": "month",
        "actor": "ML",
        "target": "FR",
    },
    "cameo_code": "160",
    "plover": "SANCTION",
    "plover_mode": "discontinue",
    "citations": [
        {
            "id": 17,
            "source": ARTICLE_BRIEF,
            "supports": "",
            "quote": (
                "« Face à un acte d’une telle gravité et d’une telle hostilité, la "
                "France a décidé de suspendre la coopération avec le Mali dans le "
                "cadre de la lutte contre le terrorisme dans ce pays à laquelle "
                "contribuait jusqu’à son arrestation l’agent qui a été arbitrairement"
                " arrêté »"
            ),
            "attribution": "French diplomatic source, to AFP",
        },
        {
            "id": 18,
            "source": {
                "id": 6,
                "publisher": "RTN (rtn.ch), AFP dispatch",
                "title": (
                    "La France suspend sa coopération antiterroriste avec le Mali"
                ),
                "url": (
                    "https://www.rtn.ch/rtn/Actualite/Monde/La-France-suspend-sa-"
                    "cooperation-antiterroriste-avec-le-Mali-1.html"
                ),
                "published_on": "2025-09-19",
            },
            "supports": (
                "Dated 19 September 2025 (AFP): France suspends its counter-terrorism"
                " cooperation with Mali."
            ),
            "quote": "",
            "attribution": "AFP",
        },
        {
            "id": 19,
            "source": {
                "id": 7,
                "publisher": "Africanews (fr.africanews.com)",
                "title": "Mali : la France suspend sa coopération sécuritaire",
                "url": (
                    "https://fr.africanews.com/2025/09/19/mali-la-france-suspend-sa-"
                    "cooperation-securitaire/"
                ),
                "published_on": "2025-09-19",
            },
            "supports": (
                "Dated 19 September 2025: France has suspended its security "
                "cooperation with Mali, reported on Friday 19 September."
            ),
            "quote": "",
            "attribution": "",
        },
    ],
    "created_at": "2026-11-26T12:00:00Z",
    "updated_at": "2026-11-29T12:00:00Z",
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
    "date_not_before": "2025-08-01",
    "date_not_after": "2025-08-31",
    "announced_on": "2025-08-14",
    "summary": (
        "Malian authorities arrest a member of the French embassy in Bamako, accused "
        "of working for French intelligence and of plotting with \"a small group of "
        "marginal elements\" of the Malian armed forces."
    ),
    "notes": (
        "The article dates the arrest to August 2025 only. The French foreign "
        "ministry later said he had been detained since 13 August (statement reported"
        " by banouto.bj on 22 December 2025). Reports conflict on the day of the "
        "announcement: the article (AFP) says 15 August; West Africa Weekly and News "
        "Pravda report it on Malian state television on the evening of 14 August. "
        "Both are cited; the earlier day is recorded."
    ),
    "episode": EPISODE_BRIEF,
    "in_response_to": None,
    "cameo_code": "173",
    "plover": "COERCE",
    "plover_mode": "arrest",
    "citations": [
        {
            "id": 1,
            "source": ARTICLE_BRIEF,
            "supports": "",
            "quote": (
                "La France a mis fin à sa collaboration dans la lutte contre le "
                "terrorisme avec le Mali, après l’arrestation au mois d’août à Bamako"
                " d’un diplomate français."
            ),
            "attribution": "",
        },
        {
            "id": 2,
            "source": ARTICLE_BRIEF,
            "supports": "",
            "quote": (
                "La mesure a été prise en réaction directe à l’arrestation d’un agent"
                " diplomatique français, soupçonné par les autorités maliennes de "
                "travailler pour les services de renseignement français."
            ),
            "attribution": "French diplomatic source",
        },
        {
            "id": 3,
            "source": {
                "id": 2,
                "publisher": "Banouto (banouto.bj)",
                "title": (
                    "[Report of a French foreign ministry statement on the French "
                    "embassy member detained in Mali]"
                ),
                "url": "",
                "published_on": "2025-12-22",
            },
            "supports": "",
            "quote": "",
            "attribution": "French foreign ministry (detained since 13 August)",
        },
        {
            "id": 4,
            "source": {
                "id": 10,
                "publisher": "Bénin Web TV",
                "title": (
                    "Mali : les autorités dénoncent un plan soutenu par des États "
                    "étrangers, un Français arrêté"
                ),
                "url": (
                    "https://beninwebtv.bj/mali-autorites-denoncent-plan-soutenu-par-"
                    "etats-etrangers-un-francais-arrete/"
                ),
                "published_on": "2025-08-14",
            },
            "supports": (
                "Dated 14 August 2025: the Malian authorities announce the arrest of "
                "a French national, in a plot they say foreign states backed."
            ),
            "quote": "",
            "attribution": "Malian authorities",
        },
    ],
    "created_at": "2026-11-26T12:00:00Z",
    "updated_at": "2026-11-26T12:00:00Z",
    "envoys": [
        {
            "id": 1,
            "name": "",
            "description": (
                "Member of the French embassy in Bamako, arrested in August 2025 "
                "(unnamed)"
            ),
        },
    ],
    "accusation": (
        "Working for the French intelligence services and plotting with \"a small "
        "group of marginal elements of the Malian armed and security forces\" to "
        "destabilise Mali's institutions."
    ),
    "released_on": None,
}

DIPLOMATIC_STATEMENT = {
    "id": 3,
    "kind": "statement",
    "actor": FRANCE,
    "target": MALI,
    "date": "2025-08-16",
    "date_precision": "day",
    "date_not_before": "2025-08-16",
    "date_not_after": "2025-08-16",
    "announced_on": None,
    "summary": (
        "The French foreign ministry calls the accusations unfounded, demands the "
        "release \"without delay\" of its national, an accredited member of the "
        "embassy, and calls the arrest a deliberate breach of international law."
    ),
    "notes": (
        "The article does not date the statement; L'Orient-Le Jour gives 16 August."
    ),
    "episode": EPISODE_BRIEF,
    "in_response_to": {
        "id": 1,
        "kind": "detention",
        "date": "2025-08-01",
        "date_precision": "month",
        "actor": "ML",
        "target": "FR",
    },
    "cameo_code": "1053",
    "plover": "REQUEST",
    "plover_mode": "yield",
    "citations": [
        {
            "id": 9,
            "source": ARTICLE_BRIEF,
            "supports": "",
            "quote": (
                "De son côté, le ministère français des Affaires étrangères a dénoncé"
                " des « accusations sans fondement » et exigé la « libération sans "
                "délai » de son ressortissant, rappelant qu’il s’agissait d’un membre"
                " de l’ambassade."
            ),
            "attribution": "French foreign ministry",
        },
        {
            "id": 10,
            "source": ARTICLE_BRIEF,
            "supports": "",
            "quote": (
                "La France a jugé cet acte contraire au droit international, estimant"
                " que le Mali violait « délibérément une des règles les plus "
                "fondamentales du droit international, s’agissant d’un agent "
                "diplomatique dûment accrédité par les autorités maliennes »."
            ),
            "attribution": "French foreign ministry",
        },
        {
            "id": 11,
            "source": {
                "id": 5,
                "publisher": "L'Orient-Le Jour",
                "title": (
                    "Le Français arrêté au Mali est l'objet d'accusations « sans "
                    "fondement » (diplomatie française)"
                ),
                "url": (
                    "https://www.lorientlejour.com/article/1473853/le-francais-"
                    "arrete-au-mali-est-lobjet-daccusations-sans-fondement-"
                    "diplomatie-francaise.html"
                ),
                "published_on": "2025-08-16",
            },
            "supports": (
                "Dated 16 August 2025: French diplomacy says the accusations against "
                "the Frenchman arrested in Mali are unfounded."
            ),
            "quote": "",
            "attribution": "French foreign ministry, 16 August",
        },
    ],
    "created_at": "2026-11-26T12:00:00Z",
    "updated_at": "2026-11-26T12:00:00Z",
    "statement_type": "demand_for_release",
    "persons_count": None,
}

RECALL = {
    "id": 9,
    "kind": "recall",
    "actor": ALGERIA,
    "target": MOROCCO,
    "date": "2021-07-18",
    "date_precision": "day",
    "date_not_before": "2021-07-18",
    "date_not_after": "2021-07-18",
    "announced_on": None,
    "summary": (
        "Algeria recalls its ambassador in Rabat, Abdelhamid Abdaoui, for "
        "consultations with immediate effect, after Morocco's UN envoy backed self-"
        "determination for the Kabylie region and Rabat gave no satisfactory answer, "
        "and reserves further measures."
    ),
    "notes": (
        "ch-aviation places the recall of the ambassador after the 24 August rupture;"
        " the reports of 18–19 July (Al Jazeera, Middle East Monitor) date it to "
        "Sunday 18 July, which is recorded."
    ),
    "episode": {
        "slug": "algeria-morocco-2021",
        "title": (
            "Algeria–Morocco 2021: Algeria recalls its ambassador, breaks off "
            "relations and closes its airspace to Moroccan aircraft"
        ),
    },
    "in_response_to": None,
    "cameo_code": "161",
    "plover": "SANCTION",
    "plover_mode": "withdraw",
    "citations": [
        {
            "id": 26,
            "source": {
                "id": 20,
                "publisher": "Al Jazeera",
                "title": (
                    "[Algeria recalls envoy to Morocco in row over Western Sahara]"
                ),
                "url": (
                    "https://www.aljazeera.com/news/2021/7/18/algeria-recalls-envoy-"
                    "to-morocco-in-row-over-western-sahara"
                ),
                "published_on": "2021-07-18",
            },
            "supports": (
                "Reports on 18 July 2021 that Algeria's foreign ministry recalled its"
                " ambassador to Morocco and hinted at further measures, over the "
                "remarks of Morocco's UN envoy Omar Hilale on Kabylie."
            ),
            "quote": "",
            "attribution": "Algerian foreign ministry",
        },
        {
            "id": 27,
            "source": {
                "id": 21,
                "publisher": "Middle East Monitor",
                "title": (
                    "[Algeria recalls ambassador from Morocco for consultation]"
                ),
                "url": (
                    "https://www.middleeastmonitor.com/20210719-algeria-recalls-"
                    "ambassador-from-morocco-for-consultation/"
                ),
                "published_on": "2021-07-19",
            },
            "supports": (
                "Reports that the foreign ministry said on Sunday that, without a "
                "positive Moroccan answer, it had decided to recall ambassador "
                "Abdelhamid Abdaoui immediately for consultations, further measures "
                "being possible."
            ),
            "quote": "",
            "attribution": "Algerian foreign ministry statement",
        },
        {
            "id": 28,
            "source": {
                "id": 17,
                "publisher": "UrduPoint, Sputnik dispatch",
                "title": (
                    "Algeria Cuts Diplomatic Ties With Morocco Over 'Hostile Actions'"
                ),
                "url": (
                    "https://www.urdupoint.com/en/world/algeria-cuts-diplomatic-ties-"
                    "with-morocco-ove-1333698.html"
                ),
                "published_on": "2021-08-24",
            },
            "supports": (
                "Reports that Algeria pulled its ambassador from Rabat after tensions"
                " flared in July."
            ),
            "quote": "",
            "attribution": "",
        },
        {
            "id": 29,
            "source": {
                "id": 22,
                "publisher": "ch-aviation",
                "title": (
                    "[Algeria closes airspace to Morocco; RAM not concerned]"
                ),
                "url": (
                    "https://www.ch-aviation.com/portal/news/107983-algeria-closes-"
                    "airspace-to-morocco-ram-not-concerned"
                ),
                "published_on": None,
            },
            "supports": (
                "States that Algiers broke off relations on 24 August before "
                "recalling its ambassador from Rabat."
            ),
            "quote": "",
            "attribution": "",
        },
    ],
    "created_at": "2026-11-29T12:00:00Z",
    "updated_at": "2026-11-29T12:00:00Z",
    "envoys": [
        {
            "id": 9,
            "name": "Abdelhamid Abdaoui",
            "description": "",
        },
    ],
    "returned_on": None,
}

RUPTURE = {
    "id": 11,
    "kind": "rupture",
    "actor": ALGERIA,
    "target": MOROCCO,
    "date": "2021-08-24",
    "date_precision": "day",
    "date_not_before": "2021-08-24",
    "date_not_after": "2021-08-24",
    "announced_on": None,
    "summary": (
        "Algeria breaks off diplomatic relations with Morocco from that day, citing "
        "Morocco's hostile actions; consulates in each country stay open."
    ),
    "notes": "",
    "episode": {
        "slug": "algeria-morocco-2021",
        "title": (
            "Algeria–Morocco 2021: Algeria recalls its ambassador, breaks off "
            "relations and closes its airspace to Moroccan aircraft"
        ),
    },
    "in_response_to": None,
    "cameo_code": "161",
    "plover": "SANCTION",
    "plover_mode": "discontinue",
    "citations": [
        {
            "id": 31,
            "source": {
                "id": 13,
                "publisher": "The News International",
                "title": "[Algeria cuts diplomatic ties with Morocco]",
                "url": (
                    "https://www.thenews.com.pk/print/882594-algeria-cuts-diplomatic-"
                    "ties-with-morocco"
                ),
                "published_on": "2021-08-25",
            },
            "supports": (
                "Reports that Foreign Minister Ramtane Lamamra said on Tuesday that "
                "Algeria had severed diplomatic relations with Morocco from that day "
                "over its hostile actions, and accused Morocco of financing terrorist"
                " organisations and of a role in the Kabylie wildfires."
            ),
            "quote": "",
            "attribution": "Foreign Minister Ramtane Lamamra, press conference",
        },
        {
            "id": 32,
            "source": {
                "id": 14,
                "publisher": "Echorouk Online (English edition)",
                "title": (
                    "[Ramtane Lamamra: Algeria decides to cut diplomatic relations "
                    "with Morocco starting today]"
                ),
                "url": (
                    "https://www.echoroukonline.com/ramtane-lamamra-algeria-decides-"
                    "to-cut-diplomatic-relations-with-morocco-starting-today"
                ),
                "published_on": "2021-08-24",
            },
            "supports": (
                "Reports that Lamamra announced the break starting Tuesday 24 August,"
                " citing hostile acts, threats made against Algeria by the Israeli "
                "foreign minister from Rabat, and Moroccan cooperation with the MAK "
                "and Rachad movements."
            ),
            "quote": "",
            "attribution": "Foreign Minister Ramtane Lamamra, press conference",
        },
        {
            "id": 33,
            "source": {
                "id": 15,
                "publisher": "eTurboNews",
                "title": "[Algeria severs diplomatic relations with Morocco]",
                "url": (
                    "https://eturbonews.com/3001451/algeria-severs-diplomatic-"
                    "relations-with-morocco/"
                ),
                "published_on": "2021-08-24",
            },
            "supports": (
                "Reports that the break took effect immediately but that consulates "
                "in each country would remain open."
            ),
            "quote": "",
            "attribution": "Foreign Minister Ramtane Lamamra",
        },
        {
            "id": 34,
            "source": {
                "id": 16,
                "publisher": "National Post, Reuters dispatch",
                "title": "Algeria says cutting diplomatic ties with Morocco",
                "url": (
                    "https://nationalpost.com/pmn/news-pmn/disaster-pmn/algeria-says-"
                    "cutting-diplomatic-ties-with-morocco-2"
                ),
                "published_on": "2021-08-24",
            },
            "supports": (
                "Reports that Lamamra announced the cut in relations at a news "
                "conference on Tuesday, accusing Morocco of hostile actions."
            ),
            "quote": "",
            "attribution": "Foreign Minister Ramtane Lamamra (Reuters)",
        },
        {
            "id": 35,
            "source": {
                "id": 17,
                "publisher": "UrduPoint, Sputnik dispatch",
                "title": (
                    "Algeria Cuts Diplomatic Ties With Morocco Over 'Hostile Actions'"
                ),
                "url": (
                    "https://www.urdupoint.com/en/world/algeria-cuts-diplomatic-ties-"
                    "with-morocco-ove-1333698.html"
                ),
                "published_on": "2021-08-24",
            },
            "supports": (
                "Reports the announcement of 24 August 2021 that Algeria would sever "
                "relations with Morocco from that Tuesday."
            ),
            "quote": "",
            "attribution": "Foreign Minister Ramtane Lamamra (Sputnik)",
        },
    ],
    "created_at": "2026-11-29T12:00:00Z",
    "updated_at": "2026-11-29T12:00:00Z",
    "restored_on": None,
}

MISSION_CLOSURE = {
    "id": 17,
    "kind": "mission_closure",
    "actor": {
        "code": "AU",
        "name": "Australia",
    },
    "target": {
        "code": "IR",
        "name": "Iran",
    },
    "date": "2025-08-26",
    "date_precision": "day",
    "date_not_before": "2025-08-26",
    "date_not_after": "2025-08-26",
    "announced_on": None,
    "summary": "Australia suspends the operations of its embassy in Tehran.",
    "notes": (
        "A suspension of operations, recorded as a closure of its own mission; "
        "Foreign Minister Penny Wong said Australia would keep diplomatic lines open "
        "with Iran (L'Orient Today)."
    ),
    "episode": {
        "slug": "australia-iran-2025",
        "title": (
            "Australia–Iran 2025: Australia expels the Iranian ambassador and three "
            "officials over antisemitic arson attacks"
        ),
    },
    "in_response_to": None,
    "cameo_code": "161",
    "plover": "SANCTION",
    "plover_mode": "expel",
    "citations": [
        {
            "id": 50,
            "source": {
                "id": 25,
                "publisher": "L'Orient Today (AFP dispatch)",
                "title": (
                    "[Australia expels Iran ambassador over antisemitic attacks]"
                ),
                "url": (
                    "https://today.lorientlejour.com/article/1474968/australia-"
                    "expels-iran-ambassador-over-antisemitic-attacks.html"
                ),
                "published_on": "2025-08-26",
            },
            "supports": (
                "Reports that Australia suspended the operations of its embassy in "
                "Tehran."
            ),
            "quote": "",
            "attribution": "Australian government",
        },
        {
            "id": 51,
            "source": {
                "id": 27,
                "publisher": "CNA (channelnewsasia.com)",
                "title": (
                    "Iran vows to reciprocate after Australia expels envoy"
                ),
                "url": (
                    "https://www.channelnewsasia.com/world/iran-vows-reciprocate-"
                    "after-australia-expels-envoy-5315621"
                ),
                "published_on": None,
            },
            "supports": (
                "Reports that Australia suspended operations at its embassy in "
                "Tehran, opened in 1968."
            ),
            "quote": "",
            "attribution": "",
        },
        {
            "id": 52,
            "source": {
                "id": 28,
                "publisher": "MENAFN, Nam News Network (after IRNA)",
                "title": (
                    "[Iran condemns Australia for expelling ambassador, warns of "
                    "reciprocal measures]"
                ),
                "url": (
                    "https://menafn.com/1109980341/Iran-Condemns-Australia-For-"
                    "Expelling-Ambassador-Warns-Of-Reciprocal-Measures"
                ),
                "published_on": "2025-08-26",
            },
            "supports": (
                "Reports that Albanese said the embassy in Tehran had suspended "
                "operations."
            ),
            "quote": "",
            "attribution": "Prime Minister Anthony Albanese",
        },
    ],
    "created_at": "2026-11-29T12:00:00Z",
    "updated_at": "2026-11-29T12:00:00Z",
    "mission": {
        "id": 6,
        "kind": "embassy",
        "city": "Tehran",
    },
    "reopened_on": None,
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
