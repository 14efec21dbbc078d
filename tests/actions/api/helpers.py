def result_ids(response):
    """The ids of a JSON page of results."""
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]
