"""Writes through the API carry the ETag of the record they change (If-Match)."""


def if_match(client, url) -> dict:
    """The If-Match header of a write to `url`, from the record as it is now."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return {"HTTP_IF_MATCH": response["ETag"]}
