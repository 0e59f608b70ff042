#!/usr/bin/env python3
"""A loopback HTTP server for the fetcher's tests (python3 stdlib only).

It listens on 127.0.0.1 on a free port chosen at start, prints the port on
stdout and, with --port-file, writes it to that file (atomically, so a test
can wait for the file to appear).  With --log, every request line and its
headers are appended to the log in the order received, then a blank line.

Routes (query options may be combined where it makes sense):
  /f/NAME            the file NAME under --root, with an ETag (a hash of
                     the content) and Last-Modified (the file's mtime);
                     If-None-Match / If-Modified-Since give 304.
      ?noetag ?nolm  leave out ETag / Last-Modified
      ?ctype=TYPE    Content-Type (default application/xml)
      ?gzip          gzip the body (when the client accepts it)
      ?badgzip       claim gzip but send bytes that are not
      ?chunked       chunked transfer encoding, no Content-Length
      ?truncate=N    announce the full length, send N bytes, close
      ?drip=MS       send the body one byte every MS milliseconds
      ?status=N      answer with status N and a small HTML page
      ?delay=MS      wait MS milliseconds before answering
      ?redirect=U    answer 302 to U instead
    The file NAME.query under --root, if present, holds more options in
    the same form: a test makes the same URL misbehave by writing it.
  /redirect/N/REST   302 to /redirect/N-1/REST ... /redirect/0/REST is 302
                     to /REST (query kept)
  /loop              302 to itself, for ever
  /redirect-to?url=U 302 to U
  /big?size=N        N bytes of a feed-shaped document (?chunked, ?gzip)
  /close             close the connection without an answer
--latency MS delays every answer, like ?delay; --port N asks for port N.
--max-conn FILE keeps in FILE the most connections that were open at once.
"""

import argparse
import email.utils
import gzip
import hashlib
import os
import socket
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOG_LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "mesosnews-test-httpd"
    sys_version = ""

    def log_message(self, fmt, *args):
        pass

    def record(self):
        log = self.server.log_path
        if not log:
            return
        lines = [self.requestline]
        for name, value in self.headers.items():
            lines.append("%s: %s" % (name, value))
        with LOG_LOCK:
            with open(log, "a", encoding="utf-8", errors="replace") as fp:
                fp.write("\n".join(lines) + "\n\n")

    def do_GET(self):
        self.record()
        url = urllib.parse.urlsplit(self.path)
        q = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if url.path.startswith("/f/"):
            extra = os.path.join(self.server.root, url.path[3:] + ".query")
            if "/.." not in url.path and os.path.isfile(extra):
                with open(extra) as fp:
                    q.update(urllib.parse.parse_qs(fp.read().strip(),
                                                   keep_blank_values=True))
        delay = int(q.get("delay", ["0"])[0]) + self.server.latency
        if delay > 0:
            time.sleep(delay / 1000.0)
        path = url.path
        if path.startswith("/f/"):
            return self.serve_file(path[3:], q)
        if path.startswith("/redirect/"):
            count, _, rest = path[len("/redirect/"):].partition("/")
            n = int(count)
            target = "/redirect/%d/%s" % (n - 1, rest) if n > 0 else "/" + rest
            if url.query:
                target += "?" + url.query
            return self.redirect(target)
        if path == "/loop":
            return self.redirect("/loop")
        if path == "/redirect-to":
            return self.redirect(q["url"][0])
        if path == "/big":
            return self.serve_big(int(q["size"][0]), q)
        if path == "/close":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        return self.error(404)

    def redirect(self, location):
        body = b"moved\n"
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def error(self, code):
        body = ("<html><body><h1>%d</h1></body></html>\n" % code).encode()
        self.send_response(code)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def serve_file(self, name, q):
        if "redirect" in q:
            return self.redirect(q["redirect"][0])
        if "status" in q:
            return self.error(int(q["status"][0]))
        full = os.path.join(self.server.root, name)
        if "/.." in "/" + name or not os.path.isfile(full):
            return self.error(404)
        with open(full, "rb") as fp:
            data = fp.read()
        mtime = int(os.stat(full).st_mtime)
        etag = '"%s"' % hashlib.sha1(data).hexdigest()[:16]
        lastmod = email.utils.formatdate(mtime, usegmt=True)
        headers = [("Content-Type", q.get("ctype", ["application/xml"])[0])]
        if "noetag" not in q:
            headers.append(("ETag", etag))
        if "nolm" not in q:
            headers.append(("Last-Modified", lastmod))

        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        fresh = False
        if inm is not None and "noetag" not in q:
            fresh = etag in [t.strip() for t in inm.split(",")]
        elif ims is not None and "nolm" not in q:
            try:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
                fresh = mtime <= since
            except (TypeError, ValueError):
                fresh = False
        if fresh:
            self.send_response(304)
            for h in headers[1:]:
                self.send_header(*h)
            self.end_headers()
            return
        self.send_body(data, headers, q)

    def serve_big(self, size, q):
        head = (b'<?xml version="1.0" encoding="utf-8"?>\n'
                b'<feed xmlns="http://www.w3.org/2005/Atom">\n'
                b'<title>Big</title>\n<!-- ')
        filler = b"padding " * 8192
        out = bytearray(head)
        while len(out) < size:
            out += filler
        del out[size:]
        self.send_body(bytes(out), [("Content-Type", "application/xml")], q)

    def send_body(self, data, headers, q):
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if "badgzip" in q:
            data = b"\x1f\x8b\x08\x00 this is not a gzip stream " * 40
            headers.append(("Content-Encoding", "gzip"))
        elif "gzip" in q and accepts_gzip:
            data = gzip.compress(data)
            headers.append(("Content-Encoding", "gzip"))
        self.send_response(200)
        for h in headers:
            self.send_header(*h)
        if "chunked" in q:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(0, len(data), 16384):
                piece = data[i:i + 16384]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
            return
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if "truncate" in q:
            self.wfile.write(data[:int(q["truncate"][0])])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if "drip" in q:
            pause = int(q["drip"][0]) / 1000.0
            for i in range(len(data)):
                self.wfile.write(data[i:i + 1])
                self.wfile.flush()
                time.sleep(pause)
            return
        self.wfile.write(data)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    allow_reuse_address = True

    conn_lock = threading.Lock()
    conn_now = 0
    conn_max = 0
    conn_file = None

    def process_request_thread(self, request, client_address):
        with self.conn_lock:
            self.conn_now += 1
            if self.conn_now > self.conn_max:
                self.conn_max = self.conn_now
                if self.conn_file:
                    with open(self.conn_file, "w") as fp:
                        fp.write("%d\n" % self.conn_max)
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self.conn_lock:
                self.conn_now -= 1

    def handle_error(self, request, client_address):
        # Clients hang up on purpose (size caps, timeouts): stay quiet.
        pass


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", default=".")
    ap.add_argument("--port-file")
    ap.add_argument("--log")
    ap.add_argument("--latency", type=int, default=0, help="ms per answer")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--max-conn")
    args = ap.parse_args()

    server = Server(("127.0.0.1", args.port), Handler)
    server.root = args.root
    server.log_path = args.log
    server.latency = args.latency
    server.conn_file = args.max_conn
    port = server.server_address[1]
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as fp:
            fp.write("%d\n" % port)
        os.rename(tmp, args.port_file)
    sys.stdout.write("%d\n" % port)
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
