#!/usr/bin/env python3
# Usage: python3 benches/freshness.py . target/release/factcheck [ROUNDS]
"""Measures what `factcheck check` costs in requests and time on the project's own
claim file (26 sources), its URLs rewritten to a local server that serves the e2e
fixture pages (tests/fixtures/e2e) with ETag and Last-Modified, answering
conditional requests with 304. Counts requests and 304s per run."""
import hashlib, http.server, json, os, re, shutil, subprocess, sys, threading, time, urllib.parse

ROOT = sys.argv[1]           # the worktree
BIN = sys.argv[2]            # the factcheck binary
E2E = os.path.join(ROOT, "tests/fixtures/e2e")
manifest = json.load(open(os.path.join(E2E, "manifest.json")))["records"]
by_path = {}
def local_path(url):
    u = urllib.parse.urlsplit(url)
    return "/" + u.netloc + (u.path or "/") + (("?" + u.query) if u.query else "")
for r in manifest:
    by_path[local_path(r["url"])] = r

stats = {"requests": 0, "not_modified": 0, "full": 0}
lock = threading.Lock()
LM = "Mon, 07 Dec 2026 10:00:00 GMT"
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def do_GET(self):
        with lock: stats["requests"] += 1
        r = by_path.get(self.path)
        if r is None:
            self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers(); return
        status = r.get("status", 200)
        if status == 301:
            self.send_response(301); self.send_header("Location", "http://%s:%d%s" % (HOST, PORT, local_path(r["location"])))
            self.send_header("Content-Length", "0"); self.end_headers(); return
        body = open(os.path.join(E2E, "pages", r["file"]), "rb").read()
        etag = '"%s"' % hashlib.sha256(body).hexdigest()[:16]
        if status == 200 and (self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == LM):
            with lock: stats["not_modified"] += 1
            self.send_response(304); self.send_header("ETag", etag); self.send_header("Content-Length", "0"); self.end_headers(); return
        with lock: stats["full"] += 1
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("ETag", etag); self.send_header("Last-Modified", LM)
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)

HOST = "127.0.0.1"
srv = http.server.ThreadingHTTPServer((HOST, 0), H)
PORT = srv.server_address[1]
threading.Thread(target=srv.serve_forever, daemon=True).start()

proj = os.path.join(os.environ.get("TMPDIR", "/tmp"), "factcheck-freshness-bench")
shutil.rmtree(proj, ignore_errors=True)
os.makedirs(proj + "/claims")
open(proj + "/factcheck.toml", "w").write("")
text = open(os.path.join(ROOT, "claims/2024-10-22-un-chief-kazan.toml")).read()
# every URL, in [sources] and inline
text = re.sub(r'"https?://([^"]+)"', lambda m: '"http://%s:%d/%s"' % (HOST, PORT, m.group(1)), text)
# the article file is outside this copy: drop it
text = re.sub(r'^file = .*$', '', text, flags=re.M)
open(proj + "/claims/kazan.toml", "w").write(text)
n_sources = len(re.findall(r'^url = ', text, flags=re.M))

def run(label, args):
    before = dict(stats)
    t = time.perf_counter()
    p = subprocess.run([BIN, "check", "--format", "json", "--retries", "0"] + args, cwd=proj, capture_output=True)
    dt = time.perf_counter() - t
    rep = json.loads(p.stdout)
    origins = {}
    for f in rep["files"]:
        for c in f["claims"]:
            for e in c["evidence"]:
                origins.setdefault(e["url"], e["origin"])
    counts = {}
    for o in origins.values(): counts[str(o)] = counts.get(str(o), 0) + 1
    d = {k: stats[k] - before[k] for k in stats}
    print("%-34s exit %d  %5.2f s  requests %2d (full %2d, 304 %2d)  origins %s" % (label, p.returncode, dt, d["requests"], d["full"], d["not_modified"], counts))

print("sources in the claim file:", n_sources)
for i in range(int(sys.argv[3]) if len(sys.argv) > 3 else 3):
    shutil.rmtree(proj + "/.factcheck", ignore_errors=True)
    run("cold cache", [])
    run("warm, default (revalidate)", [])
    run("warm, --max-age 1d", ["--max-age", "1d"])
    run("warm, --offline", ["--offline"])
    run("warm, --refresh", ["--refresh"])
