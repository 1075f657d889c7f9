#!/usr/bin/env python3
"""Pacing benchmark driver (Python 3.11 standard library only).

Starts the app in dev mode against the FreeSWITCH simulator topology of sim.json, creates campaigns
through the REST API, lets them dial for a fixed wall-clock time, then judges the engine from the
outside, by the simulator's observer (GET /sim/stats), and prints the figures. Exit code 0 when no
line got more originates in any second than its CAPS and the steady-state utilization of the line
CAPS is at least the target; 1 otherwise; 2 when the run itself failed. Everything it starts is
stopped at the end. See docs/benchmarks.md.
"""
import argparse
import json
import math
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The REST API wants an API key: $OUTDIAL_API_KEY, else the dev bootstrap key (docs/security.md)
API_KEY = os.environ.get("OUTDIAL_API_KEY") or "od_devlocal_notasecretdevonlyadminkey0000000000"


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
        if resp.headers.get_content_type().endswith("json") and raw:
            return json.loads(raw)
        return raw.decode()


class App:
    """The app as a child process in its own session, so it and its children can be stopped together."""

    def __init__(self, args, run_dir):
        self.port = free_port()
        self.log_path = run_dir / "app.log"
        self.base = f"http://127.0.0.1:{self.port}"
        command = ["java", f"-Xmx{args.heap}", *args.jvm_arg, "-jar", str(REPO / "api/target/outdial.jar"),
                   "--spring.profiles.active=dev",
                   f"--server.port={self.port}",
                   f"--outdial.dev.sim.config={args.sim_config}",
                   f"--outdial.dev.temporal={args.temporal}",
                   f"--outdial.dev.temporal-port={free_port()}",
                   f"--outdial.dev.temporal-ui-port={free_port()}",
                   "--outdial.dev.persistent=false",
                   f"--outdial.dev.data-dir={run_dir / 'var'}",
                   # one log line per call costs CPU the benchmark wants to measure the engine with
                   "--logging.level.io.outdial.activities.esl.EslDialer=WARN",
                   "--logging.level.io.outdial.workflows.call=WARN",
                   "--logging.level.io.outdial.activities.call=WARN",
                   *args.app_arg]
        self.log = open(self.log_path, "w")
        self.postmaster_pid = None
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
            except (urllib.error.URLError, OSError, ValueError, RuntimeError):
                pass
            time.sleep(1)
        raise RuntimeError(f"the app was not ready within {timeout} s; see {self.log_path}")

    def postmaster(self):
        """The pid of the app's embedded PostgreSQL server (it runs in a session of its own), or None."""
        match = re.search(r"Embedded PostgreSQL: jdbc:postgresql://[^:/]+:(\d+)/", self.log_path.read_text(errors="replace"))
        if not match:
            return None
        for pid, ppid, sid, name, seconds in processes():
            try:
                args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if name == "postgres" and b"-p" in args and args[args.index(b"-p") + 1] == match.group(1).encode():
                return pid
        return None

    def observer(self):
        text = self.log_path.read_text(errors="replace")
        match = re.search(r"observer (?:API listening on )?http://127\.0\.0\.1:(\d+)/sim/stats", text)
        if not match:
            raise RuntimeError(f"no simulator observer URL in {self.log_path}")
        return f"http://127.0.0.1:{match.group(1)}"

    def stop(self, grace=60):
        if self.process.poll() is None:
            # the JVM alone: Spring stops the workers first and the infrastructure last
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                print(f"app did not stop within {grace} s; killing it", file=sys.stderr)
        comm = Path(f"/proc/{self.postmaster_pid}/comm")
        if self.postmaster_pid and comm.exists() and comm.read_text().strip() == "postgres":
            os.kill(self.postmaster_pid, signal.SIGTERM)  # the app was killed before it could stop it
        # whatever is left of the session (PostgreSQL, Redis, the Temporal dev server) goes too
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(10)
        self.log.close()


def processes():
    """(pid, parent pid, session id, program, CPU seconds) of every process."""
    ticks = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2:].split()
        yield (int(stat.parent.name), int(fields[1]), int(fields[3]), text[text.index("(") + 1:text.rindex(")")],
               (int(fields[11]) + int(fields[12])) / ticks)


def cpu_by_program(session, postmaster):
    """CPU seconds used so far by each program of the app's session and of its PostgreSQL (own sessions)."""
    used = {}
    for pid, ppid, sid, name, seconds in processes():
        if sid == session or (postmaster and postmaster in (pid, ppid)):
            used[name] = used.get(name, 0.0) + seconds
    return used


