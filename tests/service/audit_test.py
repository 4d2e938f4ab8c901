"""The audit log: every assessment served (assess in YAML and JSON, with and
without ?authority, and each case of a batch) is a row with the time, case
id, rule set's SHA-256, deciding state, recommendation, score and the
SHA-256 of the exact input bytes (and the bytes, with --audit-inputs), in a
chain of hashes. `divrisk audit verify` accepts the log as written, and
finds each kind of tampering: a field changed, a field changed with its row
hash recomputed, a row deleted, a stored input changed, and a decision
rewritten with the whole chain recomputed after it (found by re-scoring)."""

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile

from service_harness import (RULES, Server, check, example, run_cli,
                             yaml_examples)

JSON_EXAMPLE = "re-export-second-hand-attack-helicopters-philippines.json"


def verify(db, *extra):
    r = run_cli("audit", "verify", "--rules", RULES, "--sample", "100000", *extra, db)
    return r.returncode, r.stdout.decode() + r.stderr.decode()


def row_hash(row):
    """The chain's hash of a row, as audit_log.cc computes it."""
    fields = [row["seq"], row["time"], row["route"], row["case_id"],
              row["rule_set_sha256"], row["authority"], row["deciding_state"],
              row["recommendation"], row["score"], row["input_syntax"],
              row["input_sha256"], row["prev_hash"]]
    text = json.dumps(fields, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def tampered(db, tmp, name, change):
    copy = os.path.join(tmp, name + ".sqlite")
    shutil.copy(db, copy)
    con = sqlite3.connect(copy)
    con.row_factory = sqlite3.Row
    change(con)
    con.commit()
    con.close()
    return copy


def main():
    tmp = tempfile.mkdtemp(prefix="divrisk-audit-")
    try:
        db = os.path.join(tmp, "audit.sqlite")
        sent = []
        with Server("--audit", db, "--audit-inputs") as server:
            for name in yaml_examples()[:5]:
                body = example(name)
                r = server.request("POST", "/v1/assess", body, {"Content-Type": "application/yaml"})
                check(r.status == 200, "assess %s: %d" % (name, r.status))
                sent.append((body, r.json()))
            body = example(JSON_EXAMPLE)
            r = server.request("POST", "/v1/assess?authority=DE&format=html", body,
                               {"Content-Type": "application/json"})
            check(r.status == 200, "assess html: %d" % r.status)
            archive = run_cli("generate", "--count", "40", "--seed", "5",
                              "--bad-fraction", "0.1").stdout
            r = server.request("POST", "/v1/batch?output=summary", archive,
                               {"Content-Type": "application/x-ndjson"})
            scored = json.loads(r.body.splitlines()[-1])["summary"]["scored"]
        con = sqlite3.connect(db)
        con.row_factory = sqlite3.Row
        check(con.execute("PRAGMA journal_mode").fetchone()[0] == "wal", "the log is not WAL")
        rows = [dict(r) for r in con.execute("SELECT * FROM audit ORDER BY seq")]
        con.close()
        check(len(rows) == 6 + scored, "%d rows for %d assessments" % (len(rows), 6 + scored))
        for (body, assessment), row in zip(sent, rows):
            check(row["input_sha256"] == hashlib.sha256(body).hexdigest(),
                  "input_sha256 is not the SHA-256 of the exact bytes sent")
            check(row["input"] == body, "the stored input differs from the bytes sent")
            check(row["case_id"] == assessment["case_id"] and
                  row["recommendation"] == assessment["recommendation"] and
                  row["rule_set_sha256"] == assessment["rule_set"]["sha256"] and
                  row["deciding_state"] == (assessment["deciding_state"]["state"] or "") and
                  float(row["score"]) == assessment["score"],
                  "row %s does not record the assessment served" % row["seq"])
            check(row["time"].endswith("Z") and row["route"] == "assess", "time or route")
        check(rows[5]["authority"] == "DE" and rows[5]["deciding_state"] == "DE",
              "?authority=DE not recorded: %s" % rows[5]["authority"])
        check(all(r["route"] == "batch" and r["deciding_state"] for r in rows[6:]),
              "batch rows lack their route or deciding state")
        for row in rows:
            check(row_hash(row) == row["row_hash"], "row %d: hash not as documented" % row["seq"])

        code, out = verify(db)
        check(code == 0 and "chain intact over %d rows" % len(rows) in out
              and "re-scored %d of %d" % (len(rows), len(rows)) in out and "0 differ" in out,
              "verify on the log as written: %d %s" % (code, out))

        target = rows[3]["seq"]
        cases = {
            "field": lambda c: c.execute(
                "UPDATE audit SET recommendation='approve' WHERE seq=?", (target,)),
            "rehashed": lambda c: rehash_one(c, target),
            "deleted": lambda c: c.execute("DELETE FROM audit WHERE seq=?", (target,)),
            "input": lambda c: c.execute(
                "UPDATE audit SET input=CAST(? AS BLOB) WHERE seq=?", (b"id: forged\n", target)),
        }
        for name, change in cases.items():
            code, out = verify(tampered(db, tmp, name, change))
            # A row rehashed or deleted breaks the link of the row after it.
            at = target + (1 if name in ("rehashed", "deleted") else 0)
            check(code == 1 and "chain broken at row %d" % at in out,
                  "tampering (%s) not found: %d %s" % (name, code, out))
        # Rewritten with the whole chain recomputed: the chain holds, the
        # re-scoring finds the decision that was not the engine's.
        rewritten = tampered(db, tmp, "rewritten", lambda c: rewrite_chain(c, target))
        code, out = verify(rewritten, "--chain-only")
        check(code == 0, "a recomputed chain should hold: %s" % out)
        code, out = verify(rewritten)
        check(code == 1 and ("row %d " % target) in out and "recommendation recorded" in out,
              "a rewritten decision was not found by re-scoring: %d %s" % (code, out))
        print("PASS: %d rows" % len(rows))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def rehash_one(con, seq):
    row = dict(con.execute("SELECT * FROM audit WHERE seq=?", (seq,)).fetchone())
    row["recommendation"] = "approve" if row["recommendation"] != "approve" else "refuse"
    con.execute("UPDATE audit SET recommendation=?, row_hash=? WHERE seq=?",
                (row["recommendation"], row_hash(row), seq))


def rewrite_chain(con, seq):
    rows = [dict(r) for r in con.execute("SELECT * FROM audit ORDER BY seq")]
    prev = "0" * 64
    for row in rows:
        if row["seq"] == seq:
            row["recommendation"] = "approve" if row["recommendation"] != "approve" else "refuse"
        row["prev_hash"] = prev
        row["row_hash"] = row_hash(row)
        prev = row["row_hash"]
        con.execute("UPDATE audit SET recommendation=?, prev_hash=?, row_hash=? WHERE seq=?",
                    (row["recommendation"], row["prev_hash"], row["row_hash"], row["seq"]))


if __name__ == "__main__":
    main()
