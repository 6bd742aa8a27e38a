#!/usr/bin/env bash
# A node lost under load: two DVK nodes on one PostgreSQL behind HAProxy (health-checked on the readiness endpoint);
# the benchmark's mixed workload (bench/mixed.lua under wrk) and a writer that registers models with an
# Idempotency-Key — and sends a failed registration again with the same key, as a phone would — run through the
# balancer while node A is killed with SIGKILL and started again. At the end it checks every page session and every
# acknowledged registration against the database.
#
#   tools/failover.sh [--scale small|national] [--no-generate] [--db NAME] [--seconds 60] [--kill-at 20] [--clients 32]
# --db: the database to use (default dvk_failover_<scale>; e.g. the benchmark's dvk_bench_national with --no-generate).
#
# Needs target/dvk.jar, haproxy, wrk, python3, curl, psql and PostgreSQL at 127.0.0.1:5432 (user postgres).
# Writes target/failover/<time>/summary.md (figures in docs/RELIABILITY.md).
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=small GENERATE=1 SECONDS_=60 KILL_AT=20 CLIENTS=32 DB=
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE=$2; shift ;;
    --no-generate) GENERATE=0 ;;
    --db) DB=$2; shift ;;
    --seconds) SECONDS_=$2; shift ;;
    --kill-at) KILL_AT=$2; shift ;;
    --clients) CLIENTS=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
for tool in haproxy wrk python3 curl psql; do
  command -v $tool > /dev/null || { echo "needs $tool (apt-get install -y haproxy wrk python3 curl postgresql-client)" >&2; exit 2; }
done
JAR=target/dvk.jar
[ -f $JAR ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }
OUT=target/failover/$(date +%Y%m%d-%H%M%S)-$SCALE
mkdir -p "$OUT"
DB=${DB:-dvk_failover_$SCALE}
LB=18100 PA=18101 PB=18102
URL="jdbc:postgresql://127.0.0.1:5432/$DB"
DBARGS=(--spring.datasource.url="$URL" --spring.datasource.username=postgres --spring.datasource.password=)
psql_q() { psql -h 127.0.0.1 -U postgres -d "$DB" -At -c "$1"; }

if [ $GENERATE = 1 ]; then
  psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
  echo "[failover] generating $SCALE"
  java -jar $JAR generate --scale="$SCALE" "${DBARGS[@]}" > "$OUT/generate.log" 2>&1
fi

node() { # name port: starts a node in the background, its pid in $OUT/<name>.pid
  java -Xmx512m -jar $JAR --server.port="$2" --dvk.node-name="$1" "${DBARGS[@]}" >> "$OUT/node-$1.log" 2>&1 &
  echo $! > "$OUT/$1.pid"
}
ready() { # port: waits until the node answers its readiness probe; prints the milliseconds it took
  local start; start=$(date +%s%N)
  until curl -sf -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness"; do sleep 0.1; done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}
cleanup() {
  for f in "$OUT"/a.pid "$OUT"/b.pid "$OUT"/haproxy.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
}
trap cleanup EXIT

node a $PA; node b $PB
echo "[failover] node a ready after $(ready $PA) ms, node b after $(ready $PB) ms"
cat > "$OUT/haproxy.cfg" <<CFG
global
    maxconn 4000
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 2
    option redispatch
    # only what never reached a node is sent again: a request in flight on the killed node fails, as it should
    retry-on conn-failure
frontend dvk
    bind 127.0.0.1:$LB
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    default-server inter 500ms fall 2 rise 2
    server a 127.0.0.1:$PA check
    server b 127.0.0.1:$PB check
CFG
haproxy -f "$OUT/haproxy.cfg" -D -p "$OUT/haproxy.pid"
BASE=http://127.0.0.1:$LB
until curl -sf -o /dev/null "$BASE/actuator/health/readiness"; do sleep 0.2; done

export DVK_BENCH_DATA=$OUT/data.lua
python3 bench/prepare.py "$BASE" "$DVK_BENCH_DATA" 8 4
# the writer (four threads) registers as the reporter of the first writing province of the workload
read -r WRITER_UNIT WRITER_TOKEN <<< "$(python3 - "$DVK_BENCH_DATA" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
m = re.search(r'\["writers"\] = \{\{\["unit"\] = "([^"]+)", \["reporter"\] = "([^"]+)"', t)
print(m.group(1), m.group(2))
PY
)"
RUN=$(date +%H%M%S)

