#!/usr/bin/env python3
"""A loopback server for tests/hostile.sh (python3 stdlib only).

It listens on 127.0.0.1 on a free port, writes the port to --port-file
(atomically) and appends the request line of every request it receives
to --log, so that a test can prove that nothing asked for an external
entity, DTD or XInclude.  Routes:
  /bomb.atom          a gzip bomb: a feed-shaped document that inflates to
                      --inflate MiB (default 1024) of white space inside a
                      comment, about 1 MB on the wire, with Content-Length
  /bomb.atom?chunked  the same, chunked, with no Content-Length
  /f/NAME             the file NAME under --root, as application/xml
  /evil-reason        503 with a reason phrase full of terminal controls
  /to?URL             302 to URL (taken as it is, unquoted)
Anything else is 404 (and logged like the rest).
"""

import argparse
import os
import struct
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
HEAD = (b'<?xml version="1.0" encoding="utf-8"?>\n'
        b'<feed xmlns="http://www.w3.org/2005/Atom">\n'
        b'<title>Bomb</title><id>urn:hostile:bomb</id>\n<!-- ')
TAIL = b' -->\n</feed>\n'


def gzip_bomb(mib):
    """A gzip member inflating to HEAD, mib MiB of spaces, TAIL.  After a
    full flush deflate forgets what came before, so one compressed MiB
    can be repeated as it is; the trailer's CRC covers it all."""
    chunk = b" " * (1 << 20)
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = raw.compress(HEAD) + raw.flush(zlib.Z_FULL_FLUSH)
    block = raw.compress(chunk) + raw.flush(zlib.Z_FULL_FLUSH)
    again = raw.compress(chunk) + raw.flush(zlib.Z_FULL_FLUSH)
    assert block == again
    last = raw.compress(TAIL) + raw.flush(zlib.Z_FINISH)
    crc = zlib.crc32(HEAD)
    for _ in range(mib):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(TAIL, crc)
    size = len(HEAD) + mib * len(chunk) + len(TAIL)
    return (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + first +
            block * mib + last + struct.pack("<II", crc, size & 0xffffffff))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "mesosnews-hostile-httpd"
    sys_version = ""

    def log_message(self, fmt, *args):
        pass

    def do_GET(self):
        with LOCK:
            with open(self.server.log, "a", encoding="utf-8",
                      errors="replace") as fp:
                fp.write(self.requestline + "\n")
        path, _, query = self.path.partition("?")
        name = path[3:]
        if (path.startswith("/f/") and "/" not in name and
                os.path.isfile(os.path.join(self.server.root, name))):
            with open(os.path.join(self.server.root, name), "rb") as fp:
                body = fp.read()
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if path == "/to":
            body = b"moved\n"
            self.send_response(302)
            self.send_header("Location", query)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if path == "/evil-reason":
            body = b"no\n"
            # Sent as Latin-1: ESC sequences, and raw C1 bytes.
            self.send_response(503, "Busy \x1b[31m\x1b]52;c;SEVMTE8=\x07"
                               "\x1b]0;pwned\x07\x9b6n\x9d0;x\x9c end")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if path != "/bomb.atom":
            body = b"not here\n"
            self.send_response(404)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        data = self.server.bomb
        self.send_response(200)
        self.send_header("Content-Type", "application/atom+xml")
        self.send_header("Content-Encoding", "gzip")
        if query == "chunked":
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(0, len(data), 65536):
                piece = data[i:i + 65536]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
            return
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # The client hangs up at its size limit: that is the point.
        pass


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--root", default=".")
    ap.add_argument("--inflate", type=int, default=1024, help="MiB")
    args = ap.parse_args()
    server = Server(("127.0.0.1", 0), Handler)
    server.log = args.log
    server.root = args.root
    server.bomb = gzip_bomb(args.inflate)
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as fp:
        fp.write("%d\n" % server.server_address[1])
    os.rename(tmp, args.port_file)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