def weights_of(spec, count):
    values = [int(w) for w in spec.split(",")]
    return [values[i % len(values)] for i in range(count)]


def create_campaigns(app, args, weights):
    total_caps = args.line_caps_total
    weight_sum = sum(weights)
    campaigns = []
    for i, weight in enumerate(weights):
        # enough numbers for `headroom` times the campaign's fair share of the whole run
        share = weight / weight_sum
        tasks = max(args.min_tasks, math.ceil(args.headroom * share * total_caps * args.duration))
        created = http("POST", app.base + "/api/v1/campaigns", {
            "name": f"bench-{i + 1}", "caps": args.campaign_caps, "maxConcurrency": args.campaign_concurrency,
            "ringTimeoutSeconds": 10, "weight": weight})
        cid = created["id"]
        numbers = [f"+1555{i + 1:01d}{n:06d}" for n in range(tasks)]  # NANP length: 10 digits after +1
        for start in range(0, tasks, 10_000):
            batch = numbers[start:start + 10_000]
            http("POST", f"{app.base}/api/v1/campaigns/{cid}/tasks",
                 {"tasks": [{"phoneNumber": p} for p in batch], "last": start + 10_000 >= tasks}, timeout=300)
        details = http("GET", f"{app.base}/api/v1/campaigns/{cid}")
        stored_weight = details.get("campaign", {}).get("weight")
        campaigns.append({"id": cid, "weight": weight, "tasks": tasks, "weightStored": stored_weight == weight})
    return campaigns


def per_second_counts(stats):
    return {gw: {int(s): n for s, n in seconds.items()}
            for gw, seconds in stats["originatesPerGatewayPerSecond"].items()}


def quantiles_from_prometheus(text, base):
    """p50 and p99 in ms of a Micrometer timer: from its quantile series if published, else its buckets."""
    q = {}
    for m in re.finditer(rf'^{base}_seconds{{[^}}]*quantile="([0-9.]+)"[^}}]*}} ([0-9.eE+-]+)', text, re.M):
        q[float(m.group(1))] = float(m.group(2)) * 1000
    if 0.5 in q and 0.99 in q:
        return q[0.5], q[0.99], "published quantiles"
    buckets = {}
    for m in re.finditer(rf'^{base}_seconds_bucket{{[^}}]*le="([^"]+)"[^}}]*}} ([0-9.eE+-]+)', text, re.M):
        le = math.inf if m.group(1) == "+Inf" else float(m.group(1))
        buckets[le] = buckets.get(le, 0) + float(m.group(2))
    if buckets and buckets.get(math.inf, 0) > 0:
        bounds = sorted(buckets)
        total = buckets[math.inf]

        def at(p):
            for b in bounds:
                if buckets[b] >= p * total:
                    return b * 1000
            return math.inf
        return at(0.5), at(0.99), "histogram buckets (upper bounds)"
    mean = mean_ms(text, base)
    if mean is not None:
        worst = [float(v) for v in re.findall(rf'^{base}_seconds_max(?:{{[^}}]*}})? ([0-9.eE+-]+)', text, re.M)]
        return None, None, (f"the timer publishes no percentiles: mean {mean:.0f} ms, recent max "
                            f"{max(worst, default=0) * 1000:.0f} ms")
    return None, None, f"no {base} timer in /actuator/prometheus"


