def test_actions_feed_lists_the_seed_episode(client, db):
    response = client.get("/api/v1/actions/?state=ML")
    assert response.status_code == 200
    assert response.json()["count"] == 8
