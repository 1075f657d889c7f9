#!/usr/bin/env python3
"""Ingest benchmark driver (Python 3.11 standard library only, plus psql).

Starts the app in dev mode (embedded PostgreSQL, Redis, the FreeSWITCH simulator and Temporal), generates a
CSV of unique valid numbers with external ids, and for each run:
  1. creates two DRAFT campaigns through the REST API;
  2. uploads the CSV to the first one (POST /api/v1/campaigns/{id}/tasks, text/csv, streamed) and times the
     request from the first byte sent to the response;
  3. copies the same rows into call_tasks of the second one with `psql -c "\\copy ... from <file> csv"`
     (a plain COPY FROM STDIN, same columns plus campaign_id) against the app's PostgreSQL, and times it;
  4. checks both campaigns hold every row and prints both times and the ratio.
Exit code 0 when every ratio is at most --target, 1 otherwise, 2 when the run itself failed. See
docs/benchmarks.md.
"""
import argparse
from http.client import HTTPConnection
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
API_KEY = os.environ.get("OUTDIAL_API_KEY", "od_devlocal_notasecretdevonlyadminkey0000000000")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    headers = {"X-API-Key": API_KEY}
    if data:
        headers["content-type"] = "application/json"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        resp = urllib.request.urlopen(req, timeout=timeout)
    except urllib.error.HTTPError as e:
        raise RuntimeError(f"{method} {url}: {e.code} {e.read().decode(errors='replace')[:500]}") from e
    with resp:
        raw = resp.read()
        return json.loads(raw) if raw and resp.headers.get_content_type().endswith("json") else raw.decode()


class App:
    """The app as a child process in its own session, so it and its children can be stopped together."""

    def __init__(self, args, run_dir):
        self.port = free_port()
        self.log_path = run_dir / "app.log"
        self.base = f"http://127.0.0.1:{self.port}"
        command = ["java", f"-Xmx{args.heap}", "-jar", str(REPO / "api/target/outdial.jar"),
                   "--spring.profiles.active=dev",
                   f"--server.port={self.port}",
                   f"--outdial.dev.temporal={args.temporal}",
                   f"--outdial.dev.temporal-port={free_port()}",
                   f"--outdial.dev.temporal-ui-port={free_port()}",
                   "--outdial.dev.persistent=false",
                   f"--outdial.dev.data-dir={run_dir / 'var'}"]
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(command, cwd=REPO, stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=True)

    def await_ready(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the app exited with {self.process.returncode}; see {self.log_path}")
            try:
                if http("GET", self.base + "/actuator/health", timeout=5).get("status") == "UP":
                    return
            except (urllib.error.URLError, OSError, ValueError, RuntimeError, AttributeError):
                pass
            time.sleep(1)
        raise RuntimeError(f"the app was not ready within {timeout} s; see {self.log_path}")

    def postgres_port(self):
        match = re.search(r"Embedded PostgreSQL: jdbc:postgresql://[^:/]+:(\d+)/",
                          self.log_path.read_text(errors="replace"))
        if not match:
            raise RuntimeError(f"no embedded PostgreSQL URL in {self.log_path}")
        return int(match.group(1))

    def stop(self, grace=60):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                print(f"app did not stop within {grace} s; killing it", file=sys.stderr)
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # whatever is left of its session
        except ProcessLookupError:
            pass
        self.process.wait(10)
        self.log.close()


def generate(path, rows, offset):
    """A CSV of `rows` unique numbers +1 555 nnn nnnn (NANP length) with external ids."""
    with open(path, "w", newline="") as f:
        f.write("phone_number,external_id\n")
        for n in range(offset, offset + rows):
            f.write(f"+1555{n:07d},ext-{n:07d}\n")


def copy_file(csv_path, copy_path, campaign_id):
    """The same rows with the campaign id as a third column, for COPY."""
    with open(csv_path) as src, open(copy_path, "w", newline="") as dst:
        dst.write(src.readline().rstrip("\n") + ",campaign_id\n")
        suffix = f",{campaign_id}\n"
        for line in src:
            dst.write(line[:-1] + suffix)


def upload(base, campaign_id, csv_path, timeout):
    size = os.path.getsize(csv_path)
    conn = HTTPConnection("127.0.0.1", int(base.rsplit(":", 1)[1]), timeout=timeout)
    with open(csv_path, "rb") as body:
        started = time.monotonic()
        conn.request("POST", f"/api/v1/campaigns/{campaign_id}/tasks", body=body,
                     headers={"Content-Type": "text/csv", "Content-Length": str(size), "X-API-Key": API_KEY})
        resp = conn.getresponse()
        raw = resp.read()
        elapsed = time.monotonic() - started
    conn.close()
    if resp.status != 201:
        raise RuntimeError(f"upload: {resp.status} {raw[:500]!r}")
    return elapsed, json.loads(raw)


def psql_copy(port, copy_path):
    command = ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1",
               "-q", "-c", f"\\copy call_tasks (phone_number, external_id, campaign_id) from '{copy_path}' "
                           "with (format csv, header true)"]
    started = time.monotonic()
    subprocess.run(command, check=True, env={**os.environ, "PGPASSWORD": ""})
    return time.monotonic() - started