echo "[failover] mixed workload and writer through HAProxy: $CLIENTS clients, ${SECONDS_} s; node a killed at ${KILL_AT} s"
wrk -t "$CLIENTS" -c "$CLIENTS" -d "${SECONDS_}s" --timeout 10s -s bench/mixed.lua "$BASE" -- mixed "$OUT" "$CLIENTS" province \
  > "$OUT/wrk-mixed.txt" 2>&1 &
WRK=$!
python3 - "$BASE" "$WRITER_TOKEN" "$WRITER_UNIT" "$SECONDS_" "$RUN" "$OUT/writer.json" <<'PY' &
import json, sys, threading, time, uuid, urllib.request, urllib.error
base, token, unit, seconds, run, out = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5], sys.argv[6]
acked, counts, lock = [], {"sent": 0, "firstFailed": 0, "retries": 0, "givenUp": 0}, threading.Lock()
end = time.time() + seconds

def writer(w):
    n = 0
    while time.time() < end:
        n += 1
        title = "Mô hình thử mất nút %s-%d-%d" % (run, w, n)
        body = json.dumps({"title": title, "field": "ECONOMY", "unitCode": unit, "level": "PROVINCE", "year": 2025,
                           "holderType": "COLLECTIVE", "holderName": "Hội Nông dân", "origin": "NEW",
                           "summary": "failover"}).encode()
        key, outcome = str(uuid.uuid4()), "givenUp"
        for attempt in range(40):
            req = urllib.request.Request(base + "/api/v1/models", data=body, method="POST")
            req.add_header("Content-Type", "application/json")
            req.add_header("Authorization", "Bearer " + token)
            req.add_header("Idempotency-Key", key)
            try:
                with urllib.request.urlopen(req, timeout=10) as r:
                    a = {"title": title, "id": json.loads(r.read())["id"], "attempts": attempt + 1,
                         "replayed": r.headers.get("Idempotent-Replayed") == "true"}
                with lock:
                    acked.append(a)
                outcome = None
                break
            except (urllib.error.URLError, OSError) as e:
                code = getattr(e, "code", None)
                if code is not None and code < 500 and code != 409:
                    break
                with lock:
                    counts["firstFailed"] += attempt == 0
                    counts["retries"] += 1
                time.sleep(0.25)
        with lock:
            counts["sent"] += 1
            if outcome:
                counts["givenUp"] += 1

threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
for t in threads: t.start()
for t in threads: t.join()
counts["acked"] = acked
counts["replayed"] = sum(1 for a in acked if a["replayed"])
json.dump(counts, open(out, "w"))
PY
WRITER=$!
sleep "$KILL_AT"
kill -9 "$(cat "$OUT/a.pid")"
KILLED=$(date +%s%N)
echo "[failover] node a killed (SIGKILL)"
sleep 1
node a $PA
ready $PA > /dev/null
SERVING=$(( ($(date +%s%N) - KILLED) / 1000000 ))
echo "[failover] node a ready again ${SERVING} ms after the kill"
wait $WRK || true
wait $WRITER || true

# page sessions: each signed-in page user of the workload still opens "Việc cần làm" without signing in again
python3 - "$OUT/data.lua" "$BASE" > "$OUT/sessions.txt" <<'PY'
import re, sys, urllib.request
cookies = re.findall(r'"(SESSION=[^"]+)"', open(sys.argv[1]).read())
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None
opener = urllib.request.build_opener(NoRedirect)
alive = 0
for c in cookies:
    req = urllib.request.Request(sys.argv[2] + "/", headers={"Cookie": c})
    try:
        with opener.open(req, timeout=10) as r:
            alive += r.status == 200
    except Exception:
        pass
