#!/usr/bin/env bash
# Benchmark (not a test): the ideas list and board with filters, and the calendar, over many
# seeded ideas and scheduled variants, measured next to /healthz in the same run, so the
# figures can be read as ratios.
#   IDEAS=100000 VARIANTS=100000 BACKEND=sqlite|postgres DURATION=10s CONNECTIONS=8 benches/pages.sh
#   PATHS="/publications /inbox" benches/pages.sh   # only these (after /healthz)
#   HISTORY=year PATHS="/insights?days=365&by=channel" benches/pages.sh   # a year of 100k posts
#   KEEP=1 …   # leaves the seeded data directory (and PostgreSQL database) for a closer look
set -euo pipefail
cd "$(dirname "$0")/.."
N=${IDEAS:-100000}
V=${VARIANTS:-$N}
DURATION=${DURATION:-10s}
CONNS=${CONNECTIONS:-8}
THREADS=$(( CONNS < 2 ? CONNS : 2 ))
BACKEND=${BACKEND:-sqlite}
PORT=${PORT:-18181}
BASE=http://127.0.0.1:$PORT

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
# BIN=path runs a binary built before (so the tree can change while the benchmark runs).
if [ -z "${BIN:-}" ]; then
  cargo build --release -q
fi
bin=${BIN:-./target/release/pressroom}
dir=$(mktemp -d)
export PRESSROOM_DATA_DIR=$dir PRESSROOM_BIND=127.0.0.1:$PORT RUST_LOG=warn
db=""
if [ "$BACKEND" = postgres ]; then
  db=pressroom_bench_$$
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db"
  export DATABASE_URL=postgres://postgres@127.0.0.1:5432/$db
fi
cleanup() {
  [ -n "${pid:-}" ] && { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; } || true
  # KEEP=1 leaves the seeded data for a closer look.
  if [ -n "${KEEP:-}" ]; then echo "kept: PRESSROOM_DATA_DIR=$dir ${db:+DATABASE_URL=$DATABASE_URL}"; return; fi
  [ -n "$db" ] && psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  rm -rf "$dir"
}
trap cleanup EXIT

$bin seed --ideas "$N" --variants "$V"
$bin serve & pid=$!
for _ in $(seq 1 50); do curl -fs "$BASE/healthz" >/dev/null && break; sleep 0.2; done

jar=$dir/cookies
token=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$jar" -b "$jar" -X POST "$BASE/login" \
  --data-urlencode "csrf_token=$token" --data-urlencode "email=demo.editor@example.com" \
  --data-urlencode "password=pressroom-demo"
session=$(awk '$6 == "pressroom_session" {print $7}' "$jar")
[ -n "$session" ] || { echo "login failed"; exit 1; }

sql() { if [ "$BACKEND" = postgres ]; then psql -qtA -h 127.0.0.1 -U postgres "$db" -c "$1"; else sqlite3 -cmd ".timeout 30000" "$dir/pressroom.db" "$1"; fi; }
# A published history for the insights and idea pages: the variants that fell due 400 to 40
# days ago went out (the calendar's current month stays as seeded).
if [ "$BACKEND" = postgres ]; then ago() { echo "now() - interval '$1 days'"; }; else ago() { echo "datetime('now', '-$1 days')"; }; fi
if [ "${HISTORY:-}" = year ]; then
  # HISTORY=year: every variant went out in the last 365 days, each with some clicks and
  # engagement on its counters (for /insights over a year of 100k publications).
  if [ "$BACKEND" = postgres ]; then day="now() - (id % 365) * interval '1 day'"; else day="datetime('now', '-' || (id % 365) || ' days')"; fi
  sql "INSERT INTO publications (variant_id, channel_id, state, idempotency_key, scheduled_at, attempts, published_at, created_at, updated_at, clicks, engagement) SELECT id, channel_id, 'published', 'bench-' || id, scheduled_at, 1, $day, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, id % 17, id % 23 FROM variants WHERE channel_id IS NOT NULL" >/dev/null
  # Each idea was handed in and approved 1 to 31 days before its post (the funnel's steps and
  # lead times).
  for step in "draft submitted 2" "submitted approved 1"; do
    set -- $step
    if [ "$BACKEND" = postgres ]; then at="now() - ((id % 365) + (id % 30) + $3) * interval '1 day'"; else at="datetime('now', '-' || ((id % 365) + (id % 30) + $3) || ' days')"; fi
    sql "INSERT INTO idea_events (idea_id, at, kind, from_state, to_state, comment, changes, department_id) SELECT id, $at, 'transition', '$1', '$2', '', '', department_id FROM ideas" >/dev/null
  done
