#!/usr/bin/env python3
"""Signs in the benchmark's users and gathers the ids they work on; writes a Lua table for wrk (bench/mixed.lua).

Usage: prepare.py BASE_URL OUT_FILE [reading communes, default 24] [writing provinces, default 12]
Users and password are the generator's (vn.dvk.generator.DatasetGenerator): theodoi.tw (national viewer),
theodoi.pNN (provincial viewers), canbo.<commune> / thamdinh.<commune> (reporter / appraiser of a commune).
"""
import http.cookiejar
import json
import re
import sys
import urllib.parse
import urllib.error
import urllib.request

PASSWORD = "dvk-bench-2026!"
BASE = sys.argv[1].rstrip("/")
OUT = sys.argv[2]
COMMUNES = int(sys.argv[3]) if len(sys.argv) > 3 else 24
WRITER_PROVINCES = int(sys.argv[4]) if len(sys.argv) > 4 else 12


def call(path, token=None, method="GET", body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("Accept", "application/json")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read().decode())


def token(user):
    return call("/api/v1/auth/token", method="POST", body={"username": user, "password": PASSWORD})["token"]


def session(user):
    """Form sign-in: the SESSION cookie of a page user."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(BASE + "/login", timeout=60).read().decode()
    csrf = re.search(r'name="_csrf"\s+value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"username": user, "password": PASSWORD, "_csrf": csrf}).encode()
    opener.open(BASE + "/login", data=form, timeout=60).read()
    cookies = {c.name: c.value for c in jar}
    if "SESSION" not in cookies:
        raise SystemExit("form sign-in failed for " + user)
    return "SESSION=" + cookies["SESSION"]


def lua(value):
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "{" + ", ".join(lua(v) for v in value) + "}"
    if isinstance(value, dict):
        return "{" + ", ".join("[" + lua(k) + "] = " + lua(v) for k, v in value.items()) + "}"
    raise TypeError(value)


national = token("theodoi.tw")
provinces = set()
for n in range(10):
    page = call("/api/v1/units?size=500&level=PROVINCE&under=TW&page=%d" % n, national)
    # the provinces the generator filled: those with bodies (the map alone has only the areas)
    provinces |= {u["parentCode"] for u in page["content"] if u["kind"] != "AREA"}
    if n + 1 >= page["page"]["totalPages"]:
        break
viewers = []
for p in sorted(provinces):
    viewers.append({"unit": p, "token": token("theodoi.p" + p[3:].lower())})
communes = []
for v in viewers:
    page = call("/api/v1/units?size=500&level=COMMUNE&under=" + v["unit"], v["token"])
    communes += [u["code"] for u in page["content"] if u["level"] == "COMMUNE" and u["kind"] == "AREA"]
    if len(communes) >= COMMUNES * 3:
        break
communes = communes[::max(1, len(communes) // COMMUNES)][:COMMUNES]

readers, writers = [], []
resubmitted = 0
for c in communes:
    k = c[3:].lower()
    reporter = token("canbo." + k)
    mine = call("/api/v1/models?size=50&unit=" + c, reporter)["content"]
    readers.append({"unit": c, "token": reporter, "models": [m["id"] for m in mine]})

# writers: a province's reporter and appraiser, and the submitted registrations of their province
for v in viewers[:WRITER_PROVINCES]:
    k = v["unit"][3:].lower()
    reporter, appraiser = token("canbo.p" + k), token("thamdinh.p" + k)
    submitted = call("/api/v1/models?size=200&status=SUBMITTED&unit=" + v["unit"], appraiser)["content"]
    if len(submitted) < 200:
        # a run ends between some threads' appraisal and their resubmission, which leaves those registrations waiting
        # for changes: submitted again here, or the writes would dwindle run after run (and the mix's missing writes
        # would become cheap requests)
        back = call("/api/v1/models?size=200&status=CHANGES_REQUESTED&unit=" + v["unit"], reporter)["content"]
        for m in back[:200 - len(submitted)]:
            try:
                call("/api/v1/models/%d/submit" % m["id"], reporter, "POST")
                resubmitted += 1
            except urllib.error.HTTPError:
                pass
        submitted = call("/api/v1/models?size=200&status=SUBMITTED&unit=" + v["unit"], appraiser)["content"]
    writers.append({"unit": v["unit"], "reporter": reporter, "appraiser": appraiser,
                    "models": [m["id"] for m in submitted]})

# page users: the first communes' reporters (their models are readers[i]["models"]) and a few provincial viewers
pages = [session("canbo." + c[3:].lower()) for c in communes[:8]]
viewer_pages = [session("theodoi.p" + v["unit"][3:].lower()) for v in viewers[:4]]
central_page = session("theodoi.tw")
# the central viewer's searches: several words, in and out of order, with and without accents
# public models (recognized, not retired) for the public page kind: read anonymously from the public library
public_models = [m["id"] for page in range(3)
                 for m in call("/api/v1/public/models?size=100&page=%d" % page)["content"]]
central_terms = ["van dong nhan dan", "dân vận khéo", "mot cua than thien", "hien dat lam duong", "camera an ninh"]
terms = ["hoi", "ong mat", "mot cua", "de bao", "dai doan ket", "camera", "duong hoa", "nhan dao", "xa", "ho tro"]

with open(OUT, "w", encoding="utf-8") as f:
    f.write("return " + lua({"national": national, "provinces": viewers, "readers": readers,
                             "writers": writers, "pages": pages, "viewer_pages": viewer_pages, "central_page": central_page,
                             "terms": terms, "central_terms": central_terms,
                             "public_models": public_models}) + "\n")
print("prepared: %d provinces, %d communes, %d models to read, %d submitted models to write (%d submitted again), %d page sessions"
      % (len(viewers), len(readers), sum(len(r["models"]) for r in readers), sum(len(w["models"]) for w in writers),
         resubmitted, len(pages) + len(viewer_pages)))