def judge(args, campaigns, stats_start, stats_end, t_window_start, t_window_end, prometheus, run_seconds):
    caps = stats_end["gatewayCaps"]
    counts = per_second_counts(stats_end)
    report = {"lines": {}, "campaigns": []}
    first_full = math.floor(t_window_start) + 1
    last_full = math.floor(t_window_end) - 1
    window = range(first_full, last_full + 1)
    total_sent = total_max = 0
    for gw in sorted(caps):
        seconds = counts.get(gw, {})
        violations = sorted(s for s, n in seconds.items() if n > caps[gw])
        sent = sum(seconds.get(s, 0) for s in window)
        total_sent += sent
        total_max += caps[gw] * len(window)
        run_sent = sum(seconds.values())
        report["lines"][gw] = {
            "caps": caps[gw], "violations": len(violations), "worst": max(seconds.values(), default=0),
            "utilization": sent / (caps[gw] * len(window)), "originatesWholeRun": run_sent}
    report["utilization"] = total_sent / total_max if total_max else 0.0
    report["windowSeconds"] = len(window)
    whole = sum(v["originatesWholeRun"] for v in report["lines"].values())
    report["wholeRunRatio"] = whole / (sum(caps.values()) * run_seconds)
    before = stats_start.get("originatesPerCampaign", {})
    after = stats_end.get("originatesPerCampaign", {})
    weights_known = all(c["weightStored"] for c in campaigns)
    weights = [c["weight"] if weights_known else 1 for c in campaigns]
    sent = [after.get(str(c["id"]), 0) - before.get(str(c["id"]), 0) for c in campaigns]
    worst = 0.0
    for c, w, n in zip(campaigns, weights, sent):
        expected = w / sum(weights)
        share = n / sum(sent) if sum(sent) else 0.0
        deviation = (share - expected) / expected
        worst = max(worst, abs(deviation))
        report["campaigns"].append({"id": c["id"], "weight": w, "originates": n, "share": share,
                                    "expected": expected, "deviation": deviation})
    report["weightsKnown"] = weights_known
    report["worstFairShareDeviation"] = worst
    report["lateness"] = quantiles_from_prometheus(prometheus, "outdial_round_lateness") if prometheus \
        else (None, None, "prometheus endpoint not read")
    report["sendDelay"] = quantiles_from_prometheus(prometheus, "outdial_call_send_delay") if prometheus \
        else (None, None, "")
    report["temporal"] = temporal_figures(prometheus) if prometheus else {}
    report["inUse"] = capacity_in_use(prometheus) if prometheus else {}
    report["outcomes"] = stats_end.get("outcomes", {})
    report["dialedTwice"] = stats_end.get("numbersDialedMoreThanOnce", 0)
    return report


def mean_ms(text, metric, **labels):
    """Mean in ms of a Micrometer timer over every series matching the labels, or None."""
    total = count = 0.0
    for m in re.finditer(rf'^{metric}_seconds_(sum|count){{([^}}]*)}} ([0-9.eE+-]+)', text, re.M):
        if all(f'{k}="{v}"' in m.group(2) for k, v in labels.items()):
            if m.group(1) == "sum":
                total += float(m.group(3))
            else:
                count += float(m.group(3))
    return total / count * 1000 if count else None


def gauge(text, metric, **labels):
    for m in re.finditer(rf'^{metric}{{([^}}]*)}} ([0-9.eE+-]+)', text, re.M):
        if all(f'{k}="{v}"' in m.group(1) for k, v in labels.items()):
            return float(m.group(2))
    return None


def capacity_in_use(text):
    """Snapshot at the end of the window: worker slots and database connections in use."""
    return {
        "call activity slots": (gauge(text, "temporal_worker_task_slots_used", task_queue="outdial-calls",
                                      worker_type="ActivityWorker"),
                                gauge(text, "temporal_worker_task_slots_available", task_queue="outdial-calls",
                                      worker_type="ActivityWorker")),
        "call workflow task slots": (gauge(text, "temporal_worker_task_slots_used", task_queue="outdial-calls",
                                           worker_type="WorkflowWorker"),
                                     gauge(text, "temporal_worker_task_slots_available",
                                           task_queue="outdial-calls", worker_type="WorkflowWorker")),
        "database connections": (gauge(text, "hikaricp_connections_active"),
                                 gauge(text, "hikaricp_connections_idle")),
        "waiting for a connection": (gauge(text, "hikaricp_connections_pending"), None),
    }


def temporal_figures(text):
    """Where a call's time goes on the Temporal side, from the SDK's own metrics (app-side view)."""
    return {
        "start call workflow": mean_ms(text, "temporal_request_latency", operation="StartWorkflowExecution",
                                       workflow_type="Call"),
        "complete workflow task": mean_ms(text, "temporal_request_latency",
                                          operation="RespondWorkflowTaskCompleted"),
        "complete activity task": mean_ms(text, "temporal_request_latency",
                                          operation="RespondActivityTaskCompleted"),
        "workflow task queue wait (calls)": mean_ms(text, "temporal_workflow_task_schedule_to_start_latency",
                                                    task_queue="outdial-calls:sticky"),
        "call workflow end to end": mean_ms(text, "temporal_workflow_endtoend_latency", workflow_type="Call"),
        "round activity": mean_ms(text, "outdial_round_duration"),
    }


def fmt_ms(value):
    return "n/a" if value is None else ("inf" if value == math.inf else f"{value:.0f} ms")


