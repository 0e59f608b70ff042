#!/usr/bin/env python3
"""mesosnews benchmarks: time mesosnews against its peers on the same input.

Usage: run.py [options] [NAME...]

NAME selects benchmarks by name or prefix (list, render, render-html,
render-md, import, parallel, tui); none means all.  Every comparison prints
one line in a fixed format, for example

  list-10k: mesosnews 0.412s (rss 9.8 MB) sfeed 0.500s (rss 2.1 MB) \
ratio 0.82 target <= 1.00 PASS

The last word of a result line is PASS, FAIL or INFO (no target); a line
"NAME: skipped (why)" or "NAME: ERROR (why)" replaces it when a command is
missing, a mesosnews feature does not exist yet, or a command failed.
Times are the median of --runs runs after --warmup warm-up runs; rss is
the largest peak resident set size over the timed runs, measured by
/usr/bin/time -f %M (a direct child of this Python process would inherit
Python's own peak).  The exit status is 0 whether targets are met or not;
it is non-zero only when the harness itself fails.
"""

import argparse
import hashlib
import http.server
import importlib.util
import os
import pty
import re
import select
import shutil
import signal
import socketserver
import statistics
import struct
import sys
import tempfile
import threading
import time

# The source tree may be read-only (make distcheck): no __pycache__.
sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
GNU_TIME = "/usr/bin/time"
RSS_TARGET_MB = 16.0
RSS_GROWTH_TARGET = 1.10
PARALLEL_FEEDS = 50
PARALLEL_ENTRIES = 10
PARALLEL_LATENCY = 0.2
PARALLEL_TARGET_S = 0.5
TIMEOUT_S = 120.0


class HarnessError(Exception):
    pass


