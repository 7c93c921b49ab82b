"""`followsim serve` over HTTP, as a browser elsewhere or another program would meet it: only
127.0.0.1 with this server's Host and Origin, request and run size limits, a run written inside
--folder and nowhere else, its exit codes.

Usage: serve_test.py PATH/TO/followsim SOURCE_DIR
"""

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

followsim, source = sys.argv[1], Path(sys.argv[2])
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAILED: {what}")


def start(folder, *args):
    server = subprocess.Popen([followsim, "serve", "--port", "0", "--folder", str(folder / "results"),
                               "--scenarios", str(source / "scenarios"), *args],
                              cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        server.kill()
        raise SystemExit(f"serve did not start: {line}{server.stderr.read()}")
    return server, int(match.group(1))


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": f"127.0.0.1:{port}", **(headers or {})}
    if body is not None and not isinstance(body, bytes):
        body = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), data


with tempfile.TemporaryDirectory() as tmp:
    work = Path(tmp)
    server, port = start(work, "--max-run-size", "5e4", "--replications", "10", "--threads", "1")
    origin = {"Origin": f"http://127.0.0.1:{port}"}

    # DNS rebinding: a page of another name that resolves to 127.0.0.1 sends its own Host.
    status, _, data = request(port, "GET", "/", headers={"Host": f"evil.example:{port}"})
    check(status == 403 and b"Host" in data, f"another Host is refused ({status} {data!r})")
    status, _, _ = request(port, "GET", "/", headers={"Host": "127.0.0.1:1"})
    check(status == 403, "another port in Host is refused")

    status, headers, page = request(port, "GET", "/")
    check(status == 200, "the page loads")
    cookie = headers.get("Set-Cookie", "")
    check("HttpOnly" in cookie and "SameSite=Strict" in cookie, f"a strict session cookie: {cookie}")
    check("connect-src 'self'" in headers.get("Content-Security-Policy", ""),
          "the page may fetch from this server only")
    check(b"vegaEmbed" in page and b"<script src=" not in page and b"http://" not in page.split(b"<script>")[0],
          "the page inlines its scripts")
    session = {"Cookie": cookie.split(";")[0]}

    status, _, _ = request(port, "GET", "/api/state")
    check(status == 403, "no session, no state")
    status, _, data = request(port, "GET", "/api/state", headers={**session, "Origin": "http://evil.example"})
    check(status == 403 and b"another site" in data, "a request from another site's page is refused")
    status, _, data = request(port, "POST", "/api/run", {"values": {}, "replications": 5},
                              headers={**session, "Origin": f"http://localhost.evil.example:{port}"})
    check(status == 403, "a run from another site's page is refused")

    # Limits: the request's size, the run's size.
    status, _, _ = request(port, "POST", "/api/open", b"x" * (3 * 1024 * 1024),
                           headers={**session, **origin, "Content-Type": "application/json"})
    check(status == 413, f"a 3 MB request is refused ({status})")
    status, _, data = request(port, "POST", "/api/run", {"values": {}, "replications": 1000},
                              headers={**session, **origin})
    reply = json.loads(data)
    check(status == 200 and "at most 5e+04" in reply["problems"][0]["text"], f"a run too big is refused: {reply}")
    status, _, data = request(port, "POST", "/api/run", b"{not json", headers={**session, **origin})
    check(status == 400, "a body that is not JSON is refused")

    # A run: written below --folder, nowhere else.
    status, _, data = request(port, "POST", "/api/run",
                              {"values": {"pathways.in_house.caseworkers": "7"}, "replications": 10},
                              headers={**session, **origin})
    check(status == 200 and "job" in json.loads(data), f"a run starts: {data!r}")
    for _ in range(600):
        job = json.loads(request(port, "GET", "/api/status", headers=session)[2])["job"]
        if job["state"] not in ("queued", "running"):
            break
        time.sleep(0.05)
    check(job["state"] == "done", f"the run is done: {job}")
    status, headers, data = request(port, "GET", f"/download/{job['run']}/scenario.yaml", headers=session)
    check(status == 200 and b"caseworkers: 7 " in data, "its scenario downloads")
    check(headers.get("Content-Disposition") == 'attachment; filename="heimdal-1-scenario.yaml"',
          f"as a named attachment: {headers.get('Content-Disposition')}")
    status, _, _ = request(port, "GET", f"/download/{job['run']}/..%2Fsummary.json", headers=session)
    check(status == 404, "a path in a download's name finds nothing")
    check(sorted(p.name for p in work.iterdir()) == ["results"], f"only results/ written: {list(work.iterdir())}")
    check((work / "results" / "heimdal-1" / "summary.json").is_file(), "the run's folder is complete")

    # The port is taken: a second server says so.
    second = subprocess.run([followsim, "serve", "--port", str(port), "--folder", str(work / "results")],
                            capture_output=True, text=True, timeout=30)
    check(second.returncode == 1 and "cannot listen on 127.0.0.1" in second.stderr,
          f"a taken port: exit 1 ({second.returncode} {second.stderr})")

    server.send_signal(signal.SIGINT)
    check(server.wait(timeout=30) == 0, "Ctrl-C stops the server with exit 0")

    # An invalid scenario: its problems as the command line lists them, exit 2, nothing served.
    invalid = source / "tests" / "scenarios" / "invalid" / "02-caseworkers-not-a-number.yaml"
    bad = subprocess.run([followsim, "serve", str(invalid), "--port", "0"], capture_output=True, text=True,
                         timeout=30)
    check(bad.returncode == 2 and f"{invalid}:" in bad.stderr and "caseworkers" in bad.stderr,
          f"an invalid scenario: exit 2 with its problems ({bad.returncode} {bad.stderr})")
    usage = subprocess.run([followsim, "serve", "--lang", "xx"], capture_output=True, text=True, timeout=30)
    check(usage.returncode == 2, "an unknown language is bad usage")

print(f"serve over HTTP: {len(failures)} failures")
sys.exit(1 if failures else 0)