def binding_limit(args):
    """Says which limit binds: the benchmark means it to be the line CAPS, everything else above them."""
    sim = args.sim
    total = sum(g["caps"] for g in sim["gateways"])
    nodes = sim.get("nodes", 2)
    limits = sim.get("nodeLimits", {"maxSessions": 1000, "sessionsPerSecond": 100})
    text = (f"binding limit: line CAPS, {len(sim['gateways'])} lines, {total} originates/s in all; above it: "
            f"campaign CAPS {args.campaigns} x {args.campaign_caps}, FS nodes {nodes} x "
            f"{limits['sessionsPerSecond']}/s and {nodes} x {limits['maxSessions']} sessions, gateway "
            f"concurrency {min(g.get('maxConcurrency', 100) for g in sim['gateways'])} each")
    if min(args.campaigns * args.campaign_caps, nodes * limits["sessionsPerSecond"]) < total:
        text += "\nWARNING: campaign or FS node CAPS are below the lines' total: they, not the lines, bind"
    return text


def print_report(r, args, campaigns, details):
    print()
    print(f"== pacing benchmark: {len(campaigns)} campaigns, {len(r['lines'])} lines, "
          f"{args.duration} s ({r['windowSeconds']} s steady-state window after {args.warmup} s warm-up)")
    print(binding_limit(args))
    print(f"{'line':6} {'CAPS':>5} {'violations':>10} {'max/s':>6} {'utilization':>12}")
    for gw, line in r["lines"].items():
        print(f"{gw:6} {line['caps']:>5} {line['violations']:>10} {line['worst']:>6} {line['utilization']:>12.3f}")
    violations = sum(line["violations"] for line in r["lines"].values())
    print(f"CAPS violations (seconds over CAPS, all lines, whole run): {violations}")
    print(f"utilization of line CAPS, steady state: {r['utilization']:.3f} (target >= {args.target})")
    print(f"baseline ratio: originates / (sum of line CAPS x {args.duration} s), whole run incl. start-up: "
          f"{r['wholeRunRatio']:.3f}")
    note = "" if r["weightsKnown"] else " (the API did not store weights: judged against equal shares)"
    print(f"fair share, steady state{note}:")
    for c in r["campaigns"]:
        left = details.get(c["id"], {}).get("tasksByStatus", {}).get("QUEUED", "?")
        print(f"  campaign {c['id']:>3} weight {c['weight']}: {c['originates']:>6} originates, share "
              f"{c['share']:.3f} vs {c['expected']:.3f} ({c['deviation']:+.1%}), {left} numbers left")
    print(f"worst fair-share deviation: {r['worstFairShareDeviation']:.1%} of the expected share")
    p50, p99, how = r["lateness"]
    print(f"round lateness p50/p99: {fmt_ms(p50)} / {fmt_ms(p99)} ({how})")
    s50, s99, show = r["sendDelay"]
    if s50 is not None:
        print(f"originate delay after its reserved second p50/p99: {fmt_ms(s50)} / {fmt_ms(s99)} ({show})")
    print(f"simulator outcomes: {r['outcomes']}; numbers dialed twice: {r['dialedTwice']}")
    if r["temporal"]:
        print("mean latencies seen by the app: " + ", ".join(f"{k} {fmt_ms(v)}" for k, v in r["temporal"].items()))
    if r["inUse"]:
        print("in use at the end (used/free): " + ", ".join(
            f"{k} {used:.0f}" + ("" if free is None else f"/{free:.0f}")
            for k, (used, free) in r["inUse"].items() if used is not None))
    busy = sorted(r["cpuCoresUsed"].items(), key=lambda kv: -kv[1])
    print(f"CPU cores used in the window (of {os.cpu_count()}): "
          + ", ".join(f"{name} {cores:.2f}" for name, cores in busy if cores >= 0.01)
          + f"; 1-min load average {r['loadAverage'][0]:.1f} -> {r['loadAverage'][1]:.1f}")
    passed = violations == 0 and r["utilization"] >= args.target
    print("RESULT:", "PASS" if passed else "FAIL")
    return passed