else
  sql "INSERT INTO publications (variant_id, channel_id, state, idempotency_key, scheduled_at, attempts, published_at, created_at, updated_at) SELECT id, channel_id, 'published', 'bench-' || id, scheduled_at, 1, scheduled_at, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM variants WHERE channel_id IS NOT NULL AND scheduled_at BETWEEN $(ago 400) AND $(ago 40)" >/dev/null
fi
# What each went out as, as the server writes it when it publishes (migration 000018).
sql "UPDATE publications SET content_id = (SELECT v.content_id FROM variants v WHERE v.id = publications.variant_id), language = (SELECT v.language FROM variants v WHERE v.id = publications.variant_id)" >/dev/null
sql "UPDATE publications SET idea_id = (SELECT cp.idea_id FROM content_pieces cp WHERE cp.id = publications.content_id)" >/dev/null
sql "UPDATE publications SET department_id = (SELECT i.department_id FROM ideas i WHERE i.id = publications.idea_id), pillar = (SELECT i.pillar FROM ideas i WHERE i.id = publications.idea_id), handed_in_at = (SELECT min(e.at) FROM idea_events e WHERE e.idea_id = publications.idea_id AND e.to_state = 'submitted')" >/dev/null
if [ "$BACKEND" = postgres ]; then lead="CAST(round(EXTRACT(EPOCH FROM (published_at - handed_in_at))) AS BIGINT)"; else lead="CAST(round((julianday(published_at) - julianday(handed_in_at)) * 86400) AS INTEGER)"; fi
sql "UPDATE publications SET lead_secs = $lead" >/dev/null
# A database some time after these writes: PostgreSQL's autovacuum has marked the rewritten
# pages all-visible (else every index-only read visits the table), both have statistics.
if [ "$BACKEND" = postgres ]; then sql "VACUUM ANALYZE" >/dev/null; else sql "ANALYZE" >/dev/null; fi
published=$(sql "SELECT count(*) FROM publications")
# An inbox: 2,000 open conversations of three messages each, one come in every ten minutes
# over the last two weeks, each due an hour after it came (most overdue, as in a desk that
# fell behind).
if [ "$BACKEND" = postgres ]; then
  came="now() - id * interval '10 minutes'"; due="now() - (id * 10 - 60) * interval '1 minute'"
else
  came="datetime('now', '-' || (id * 10) || ' minutes')"; due="datetime('now', '-' || (id * 10) || ' minutes', '+60 minutes')"
fi
sql "INSERT INTO conversations (channel_id, thread_key, state, sentiment, received_at, due_at, last_message_at, created_at, updated_at) SELECT (SELECT min(id) FROM channels), 's:' || id, 'open', 'neutral', $came, $due, $came, $came, $came FROM ideas WHERE id <= 2000" >/dev/null
sql "INSERT INTO inbox_messages (conversation_id, channel_id, kind, external_id, author, author_name, text, sentiment, at, created_at) SELECT c.id, c.channel_id, 'in', c.thread_key || '-' || n.k, 'reader@social.example', 'Reader', 'When does the shop open on Sundays?', 'neutral', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM conversations c, (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3) n" >/dev/null
# As above: autovacuum visits a table after a thousand inserted rows, so a live inbox of this
# size is soon all-visible (the open counts come off their index alone).
if [ "$BACKEND" = postgres ]; then
  sql "VACUUM ANALYZE conversations" >/dev/null && sql "VACUUM ANALYZE inbox_messages" >/dev/null
