def result_ids(response):
    """The ids of a JSON page of results."""
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def error_fields(response):
    """The parameters or fields an error names, in order.

    Reads DRF's `{"field": [messages]}` and an RFC 9457 problem document's
    `errors` list alike, so the tests hold for either error format.
    """
    assert "json" in response["Content-Type"], response["Content-Type"]
    body = response.json()
    if "errors" in body and isinstance(body["errors"], list):
        return list(dict.fromkeys(error["field"] for error in body["errors"]))
    return list(body)


def error_messages(response):
    body = response.json()
    if "errors" in body and isinstance(body["errors"], list):
        return [error["detail"] for error in body["errors"]]
    return [message for messages in body.values() for message in messages]


def kind_list_urls() -> list[str]:
    """The list URL of every registered kind of action, from the registry."""
    from actions.kinds import KINDS

    return [f"/api/v1/{kind.slug}/" for kind in KINDS.values()]