print("%d %d" % (alive, len(cookies)))
PY
read -r ALIVE SESSIONS < "$OUT/sessions.txt"

# acknowledged registrations: each exists exactly once, with its audit entry
python3 - "$OUT/writer.json" > "$OUT/acked.sql" <<'PY'
import json, sys
for a in json.load(open(sys.argv[1]))["acked"]:
    print("%d\t%s" % (a["id"], a["title"]))
PY
psql -q -h 127.0.0.1 -U postgres -d "$DB" -c "create temp table acked (id bigint, title text)" \
  -c "\\copy acked from '$OUT/acked.sql'" \
  -c "\\o $OUT/check.txt" \
  -c "select (select count(*) from acked), (select count(*) from acked a where not exists (select 1 from model_model m where m.id = a.id and m.title = a.title)), (select count(*) from acked a where (select count(*) from model_model m where m.title = a.title) > 1), (select count(*) from acked a where not exists (select 1 from shared_audit_entry e where e.subject_type = 'MODEL' and e.subject_id = a.id and e.action = 'CREATE'))" > /dev/null
read -r ACKED LOST DUPLICATED NO_AUDIT <<< "$(tr '|' ' ' < "$OUT/check.txt" | sed -n 3p)"

python3 - "$OUT" "$SECONDS_" "$KILL_AT" "$SERVING" "$ALIVE" "$SESSIONS" "$ACKED" "$LOST" "$DUPLICATED" "$NO_AUDIT" \
  "$CLIENTS" "$SCALE" > "$OUT/summary.md" <<'PY'
import glob, json, sys, re
out, seconds, kill_at, serving, alive, sessions, acked, lost, dup, no_audit, clients, scale = sys.argv[1:]
statuses = {}
for f in glob.glob(out + "/lat-mixed-*.tsv"):
    for line in open(f):
        k, s, _ = line.rstrip("\n").split("\t")
        statuses[s] = statuses.get(s, 0) + 1
total = sum(statuses.values())
failed = sum(v for s, v in statuses.items() if s.startswith("5") or s == "0")
wrk = open(out + "/wrk-mixed.txt").read()
errors = re.search(r"wrk: (\d+) requests, (\d+) errors \(connect (\d+), read (\d+), write (\d+), status (\d+), timeout (\d+)\)", wrk)
w = json.load(open(out + "/writer.json"))
print("# A node lost under load (%s dataset, %s clients, %s s, node a killed at %s s)\n" % (scale, clients, seconds, kill_at))
print("| what | figure |\n|---|---:|")
print("| requests of the mixed workload | %d |" % total)
print("| of which answered 5xx (in flight on the killed node) | %d |" % failed)
if errors:
    print("| socket errors / timeouts (wrk) | %s / %s |" % (int(errors.group(4)) + int(errors.group(5)) + int(errors.group(3)), errors.group(7)))
print("| statuses | %s |" % ", ".join("%s: %d" % kv for kv in sorted(statuses.items())))
print("| node a ready again after the kill | %.1f s |" % (int(serving) / 1000))
print("| page sessions that survived | %s of %s |" % (alive, sessions))
print("| registrations sent by the writer | %d |" % w["sent"])
print("| of which failed at the first try, then sent again with the same key | %d (%d retries in all) |" % (w["firstFailed"], w["retries"]))
print("| acknowledged | %s (%d of them a replay of the first answer) |" % (acked, w["replayed"]))
print("| acknowledged but lost / duplicated / without audit entry | %s / %s / %s |" % (lost, dup, no_audit))
print("| given up (not acknowledged) | %d |" % w["givenUp"])
PY
cat "$OUT/summary.md"
[ "$LOST" = 0 ] && [ "$DUPLICATED" = 0 ] && [ "$NO_AUDIT" = 0 ] && [ "$ALIVE" = "$SESSIONS" ]
