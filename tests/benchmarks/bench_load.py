"""Load: simulated coordinators saving at once, each its own process (issue #16, point 7).

Usage (from the repository, with the worktree first on the path)::

    PYTHONPATH=$PWD .venv/bin/python tests/benchmarks/bench_load.py [--seconds 60]
        [--pg-workers 20] [--sqlite-workers 4] [--pg-url URL] [--port 54342] [--json]

PostgreSQL: without ``--pg-url`` a throwaway cluster is started with ``.ci/postgres`` in
``--cluster`` (default ``/tmp/pg-load-<pid>``) on ``--port`` and stopped at the end. The
owner creates and migrates a database with the demo data, then one login per coordinator
(``CREATE ROLE coordNN LOGIN``, member of a group role granted the tables; ``planner server
add-user`` can replace this once it exists). SQLite: one demo file that the
``--sqlite-workers`` processes share.

Each coordinator is a process of its own that, until the time is up, picks a visit, a person
or a paperwork item at random (from pools small enough that two coordinators often pick the
same record), reads it, appends a token unique to that save to its internal notes and saves it
through the services (optimistic locking). A conflict is retried from a fresh read, as a
coordinator would after the conflict message. Afterwards the owner reads every record back:

- a **lost update** is a token whose save was acknowledged but that is missing from the
  record (an overwrite based on a stale read, the failure optimistic locking exists to stop);
- a **phantom** is a token in the data whose save was reported as failed;
- a **traceback** is any error other than a reported conflict, printed by a worker.

Reported per backend: saves, throughput (saves per second over the whole run), median and
95th-percentile save latency (the ``update`` call: one write transaction with its audit
entries and derived writes), the save's median own CPU time (the rest of the latency is
waiting: for a processor, the server or a row lock), conflicts retried, and the 1-minute load
average at the end (the machine may be shared). Nothing is asserted; the exit status is 1 when
an update was lost, a phantom found or a traceback printed.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
#: Which field each kind of record gets its tokens in.
FIELDS = {"visit": "internal_notes", "person": "internal_notes", "paperwork": "notes"}
POOL = 40  # records of each kind the coordinators share: collisions are part of the test


# --- one coordinator -------------------------------------------------------------------------
def _service(services: Any, kind: str) -> Any:
    return {"visit": services.visits, "person": services.people, "paperwork": services.paperwork}[
        kind
    ]


def worker(args: argparse.Namespace) -> int:
    """One coordinator: save until the deadline, then write what was saved to ``--out``."""
    from planner.db.location import DatabaseTarget, sqlite_target
    from planner.domain.errors import ConflictError
    from planner.services.container import Services

    target = sqlite_target(Path(args.db)) if args.db else DatabaseTarget(url=args.url, path=None)
    pools: dict[str, list[int]] = json.loads(Path(args.pools).read_text())
    rng = random.Random(args.seed)
    services = Services.open(target)
    latencies: list[float] = []
    cpu_times: list[float] = []  # this process's own CPU in each save: the rest is waiting
    saved: list[list[Any]] = []
    failed: list[list[Any]] = []
    conflicts = errors = 0
    # Everyone starts together, after every process has imported and connected.
    time.sleep(max(0.0, args.start_at - time.time()))
    deadline = args.start_at + args.seconds
    n = 0
    while time.time() < deadline:
        kind = rng.choice(sorted(FIELDS))
        record_id = rng.choice(pools[kind])
        n += 1
        token = f"w{args.seed}.{n}"
        service, field = _service(services, kind), FIELDS[kind]
        for _attempt in range(50):
            try:
                current = service.get(record_id)
                text = getattr(current, field)
                changed = dataclasses.replace(current, **{field: f"{text} {token}".strip()})
                started, cpu = time.perf_counter(), time.process_time()
                service.update(changed)
                latencies.append(time.perf_counter() - started)
                cpu_times.append(time.process_time() - cpu)
                saved.append([kind, record_id, token])
                break
            except ConflictError:
                conflicts += 1
            except Exception:
                errors += 1
                traceback.print_exc()
                failed.append([kind, record_id, token])
                break
        else:
            failed.append([kind, record_id, token])
    services.close()
    result = {
        "latencies": latencies,
        "cpu_times": cpu_times,
        "saved": saved,
        "failed": failed,
        "conflicts": conflicts,
        "errors": errors,
    }
    Path(args.out).write_text(json.dumps(result))
    return 0


# --- set-up ----------------------------------------------------------------------------------
def _pools(services: Any) -> dict[str, list[int]]:
    from sqlalchemy import select

    from planner.db.models import PaperworkItemRow, PersonRow, VisitRow

    with services.db.read() as session:
        return {
            kind: list(session.scalars(select(row.id).order_by(row.id).limit(POOL)))
            for kind, row in (
                ("visit", VisitRow),
                ("person", PersonRow),
                ("paperwork", PaperworkItemRow),
            )
        }


def _populate(target: Any, visits: int) -> dict[str, list[int]]:
    from planner.demo.populate import populate_demo
    from planner.services.container import Services

    services = Services.open(target, create=True)
    try:
        populate_demo(services, synthetic_visits=visits, seed=1)
        return _pools(services)
    finally:
        services.close()


def _admin(url: str, *statements: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for sql in statements:
                conn.execute(text(sql))
    finally:
        engine.dispose()


def _with(url: str, **parts: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(**parts).render_as_string(hide_password=False)


def setup_postgres(base: str, workers: int, visits: int) -> tuple[list[str], dict[str, Any]]:
    """A fresh database with the demo data (created by the owner) and one login per worker."""
    from planner.db.location import DatabaseTarget

    name = f"planner_load_{os.getpid()}"
    _admin(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    owner = _with(base, database=name)
    pools = _populate(DatabaseTarget(url=owner, path=None), visits)
    group = "bench_coordinators"
    roles = [f"coord{i:02d}" for i in range(1, workers + 1)]
    _admin(
        owner,
        f"DO $$ BEGIN CREATE ROLE {group} NOLOGIN; EXCEPTION WHEN duplicate_object THEN END $$",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {group}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {group}",
        *(
            f"DO $$ BEGIN CREATE ROLE {role} LOGIN IN ROLE {group}; "
            "EXCEPTION WHEN duplicate_object THEN END $$"
            for role in roles
        ),
    )
    urls = [_with(owner, username=role) for role in roles]
    return urls, {"owner": owner, "database": name, "base": base, "pools": pools}


def start_cluster(folder: Path, port: int) -> str:
    """Start a throwaway cluster with the CI script; returns the owner's URL."""
    env = {**os.environ, "PLANNER_PG_PORT": str(port)}
    out = subprocess.run(
        ["bash", str(REPO / ".ci" / "postgres"), "start", str(folder)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip().splitlines()[-1]


def stop_cluster(folder: Path) -> None:
    """Stop the cluster started by :func:`start_cluster` and delete its folder."""
    subprocess.run(["bash", str(REPO / ".ci" / "postgres"), "stop", str(folder)], check=False)
    shutil.rmtree(folder, ignore_errors=True)


# --- a run -----------------------------------------------------------------------------------
def run_workers(
    label: str, targets: list[list[str]], pools: dict[str, list[int]], seconds: float, tmp: Path
) -> dict[str, Any]:
    """Start one process per target, wait for them, and gather what they saved."""
    pools_file = tmp / f"{label}-pools.json"
    pools_file.write_text(json.dumps(pools))
    start_at = time.time() + 5 + 0.5 * len(targets)  # time for every process to import
    procs = []
    for i, target in enumerate(targets, start=1):
        out = tmp / f"{label}-{i}.json"
        err = (tmp / f"{label}-{i}.err").open("w")
        cmd = [sys.executable, __file__, "worker", *target, "--pools", str(pools_file)]
        cmd += ["--seed", str(i), "--start-at", str(start_at), "--seconds", str(seconds)]
        cmd += ["--out", str(out)]
        procs.append((subprocess.Popen(cmd, stderr=err, env=os.environ.copy()), out, err))
    results = []
    exit_codes = []
    for proc, out, err in procs:
        exit_codes.append(proc.wait())
        err.close()
        results.append(json.loads(out.read_text()) if out.exists() else None)
    tracebacks = sum(
        (tmp / f"{label}-{i}.err").read_text().count("Traceback") for i in range(1, len(procs) + 1)
    )
    return {"results": results, "exit_codes": exit_codes, "tracebacks": tracebacks}


def verify(services: Any, gathered: dict[str, Any]) -> dict[str, int]:
    """Lost updates and phantoms: every acknowledged token present, no failed one."""
    final: dict[tuple[str, int], set[str]] = {}
    for result in gathered["results"]:
        if result is None:
            continue
        for kind, record_id, _token in result["saved"] + result["failed"]:
            key = (kind, record_id)
            if key not in final:
                value = getattr(_service(services, kind).get(record_id), FIELDS[kind])
                final[key] = set(value.split())
    lost = phantoms = 0
    for result in gathered["results"]:
        if result is None:
            continue
        lost += sum(1 for k, i, t in result["saved"] if t not in final[(k, i)])
        phantoms += sum(1 for k, i, t in result["failed"] if t in final[(k, i)])
    return {"lost_updates": lost, "phantoms": phantoms}


def summarise(
    backend: str, workers: int, seconds: float, gathered: dict[str, Any], checks: dict[str, int]
) -> dict[str, Any]:
    """One report line for a backend."""
    results = [r for r in gathered["results"] if r is not None]
    latencies = sorted(x for r in results for x in r["latencies"])
    cpu = [x for r in results for x in r["cpu_times"]]
    saves = len(latencies)
    p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))] if latencies else 0
    return {
        "backend": backend,
        "processes": workers,
        "seconds": seconds,
        "saves": saves,
        "saves_per_s": round(saves / seconds, 1),
        "median_ms": round(1000 * statistics.median(latencies), 1) if latencies else None,
        "p95_ms": round(1000 * p95, 1),
        "median_cpu_ms": round(1000 * statistics.median(cpu), 1) if cpu else None,
        "load_average": os.getloadavg()[0],
        "conflicts_retried": sum(r["conflicts"] for r in results),
        "errors": sum(r["errors"] for r in results),
        "tracebacks": gathered["tracebacks"],
        "workers_failed": sum(1 for c in gathered["exit_codes"] if c != 0)
        + sum(1 for r in gathered["results"] if r is None),
        **checks,
    }