def count(port, campaign_id):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", "postgres", "-tA",
                          "-c", f"select count(*) from call_tasks where campaign_id = {campaign_id}"],
                         check=True, capture_output=True, text=True).stdout
    return int(out.strip())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000, help="data rows of the CSV (default 1,000,000)")
    parser.add_argument("--runs", type=int, default=2, help="upload + COPY pairs, each on fresh campaigns")
    parser.add_argument("--target", type=float, default=3.0, help="the largest acceptable upload/COPY ratio")
    parser.add_argument("--heap", default="2g", help="the app's -Xmx")
    parser.add_argument("--temporal", default="TEST_SERVER", help="outdial.dev.temporal (the upload does not use it)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds the upload may take")
    args = parser.parse_args()

    run_dir = Path(tempfile.mkdtemp(prefix="outdial-ingest-"))
    app = App(args, run_dir)
    ratios = []
    try:
        app.await_ready(300)
        port = app.postgres_port()
        print(f"app on {app.base}, PostgreSQL on 127.0.0.1:{port}, files in {run_dir}")
        tenant = f"ingest-{int(time.time())}"
        http("POST", app.base + "/api/v1/tenants", {"name": tenant})
        pool = http("POST", app.base + "/api/v1/pools", {"name": tenant + "-pool"})["name"]
        for run in range(1, args.runs + 1):
            csv_path = run_dir / f"tasks-{run}.csv"
            copy_path = run_dir / f"copy-{run}.csv"
            generate(csv_path, args.rows, (run - 1) * args.rows)
            ids = [http("POST", app.base + "/api/v1/campaigns",
                        {"name": f"ingest {run} {kind}", "caps": 10, "maxConcurrency": 10, "tenant": tenant,
                         "pool": pool})["id"] for kind in ("api", "copy")]
            copy_file(csv_path, copy_path, ids[1])
            size_mb = os.path.getsize(csv_path) / 1e6
            api_seconds, result = upload(app.base, ids[0], csv_path, args.timeout)
            copy_seconds = psql_copy(port, copy_path)
            in_api, in_copy = count(port, ids[0]), count(port, ids[1])
            if result["added"] != args.rows or in_api != args.rows or in_copy != args.rows:
                raise RuntimeError(f"run {run}: added {result['added']}, stored {in_api} (API) / {in_copy} (COPY)")
            ratio = api_seconds / copy_seconds
            ratios.append(ratio)
            print(f"run {run}: {args.rows:,} rows ({size_mb:.1f} MB): API upload {api_seconds:.2f} s "
                  f"({args.rows / api_seconds:,.0f} rows/s), COPY {copy_seconds:.2f} s "
                  f"({args.rows / copy_seconds:,.0f} rows/s), ratio {ratio:.2f}", flush=True)
            for path in (csv_path, copy_path):
                path.unlink()
        upload_lines = [line for line in app.log_path.read_text(errors="replace").splitlines() if "Upload to campaign" in line]
        for line in upload_lines:
            print("app: " + line.split(" : ", 1)[-1])
    except Exception as e:  # noqa: BLE001 - reported as a failed run
        print(f"ingest benchmark failed: {e}", file=sys.stderr)
        return 2
    finally:
        app.stop()
    worst = max(ratios)
    verdict = "PASS" if worst <= args.target else "FAIL"
    print(f"{verdict}: worst ratio {worst:.2f} (target at most {args.target:g})")
    return 0 if worst <= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
