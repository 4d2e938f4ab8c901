"""Reloading the rule set while a load runs: assess requests on kept-alive
connections and streamed batches go on while the rule set on disk changes
between two versions and is reloaded (POST /v1/rules/reload and SIGHUP),
and once is broken. No request fails; every response names the rule set's
SHA-256 it was scored with (header and body agree); no batch mixes two; both
rule sets served requests; the broken one is refused with its located
errors and the one in use stays."""

import json
import os
import shutil
import signal
import tempfile
import threading
import time

from service_harness import RULES, Server, check, example, fail, run_cli

CASE = "g2g-artillery-ammunition-estonia.yaml"


def set_version(ruleset, version):
    with open(ruleset) as f:
        text = f.read()
    lines = [('version: "%s"' % version) if l.startswith("version:") else l
             for l in text.split("\n")]
    tmp = ruleset + ".new"
    with open(tmp, "w") as f:
        f.write("\n".join(lines))
    os.replace(tmp, ruleset)  # a reload reads the old file or the new one


def main():
    tmp = tempfile.mkdtemp(prefix="divrisk-reload-")
    try:
        rules = os.path.join(tmp, "rules")
        shutil.copytree(os.path.dirname(RULES), rules)
        rule_dir = os.path.join(rules, "att-example-authority")
        ruleset = os.path.join(rule_dir, "ruleset.yaml")
        archive = run_cli("generate", "--count", "400", "--seed", "9").stdout
        body = example(CASE)
        with Server("--threads", "2", rules=rule_dir,
                    global_args=("--data-dir", rules)) as server:
            stop = threading.Event()
            failures = []
            by_sha = {}
            lock = threading.Lock()

            def note(sha):
                with lock:
                    by_sha[sha] = by_sha.get(sha, 0) + 1

            def assess_loop():
                conn = server.connection()
                while not stop.is_set():
                    try:
                        r = server.request("POST", "/v1/assess", body,
                                           {"Content-Type": "application/yaml"}, conn=conn)
                    except Exception as e:  # a failed request is a finding
                        failures.append("assess: %r" % e)
                        return
                    if r.status != 200:
                        failures.append("assess: HTTP %d %s" % (r.status, r.body[:200]))
                        continue
                    sha = r.json()["rule_set"]["sha256"]
                    if sha != r.header("X-Rule-Set-SHA256"):
                        failures.append("assess: body sha %s, header %s" % (sha, r.header("X-Rule-Set-SHA256")))
                    note(sha)

            def batch_loop():
                while not stop.is_set():
                    r = server.request("POST", "/v1/batch?output=summary", archive,
                                       {"Content-Type": "application/x-ndjson"})
                    if r.status != 200:
                        failures.append("batch: HTTP %d" % r.status)
                        continue
                    lines = [json.loads(l) for l in r.body.splitlines()]
                    summary = lines[-1]
                    shas = {l["rule_set_sha256"] for l in lines[:-1]}
                    sha = summary["summary"]["rule_set"]["sha256"]
                    if not summary["complete"] or shas != {sha} or sha != r.header("X-Rule-Set-SHA256"):
                        failures.append("batch mixes or misnames rule sets: %s vs %s" % (shas, sha))
                    note(sha)

            initial = server.request("GET", "/healthz").json()["rule_set"]["sha256"]
            workers = [threading.Thread(target=assess_loop) for _ in range(3)]
            workers.append(threading.Thread(target=batch_loop))
            for w in workers:
                w.start()
            reloaded = set()
            try:
                for i in range(8):
                    time.sleep(0.4)
                    set_version(ruleset, "reload-%d" % (i % 2))
                    if i % 2 == 0:
                        r = server.request("POST", "/v1/rules/reload")
                        check(r.status == 200, "reload: HTTP %d %s" % (r.status, r.body[:300]))
                        reloaded.add(r.json()["rule_set"]["sha256"])
                    else:
                        server.proc.send_signal(signal.SIGHUP)
                        time.sleep(0.3)
                        reloaded.add(server.request("GET", "/healthz").json()["rule_set"]["sha256"])
                # A broken rule set: refused with its errors, the last one stays.
                before = server.request("GET", "/healthz").json()["rule_set"]["sha256"]
                with open(ruleset, "a") as f:
                    f.write("\nbands: [\n")
                r = server.request("POST", "/v1/rules/reload")
                check(r.status == 422, "a broken rule set was not refused: HTTP %d" % r.status)
                located = [e for e in r.json()["errors"] if e["line"]]
                check(located and located[0]["file"].endswith("ruleset.yaml"),
                      "the refusal does not locate the error: %s" % r.body[:400])
                check(r.json()["rule_set"]["sha256"] == before, "the refusal names another rule set")
                time.sleep(0.5)
                after = server.request("GET", "/healthz").json()["rule_set"]["sha256"]
                check(after == before, "a refused reload changed the rule set")
            finally:
                stop.set()
                for w in workers:
                    w.join(120)
            check(not failures, "requests failed during reloads: %s" % failures[:5])
            check(len(reloaded) == 2, "the two versions did not give two SHA-256s: %s" % reloaded)
            served = {sha: n for sha, n in by_sha.items() if sha in reloaded}
            check(len(served) == 2, "not both rule sets served requests: %s" % by_sha)
            check(set(by_sha) <= reloaded | {initial},
                  "responses named rule sets never loaded: %s" % by_sha)
            metrics = server.request("GET", "/metrics").body.decode()
            check('divrisk_rule_set_reloads_total{result="refused"} 1' in metrics,
                  "the refused reload is not counted")
            print("PASS: %s" % by_sha)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
