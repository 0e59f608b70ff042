#!/usr/bin/env python3
"""mesosnews benchmarks: time mesosnews against its peers on the same input.

Usage: run.py [options] [NAME...]

NAME selects benchmarks by name or prefix (list, render, render-html,
render-md, import, parallel, tui, tui-start, tui-open,
tui-scroll); none means all.
Every comparison prints one line in a fixed format, for example

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
RENDER_CMARK_TARGET = 1.20
# Peak RSS of a render over the size of its input.
RENDER_RSS_TARGET = 3.0


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
        render_rss(b, "render-html-rss", mine, html)
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
        render_rss(b, "render-md-rss", mine, md)
    peers = [("lowdown", ["lowdown", "-tterm", "--term-width=80",
                          "--term-columns=80", md], 1.0, "-lowdown"),
             ("cmark", ["cmark", "-t", "html", md], RENDER_CMARK_TARGET,
              "-cmark")]
    peer_pass(b, "render-md", mine, peers)


def baseline_rss(b):
    """The peak RSS of mesosnews --version: the shared libraries mapped
    before main, which no render can go below (measured once a run)."""
    if getattr(b, "baseline_kb", None) is None:
        r = b.measure("mesosnews", [b.o.mesosnews, "--version"], runs=3)
        b.baseline_kb = 0 if r.error else r.rss_kb
    return b.baseline_kb


def render_rss(b, name, mine, path):
    """Issue 18: the peak RSS of a render against the size of the input
    (the document: the bare HTML page, the Markdown post).  The line also
    gives the baseline (--version) and what is above it."""
    if mine.error or not b.have_time:
        return
    size_mb = os.path.getsize(path) / 1048576.0
    base = baseline_rss(b)
    ratio = round(mb(mine.rss_kb) / size_mb, 2)
    v = "PASS" if ratio <= RENDER_RSS_TARGET else "FAIL"
    b.emit("%s: mesosnews rss %.1f MB (baseline %.1f MB, above it %.1f MB) "
           "input %.1f MB ratio %.2f target <= %.2f %s" % (
               name, mb(mine.rss_kb), mb(base), mb(mine.rss_kb - base),
               size_mb, ratio, RENDER_RSS_TARGET, v), v)


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


# -- the terminal reader (issue 5) -------------------------------------------

TUI_ROWS, TUI_COLS = 30, 100
TUI_START_TARGET = 0.50
TUI_RSS_TARGET_MB = 32.0
TUI_KEY_TARGET_MS = 1.0
TUI_OPEN_TARGET = 0.50
# A redraw is over when the terminal has been quiet this long.
TUI_QUIET_S = 0.02
# What the scroll benchmark types: lines down and up, pages down and up.
# Each key moves the article, so each must redraw it.
TUI_SCROLL_KEYS = [b"j"] * 50 + [b"k"] * 50 + [b" ", b"b"] * 50
ALT_SCREEN = (b"\x1b[?1049h", b"\x1b[?1047h", b"\x1b[?47h")


class Pty:
    """A program on a TUI_ROWS x TUI_COLS pseudo-terminal, with its output
    read as it comes; under GNU time (for its peak RSS) when rss is set.
    queued is typed before the program has even started: it waits in the
    terminal.  t0 is taken when the child exists, so that the cost of
    forking this Python process is not counted."""

    def __init__(self, b, argv, want=None, queued=b"", rss=False):
        env = dict(b.env, TERM="xterm-256color")
        env.pop("COLUMNS", None)
        self.rss_file = os.path.join(b.work, "rss")
        full = list(argv)
        if rss and b.have_time:
            full = [GNU_TIME, "-f", "%M", "-o", self.rss_file] + full
        path = shutil.which(full[0], path=env["PATH"])
        if not path:
            raise FileNotFoundError(full[0])
        self.want = want
        self.found = False
        self.found_at = None
        self.alt = False
        self.tail = b""
        self.eof_at = None
        pid, fd = pty.fork()
        if pid == 0:
            try:
                import fcntl
                import termios
                fcntl.ioctl(0, termios.TIOCSWINSZ,
                            struct.pack("HHHH", TUI_ROWS, TUI_COLS, 0, 0))
                os.execve(path, full, env)
            finally:
                os._exit(127)
        self.t0 = time.perf_counter()
        self.pid, self.fd = pid, fd
        if queued:
            os.write(fd, queued)

    def read(self, timeout):
        """One chunk of output within timeout seconds: None when there was
        none, b"" at the end (the program and GNU time have exited)."""
        if self.eof_at is not None:
            return b""
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return None
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            self.eof_at = time.perf_counter()
            return b""
        seen = self.tail + chunk
        self.alt = self.alt or any(a in seen for a in ALT_SCREEN)
        if self.want is not None and not self.found and self.want in seen:
            self.found = True
            self.found_at = time.perf_counter()
        self.tail = seen[-4096:]
        return chunk

    def wait_for(self, want, timeout):
        """Read until want shows up; False on timeout or exit."""
        self.want, self.found = want, want in self.tail
        self.found_at = time.perf_counter() if self.found else None
        end = time.perf_counter() + timeout
        while not self.found:
            left = end - time.perf_counter()
            if left <= 0 or self.read(left) == b"":
                return False
        return True

    def settle(self, first=2.0, quiet=TUI_QUIET_S):
        """Read until the output stops: the time of its last chunk, or None
        when nothing came within first seconds."""
        last = None
        timeout = first
        while True:
            chunk = self.read(timeout)
            if not chunk:
                return last
            last = time.perf_counter()
            timeout = quiet

    def finish(self, timeout=10):
        """Wait for the end (killing the program after timeout); returns
        the exit status, or None when it had to be killed."""
        end = time.perf_counter() + timeout
        while self.eof_at is None and time.perf_counter() < end:
            self.read(end - time.perf_counter())
        code = None
        if self.eof_at is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except OSError:
                pass
        try:
            _, status = os.waitpid(self.pid, 0)
            if self.eof_at is not None:
                code = os.waitstatus_to_exitcode(status)
        except ChildProcessError:
            pass
        os.close(self.fd)
        return code


def pty_start(b, label_, argv, want):
    """Start argv with q already typed: median time from spawn to exit.  It
    must switch to the alternate screen and show want on the way.  The
    peak RSS comes from one more run under GNU time, untimed (its own
    start would be counted otherwise)."""
    r = Result(label_)
    total = b.o.warmup + b.o.runs
    for i in range(total + (1 if b.have_time else 0)):
        try:
            p = Pty(b, argv, want=want, queued=b"q", rss=i == total)
        except FileNotFoundError as e:
            r.error = "%s not found" % e
            return r
        code = p.finish(TIMEOUT_S)
        if code is None:
            r.error = "%s did not quit on a typed q" % label_
        elif code != 0:
            r.error = "%s exited %d" % (label_, code)
        elif not p.alt:
            r.error = "no TUI"
        elif not p.found:
            r.error = "%s never showed %r" % (label_, want.decode())
        if r.error:
            return r
        if i == total:
            r.rss_kb = b.read_rss(p.rss_file)
        elif i >= b.o.warmup:
            r.times.append(p.eof_at - p.t0)
    return r


def tui_feed(b):
    n = b.o.tui_entries
    return n, b.feed(n)


def tui_cache(b, n, feed):
    """A mesosnews cache holding the n-entry feed, kept with the inputs."""
    conf = os.path.join(b.work, "tuicap.conf")
    with open(conf, "w") as f:
        f.write("max-size 1G\n")

    def make(path):
        b.rm_db(path)
        code, out, err = b.run_once(
            [b.o.mesosnews, "--config", conf, "--refresh", "--cache", path,
             "file://" + feed], timeout=600)
        why = new_issues(n)(os.path.join(b.work, "probe.out"))
        if code != 0 or why:
            raise HarnessError("mesosnews import of %s failed: %s" % (
                feed, why or err or "exit %d" % code))
        for suffix in ("-wal", "-shm"):
            if os.path.exists(path + suffix):
                raise HarnessError("the imported cache kept its %s file"
                                   % suffix)
    return b.input("tui-cache-%d.db" % n, make)


def sfeed_tsv(b, n, feed):
    """sfeed's TSV of the feed, for sfeed_curses; its file name is the
    feed's name in sfeed_curses."""
    def make(path):
        pid = b.spawn(["sfeed"], stdin=feed, stdout=path)
        status, _ = b.wait(pid, 600)
        if os.waitstatus_to_exitcode(status) != 0:
            raise HarnessError("sfeed failed to convert %s" % feed)
    tsv = b.input("sfeed-%d.tsv" % n, make)
    d = os.path.join(b.work, "sfeed")
    os.makedirs(d, exist_ok=True)
    link = os.path.join(d, "mesos")
    if os.path.lexists(link):
        os.unlink(link)
    os.symlink(tsv, link)
    return link


