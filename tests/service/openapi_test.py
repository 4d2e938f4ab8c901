"""The OpenAPI document against the real service: every path and method it
declares is served, and every response the test provokes (each declared
status it can provoke) has a status the document declares for that
operation, a declared content type, and a body that meets the declared
schema (required properties, types, nullable, enums, items, oneOf), checked
by the small checker below."""

import json
import os
import re
import shutil
import tempfile

from service_harness import (RULES, Server, check, example, fail, run_cli,
                             yaml_examples)

JSON_EXAMPLE = "re-export-second-hand-attack-helicopters-philippines.json"
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool}


class Checker:
    def __init__(self, doc):
        self.doc = doc

    def resolve(self, schema):
        while "$ref" in schema:
            node = self.doc
            for part in schema["$ref"].lstrip("#/").split("/"):
                node = node[part]
            schema = node
        return schema

    def errors(self, schema, value, where="$"):
        schema = self.resolve(schema)
        if value is None:
            return [] if schema.get("nullable") else ["%s: null, not nullable" % where]
        if "oneOf" in schema:
            matching = [s for s in schema["oneOf"] if not self.errors(s, value, where)]
            return [] if len(matching) >= 1 else ["%s: matches no oneOf schema" % where]
        kind = schema.get("type")
        if kind == "integer":
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif kind == "number":
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        elif kind in TYPES:
            ok = isinstance(value, TYPES[kind])
        else:
            ok = True
        if not ok:
            return ["%s: expected %s, found %r" % (where, kind, value)]
        out = []
        if "enum" in schema and value not in schema["enum"]:
            out.append("%s: %r not in %s" % (where, value, schema["enum"]))
        if "pattern" in schema and not re.search(schema["pattern"], value):
            out.append("%s: %r does not match %s" % (where, value, schema["pattern"]))
        if kind == "object":
            for key in schema.get("required", []):
                if key not in value:
                    out.append("%s: required property %s missing" % (where, key))
            for key, sub in schema.get("properties", {}).items():
                if key in value:
                    out += self.errors(sub, value[key], where + "." + key)
        if kind == "array" and "items" in schema:
            for i, item in enumerate(value):
                out += self.errors(schema["items"], item, "%s[%d]" % (where, i))
        return out


def check_response(checker, doc, template, method, r, seen):
    operation = doc["paths"][template][method.lower()]
    responses = operation["responses"]
    status = str(r.status)
    check(status in responses, "%s %s: HTTP %s is not declared (%s)"
          % (method, template, status, sorted(responses)))
    response = checker.resolve(responses[status])
    media = (r.header("Content-Type") or "").split(";")[0].strip()
    content = response.get("content", {})
    check(media in content, "%s %s %s: content type %s is not declared (%s)"
          % (method, template, status, media, sorted(content)))
    schema = content[media]["schema"]
    if media == "application/json":
        bodies = [json.loads(r.body)]
    elif media == "application/x-ndjson":
        bodies = [json.loads(line) for line in r.body.splitlines()]
    else:
        bodies = [r.body.decode()]
    for body in bodies:
        problems = checker.errors(schema, body)
        check(not problems, "%s %s %s: the body breaks its schema: %s"
              % (method, template, status, problems[:5]))
    seen.add((template, method.lower(), status))


def main():
    with Server() as server:
        doc = server.request("GET", "/v1/openapi.json").json()
        check(doc["openapi"].startswith("3."), "not OpenAPI 3")
        checker = Checker(doc)
        seen = set()

        def call(template, method, path=None, body=None, headers=None):
            r = server.request(method, path or template, body, headers)
            check_response(checker, doc, template, method, r, seen)
            return r

        yaml = {"Content-Type": "application/yaml"}
        jsonh = {"Content-Type": "application/json"}
        for name in yaml_examples():
            call("/v1/assess", "POST", body=example(name), headers=yaml)
        call("/v1/assess", "POST", "/v1/assess?format=html", example(JSON_EXAMPLE), jsonh)
        call("/v1/assess", "POST", body=b"id: [", headers=yaml)
        call("/v1/assess", "POST", body=b"x", headers={"Content-Type": "text/csv"})
        call("/v1/assess", "POST", body=b"#" * (5 << 20), headers=yaml)
        archive = run_cli("generate", "--count", "300", "--seed", "4",
                          "--bad-fraction", "0.1").stdout
        nd = {"Content-Type": "application/x-ndjson"}
        call("/v1/batch", "POST", body=archive, headers=nd)
        call("/v1/batch", "POST", "/v1/batch?output=summary", archive, nd)
        call("/v1/batch", "POST", "/v1/batch?authority=zz", archive, nd)
        call("/v1/batch", "POST", body=archive, headers={"Content-Type": "text/plain"})
        call("/v1/rules", "GET")
        call("/v1/rules/reload", "POST")
        call("/v1/openapi.json", "GET")
        call("/healthz", "GET")
        call("/metrics", "GET")
        call("/", "GET")
        # Every path and method of the document was exercised and served.
        for template, item in doc["paths"].items():
            for method in item:
                check(any(s[0] == template and s[1] == method for s in seen),
                      "%s %s is declared but was not exercised" % (method, template))
    # A reload refused with its located errors (422), and the token's 401.
    tmp = tempfile.mkdtemp(prefix="divrisk-openapi-")
    try:
        rules = os.path.join(tmp, "rules")
        shutil.copytree(os.path.dirname(RULES), rules)
        token = os.path.join(tmp, "token")
        with open(token, "w") as f:
            f.write("openapi-test-token-0123456789")
        with Server("--token-file", token, rules=os.path.join(rules, "att-default"),
                    global_args=("--data-dir", rules)) as server:
            auth = {"Authorization": "Bearer openapi-test-token-0123456789"}
            with open(os.path.join(rules, "att-default", "ruleset.yaml"), "a") as f:
                f.write("\nnot_a_key: 1\n")
            r = server.request("POST", "/v1/rules/reload", headers=auth)
            check_response(checker, doc, "/v1/rules/reload", "POST", r, seen)
            check(r.status == 422 and any(e["path"] == "not_a_key" and e["line"]
                                          and e["file"].endswith("ruleset.yaml")
                                          for e in r.json()["errors"]),
                  "a bad rule set's reload: %d %s" % (r.status, r.body[:300]))
            for template, method in [("/v1/rules", "GET"), ("/metrics", "GET")]:
                r = server.request(method, template)
                check_response(checker, doc, template, method, r, seen)
            r = server.request("POST", "/v1/assess", example(JSON_EXAMPLE),
                               {"Content-Type": "application/json"})
            check_response(checker, doc, "/v1/assess", "POST", r, seen)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("PASS: %d status/route pairs checked" % len(seen))


if __name__ == "__main__":
    main()
