"""Starting `divrisk serve` on a free loopback port for a test, and talking
to it with the standard library only (http.client, socket).

Server(...) starts the binary with --listen 127.0.0.1:0, reads the port it
announces on stdout, and on leaving stops it with SIGTERM and checks that
it stopped cleanly (exit 0); a server that does not stop is killed and the
test fails, so no test leaves a process behind.
"""

import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

DIVRISK = os.environ.get("DIVRISK")
SOURCE = os.environ.get("DIVRISK_SOURCE_DIR")
if not DIVRISK or not SOURCE:
    print("FAIL: set DIVRISK (the binary) and DIVRISK_SOURCE_DIR (ctest does)")
    sys.exit(1)
RULES = os.path.join(SOURCE or ".", "rules", "att-example-authority")
EXAMPLES = os.path.join(SOURCE or ".", "examples")
# A sanitizer build keeps freed memory resident: no memory bound holds.
SANITIZED = os.environ.get("DIVRISK_SANITIZED", "0") == "1"


def fail(message):
    print("FAIL: " + message, flush=True)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body)

    def header(self, name):
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None


def _die_with_parent():
    """In the child: SIGTERM when the test process dies (even by SIGKILL,
    e.g. a ctest timeout), so that no server outlives its test."""
    import ctypes
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class Server:
    """`divrisk [global...] serve --listen 127.0.0.1:0 [args...]`."""

    def __init__(self, *args, rules=RULES, global_args=(), lists_dir=None):
        self.tmp = tempfile.mkdtemp(prefix="divrisk-serve-test-")
        lists = lists_dir or os.path.join(self.tmp, "no-lists")
        self.argv = [DIVRISK, *global_args, "serve", "--rules", rules,
                     "--lists-dir", lists, "--listen", "127.0.0.1:0", *args]
        self.stderr_path = os.path.join(self.tmp, "stderr")
        self.proc = None
        self.port = None

    def __enter__(self):
        self.stderr = open(self.stderr_path, "wb")
        self.proc = subprocess.Popen(self.argv, stdout=subprocess.PIPE,
                                     stderr=self.stderr,
                                     preexec_fn=_die_with_parent)
        line = [None]
        reader = threading.Thread(
            target=lambda: line.__setitem__(0, self.proc.stdout.readline()))
        reader.start()
        reader.join(60)
        text = (line[0] or b"").decode()
        if "listening on http://127.0.0.1:" not in text:
            self.stop(expect_clean=False)
            fail("the server did not announce its port: %r; stderr: %s"
                 % (text, self.stderr_text()))
        self.port = int(text.rsplit(":", 1)[1].strip().rstrip("/"))
        return self

    def __exit__(self, kind, value, tb):
        self.stop(expect_clean=kind is None)
        shutil.rmtree(self.tmp, ignore_errors=True)
        return False

    def stderr_text(self):
        try:
            with open(self.stderr_path, "rb") as f:
                return f.read().decode(errors="replace")
        except OSError:
            return ""

    def stop(self, expect_clean=True):
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            fail("the server did not stop within 30 s of SIGTERM")
        self.stderr.close()
        if expect_clean:
            check(code == 0, "the server exited %s after SIGTERM; stderr: %s"
                  % (code, self.stderr_text()))
            check("stopped" in self.stderr_text(), "no 'stopped' on stderr")

    def alive(self):
        return self.proc.poll() is None

    def rss_kb(self, field="VmRSS"):
        """Resident memory now (VmRSS) or at its peak (VmHWM), in KB."""
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return 0

    def connection(self, timeout=60):
        return http.client.HTTPConnection("127.0.0.1", self.port,
                                          timeout=timeout)

    def request(self, method, path, body=None, headers=None, conn=None):
        own = conn is None
        conn = conn or self.connection()
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            return Response(r.status, r.getheaders(), r.read())
        finally:
            if own:
                conn.close()


def example(name):
    with open(os.path.join(EXAMPLES, name), "rb") as f:
        return f.read()


def yaml_examples():
    return sorted(n for n in os.listdir(EXAMPLES) if n.endswith(".yaml"))


def run_cli(*args, stdin=None):
    return subprocess.run([DIVRISK, *args], input=stdin, capture_output=True,
                          timeout=300)


def require(tool_ok, what, how):
    """Skips (exit 77) when an optional tool is missing, fails under CI."""
    if tool_ok:
        return
    if os.environ.get("CI", "") not in ("", "0", "false"):
        fail("CI=true but %s is missing (%s)" % (what, how))
    print("SKIPPED: %s is missing; %s" % (what, how), flush=True)
    sys.exit(77)