def newsboat_cache(b, n, feed):
    """newsboat's argv on a cache it has loaded the feed into."""
    argv, cache = newsboat_setup(b, "tui", ["file://" + feed], 1)
    keep = os.path.join(b.inputs, "newsboat-%d.db" % n)

    def make(path):
        b.rm_db(cache)
        pid = b.spawn(argv)
        status, timed_out = b.wait(pid, 1800)
        if timed_out or os.waitstatus_to_exitcode(status) != 0:
            raise HarnessError("newsboat -x reload of %s failed" % feed)
        shutil.copyfile(cache, path)
    shutil.copyfile(b.input(os.path.basename(keep), make), cache)
    return argv[:argv.index("-x")]


def bench_tui_start(b):
    """Issue 5: first screen of a 50,000-issue cache, q typed ahead, vs
    sfeed_curses on sfeed's TSV and newsboat on its own cache of the same
    feed; and the peak RSS of that run."""
    n, feed = tui_feed(b)
    name = "tui-start-" + label(n)
    # A title of the list (newest first), whether cut short or not.
    want = b"Mesos Community Update #"
    mine = None
    if b.need(name, "refresh"):
        try:
            db = tui_cache(b, n, feed)
        except HarnessError as e:
            b.error(name, str(e))
            return
        mine = pty_start(b, "mesosnews", [b.o.mesosnews, "--offline",
                                          "--cache", db, "file://" + feed],
                         want)
        if mine.error:
            b.error(name, mine.error)
            mine = None
        elif b.have_time:
            v = "PASS" if round(mb(mine.rss_kb), 1) <= TUI_RSS_TARGET_MB \
                else "FAIL"
            b.emit("%s-rss: mesosnews rss %.1f MB target <= %.1f MB %s" % (
                name, mb(mine.rss_kb), TUI_RSS_TARGET_MB, v), v)
    peers = []
    if b.have("sfeed_curses") and b.have("sfeed"):
        peers.append(("sfeed_curses", lambda: ["sfeed_curses",
                                               sfeed_tsv(b, n, feed)],
                      want, TUI_START_TARGET, ""))
    else:
        b.skip(name, "sfeed_curses not installed")
    if b.have("newsboat"):
        # Its first screen is the feed list.
        peers.append(("newsboat", lambda: newsboat_cache(b, n, feed),
                      b"Apache Mesos", None, "-newsboat"))
    else:
        b.skip(name + "-newsboat", "newsboat not installed")
    for peer, make_argv, peer_want, target, suffix in peers:
        try:
            argv = make_argv()
        except HarnessError as e:
            b.error(name + suffix, str(e))
            continue
        theirs = pty_start(b, peer, argv, peer_want)
        if mine is None:
            if theirs.error:
                b.error(name + suffix, theirs.error)
            else:
                b.note("%s: %s" % (name + suffix, b.fmt(theirs)))
            continue
        b.compare(name + suffix, mine, theirs, target)


