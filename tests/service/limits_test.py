"""Limits and malformed requests: bodies over the limit (plain and a gzip
bomb), truncated bodies, broken chunked encoding, wrong content types, huge
headers, malformed request lines, slowloris headers and bodies, too many
requests or connections at once, a batch over its line limit. Each gets its
status with the errors body (or, for a connection that never finished its
headers, is closed) and never a 500; afterwards the server still answers
and its resident memory has not grown with what it was sent."""

import gzip
import json
import select
import socket
import threading
import time

from service_harness import SANITIZED, Server, check, example, fail, run_cli

CASE = "g2g-artillery-ammunition-estonia.yaml"
TIMEOUT = 2  # --request-timeout of the server under test


def raw(server, data, wait=10.0, shut=True):
    """Sends `data` on a new connection and returns what comes back."""
    s = socket.create_connection(("127.0.0.1", server.port))
    s.settimeout(wait)
    try:
        try:
            s.sendall(data)
            if shut:
                s.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the server stopped reading: what it answered follows
        out = b""
        while True:
            try:
                chunk = s.recv(65536)
            except (socket.timeout, ConnectionResetError):
                break
            if not chunk:
                break
            out += chunk
        return out
    finally:
        s.close()


def status_of(response):
    if not response.startswith(b"HTTP/1.1 "):
        return None
    return int(response[9:12])


def errors_body(response):
    body = response.split(b"\r\n\r\n", 1)[1]
    return json.loads(body)["errors"]


def expect(server, data, status, what, **kw):
    r = raw(server, data, **kw)
    check(status_of(r) == status, "%s: expected HTTP %d, got %r" % (what, status, r[:200]))
    try:
        check(errors_body(r)[0]["message"], "%s: no errors body" % what)
    except ValueError:
        fail("%s: not one errors body: %r" % (what, r[:600]))


def healthy(server):
    check(server.alive(), "the server died")
    r = server.request("GET", "/healthz")
    check(r.status == 200, "healthz: HTTP %d" % r.status)


def bodies(server):
    big = b"#" * 300000
    conn = server.connection()
    r = server.request("POST", "/v1/assess", big, {"Content-Type": "application/yaml"}, conn=conn)
    check(r.status == 413, "an oversized body: HTTP %d" % r.status)
    r = server.request("POST", "/v1/assess", example(CASE), {"Content-Type": "application/yaml"}, conn=conn)
    check(r.status == 200, "the connection after a 413 is not usable: HTTP %d" % r.status)
    conn.close()
    bomb = gzip.compress(b" " * (64 << 20), 9)
    r = server.request("POST", "/v1/assess", bomb,
                       {"Content-Type": "application/yaml", "Content-Encoding": "gzip"})
    check(r.status == 413, "a gzip bomb: HTTP %d" % r.status)
    expect(server, b"POST /v1/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\n"
           b"Content-Length: 5000\r\n\r\nformat: divrisk-case/1\n", 400, "a truncated body")
    expect(server, b"POST /v1/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\n"
           b"Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", 400, "broken chunks")
    expect(server, b"POST /v1/assess HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\n"
           b"Content-Length: 4\r\n\r\n\x89PNG", 415, "a wrong content type")
    expect(server, b"POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\n"
           b"Content-Length: 3\r\n\r\n{}\n", 415, "a batch as YAML")
    # Binary and half-UTF-8 case bodies are errors, not crashes.
    for junk in [b"\xff\xfe\x00\x01" * 1000, "id: \"\ud800\"".encode("utf-8", "surrogatepass"),
                 b"[" * 100000, b"{" * 100000, b"a: &x [*x]\n"]:
        for kind in ["application/yaml", "application/json"]:
            r = server.request("POST", "/v1/assess", junk, {"Content-Type": kind})
            check(r.status == 400, "junk as %s: HTTP %d" % (kind, r.status))


