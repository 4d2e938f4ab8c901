#!/usr/bin/python3
"""divrisk batch as the map step of a Dask distributed job.

The client side of bench/cluster/run_dask.sh (which starts the scheduler and
the workers): connects to a running scheduler, ships the rule set to every
worker (a tarball through Client.upload_file), splits an archive into
partitions, has each worker pipe its partition through

    divrisk batch --rules RULES --threads 1 --output summary \
                  --rejects REJECTS --summary SUMMARY -

and gathers the outputs, the rejects and the summaries. With --check it also
runs the same archive through one divrisk process and checks that the two
agree: the gathered output equals the single run's line for line (both
sorted by case id), the rejects agree (each mapped back to its line of the
whole archive), and read = scored + rejected over the whole.

Partitions are keyed by case id (a line's "id", when the line is JSON with a
string id; other lines by their line number), and a partition keeps the
lines in archive order. Every occurrence of an id then lands in the same
partition, so `divrisk batch` sees duplicate ids exactly as one run over the
whole archive does. Split by position instead, a duplicate whose
occurrences fall in two partitions would be scored twice.

Uses only the packaged Dask of Debian 12 (python3-distributed) and the
standard library. Prints one JSON line with the timings last.
"""
import argparse
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import time

from distributed import Client, get_worker

RULES_TARBALL = "divrisk-rules.tar.gz"


def partition_key(line, number, partitions):
    """The partition of one line: by case id when the line names one."""
    try:
        case_id = json.loads(line).get("id")
    except (ValueError, AttributeError):
        case_id = None
    if isinstance(case_id, str):
        digest = hashlib.blake2b(case_id.encode("utf-8", "surrogatepass"), digest_size=8)
        return int.from_bytes(digest.digest(), "little") % partitions
    return number % partitions


def split(data, partitions):
    """[(global line numbers, bytes)] per partition, lines in archive order."""
    lines = data.split(b"\n")
    if data.endswith(b"\n"):
        lines.pop()  # the empty string after the last newline is no line
    numbers = [[] for _ in range(partitions)]
    chunks = [[] for _ in range(partitions)]
    for i, line in enumerate(lines):
        k = partition_key(line, i, partitions)
        numbers[k].append(i + 1)
        chunks[k].append(line + b"\n")
    return [(numbers[k], b"".join(chunks[k])) for k in range(partitions)]