def size_label(n):
    if n >= 1000000 and n % 1000000 == 0:
        return "%dmb" % (n // 1000000)
    if n >= 1000 and n % 1000 == 0:
        return "%dkb" % (n // 1000)
    return "%db" % n


def scroll_latency(b, size):
    """Open the one issue of size bytes in the reader, switch to the whole
    issue, and time each key of TUI_SCROLL_KEYS from the write to the last
    byte of its redraw.  Returns (latencies in ms, open time, rss kb), or
    raises HarnessError."""
    atom = b.input("issue-%d.atom" % size,
                   lambda p: GEN.write_html(None, p, b.o.seed, size))
    db = os.path.join(b.work, "scroll.db")
    b.rm_db(db)
    code, _, err = b.run_once([b.o.mesosnews, "--refresh", "--cache", db,
                               "file://" + atom], timeout=TIMEOUT_S)
    if code != 0:
        raise HarnessError("import failed: %s" % (err or "exit %d" % code))
    p = Pty(b, [b.o.mesosnews, "--offline", "--cache", db,
                "file://" + atom], rss=True)
    try:
        if not p.wait_for(b"Mesos Community", 30):
            raise HarnessError("the list never showed the issue")
        p.settle(0.2, 0.1)
        t = time.perf_counter()
        os.write(p.fd, b"\r")
        if not p.wait_for(b"Intro", 30):
            raise HarnessError("the issue did not open")
        opened = (p.settle(0.5, 0.1) or p.found_at) - t
        os.write(p.fd, b"v")
        if not p.wait_for(b"the whole issue", 5):
            raise HarnessError("v did not show the whole issue")
        p.settle(0.5, 0.1)
        lat = []
        for key in TUI_SCROLL_KEYS:
            t = time.perf_counter()
            os.write(p.fd, key)
            last = p.settle(2.0)
            if last is None:
                raise HarnessError("no redraw after %r" % key.decode())
            lat.append((last - t) * 1000.0)
        os.write(p.fd, b"qq")
        code = p.finish()
        if code != 0:
            raise HarnessError("exit %s after qq" % code)
    finally:
        if p.eof_at is None:
            p.finish(0)
    b.rm_db(db)
    return lat, opened, b.read_rss(p.rss_file)


def percentile(values, q):
    """The nearest-rank q-th percentile (0 < q <= 100) of values."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def bench_tui_scroll(b):
    """Issue 5, issue 18: keypress to redraw while scrolling a 10 MB issue,
    with a 10 KB one for comparison (the cost must not depend on the
    size).  The verdict is on the 90th percentile: a median hides the
    keys that redraw slowly."""
    size = b.o.tui_issue_size
    name = "tui-scroll-" + size_label(size)
    if not b.need(name, "refresh"):
        return
    try:
        big, opened, rss = scroll_latency(b, size)
        small, _, _ = scroll_latency(b, 10000)
    except (HarnessError, FileNotFoundError) as e:
        b.error(name, str(e))
        return
    med = statistics.median(big)
    p90 = percentile(big, 90)
    v = "PASS" if round(p90, 2) <= TUI_KEY_TARGET_MS else "FAIL"
    b.emit("%s: mesosnews keypress to redraw p90 %.2f ms (median %.2f ms, "
           "%d keys; 10 KB issue p90 %.2f ms; open %.3fs, rss %.1f MB) "
           "target p90 <= %.2f ms %s" % (
               name, p90, med, len(big), percentile(small, 90), opened,
               mb(rss), TUI_KEY_TARGET_MS, v), v)


def first_screen(b, label_, argv, steps, quit_keys, must_exit):
    """Start argv in a pty; for each (want, key) of steps wait for want in
    its output, then type key (if any).  The time is from spawn to the
    last want: the first screen of the document.  Then quit_keys, and the
    program is killed if it has not exited within 5 s (a peer only; for
    mesosnews that is an error).  Median of the timed runs; the peak RSS
    comes from one more run under GNU time, untimed."""
    r = Result(label_)
    total = b.o.warmup + b.o.runs
    for i in range(total + (1 if b.have_time else 0)):
        try:
            p = Pty(b, argv, rss=i == total)
        except FileNotFoundError as e:
            r.error = "%s not found" % e
            return r
        try:
            for want, key in steps:
                if not p.wait_for(want, TIMEOUT_S):
                    r.error = "%s never showed %r" % (label_, want.decode())
                    return r
                if key:
                    os.write(p.fd, key)
            shown = p.found_at - p.t0
            for key in quit_keys:
                # A peer may ask to confirm: let it draw the question.
                p.settle(0.5, 0.05)
                if p.eof_at is None:
                    os.write(p.fd, key)
            code = p.finish(5)
        finally:
            if p.eof_at is None:
                p.finish(0)
        if must_exit and code != 0:
            r.error = "%s exited %s after %r" % (label_, code,
                                                 b"".join(quit_keys))
            return r
        if i == total:
            r.rss_kb = b.read_rss(p.rss_file)
        elif i >= b.o.warmup:
            r.times.append(shown)
    return r


def bench_tui_open(b):
    """Issue 18: from start to the first screen of the 10 MB issue.  The
    reader starts on a cache holding it as a one-entry feed (as
    tui-scroll), shows the list (its first screen), gets Enter as soon as
    the issue's title is there, and is timed until the issue's first
    paragraph is on the screen.  w3m and elinks open the bare HTML page
    in the same pty and are timed until the same paragraph shows; then
    each is told q (and y when it asks).  Ratio to the faster peer."""
    size = b.o.tui_issue_size
    name = "tui-open-" + size_label(size)
    html = b.input("issue-%d.html" % size,
                   lambda p: GEN.write_html(p, None, b.o.seed, size))
    atom = b.input("issue-%d.atom" % size,
                   lambda p: GEN.write_html(None, p, b.o.seed, size))
    # The first word of the intro paragraph: the start of the first
    # screen in all three, and nothing before it shows it.
    para = b"Welcome"
    mine = None
    if b.need(name, "refresh"):
        db = os.path.join(b.work, "open.db")
        b.rm_db(db)
        code, _, err = b.run_once([b.o.mesosnews, "--refresh", "--cache",
                                   db, "file://" + atom], timeout=TIMEOUT_S)
        if code != 0:
            b.error(name, "import failed: %s" % (err or "exit %d" % code))
        else:
            mine = first_screen(
                b, "mesosnews", [b.o.mesosnews, "--offline", "--cache", db,
                                 "file://" + atom],
                [(b"Mesos Community Update #", b"\r"), (para, None)],
                [b"q", b"q"], True)
            if mine.error:
                b.error(name, mine.error)
                mine = None
        b.rm_db(db)
    peers = []
    for peer, argv in (("w3m", ["w3m", "-T", "text/html", html]),
                       ("elinks", ["elinks", "-no-home", html])):
        if not b.have(peer):
            b.skip(name + "-" + peer, "%s not installed" % peer)
            continue
        theirs = first_screen(b, peer, argv, [(para, None)], [b"q", b"y"],
                              False)
        if theirs.error:
            b.error(name + "-" + peer, theirs.error)
            continue
        peers.append(theirs)
    if not peers:
        return
    if mine is None:
        for theirs in peers:
            b.note("%s-%s: %s" % (name, theirs.name, b.fmt(theirs)))
        return
    fastest = min(peers, key=lambda r: r.median)
    b.compare(name, mine, fastest, TUI_OPEN_TARGET)
    for theirs in peers:
        if theirs is not fastest:
            b.compare(name + "-" + theirs.name, mine, theirs, None)


BENCHMARKS = [
    ("list", bench_list),
    ("render-html", bench_render_html),
    ("render-md", bench_render_md),
    ("import", bench_import),
    ("parallel", bench_parallel),
    ("tui-start", bench_tui_start),
    ("tui-open", bench_tui_open),
    ("tui-scroll", bench_tui_scroll),
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
    ap.add_argument("--tui-entries", type=int, default=50000,
                    help="issues in the reader's start benchmark (default "
                    "50000)")
    ap.add_argument("--tui-issue-size", type=int, default=10000000,
                    help="bytes of the issue scrolled in the reader "
                    "(default 10000000)")
    ap.add_argument("--seed", type=int, default=1,
                    help="generator seed (default 1)")
    ap.add_argument("--quick", action="store_true",
                    help="development mode: a tenth of the sizes, 3 runs")
    o = ap.parse_args()
    if o.quick:
        o.entries = max(1, o.entries // 10)
        o.html_size //= 10
        o.md_size //= 10
        o.tui_entries = max(1, o.tui_entries // 10)
        o.tui_issue_size //= 10
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