def load_generator():
    spec = importlib.util.spec_from_file_location(
        "gen_feed", os.path.join(HERE, "gen-feed.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


GEN = load_generator()


def label(n):
    return "%dk" % (n // 1000) if n >= 1000 and n % 1000 == 0 else str(n)


def mb(kb):
    return kb / 1024.0


def first_line(path):
    try:
        with open(path, "rb") as f:
            for line in f.read(4096).decode("utf-8", "replace").splitlines():
                if line.strip():
                    return line.strip()[:160]
    except OSError:
        pass
    return ""


class Result:
    """The outcome of timing one command."""

    def __init__(self, name):
        self.name = name
        self.times = []
        self.rss_kb = 0
        self.error = None
        self.stdout_path = None

    @property
    def median(self):
        return statistics.median(self.times)


class Bench:
    """Shared state: options, scratch directory, environment, results."""

    def __init__(self, opts):
        self.o = opts
        self.out = os.path.abspath(opts.out)
        self.inputs = os.path.join(self.out, "inputs")
        self.work = os.path.join(self.out, "work")
        self.home = os.path.join(self.out, "home")
        for d in (self.inputs, self.work, self.home):
            os.makedirs(d, exist_ok=True)
        self.env = self.make_env()
        self.counts = {"PASS": 0, "FAIL": 0, "INFO": 0, "skipped": 0,
                       "ERROR": 0}
        self.features = None
        self.have_time = os.access(GNU_TIME, os.X_OK)
        self.text_args = None
        self.helptext = ""

    def make_env(self):
        env = dict(os.environ)
        for k in list(env):
            if k.lower() in ("http_proxy", "https_proxy", "all_proxy",
                             "ftp_proxy") or k.startswith("MESOSNEWS_"):
                del env[k]
        env.update({
            "LC_ALL": "C.UTF-8", "TZ": "UTC", "TERM": "dumb",
            "COLUMNS": "80", "NO_COLOR": "1",
            "no_proxy": "127.0.0.1,localhost",
            "NO_PROXY": "127.0.0.1,localhost",
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, ".config"),
            "XDG_CACHE_HOME": os.path.join(self.home, ".cache"),
            "XDG_DATA_HOME": os.path.join(self.home, ".local", "share"),
        })
        return env

    # -- reporting ------------------------------------------------------

    def emit(self, line, verdict):
        self.counts[verdict] += 1
        print(line, flush=True)

    def skip(self, name, why):
        self.emit("%s: skipped (%s)" % (name, why), "skipped")

    def error(self, name, why):
        self.emit("%s: ERROR (%s)" % (name, why), "ERROR")

    def note(self, text):
        print("  note: " + text, flush=True)

    def fmt(self, r):
        return "%s %.3fs (rss %.1f MB)" % (r.name, r.median, mb(r.rss_kb))

    def compare(self, name, mine, peer, target):
        """Print the ratio line of mine (mesosnews) against peer."""
        if mine.error:
            self.error(name, mine.error)
            return
        if peer.error:
            self.error(name, peer.error)
            return
        # Verdicts are taken on the printed (rounded) values.
        ratio = round(mine.median / peer.median, 2) if peer.median > 0 \
            else 0.0
        if target is None:
            tail, verdict = "target none INFO", "INFO"
        else:
            verdict = "PASS" if ratio <= target else "FAIL"
            tail = "target <= %.2f %s" % (target, verdict)
        self.emit("%s: %s %s ratio %.2f %s" % (
            name, self.fmt(mine), self.fmt(peer), ratio, tail), verdict)

    # -- running commands -----------------------------------------------

    def spawn(self, argv, stdin=None, stdout=None, env=None, rss_file=None):
        """Start argv (under GNU time when rss_file is given) in its own
        process group; returns the pid."""
        if rss_file and self.have_time:
            argv = [GNU_TIME, "-f", "%M", "-o", rss_file] + argv
        path = shutil.which(argv[0], path=(env or self.env)["PATH"]) \
            if "/" not in argv[0] else argv[0]
        if not path:
            raise FileNotFoundError(argv[0])
        actions = [
            (os.POSIX_SPAWN_OPEN, 0, stdin or os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_OPEN, 1, stdout or os.devnull,
             os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
            (os.POSIX_SPAWN_OPEN, 2, os.path.join(self.work, "stderr"),
             os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
        ]
        return os.posix_spawn(path, argv, env or self.env,
                              file_actions=actions, setpgroup=0)

    def wait(self, pid, timeout):
        """Wait for pid, killing its process group after timeout seconds;
        returns (status, timed_out)."""
        fired = []

        def kill():
            fired.append(1)
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, _ = os.wait4(pid, 0)
        finally:
            timer.cancel()
        return status, bool(fired)

    def measure(self, name, argv, stdin=None, env=None, setup=None,
                check=None, runs=None):
        """Time argv: warm-up runs first (the first one's stdout is kept
        for check(path) -> error or None), then the median of runs."""
        r = Result(name)
        runs = runs or self.o.runs
        rss_file = os.path.join(self.work, "rss")
        r.stdout_path = os.path.join(self.work, "stdout")
        total = self.o.warmup + runs
        for i in range(total):
            if setup:
                setup()
            keep = r.stdout_path if i == 0 else None
            try:
                t0 = time.perf_counter()
                pid = self.spawn(argv, stdin=stdin, stdout=keep, env=env,
                                 rss_file=rss_file)
                status, timed_out = self.wait(pid, TIMEOUT_S)
                elapsed = time.perf_counter() - t0
            except FileNotFoundError as e:
                r.error = "%s not found" % e
                return r
            if timed_out:
                r.error = "%s timed out after %.0fs" % (name, TIMEOUT_S)
                return r
            code = os.waitstatus_to_exitcode(status)
            if code != 0:
                msg = first_line(os.path.join(self.work, "stderr"))
                r.error = "%s exited %d%s" % (name, code,
                                              ": " + msg if msg else "")
                return r
            if i == 0 and check:
                why = check(r.stdout_path)
                if why:
                    r.error = "%s: %s" % (name, why)
                    return r
            if i >= self.o.warmup:
                r.times.append(elapsed)
                r.rss_kb = max(r.rss_kb, self.read_rss(rss_file))
        return r

    def read_rss(self, path):
        if not self.have_time:
            return 0
        try:
            with open(path) as f:
                lines = [x for x in f.read().split() if x.isdigit()]
            return int(lines[-1]) if lines else 0
        except OSError:
            return 0

    def run_once(self, argv, stdout=None, env=None, timeout=60):
        """Run argv once untimed; returns (exit code, stdout text,
        stderr first line)."""
        out = stdout or os.path.join(self.work, "probe.out")
        pid = self.spawn(argv, stdout=out, env=env)
        status, timed_out = self.wait(pid, timeout)
        code = -1 if timed_out else os.waitstatus_to_exitcode(status)
        with open(out, "rb") as f:
            text = f.read().decode("utf-8", "replace")
        return code, text, first_line(os.path.join(self.work, "stderr"))

    # -- inputs ---------------------------------------------------------

    def gen_stamp(self):
        with open(os.path.join(HERE, "gen-feed.py"), "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()[:16]

    def input(self, fname, make):
        """Path of a generated input; make(path) builds it unless a copy
        from the same generator and parameters is already there."""
        path = os.path.join(self.inputs, fname)
        stamp = path + ".stamp"
        want = "%s seed=%d" % (self.gen_stamp(), self.o.seed)
        try:
            with open(stamp) as f:
                if f.read() == want and os.path.exists(path):
                    return path
        except OSError:
            pass
        t0 = time.perf_counter()
        make(path + ".tmp")
        os.replace(path + ".tmp", path)
        with open(stamp, "w") as f:
            f.write(want)
        self.note("generated %s (%.1f MB) in %.1fs" % (
            fname, os.path.getsize(path) / 1e6, time.perf_counter() - t0))
        return path

    def feed(self, n):
        return self.input("feed-%d.atom" % n,
                          lambda p: GEN.write_feed(p, n, self.o.seed))

    def html_issue(self):
        size = self.o.html_size

        def make(p):
            GEN.write_html(p, None, self.o.seed, size)
        html = self.input("issue-%d.html" % size, make)

        def make_feed(p):
            GEN.write_html(None, p, self.o.seed, size)
        return html, self.input("issue-%d.atom" % size, make_feed)

    def markdown_post(self):
        size = self.o.md_size
        return self.input("post-%d.md" % size,
                          lambda p: GEN.write_markdown(p, self.o.seed, size))

    # -- mesosnews features ---------------------------------------------

    def probe(self):
        """Find out which mesosnews features exist: by running each on a
        three-entry feed (an option absent from --help is reported as
        lacking, one present but failing as an error)."""
        if self.features is not None:
            return self.features
        f = self.features = {}
        exe = self.o.mesosnews
        if not os.access(exe, os.X_OK):
            for k in ("list", "text", "refresh"):
                f[k] = ("skip", "mesosnews not built: %s" % exe)
            return f
        try:
            _, helptext, _ = self.run_once([exe, "--help"], timeout=10)
        except OSError:
            helptext = ""
        errfile = os.path.join(self.work, "stderr")
        try:
            with open(errfile, encoding="utf-8", errors="replace") as e:
                helptext += e.read()
        except OSError:
            pass
        self.helptext = helptext
        tiny = self.input("tiny.atom", lambda p: GEN.write_feed(p, 3, 7))

        def verdict(key, option, ok, why):
            if ok:
                f[key] = ("ok", None)
            elif option not in helptext:
                f[key] = ("skip", "mesosnews lacks %s" % option)
            else:
                f[key] = ("error", "mesosnews %s failed on a 3-entry feed"
                          ": %s" % (option, why))

        code, out, err = self.run_once([exe, "--list", tiny])
        verdict("list", "--list",
                code == 0 and len(out.splitlines()) == 3,
                "exit %d, %d lines%s" % (code, len(out.splitlines()),
                                         ", " + err if err else ""))
        why = ""
        for extra in (["--width", "80", "--color=never"], []):
            args = ["--text"] + extra
            code, out, err = self.run_once([exe] + args + [tiny])
            if code == 0 and out.strip():
                self.text_args = args
                break
            why = "exit %d%s" % (code, ", " + err if err else "")
        verdict("text", "--text", self.text_args is not None, why)
        db = os.path.join(self.work, "probe.db")
        self.rm_db(db)
        code, out, err = self.run_once(
            [exe, "--refresh", "--cache", db, "file://" + tiny])
        verdict("refresh", "--refresh",
                code == 0 and os.path.exists(db),
                "exit %d%s" % (code, ", " + err if err else ""))
        if f["refresh"][0] == "skip" and "--cache" not in helptext:
            f["refresh"] = ("skip", "mesosnews lacks --refresh --cache")
        self.rm_db(db)
        return f

    def need(self, name, key):
        """True when feature key exists; otherwise prints why not."""
        state, why = self.probe()[key]
        if state == "ok":
            return True
        if state == "skip":
            self.skip(name, why)
        else:
            self.error(name, why)
        return False

    def has_option(self, option):
        """True when mesosnews --help mentions option."""
        self.probe()
        return option in self.helptext

    def have(self, prog):
        return shutil.which(prog, path=self.env["PATH"]) is not None

    @staticmethod
    def rm_db(path):
        for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
            try:
                os.unlink(path + suffix)
            except FileNotFoundError:
                pass


# -- benchmarks ------------------------------------------------------------

def count_lines(expected):
    def check(path):
        with open(path, "rb") as f:
            n = sum(1 for _ in f)
        if n != expected:
            return "printed %d lines, expected %d" % (n, expected)
        return None
    return check


def new_issues(expected):
    """Check the refresh summary line, when it gives a count of new
    issues ("... 1000 new issues ..."), against expected."""
    def check(path):
        with open(path, "rb") as f:
            text = f.read(65536).decode("utf-8", "replace")
        m = re.search(r"(\d+) new issues?\b", text)
        if m and int(m.group(1)) != expected:
            return "reported %s new issues, expected %d" % (m.group(1),
                                                            expected)
        return None
    return check


def nonempty(path):
    return None if os.path.getsize(path) > 0 else "printed nothing"


CAP_WORDS = ("larger than", "too large", "size cap", "exceeds")


def capped(result):
    """True when mesosnews refused an input for being over its size cap
    (a limit by design, reported as a skip rather than an error)."""
    return bool(result.error) and any(w in result.error.lower()
                                      for w in CAP_WORDS)


def bench_list(b):
    """Issue 2: mesosnews --list vs sfeed and xmllint --stream, at N and
    2N entries, plus an N/2 run so that peak RSS can be compared across
    sizes even when 2N is over mesosnews' document size cap."""
    exe = b.o.mesosnews
    n = b.o.entries
    rss = {}
    have_list = b.need("list-" + label(n), "list")
    if have_list and n >= 2:
        half = n // 2
        r = b.measure("mesosnews", [exe, "--list", b.feed(half)],
                      check=count_lines(half))
        if r.error:
            b.error("list-%s-rss" % label(half), r.error)
        elif b.have_time:
            rss[half] = r.rss_kb
            emit_rss(b, "list-%s-rss" % label(half), r.rss_kb)
    for count in (n, 2 * n):
        name = "list-" + label(count)
        path = b.feed(count)
        mine = None
        if have_list:
            argv = [exe, "--list", path]
            if os.path.getsize(path) > 64 << 20 and b.has_option("--config"):
                # Over the default document cap: ask for a larger one, in
                # case --list honours the configured max-size.
                conf = os.path.join(b.work, "bigcap.conf")
                with open(conf, "w") as f:
                    f.write("max-size 512M\n")
                argv[1:1] = ["--config", conf]
            mine = b.measure("mesosnews", argv, check=count_lines(count))
            if capped(mine):
                b.skip(name, "input is %.0f MiB, over the document size cap:"
                       " %s" % (os.path.getsize(path) / 2**20, mine.error))
                mine = None
        elif count != n:
            b.skip(name, b.probe()["list"][1])
        peers = [("sfeed", ["sfeed"], path, 1.0, ""),
                 ("xmllint", ["xmllint", "--stream", "--noout", path],
                  None, None, "-xmllint")]
        for peer, argv, stdin, target, suffix in peers:
            if not b.have(argv[0]):
                b.skip(name + suffix, "%s not installed" % peer)
                continue
            theirs = b.measure(peer, argv, stdin=stdin,
                               check=count_lines(count)
                               if peer == "sfeed" else None)
            if mine is None:
                if theirs.error:
                    b.error(name + suffix, theirs.error)
                else:
                    b.note("%s: %s" % (name + suffix, b.fmt(theirs)))
                continue
            b.compare(name + suffix, mine, theirs, target)
        if mine is None:
            continue
        if mine.error:
            b.error(name + "-rss", mine.error)
            continue
        if not b.have_time:
            b.skip(name + "-rss", "%s not installed" % GNU_TIME)
            continue
        rss[count] = mine.rss_kb
        emit_rss(b, name + "-rss", mine.rss_kb)
    if len(rss) >= 2:
        lo, hi = min(rss), max(rss)
        if rss[lo] > 0:
            growth = round(rss[hi] / rss[lo], 2)
            v = "PASS" if growth <= RSS_GROWTH_TARGET else "FAIL"
            per = (rss[hi] - rss[lo]) * 1024.0 / (hi - lo)
            b.emit("list-rss-growth: mesosnews rss %s %.1f MB %s %.1f MB "
                   "growth %.2f (%+.0f bytes/entry) target <= %.2f %s" % (
                       label(lo), mb(rss[lo]), label(hi), mb(rss[hi]),
                       growth, per, RSS_GROWTH_TARGET, v), v)


def emit_rss(b, name, kb):
    v = "PASS" if round(mb(kb), 1) <= RSS_TARGET_MB else "FAIL"
    b.emit("%s: mesosnews rss %.1f MB target <= %.1f MB %s" % (
        name, mb(kb), RSS_TARGET_MB, v), v)


def bench_render_html(b):
    """Issue 3: render the big HTML issue vs elinks -dump, w3m -dump."""
    html, atom = b.html_issue()
    mine = None
    if b.need("render-html", "text"):
        mine = b.measure("mesosnews", [b.o.mesosnews] + b.text_args + [atom],
                         check=nonempty)
    peers = [("elinks", ["elinks", "-no-home", "-dump", "-dump-width", "80",
                         html], 0.5, "-elinks"),
             ("w3m", ["w3m", "-dump", "-cols", "80", "-T", "text/html",
                      html], None, "-w3m")]
    peer_pass(b, "render-html", mine, peers)


def bench_render_md(b):
    """Issue 3: render the big Markdown post vs lowdown and cmark."""
    md = b.markdown_post()
    mine = None
    if b.need("render-md", "text"):
        mine = b.measure("mesosnews", [b.o.mesosnews] + b.text_args + [md],
                         check=nonempty)
    peers = [("lowdown", ["lowdown", "-tterm", "--term-width=80",
                          "--term-columns=80", md], 1.0, "-lowdown"),
             ("cmark", ["cmark", "-t", "html", md], 1.5, "-cmark")]
    peer_pass(b, "render-md", mine, peers)


def peer_pass(b, name, mine, peers):
    for peer, argv, target, suffix in peers:
        if not b.have(argv[0]):
            b.skip(name + suffix, "%s not installed" % peer)
            continue
        theirs = b.measure(peer, argv, check=nonempty)
        if mine is None:
            if theirs.error:
                b.error(name + suffix, theirs.error)
            else:
                b.note("%s: %s" % (name + suffix, b.fmt(theirs)))
            continue
        b.compare(name + suffix, mine, theirs, target)


def newsboat_setup(b, tag, urls, threads):
    """A private newsboat configuration; returns its argv and the cache
    path to delete before each run."""
    d = os.path.join(b.work, "newsboat-" + tag)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "urls"), "w") as f:
        f.write("".join(u + "\n" for u in urls))
    with open(os.path.join(d, "config"), "w") as f:
        f.write("reload-threads %d\nshow-read-feeds yes\n"
                "download-timeout 30\n" % threads)
    cache = os.path.join(d, "cache.db")
    return (["newsboat", "-q", "-u", os.path.join(d, "urls"), "-c", cache,
             "-C", os.path.join(d, "config"), "-x", "reload"], cache)


def bench_import(b):
    """Issue 4: first import of the N-entry feed into an empty cache."""
    n = b.o.entries
    name = "import-" + label(n)
    url = "file://" + b.feed(n)
    mine = None
    if b.need(name, "refresh"):
        db = os.path.join(b.work, "import.db")
        mine = b.measure("mesosnews", [b.o.mesosnews, "--refresh", "--cache",
                                       db, url],
                         setup=lambda: b.rm_db(db), check=new_issues(n))
        b.rm_db(db)
    if not b.have("newsboat"):
        b.skip(name, "newsboat not installed")
        return
    argv, cache = newsboat_setup(b, "import", [url], 1)
    theirs = b.measure("newsboat", argv, setup=lambda: b.rm_db(cache))
    b.rm_db(cache)
    if mine is None:
        if theirs.error:
            b.error(name, theirs.error)
        else:
            b.note("%s: %s" % (name, b.fmt(theirs)))
        return
    b.compare(name, mine, theirs, 0.25)


class FeedServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    """Loopback server for the parallel refresh: every response waits
    PARALLEL_LATENCY seconds before its first byte."""
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, bodies):
        self.bodies = bodies
        self.lock = threading.Lock()
        self.hits = 0
        super().__init__(("127.0.0.1", 0), FeedHandler)

    def count(self):
        with self.lock:
            n, self.hits = self.hits, 0
        return n


class FeedHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(PARALLEL_LATENCY)
        body = self.server.bodies.get(self.path)
        with self.server.lock:
            self.server.hits += 1
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/atom+xml; "
                         "charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def bench_parallel(b):
    """Issue 4: refresh 50 feeds from a slow loopback server at once."""
    name = "parallel-%d" % PARALLEL_FEEDS
    bodies = {}
    for i in range(PARALLEL_FEEDS):
        bodies["/feeds/%02d.atom" % i] = GEN.feed_text(
            PARALLEL_ENTRIES, b.o.seed * 1000 + i).encode()
    have_mine = b.need(name, "refresh")
    have_nb = b.have("newsboat")
    if not have_mine and not have_nb:
        b.skip(name + "-newsboat", "newsboat not installed")
        return
    srv = FeedServer(bodies)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        port = srv.server_address[1]
        urls = ["http://127.0.0.1:%d%s" % (port, p) for p in sorted(bodies)]

        def hits_check(path):
            got = srv.count()
            if got != PARALLEL_FEEDS:
                return "server saw %d requests, expected %d" % (
                    got, PARALLEL_FEEDS)
            return None

        def mine_check(path):
            return hits_check(path) or \
                new_issues(PARALLEL_FEEDS * PARALLEL_ENTRIES)(path)
        mine = None
        if have_mine:
            db = os.path.join(b.work, "parallel.db")

            def setup():
                b.rm_db(db)
                srv.count()
            mine = b.measure("mesosnews", [b.o.mesosnews, "--refresh",
                                           "--cache", db] + urls,
                             setup=setup, check=mine_check)
            b.rm_db(db)
            if mine.error:
                b.error(name, mine.error)
            else:
                v = "PASS" if round(mine.median, 3) <= PARALLEL_TARGET_S \
                    else "FAIL"
                b.emit("%s: %s target <= %.2fs %s" % (
                    name, b.fmt(mine), PARALLEL_TARGET_S, v), v)
        if not have_nb:
            b.skip(name + "-newsboat", "newsboat not installed")
            return
        argv, cache = newsboat_setup(b, "parallel", urls, PARALLEL_FEEDS)

        def nb_setup():
            b.rm_db(cache)
            srv.count()
        theirs = b.measure("newsboat", argv, setup=nb_setup,
                           check=hits_check)
        b.rm_db(cache)
        if mine is None:
            if theirs.error:
                b.error(name + "-newsboat", theirs.error)
            else:
                b.note("%s-newsboat: %s (reload-threads %d)" % (
                    name, b.fmt(theirs), PARALLEL_FEEDS))
            return
        b.compare(name + "-newsboat", mine, theirs, None)
    finally:
        srv.shutdown()
        srv.server_close()


def bench_tui(b):
    """Time to the first screen of the N-entry feed: sfeed_curses on
    sfeed's TSV vs the mesosnews TUI on an imported cache (info only)."""
    n = b.o.entries
    name = "tui-start-" + label(n)
    want = ("Mesos Community Update #%d" % n).encode()
    if not b.have("sfeed_curses") or not b.have("sfeed"):
        b.skip(name, "sfeed_curses not installed")
        return
    feed = b.feed(n)
    tsvdir = os.path.join(b.work, "sfeed")
    os.makedirs(tsvdir, exist_ok=True)
    tsv = os.path.join(tsvdir, "mesos")
    pid = b.spawn(["sfeed"], stdin=feed, stdout=tsv)
    status, _ = b.wait(pid, TIMEOUT_S)
    if os.waitstatus_to_exitcode(status) != 0:
        b.error(name, "sfeed failed to convert the feed")
        return
    theirs = measure_pty(b, "sfeed_curses", ["sfeed_curses", tsv], want)
    mine = None
    state = b.probe()["refresh"]
    if state[0] != "ok":
        b.note("%s: mesosnews TUI needs --refresh --cache (%s)" % (
            name, state[1]))
    else:
        db = os.path.join(b.work, "tui.db")
        b.rm_db(db)
        code, _, err = b.run_once([b.o.mesosnews, "--refresh", "--cache", db,
                                   "file://" + feed], timeout=TIMEOUT_S)
        if code != 0:
            b.error(name, "mesosnews import failed: %s" % err)
            return
        mine = measure_pty(b, "mesosnews", [b.o.mesosnews, "--offline",
                                            "--cache", db, "file://" + feed],
                           want)
        b.rm_db(db)
    if mine is not None and mine.error == "no TUI":
        b.note("%s: mesosnews has no TUI yet" % name)
        mine = None
    if mine is None:
        if theirs.error:
            b.error(name, theirs.error)
        else:
            b.note("%s: %s" % (name, b.fmt(theirs)))
        return
    b.compare(name, mine, theirs, None)


ALT_SCREEN = (b"\x1b[?1049h", b"\x1b[?1047h", b"\x1b[?47h")


def measure_pty(b, label_, argv, want):
    """Median time from start until want appears on a 30x100 terminal;
    then q is typed and the program must exit."""
    r = Result(label_)
    rss_file = os.path.join(b.work, "rss")
    env = dict(b.env, TERM="xterm-256color")
    env.pop("COLUMNS", None)
    full = argv
    if b.have_time:
        full = [GNU_TIME, "-f", "%M", "-o", rss_file] + argv
    path = shutil.which(full[0], path=env["PATH"])
    if not path:
        r.error = "%s not found" % full[0]
        return r
    for i in range(b.o.warmup + b.o.runs):
        t0 = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            try:
                import fcntl
                import termios
                fcntl.ioctl(0, termios.TIOCSWINSZ,
                            struct.pack("HHHH", 30, 100, 0, 0))
                os.execve(path, full, env)
            finally:
                os._exit(127)
        seen = b""
        alt = False
        found = None
        deadline = t0 + 30
        exited = False
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                exited = True
                break
            if not chunk:
                exited = True
                break
            seen = (seen + chunk)[-65536:]
            alt = alt or any(a in seen for a in ALT_SCREEN)
            # A TUI switches to the alternate screen; text mode printing
            # the same title does not count.
            if alt and want in seen:
                found = time.perf_counter() - t0
                break
        if found is not None:
            os.write(fd, b"q")
            end = time.perf_counter() + 5
            while time.perf_counter() < end:
                ready, _, _ = select.select([fd], [], [], 0.05)
                if ready:
                    try:
                        if not os.read(fd, 65536):
                            break
                    except OSError:
                        break
                if os.waitpid(pid, os.WNOHANG)[0]:
                    pid = 0
                    break
        if pid:
            try:
                if found is None or os.waitpid(pid, os.WNOHANG)[0] == 0:
                    os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        os.close(fd)
        if found is None:
            r.error = "no TUI" if exited else \
                "%s never showed %r" % (label_, want.decode())
            return r
        if i >= b.o.warmup:
            r.times.append(found)
            r.rss_kb = max(r.rss_kb, b.read_rss(rss_file))
    return r


BENCHMARKS = [
    ("list", bench_list),
    ("render-html", bench_render_html),
    ("render-md", bench_render_md),
    ("import", bench_import),
    ("parallel", bench_parallel),
    ("tui", bench_tui),
]


def select_benchmarks(names):
    if not names:
        return BENCHMARKS
    chosen = []
    for want in names:
        hits = [bm for bm in BENCHMARKS
                if bm[0] == want or bm[0].startswith(want)]
        if not hits:
            raise HarnessError("unknown benchmark %r (known: %s)" % (
                want, ", ".join(n for n, _ in BENCHMARKS)))
        chosen.extend(h for h in hits if h not in chosen)
    return [bm for bm in BENCHMARKS if bm in chosen]


def main():
    ap = argparse.ArgumentParser(
        description="Benchmark mesosnews against its peers.",
        epilog="Benchmarks: " + ", ".join(n for n, _ in BENCHMARKS))
    ap.add_argument("names", nargs="*", metavar="NAME",
                    help="benchmarks to run (name or prefix; default all)")
    ap.add_argument("--mesosnews", default=os.environ.get(
        "MESOSNEWS", os.path.abspath("mesosnews")),
        help="the binary under test (default $MESOSNEWS or ./mesosnews)")
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(),
                                                  "mesosnews-bench"),
                    help="scratch directory for inputs and caches")
    ap.add_argument("--runs", type=int, default=5,
                    help="timed runs per command (median; default 5)")
    ap.add_argument("--warmup", type=int, default=1,
                    help="untimed runs first (default 1)")
    ap.add_argument("--entries", type=int, default=10000,
                    help="entries in the big feed (default 10000; the "
                    "memory check also uses twice as many)")
    ap.add_argument("--html-size", type=int, default=7000000,
                    help="bytes of the big HTML issue (default 7000000)")
    ap.add_argument("--md-size", type=int, default=5000000,
                    help="bytes of the big Markdown post (default 5000000)")
    ap.add_argument("--seed", type=int, default=1,
                    help="generator seed (default 1)")
    ap.add_argument("--quick", action="store_true",
                    help="development mode: a tenth of the sizes, 3 runs")
    o = ap.parse_args()
    if o.quick:
        o.entries = max(1, o.entries // 10)
        o.html_size //= 10
        o.md_size //= 10
        o.runs = min(o.runs, 3)
    if o.runs < 1 or o.warmup < 0 or o.entries < 1:
        ap.error("--runs and --entries must be >= 1, --warmup >= 0")
    o.mesosnews = os.path.abspath(o.mesosnews)
    try:
        chosen = select_benchmarks(o.names)
        b = Bench(o)
        t0 = time.perf_counter()
        print("mesosnews bench: %s, %d runs (median) after %d warm-up, "
              "scratch %s" % (o.mesosnews, o.runs, o.warmup, b.out),
              flush=True)
        if not b.have_time:
            b.note("%s not found: rss is not measured" % GNU_TIME)
        for _, fn in chosen:
            fn(b)
        c = b.counts
        print("summary: %d PASS, %d FAIL, %d INFO, %d skipped, %d ERROR "
              "in %.0fs" % (c["PASS"], c["FAIL"], c["INFO"], c["skipped"],
                            c["ERROR"], time.perf_counter() - t0),
              flush=True)
    except HarnessError as e:
        print("run.py: %s" % e, file=sys.stderr)
        return 2
    except (OSError, KeyboardInterrupt) as e:
        print("run.py: harness error: %s" % e, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