def requests(server):
    expect(server, b"GARBAGE\r\n\r\n", 400, "a malformed request line")
    expect(server, b"GET / HTTP/9.9\r\nHost: x\r\n\r\n", 400, "an unknown HTTP version")
    expect(server, b"GET /healthz HTTP/1.1\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n", 400,
           "a header over 8 KiB")
    many = b"".join(b"X-H%d: %s\r\n" % (i, b"b" * 1000) for i in range(100))
    r = raw(server, b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n")
    check(status_of(r) in (400, None), "100 KB of headers: %r" % r[:100])
    # A header line that never ends: cut at the header limit, not buffered.
    r = raw(server, b"GET /healthz HTTP/1.1\r\nX-Endless: " + b"c" * (4 << 20))
    check(status_of(r) in (400, None), "an endless header: %r" % r[:100])
    r = raw(server, bytes(range(256)) * 64)
    check(status_of(r) in (400, None), "binary junk: %r" % r[:100])
    # A batch over its line limit: the first lines scored, then the error.
    archive = run_cli("generate", "--count", "120", "--seed", "2").stdout
    r = server.request("POST", "/v1/batch?output=summary", archive,
                       {"Content-Type": "application/x-ndjson"})
    lines = [json.loads(l) for l in r.body.splitlines()]
    check(r.status == 200 and lines[-1]["complete"] is False and
          lines[-1]["summary"]["read"] == 50 and
          "limit of 50 lines" in lines[-2]["errors"][0]["message"],
          "a batch over the line limit: %s" % r.body[-600:])


def slow_sender(server, head, body_bytes, results, index):
    """Sends `head`, then a byte every 0.3 s; records the response."""
    s = socket.create_connection(("127.0.0.1", server.port))
    s.settimeout(TIMEOUT + 8)
    start = time.time()
    try:
        s.sendall(head)
        for i in range(body_bytes):
            time.sleep(0.3)
            if select.select([s], [], [], 0)[0]:
                break  # the server answered (or closed): stop sending
            s.sendall(b"x")
    except OSError:
        pass  # the server cut the connection: what a slowloris gets
    try:
        data = s.recv(65536)
    except OSError:
        data = b""
    results[index] = (data, time.time() - start)
    s.close()


def slow_clients(server):
    # Slowloris headers and slow bodies, as many as the server has threads.
    results = [None] * 6
    heads = [b"GET /healthz HTTP/1.1\r\nX-Slow: "] * 3 + [
        b"POST /v1/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\n"
        b"Content-Length: 100\r\n\r\n"] * 3
    threads = [threading.Thread(target=slow_sender, args=(server, h, 40, results, i))
               for i, h in enumerate(heads)]
    for t in threads:
        t.start()
    time.sleep(0.8)
    # Four slow bodies are in flight at most; one request more is refused
    # with 503, or waits for a thread: never a failure of the server.
    r = server.request("GET", "/healthz")
    check(r.status in (200, 503), "a request among slow clients: HTTP %d" % r.status)
    for t in threads:
        t.join(30)
    for i, (data, seconds) in enumerate(results):
        check(seconds < TIMEOUT + 6, "slow client %d held for %.1f s" % (i, seconds))
        if i >= 3:
            check(status_of(data) == 408, "a slow body: expected 408, got %r" % data[:120])
    healthy(server)


def too_many(server):
    # Requests in flight: four slow bodies hold the four places.
    results = [None] * 4
    head = (b"POST /v1/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\n"
            b"Content-Length: 100\r\n\r\n")
    threads = [threading.Thread(target=slow_sender, args=(server, head, 5, results, i))
               for i in range(4)]
    for t in threads:
        t.start()
    time.sleep(0.5)
    r = server.request("GET", "/v1/rules")
    check(r.status == 503 and r.header("Retry-After") == "1" and r.json()["errors"],
          "a fifth request in flight: HTTP %d %s" % (r.status, r.body[:200]))
    check(server.request("GET", "/healthz").status == 200,
          "health checks must answer while the service is busy")
    for t in threads:
        t.join(30)
    # Connections: 6 served and 6 waiting at most; the next are refused.
    idle = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(16)]
    time.sleep(0.5)
    refused = 0
    for s in idle[12:]:
        s.settimeout(2)
        try:
            data = s.recv(4096)
        except OSError:
            data = b""
        if status_of(data) == 503:
            refused += 1
    for s in idle:
        s.close()
    check(refused >= 1, "no connection beyond the limit was refused with 503")


def big_batch():
    """A batch far larger than memory would allow if it were held: 20,000
    cases (some 60 MB in, 100 MB out) streamed through; the server's peak
    resident memory stays within two chunks' worth of it."""
    archive = run_cli("generate", "--count", "20000", "--seed", "6").stdout
    with Server("--threads", "2") as server:
        server.request("POST", "/v1/batch", archive[:200000],
                       {"Content-Type": "application/x-ndjson"})  # warm up
        peak_before = server.rss_kb("VmHWM")
        conn = server.connection()
        def pieces():
            for i in range(0, len(archive), 1 << 16):
                yield archive[i:i + (1 << 16)]
        conn.request("POST", "/v1/batch", body=pieces(), encode_chunked=True,
                     headers={"Content-Type": "application/x-ndjson"})
        r = conn.getresponse()
        received, last = 0, b""
        while True:
            chunk = r.read(1 << 16)
            if not chunk:
                break
            received += len(chunk)
            last = (last + chunk)[-4096:]
        conn.close()
        summary = json.loads(last.splitlines()[-1])
        check(summary["complete"] and summary["summary"]["read"] == 20000,
              "the large batch did not complete: %s" % summary)
        grown = server.rss_kb("VmHWM") - peak_before
        check(SANITIZED or grown < 160 * 1024,
              "peak memory grew by %d KB for %d MB in, %d MB out"
              % (grown, len(archive) >> 20, received >> 20))
        print("large batch: %d MB in, %d MB out, peak memory +%d MB"
              % (len(archive) >> 20, received >> 20, grown >> 10))


def main():
    with Server("--max-body", "200000", "--max-batch-lines", "50",
                "--request-timeout", str(TIMEOUT), "--max-in-flight", "4",
                "--max-connections", "6") as server:
        healthy(server)
        baseline = server.rss_kb()
        for round in range(3):
            bodies(server)
            requests(server)
        after_bodies = server.rss_kb()
        slow_clients(server)
        too_many(server)
        time.sleep(6)  # the idle connections' keep-alive wait ends
        healthy(server)
        grown = server.rss_kb() - baseline
        check(SANITIZED or grown < 96 * 1024,
              "resident memory grew by %d KB (baseline %d KB, "
              "after the bodies %d KB)" % (grown, baseline, after_bodies))
        metrics = server.request("GET", "/metrics").body.decode()
        check('status="500"' not in metrics, "a request was answered 500")
        print("RSS %d KB -> %d KB" % (baseline, baseline + grown))
    big_batch()
    print("PASS")


if __name__ == "__main__":
    main()
