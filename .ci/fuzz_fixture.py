"""Gives schemathesis something to find behind every id: a publication (a feed post that the
server's own worker publishes), an inbox conversation (a message pushed as a contact form
would, signed with the standardwebhooks library under a webhook channel's secret) and a
variant on the plan.
Prints `publication_id conversation_id variant_id`.
Usage: python3 .ci/fuzz_fixture.py BASE_URL TOKEN"""
import json
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone

from standardwebhooks.webhooks import Webhook

base, token = sys.argv[1].rstrip("/"), sys.argv[2]


def call(method, path, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    h = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    h.update(headers or {})
    req = urllib.request.Request(base + path, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(req) as r:
            return json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        sys.exit(f"fuzz fixture: {method} {path} answered {e.code}: {e.read().decode()}")


approved = call("GET", "/api/v1/ideas?state=approved")["items"]
idea = approved[0]["id"]
call("POST", f"/api/v1/ideas/{idea}/transitions", {"to": "in_production"})
feed = next(c for c in call("GET", "/api/v1/channels")["items"] if c["kind"] == "feed")
piece = call("POST", "/api/v1/content", {"idea_id": idea, "title": "Fuzz piece"})
# A seeded idea may have its piece, with a variant for the feed, already.
variant = next((v["id"] for v in piece["variants"] if v["channel_id"] == feed["id"]), None)
if variant is None:
    variant = call(
        "POST",
        f"/api/v1/content/{piece['id']}/variants",
        {"channel_id": feed["id"], "language": "en", "text": "Open on Sundays from now on."},
    )["id"]
at = (datetime.now(timezone.utc) + timedelta(seconds=2)).isoformat()
call("POST", f"/api/v1/variants/{variant}/schedule", {"at": at})
publication = None
for _ in range(100):
    items = call("GET", "/api/v1/publications")["items"]
    if items:
        publication = items[0]["id"]
        break
    time.sleep(0.2)
if publication is None:
    sys.exit("the fuzz fixture's post was not published")

form = call(
    "POST",
    "/api/v1/channels",
    {"name": "Contact form", "kind": "webhook", "config": {"url": "http://127.0.0.1:9/hook"}},
)
body = json.dumps(
    {
        "channel_id": form["id"],
        "id": "form-1",
        "author": "kunde@example.ch",
        "author_name": "Kundin",
        "text": "Wo ist meine Bestellung?",
        "in_reply_to": None,
        "received_at": datetime.now(timezone.utc).isoformat(),
    }
)
msg_id, now = "msg_fuzz_1", datetime.now(timezone.utc)
signature = Webhook(form["signing_secret"]).sign(msg_id, now, body)
req = urllib.request.Request(
    base + "/api/v1/inbox",
    data=body.encode(),
    method="POST",
    headers={
        "Content-Type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": signature,
    },
)
with urllib.request.urlopen(req) as r:
    conversation = json.loads(r.read())["conversation_id"]
# A second variant planned for next week (the fuzzer runs without workers, so it stays
# planned until the fuzzer takes it off).
planned = call(
    "POST",
    f"/api/v1/content/{piece['id']}/variants",
    {"channel_id": feed["id"], "language": "de", "subject": "Sonntags offen",
     "text": "Neu auch sonntags offen."},
)["id"]
call("POST", f"/api/v1/variants/{planned}/schedule", {"at": (now + timedelta(days=7)).isoformat()})
print(publication, conversation, planned)