def score_partition(divrisk, part, index):
    """On a worker: pipe one partition through divrisk batch.

    The rule set is the tarball uploaded to the worker's local directory,
    unpacked once per worker process."""
    worker = get_worker()
    base = worker.local_directory
    rules = os.path.join(base, "divrisk-rules")
    if not os.path.isdir(rules):
        staging = rules + ".%d" % os.getpid()
        with tarfile.open(os.path.join(base, RULES_TARBALL)) as tar:
            tar.extractall(staging)
        os.replace(staging, rules)
    rule_dir = os.path.join(rules, os.listdir(rules)[0])
    rejects = os.path.join(base, "part-%d.rejects" % index)
    summary = os.path.join(base, "part-%d.summary.json" % index)
    started = time.monotonic()
    run = subprocess.run(
        [divrisk, "batch", "--rules", rule_dir, "--threads", "1",
         "--output", "summary", "--rejects", rejects, "--summary", summary, "-"],
        input=part, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    seconds = time.monotonic() - started
    if run.returncode != 0:
        raise RuntimeError("divrisk batch exited %d on partition %d: %s"
                           % (run.returncode, index, run.stderr.decode(errors="replace")))
    with open(rejects, "rb") as f:
        rejected = f.read()
    with open(summary) as f:
        totals = json.load(f)
    os.unlink(rejects)
    os.unlink(summary)
    return {"index": index, "worker": worker.address, "output": run.stdout,
            "rejects": rejected, "summary": totals, "seconds": seconds}


def tar_rules(rules):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        tar.add(rules, arcname=os.path.basename(os.path.normpath(rules)))
    return buf.getvalue()


ERROR_LINE = re.compile(r"^(\d+)(:\d+: )")
AT_LINE = re.compile(r"\(first at line (\d+)\)")


def global_reject(line, numbers):
    """A partition's reject line, renumbered to the whole archive's lines:
    its "line", the line:column of each error, and "(first at line N)"."""
    r = json.loads(line)
    n = numbers[r["line"] - 1]
    r["line"] = n

    def renumber(e):
        e = ERROR_LINE.sub(lambda m: "%d%s" % (n, m.group(2)), e)
        return AT_LINE.sub(lambda m: "(first at line %d)" % numbers[int(m.group(1)) - 1], e)
    r["errors"] = [renumber(e) for e in r["errors"]]
    r.pop("file", None)
    return r


def by_case_id(lines):
    keyed = sorted((json.loads(l)["case_id"], l) for l in lines)
    return [l for _, l in keyed]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scheduler-file", required=True)
    ap.add_argument("--workers", type=int, required=True, help="workers to wait for")
    ap.add_argument("--divrisk", required=True, help="the binary, at this path on every worker")
    ap.add_argument("--rules", required=True, help="rule set directory, shipped to the workers")
    ap.add_argument("--input", required=True, help="archive (JSON Lines)")
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--out", required=True, help="directory for the gathered files")
    ap.add_argument("--check", action="store_true",
                    help="compare with one divrisk process over the whole archive")
    args = ap.parse_args()

    with open(args.input, "rb") as f:
        data = f.read()
    parts = split(data, args.partitions)
    failures = []

    with Client(scheduler_file=args.scheduler_file, timeout=60) as client:
        client.wait_for_workers(args.workers, timeout=60)
        workers = sorted(client.scheduler_info()["workers"])
        for addr in [client.scheduler.address] + workers:
            if not addr.startswith("tcp://127.0.0.1:"):
                failures.append("not on loopback: %s" % addr)
        # Ship the rule set: upload_file writes the tarball into every
        # worker's local directory (and into workers that join later).
        tarball = os.path.join(args.out, RULES_TARBALL)
        with open(tarball, "wb") as f:
            f.write(tar_rules(args.rules))
        client.upload_file(tarball)

        started = time.monotonic()
        # The partitions go to the workers ahead of the tasks (as a real job's
        # would already sit on their nodes), spread over the workers.
        data_futures = client.scatter([part for _, part in parts])
        futures = [client.submit(score_partition, args.divrisk, part, k,
                                 key="divrisk-batch-%d" % k, pure=False)
                   for k, part in enumerate(data_futures)]
        results = sorted(client.gather(futures), key=lambda r: r["index"])
        map_seconds = time.monotonic() - started

    output = [l for r in results for l in r["output"].decode().splitlines()]
    rejects = [global_reject(l, parts[r["index"]][0])
               for r in results for l in r["rejects"].decode().splitlines()]
    totals = {k: sum(r["summary"][k] for r in results) for k in ("read", "scored", "rejected")}
    with open(os.path.join(args.out, "gathered.jsonl"), "w") as f:
        f.writelines(l + "\n" for l in by_case_id(output))
    with open(os.path.join(args.out, "gathered.rejects"), "w") as f:
        f.writelines(json.dumps(r, separators=(",", ":")) + "\n"
                     for r in sorted(rejects, key=lambda r: r["line"]))

    lines_in = sum(len(n) for n, _ in parts)
    if totals["read"] != lines_in:
        failures.append("read %d, but the archive has %d lines" % (totals["read"], lines_in))
    if totals["read"] != totals["scored"] + totals["rejected"]:
        failures.append("read %(read)d != scored %(scored)d + rejected %(rejected)d" % totals)
    if len(output) != totals["scored"] or len(rejects) != totals["rejected"]:
        failures.append("%d output lines and %d rejects, summaries say %d and %d"
                        % (len(output), len(rejects), totals["scored"], totals["rejected"]))

    single_seconds = None
    if args.check:
        rej = os.path.join(args.out, "single.rejects")
        summ = os.path.join(args.out, "single.summary.json")
        started = time.monotonic()
        with open(args.input, "rb") as f:
            run = subprocess.run(
                [args.divrisk, "batch", "--rules", args.rules, "--threads", "1",
                 "--output", "summary", "--rejects", rej, "--summary", summ, "-"],
                stdin=f, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
        single_seconds = time.monotonic() - started
        single = by_case_id(run.stdout.decode().splitlines())
        gathered = by_case_id(output)
        if single != gathered:
            diff = next((i for i, (a, b) in enumerate(zip(single, gathered)) if a != b),
                        min(len(single), len(gathered)))
            failures.append("gathered output differs from the single run at sorted line %d "
                            "(%d vs %d lines):\n  single:   %s\n  gathered: %s"
                            % (diff + 1, len(single), len(gathered),
                               single[diff][:300] if diff < len(single) else "(end)",
                               gathered[diff][:300] if diff < len(gathered) else "(end)"))
        with open(rej) as f:
            single_rejects = [json.loads(l) for l in f]
        for r in single_rejects:
            r.pop("file", None)
        a = sorted(single_rejects, key=lambda r: r["line"])
        b = sorted(rejects, key=lambda r: r["line"])
        if a != b:
            diff = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            failures.append("the gathered rejects differ from the single run's at reject %d "
                            "(%d vs %d):\n  single:   %s\n  gathered: %s"
                            % (diff + 1, len(a), len(b),
                               json.dumps(a[diff])[:300] if diff < len(a) else "(end)",
                               json.dumps(b[diff])[:300] if diff < len(b) else "(end)"))
        with open(summ) as f:
            s = json.load(f)
        for k in ("read", "scored", "rejected"):
            if s[k] != totals[k]:
                failures.append("%s: single run %d, gathered %d" % (k, s[k], totals[k]))

    for r in results:
        print("partition %d on %s: read %d = scored %d + rejected %d in %.2f s"
              % (r["index"], r["worker"], r["summary"]["read"], r["summary"]["scored"],
                 r["summary"]["rejected"], r["seconds"]), file=sys.stderr)
    for f in failures:
        print("FAIL: " + f, file=sys.stderr)
    print(json.dumps({"workers": len(workers), "partitions": args.partitions,
                      "read": totals["read"], "scored": totals["scored"],
                      "rejected": totals["rejected"],
                      "map_seconds": round(map_seconds, 3),
                      "cases_per_s": round(totals["read"] / map_seconds),
                      "single_seconds": single_seconds and round(single_seconds, 3),
                      "same_as_single_run": (not failures) if args.check else None}))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
