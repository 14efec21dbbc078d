"""A web page on another origin reads the API with fetch(), and cannot write to it."""

import http.server
import threading
from functools import partial

import pytest

PAGE = """<!doctype html><meta charset="utf-8"><title>Another origin</title>
<pre id="read">…</pre><pre id="write">…</pre>
<script>
const api = "{api}";
const show = (id, text) => {{ document.getElementById(id).textContent = text; }};
fetch(api + "/api/v1/actions/?limit=1")
  .then(async (response) => {{
    const body = await response.json();
    document.getElementById("read").textContent = JSON.stringify({{
      status: response.status, count: body.count, kind: body.results[0].kind,
      etag: response.headers.get("ETag"), cache: response.headers.get("Cache-Control"),
    }});
  }})
  .catch((error) => {{ document.getElementById("read").textContent = "failed: " + error; }});
fetch(api + "/api/v1/sources/", {{
  method: "POST",
  headers: {{"Content-Type": "application/json", "Authorization": "Token not-sent"}},
  body: JSON.stringify({{publisher: "A page", title: "Should not be written"}}),
}})
  .then((response) => {{ show("write", "sent " + response.status); }})
  .catch(() => {{ show("write", "refused"); }});
</script>
"""


class _PageHandler(http.server.BaseHTTPRequestHandler):
    def __init__(self, *args, body, **kwargs):
        self.body = body
        super().__init__(*args, **kwargs)

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(self.body.encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def other_origin(live_server):
    body = PAGE.format(api=live_server.url)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(_PageHandler, body=body)
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_a_page_on_another_origin_reads_the_json_and_cannot_write(page, other_origin):
    page.goto(other_origin)

    page.wait_for_function("document.getElementById('read').textContent.startsWith('{')")
    page.wait_for_function("document.getElementById('write').textContent !== '…'")
    read = page.eval_on_selector("#read", "element => JSON.parse(element.textContent)")
    assert read["status"] == 200
    assert read["count"] >= 8
    assert read["kind"]
    assert read["etag"]  # exposed to scripts
    assert read["cache"].startswith("public, max-age=")
    assert page.text_content("#write") == "refused"
