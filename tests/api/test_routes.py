"""The JSON API over a real store, in-process: listings, filters, cursors, errors, the token, OpenAPI."""

from __future__ import annotations

from typing import Any

from serve_story import TOKEN, Client
from volte.api.routes import router as api_router
from volte.model import entity_id

VALCOURT = entity_id("Marguerite Valcourt")
REINHOLT = entity_id("Tomas Reinholt")
NATO = entity_id("NATO")


def ids(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_statements_newest_said_first_undated_last(client: Client, story: dict[str, Any]) -> None:
    s = story["statements"]
    got = ids(client.get("/api/statements"))
    assert set(got) == {st.id for st in s.values()}
    said = [story_said for story_said in (next(v for v in s.values() if v.id == i).said for i in got)]
    assert said[:2] == ["2022-03-04", "2022-03-04"]
    assert said[2] == "2019-01-01"
    assert said[-1] is None  # the undated report comes last


def test_cursor_pagination_walks_every_statement_once(client: Client, story: dict[str, Any]) -> None:
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        response = client.get("/api/statements", params={"limit": 2, **({"cursor": cursor} if cursor else {})})
        page = response.json()
        assert len(page["items"]) <= 2
        seen += [item["id"] for item in page["items"]]
        pages += 1
        cursor = page["next"]
        if cursor is None:
            break
    assert pages == 3
    assert seen == ids(client.get("/api/statements"))


def test_keyword_search_uses_the_full_text_index(client: Client, story: dict[str, Any]) -> None:
    s = story["statements"]
    assert ids(client.get("/api/statements", params={"q": "responsibility"})) == [s["russia"].id]
    # Whole words, any case; a final `*` makes a prefix.
    assert ids(client.get("/api/statements", params={"q": "NATO memb*"})) == [s["goal"].id]
    assert ids(client.get("/api/statements", params={"q": "NATO memb"})) == []
    assert set(ids(client.get("/api/statements", params={"q": "nato"}))) == {
        s["goal"].id, s["friends"].id, s["relic"].id, s["xss"].id}
    assert ids(client.get("/api/statements", params={"q": "?!"})) == []
    # Search pages too.
    first = client.get("/api/statements", params={"q": "nato", "limit": 3}).json()
    second = client.get("/api/statements", params={"q": "nato", "limit": 3, "cursor": first["next"]}).json()
    assert len(first["items"]) == 3 and len(second["items"]) == 1 and second["next"] is None
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}


def test_filters(client: Client, story: dict[str, Any]) -> None:
    s = story["statements"]
    by_name = ids(client.get("/api/statements", params={"speaker": "Tomas Reinholt"}))
    assert set(by_name) == {s["relic"].id, s["plan"].id}
    assert ids(client.get("/api/statements", params={"speaker": REINHOLT})) == by_name
    assert set(ids(client.get("/api/statements", params={"target": "NATO", "stance": "against"}))) == {
        s["friends"].id, s["relic"].id}
    assert ids(client.get("/api/statements", params={"stance": "favor"})) == [s["goal"].id]
    assert ids(client.get("/api/statements", params={"kind": "indirect"})) == [s["plan"].id]
    assert set(ids(client.get("/api/statements", params={"said_from": "2019", "said_to": "2021"}))) == {s["xss"].id}
    assert set(ids(client.get("/api/statements", params={"published_from": "2020-01-01"}))) == {
        s["russia"].id, s["goal"].id, s["plan"].id}
    assert set(ids(client.get("/api/statements", params={"source": "ledger/congress.md"}))) == {
        s["friends"].id, s["relic"].id}
    assert ids(client.get("/api/statements", params={"article": story["articles"]["indirect"].id})) == [s["plan"].id]
    solo = s["plan"].id.replace("s_", "c_")
    assert ids(client.get("/api/statements", params={"cluster": solo})) == [s["plan"].id]
    assert ids(client.get("/api/statements", params={"q": "nato", "speaker": VALCOURT, "stance": "favor"})) == [
        s["goal"].id]