else
  sql "ANALYZE conversations" >/dev/null && sql "ANALYZE inbox_messages" >/dev/null
fi

# An idea whose title shares no word with the seeded ones (the seed's titles come from a few
# dozen words, so every other idea page finds its similar ideas among the first few titles).
# Handed in through the API, as a script would: on SQLite the table of titles' words is kept
# by a function only Pressroom's connections have, so the sqlite3 shell cannot write a title.
api_token=$($bin token create --email demo.editor@example.com --name bench | tail -n 1)
unique=$(curl -fs -H "Authorization: Bearer $api_token" -H 'Content-Type: application/json' \
  -d '{"title": "Zebra crossing safety week", "department_id": 1, "pitch": "Every school, every crossing."}' \
  "$BASE/api/v1/ideas" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
# A piece with variants on scheduled channels: its page lists each variant's free slots.
piece=$(sql "SELECT content_id FROM variants WHERE channel_id IS NOT NULL ORDER BY id LIMIT 1 OFFSET $((V / 2))")

printf '%-55s %12s %10s %14s %10s\n' "path ($N ideas, $V variants, $BACKEND, $CONNS conn.)" "requests/s" "p99" "req/s vs health" "HTML KB"
base_rps=""
default_paths=(
  "/healthz"
  "/"
  "/ideas"
  "/ideas/$((N / 2))"
  "/ideas/$unique"
  "/ideas?state=approved&language=de"
  "/ideas?q=bakery&pillar=Tips&sort=oldest"
  "/ideas?tag=video&assignee=me&from=2020-01-01"
  "/ideas/board"
  "/ideas/board?pillar=Tips&tag=video"
  "/calendar"
  "/calendar?view=week"
  "/calendar?view=agenda&channel=1"
  "/calendar?view=month&language=de&department=1"
  "/content/$piece"
  "/publications"
  "/account"
  "/insights?days=365&by=channel"
  "/insights?days=365&by=department"
  "/inbox")
if [ -n "${PATHS:-}" ]; then read -r -a paths <<< "/healthz $PATHS"; else paths=("${default_paths[@]}"); fi
for path in "${paths[@]}"; do
  # One request first: wrk measures the page warm (the first read after seeding comes from disk).
  curl -s -o /dev/null -H "Cookie: pressroom_session=$session" "$BASE$path"
  out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -H "Cookie: pressroom_session=$session" "$BASE$path")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  [ -z "$non2xx" ] || { echo "$path answered $non2xx non-2xx responses"; exit 1; }
  [ -n "$base_rps" ] || base_rps=$rps
  ratio=$(awk -v a="$rps" -v b="$base_rps" 'BEGIN {printf "%.3f", a / b}')
  kb=$(curl -s -o /dev/null -w '%{size_download}' -H "Cookie: pressroom_session=$session" "$BASE$path" | awk '{printf "%.0f", $1 / 1024}')
  printf '%-55s %12s %10s %14s %10s\n' "$path" "$rps" "$p99" "$ratio" "$kb"
done

echo "(/insights over $published published variants; /inbox over 2,000 open conversations)"

# A tracked link's redirect, with its clicks recorded (a browser's user agent: people's clicks).
sql "INSERT INTO tracked_links (code, publication_id, url, target, created_at) SELECT 'benchLink01', min(id), 'https://example.ch/', 'https://example.ch/?utm_source=bench', CURRENT_TIMESTAMP FROM publications" >/dev/null
ua="Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -H "User-Agent: $ua" "$BASE/l/benchLink01")
rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
sent=$(echo "$out" | awk '/requests in/ {print $1}')
sleep 2
clicks=$(sql "SELECT count(*) FROM link_clicks WHERE bot = false")
ratio=$(awk -v a="$rps" -v b="$base_rps" 'BEGIN {printf "%.3f", a / b}')
printf '%-55s %12s %10s %14s %10s\n' "/l/{code} (302; $clicks of $sent clicks recorded)" "$rps" "$p99" "$ratio" "0"