def run(args):
    run_dir = Path(args.run_dir or (REPO / "var" / "bench" / time.strftime("pacing-%Y%m%dT%H%M%S")))
    run_dir.mkdir(parents=True, exist_ok=True)
    sim = json.loads(Path(args.sim_config).read_text())
    if args.line_caps:
        for gateway in sim["gateways"]:
            gateway["caps"] = args.line_caps
        args.sim_config = str(run_dir / "sim.json")
        Path(args.sim_config).write_text(json.dumps(sim, indent=2))
    args.line_caps_total = sum(g["caps"] for g in sim["gateways"])
    args.sim = sim
    weights = weights_of(args.weights, args.campaigns)
    print(f"run directory: {run_dir}")
    app = App(args, run_dir)
    try:
        started = time.monotonic()
        app.await_ready(args.startup_timeout)
        observer = app.observer()
        app.postmaster_pid = app.postmaster()
        print(f"app ready in {time.monotonic() - started:.0f} s on {app.base}; simulator observer {observer}")
        t = time.monotonic()
        campaigns = create_campaigns(app, args, weights)
        print(f"created {len(campaigns)} campaigns with {sum(c['tasks'] for c in campaigns)} numbers "
              f"in {time.monotonic() - t:.0f} s")
        t0 = time.time()
        for c in campaigns:
            http("POST", f"{app.base}/api/v1/campaigns/{c['id']}/start")
        time.sleep(max(0.0, t0 + args.warmup - time.time()))
        stats_start = http("GET", observer + "/sim/stats")
        t_window_start = time.time()
        cpu_start = cpu_by_program(app.process.pid, app.postmaster_pid)
        load_start = os.getloadavg()[0]
        time.sleep(max(0.0, t0 + args.duration - time.time()))
        t_window_end = time.time()
        cpu_end = cpu_by_program(app.process.pid, app.postmaster_pid)
        load_end = os.getloadavg()[0]
        stats_end = http("GET", observer + "/sim/stats", timeout=60)
        try:
            prometheus = http("GET", app.base + "/actuator/prometheus")
        except (urllib.error.URLError, OSError, RuntimeError):
            prometheus = ""
        details = {}
        for c in campaigns:
            details[c["id"]] = http("GET", f"{app.base}/api/v1/campaigns/{c['id']}")
            http("POST", f"{app.base}/api/v1/campaigns/{c['id']}/cancel")
        (run_dir / "sim-stats-end.json").write_text(json.dumps(stats_end))
        (run_dir / "prometheus.txt").write_text(prometheus)
        report = judge(args, campaigns, stats_start, stats_end, t_window_start, t_window_end, prometheus,
                       args.duration)
        span = t_window_end - t_window_start
        report["cpuCoresUsed"] = {name: round((cpu_end.get(name, 0) - cpu_start.get(name, 0)) / span, 2)
                                  for name in cpu_end}
        report["loadAverage"] = [load_start, load_end]
        (run_dir / "report.json").write_text(json.dumps(report, indent=2, default=str))
        return 0 if print_report(report, args, campaigns, details) else 1
    finally:
        app.stop()
        print(f"stopped the app and its infrastructure; logs in {run_dir}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=120, help="seconds the campaigns dial (default 120)")
    parser.add_argument("--warmup", type=int, default=10, help="seconds left out of the steady state (10)")
    parser.add_argument("--campaigns", type=int, default=10)
    parser.add_argument("--weights", default="1,2,3", help="campaign weights, repeated (default 1,2,3)")
    parser.add_argument("--campaign-caps", type=int, default=200, help="each campaign's own CAPS (200)")
    parser.add_argument("--campaign-concurrency", type=int, default=1000)
    parser.add_argument("--headroom", type=float, default=2.5,
                        help="numbers per campaign, as a multiple of its fair share of the run (2.5)")
    parser.add_argument("--min-tasks", type=int, default=500)
    parser.add_argument("--target", type=float, default=0.97, help="utilization target (0.97)")
    parser.add_argument("--sim-config", default=str(HERE / "sim.json"))
    parser.add_argument("--line-caps", type=int, help="overrides every gateway's (line's) CAPS of the sim config")
    parser.add_argument("--temporal", default="TEST_SERVER", choices=["AUTO", "CLI", "TEST_SERVER"],
                        help="which Temporal dev mode starts (default TEST_SERVER, the faster one on 2 cores)")
    parser.add_argument("--heap", default="1g")
    parser.add_argument("--startup-timeout", type=int, default=240)
    parser.add_argument("--hard-timeout", type=int, default=900, help="the whole run's limit in seconds (900)")
    parser.add_argument("--run-dir")
    parser.add_argument("--app-arg", action="append", default=[],
                        help="extra application argument, e.g. --app-arg=--outdial.round.budget=800ms")
    parser.add_argument("--jvm-arg", action="append", default=[],
                        help="extra JVM argument, e.g. --jvm-arg=-XX:StartFlightRecording=filename=app.jfr")
    args = parser.parse_args()

    def out_of_time(signum, frame):
        raise TimeoutError(f"the benchmark passed its hard timeout of {args.hard_timeout} s")
    signal.signal(signal.SIGALRM, out_of_time)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(2))
    signal.alarm(args.hard_timeout)
    try:
        sys.exit(run(args))
    except (RuntimeError, TimeoutError, urllib.error.URLError, OSError) as e:
        print(f"benchmark failed: {e}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