def test_bad_parameters_are_json_errors(client: Client) -> None:
    cases = {
        "/api/statements?stance=maybe": (400, "stance"),
        "/api/statements?said_from=March": (400, "said_from"),
        "/api/statements?limit=1000": (400, "limit"),
        "/api/statements?cursor=not-a-cursor": (400, "bad cursor"),
        "/api/statements?speaker=Nobody%20At%20All": (404, "no entity 'Nobody At All'"),
        "/api/statements/s_0000": (404, "no statement 's_0000'"),
        "/api/articles/a_0000": (404, "no article"),
        "/api/clusters/c_0000": (404, "no cluster"),
        "/api/nowhere": (404, "no page at /api/nowhere"),
        "/api/speakers/e_nobody/timeline": (400, "target"),
    }
    for url, (status, words) in cases.items():
        response = client.get(url)
        assert response.status_code == status, url
        assert response.headers["content-type"].startswith("application/json"), url
        error = response.json()["error"]
        assert error["status"] == status
        assert words in error["message"], (url, error)


def test_statement_and_article_offsets(client: Client, story: dict[str, Any]) -> None:
    goal = story["statements"]["goal"]
    item = client.get(f"/api/statements/{goal.id}").json()
    assert item["speaker"] == {"id": VALCOURT, "name": "Marguerite Valcourt", "type": "person"}
    assert item["targets"][0]["name"] == "NATO" and item["targets"][0]["stance"] == "favor"
    assert item["article"]["url"] == "https://ledger.example/war" and item["article"]["author"] == "Ada Byline"
    assert item["cluster"] == goal.id.replace("s_", "c_") and item["corrections"] == []
    article = client.get(f"/api/articles/{item['article']['id']}").json()
    assert [st["id"] for st in article["statements"]] == [story["statements"]["russia"].id, goal.id]
    for st in article["statements"]:
        words = client.get(f"/api/statements/{st['id']}").json()["text"]
        assert article["text"][st["start"] : st["end"]] == words
    # Articles are listed by part of their source too.
    assert [a["id"] for a in client.get("/api/articles", params={"source": "war.md"}).json()["items"]] == [
        article["id"]]
    assert [a["id"] for a in client.get("/api/articles", params={"published_from": "2022"}).json()["items"]] == [
        article["id"]]


def test_speakers_entities_timeline_target(client: Client, story: dict[str, Any]) -> None:
    speakers = client.get("/api/speakers").json()["items"]
    assert [(sp["name"], sp["statements"]) for sp in speakers[:2]] == [
        ("Marguerite Valcourt", 3), ("Tomas Reinholt", 2)]
    page = client.get("/api/speakers", params={"limit": 1}).json()
    assert page["items"][0]["id"] == VALCOURT
    assert client.get("/api/speakers", params={"limit": 1, "cursor": page["next"]}).json()["items"][0]["id"] == REINHOLT
    speaker = client.get(f"/api/speakers/{VALCOURT}").json()
    nato = next(t for t in speaker["targets"] if t["name"] == "NATO")
    assert (nato["favor"], nato["against"], nato["months"]) == (
        1, 1, {"2016-05": {"favor": 0, "against": 1, "neutral": 0}, "2022-03": {"favor": 1, "against": 0, "neutral": 0}})
    timeline = client.get(f"/api/speakers/{VALCOURT}/timeline", params={"target": "NATO", "order": "oldest"}).json()
    assert [(e["said"], e["stance"]) for e in timeline["items"]] == [("2016-05-01", "against"), ("2022-03-04", "favor")]
    target = client.get(f"/api/targets/{NATO}").json()
    assert target["overall"]["statements"] == 4
    assert {sp["name"]: sp["statements"] for sp in target["speakers"]} == {
        "Marguerite Valcourt": 2, "Tomas Reinholt": 1, "Eve <b>Hacker</b>": 1}
    entities = client.get("/api/entities", params={"q": "nat"}).json()["items"]
    assert [e["name"] for e in entities] == ["NATO"]


