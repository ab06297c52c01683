#!/usr/bin/env python3
"""RSS growth of stadsmijn-server under the memory attacks of issue 11 (a benchmark, not a test).

  tests/server/edge_rss_bench.py build/native/stadsmijn-server build/web/dist

Starts a fresh server per attack (SQLite in a temporary folder, a free loopback port), sends the
attack, and prints the growth of the server's peak RSS (VmHWM) in MB. The issue's bar: under 64 MB.
"""
import os, re, socket, subprocess, sys, tempfile, time, zlib

server_binary, web = sys.argv[1], sys.argv[2]
source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def hwm_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1))


def start():
    folder = tempfile.mkdtemp(prefix="stadsmijn-rss-")
    proc = subprocess.Popen([server_binary, "--web", web, "--port", "0", "--db", folder + "/polls.sqlite3",
                             "--content", source + "/content"], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    port = int(re.search(r":(\d+)/", line).group(1))
    return proc, port


def send_all(port, chunks, read_answer=True):
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(60)
    try:
        for chunk in chunks:
            s.sendall(chunk)
    except OSError:
        pass  # the server refused and closed: that is the point
    answer = b""
    if read_answer:
        try:
            answer = s.recv(200)
        except OSError:
            pass
    s.close()
    return answer.split(b"\r\n")[0].decode(errors="replace")


def brotli_bomb():
    out = subprocess.run(["sh", "-c", "head -c 600000000 /dev/zero | brotli -c -q 11 -w 24"],
                         capture_output=True).stdout
    return out


def gzip_bomb():
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    return c.compress(b"\0" * (60 << 20)) + c.flush()


def chunked(total):
    piece = b"x" * (1 << 20)
    yield b"POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    for _ in range(total >> 20):
        yield b"100000\r\n" + piece + b"\r\n"
    yield b"0\r\n\r\n"


def line(total):
    yield b"GET /"
    for _ in range(total >> 20):
        yield b"a" * (1 << 20)
    yield b" HTTP/1.1\r\n\r\n"


def headers(count):
    yield b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
    for i in range(0, count, 10000):
        yield b"".join(b"X-%d: 1\r\n" % j for j in range(i, i + 10000))
    yield b"\r\n"


br = brotli_bomb()
gz = gzip_bomb()
attacks = [
    (f"brotli bomb ({len(br)} B body, 600 MB inflated)",
     [b"POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Encoding: br\r\n"
      b"Content-Length: %d\r\n\r\n" % len(br) + br]),
    (f"gzip bomb ({len(gz) // 1024} KB body, 60 MiB inflated)",
     [b"POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
      b"Content-Length: %d\r\n\r\n" % len(gz) + gz]),
    ("150 MiB chunked body", chunked(150 << 20)),
    ("100 MiB request line", line(100 << 20)),
    ("500,000 headers", headers(500000)),
]
print("| attack | answer | peak RSS growth |")
print("| --- | --- | --- |")
for name, chunks in attacks:
    proc, port = start()
    time.sleep(0.3)
    before = hwm_kb(proc.pid)
    answer = send_all(port, chunks)
    time.sleep(0.5)
    after = hwm_kb(proc.pid)
    proc.terminate()
    proc.wait()
    print(f"| {name} | {answer or '(closed, no answer)'} | {(after - before) / 1024:.1f} MB |")