def bench_postgres(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    """20 logins against one PostgreSQL database."""
    from planner.db.location import DatabaseTarget
    from planner.services.container import Services

    cluster = None
    base = args.pg_url
    if base is None:
        cluster = Path(args.cluster or f"/tmp/pg-load-{os.getpid()}")
        base = start_cluster(cluster, args.port)
    try:
        urls, info = setup_postgres(base, args.pg_workers, args.visits)
        gathered = run_workers("pg", [["--url", u] for u in urls], info["pools"], args.seconds, tmp)
        owner = Services.open(DatabaseTarget(url=info["owner"], path=None))
        try:
            checks = verify(owner, gathered)
        finally:
            owner.close()
        _admin(base, f'DROP DATABASE IF EXISTS "{info["database"]}" WITH (FORCE)')
        return summarise("postgresql", args.pg_workers, args.seconds, gathered, checks)
    finally:
        if cluster is not None:
            stop_cluster(cluster)


def bench_sqlite(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    """Several processes on one SQLite file."""
    from planner.db.location import sqlite_target
    from planner.services.container import Services

    path = tmp / "load.sqlite3"
    pools = _populate(sqlite_target(path), args.visits)
    gathered = run_workers(
        "sqlite", [["--db", str(path)]] * args.sqlite_workers, pools, args.seconds, tmp
    )
    services = Services.open(sqlite_target(path))
    try:
        checks = verify(services, gathered)
    finally:
        services.close()
    return summarise("sqlite", args.sqlite_workers, args.seconds, gathered, checks)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or, with ``worker``, one coordinator)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", nargs="?", default="bench", choices=["bench", "worker"])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--pg-workers", type=int, default=20)
    parser.add_argument("--sqlite-workers", type=int, default=4)
    parser.add_argument("--visits", type=int, default=200, help="synthetic demo visits")
    parser.add_argument("--pg-url", help="an existing server's owner URL (else a cluster)")
    parser.add_argument("--port", type=int, default=54342, help="port of the cluster started")
    parser.add_argument("--cluster", help="folder of the cluster started (deleted after)")
    parser.add_argument("--only", choices=["postgresql", "sqlite"])
    parser.add_argument("--json", action="store_true", help="JSON lines only")
    # Worker options.
    parser.add_argument("--url")
    parser.add_argument("--db")
    parser.add_argument("--pools")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start-at", type=float, default=0.0)
    parser.add_argument("--out")
    args = parser.parse_args(argv)
    if args.mode == "worker":
        return worker(args)
    reports = []
    with tempfile.TemporaryDirectory(prefix="planner-load-") as folder:
        tmp = Path(folder)
        if args.only in (None, "postgresql"):
            reports.append(bench_postgres(args, tmp))
        if args.only in (None, "sqlite"):
            reports.append(bench_sqlite(args, tmp))
    for report in reports:
        print(json.dumps(report))
    if not args.json:
        for r in reports:
            print(
                f"{r['backend']:10} {r['processes']:2} processes {r['seconds']:.0f} s: "
                f"{r['saves']} saves, {r['saves_per_s']}/s, median {r['median_ms']} ms, "
                f"p95 {r['p95_ms']} ms (own CPU {r['median_cpu_ms']} ms), "
                f"{r['conflicts_retried']} conflicts retried, "
                f"lost {r['lost_updates']}, phantoms {r['phantoms']}, "
                f"tracebacks {r['tracebacks']}"
            )
    bad = any(
        r["lost_updates"] or r["phantoms"] or r["tracebacks"] or r["workers_failed"]
        for r in reports
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