def test_writes_need_the_token(client: Client, readonly: Client, story: dict[str, Any]) -> None:
    relic = story["statements"]["relic"].id
    body = {"field": "speaker", "name": "Petra Lind", "who": "Desk editor", "note": "checked the video"}
    url = f"/api/statements/{relic}/corrections"
    assert readonly.post(url, json=body, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 403
    assert client.post(url, json=body).status_code == 401
    assert client.post(url, json={}).status_code == 401  # the token is checked before the body
    wrong = client.post(url, json=body, headers={"Authorization": "Bearer s3cret-tokem"})
    assert wrong.status_code == 401 and "token" in wrong.json()["error"]["message"]
    assert client.get(f"/api/statements/{relic}").json()["speaker"]["name"] == "Tomas Reinholt"
    done = client.post(url, json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert done.status_code == 201, done.text
    assert done.json()["statement"]["speaker"]["name"] == "Petra Lind"
    after = client.get(f"/api/statements/{relic}").json()
    assert after["speaker"]["name"] == "Petra Lind"
    (correction,) = after["corrections"]
    assert correction["note"] == "[by Desk editor via volte serve] checked the video" and correction["created_at"]
    # The statement moved to its new speaker's listings and pages.
    assert relic in ids(client.get("/api/statements", params={"speaker": "Petra Lind"}))
    assert relic not in ids(client.get("/api/statements", params={"speaker": REINHOLT}))
    # The other header works too, and a bad body is a 400.
    stance = client.post(url, json={"field": "stance", "target": "NATO", "stance": "favor"},
                         headers={"X-Volte-Token": TOKEN})
    assert stance.status_code == 201
    assert relic in ids(client.get("/api/statements", params={"target": "NATO", "stance": "favor"}))
    assert client.post(url, json={"field": "speaker"}, headers={"X-Volte-Token": TOKEN}).status_code == 400
    assert client.post(url, json={"field": "colour"}, headers={"X-Volte-Token": TOKEN}).status_code == 400
    missing = client.post("/api/statements/s_0000/corrections", json=body, headers={"X-Volte-Token": TOKEN})
    assert missing.status_code == 404


def test_merge_with_the_token(client: Client) -> None:
    body = {"alias": "Tomas Reinholt", "into": "Marguerite Valcourt"}
    assert client.post("/api/entities/merge", json=body).status_code == 401
    merged = client.post("/api/entities/merge", json=body, headers={"X-Volte-Token": TOKEN})
    assert merged.status_code == 201, merged.text
    assert merged.json()["into"]["aliases"][0]["name"] == "Tomas Reinholt"
    old = client.get(f"/api/entities/{REINHOLT}").json()
    assert old["id"] == VALCOURT and old["merged_from"] == REINHOLT
    assert len(ids(client.get("/api/statements", params={"speaker": "Tomas Reinholt"}))) == 5
    # The old page address leads to the entity it is part of.
    redirect = client.get(f"/speakers/{REINHOLT}")
    assert redirect.status_code == 301 and redirect.headers["location"] == f"/speakers/{VALCOURT}"


def test_voice_filter(client: Client, story: dict[str, Any]) -> None:
    """`voice` (CONTRACT.md): every statement has one; the API filters on it and returns it."""
    plan = story["statements"]["plan"]
    assert plan.voice in ("reported", "characterized")
    voiced = ids(client.get("/api/statements", params={"voice": plan.voice}))
    assert plan.id in voiced
    assert plan.id not in ids(client.get("/api/statements", params={"voice": "quoted"}))
    assert client.get(f"/api/statements/{plan.id}").json()["voice"] == plan.voice


def test_reversals_and_clusters(client: Client) -> None:
    # Two statements on each side are needed for a change of stance: this story has none.
    assert client.get("/api/reversals").json() == {"items": [], "next": None}
    assert client.get("/api/clusters").json()["items"] == []


def test_openapi_lists_every_endpoint_with_its_parameters(client: Client) -> None:
    spec = client.get("/openapi.json").json()
    routes = {route.path for route in api_router.routes}
    assert routes and routes == set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/api/statements"]["get"]["parameters"]}
    assert {"q", "speaker", "target", "stance", "kind", "voice", "said_from", "said_to", "published_from",
            "published_to", "source", "article", "cluster", "limit", "cursor"} <= params
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            if method == "get" and "{" not in path:
                assert "cursor" in {p["name"] for p in operation.get("parameters", [])}, path
    assert not any(p.startswith("/statements") for p in spec["paths"])  # pages are not API


def test_security_headers(client: Client) -> None:
    for url in ("/api/statements", "/", "/static/volte.css"):
        csp = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, url


def test_statements_are_the_contract_objects(client: Client, story: dict[str, Any]) -> None:
    """The API's statement objects hold the export's (CONTRACT.md) with the same values; it only adds fields."""
    from volte.store import Store

    with Store.open(story["path"]) as store:
        exported = {s.id: s.as_json(a) for s, a in store.iter_statements()}
    assert len(exported) == 6
    for sid, expected in exported.items():
        got = client.get(f"/api/statements/{sid}").json()
        for key, value in expected.items():
            if key == "targets":
                assert [{k: t[k] for k in value[0]} for t in got["targets"]] == value if value else got[key] == []
            elif key == "article":
                assert {k: got["article"][k] for k in value} == value
            else:
                assert got[key] == value, (sid, key)


def test_corrections_apply_everywhere(client: Client, story: dict[str, Any]) -> None:
    s = story["statements"]
    auth = {"X-Volte-Token": TOKEN}
    url = "/api/statements/{}/corrections"
    assert client.post(url.format(s["friends"].id), json={"field": "not_statement"}, headers=auth).status_code == 201
    assert s["friends"].id not in ids(client.get("/api/statements"))
    assert s["friends"].id not in ids(client.get("/api/statements", params={"speaker": VALCOURT}))
    assert client.get(f"/api/statements/{s['friends'].id}").json()["hidden"] is True
    article = client.get(f"/api/articles/{s['friends'].article_id}").json()
    assert [st["id"] for st in article["statements"]] == [s["relic"].id]
    speaker = client.get(f"/api/speakers/{VALCOURT}").json()
    assert speaker["statements"] == 2
    assert next(t for t in speaker["targets"] if t["name"] == "NATO")["against"] == 0
    # A stance set by hand counts on the target's page and in the filters; "none" takes the target away.
    assert client.post(url.format(s["relic"].id), json={"field": "stance", "target": "NATO", "stance": "favor"},
                       headers=auth).status_code == 201
    assert client.post(url.format(s["goal"].id), json={"field": "stance", "target": "NATO", "stance": "none"},
                       headers=auth).status_code == 201
    target = client.get(f"/api/targets/{NATO}").json()
    assert {sp["name"]: (sp["favor"], sp["against"]) for sp in target["speakers"]} == {
        "Tomas Reinholt": (1, 0), "Eve <b>Hacker</b>": (0, 0)}
    assert ids(client.get("/api/statements", params={"target": NATO, "stance": "favor"})) == [s["relic"].id]
    assert s["goal"].id not in ids(client.get("/api/statements", params={"target": NATO}))
    # Taking the not-a-statement back brings it back.
    assert client.post(url.format(s["friends"].id), json={"field": "not_statement", "undo": True},
                       headers=auth).status_code == 201
    assert s["friends"].id in ids(client.get("/api/statements", params={"speaker": VALCOURT}))
