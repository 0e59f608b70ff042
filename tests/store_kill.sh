#!/bin/sh
# kill -9 at many random moments of a refresh: afterwards the cache passes
# PRAGMA integrity_check and the FTS check, every read flag set before the
# refresh is still set, and each refresh either happened whole or not at
# all.  Twelve refreshes, each killed after a random share of the bytes a
# whole one writes (counted in /proc, not timed); STORE_KILL_SEED repeats
# a run.
. "$srcdir/tests/netlib.sh"

FEED=$TMP/big.atom
DB=$TMP/kill.db
# Two versions of a 4,000-entry feed: v2 retitles every entry and adds 800.
"$PYTHON3" - "$TMP" <<'PY'
import sys
out = sys.argv[1]
para = ("<p>Operators compared notes on frameworks, isolation and "
        "schedulers; <a href=\"https://mesos.apache.org/\">the site</a> "
        "has the slides &amp; the videos.</p>\n") * 6
def write(path, version, n):
    with open(path, "w") as fp:
        fp.write('<?xml version="1.0" encoding="utf-8"?>\n'
                 '<feed xmlns="http://www.w3.org/2005/Atom">\n'
                 '<title>Kill test</title>\n')
        for i in range(n, 0, -1):
            fp.write('<entry><id>tag:kill.test,2014:%d</id>'
                     '<title>v%d issue %d</title>'
                     '<link href="https://mesos.apache.org/blog/%d/"/>'
                     '<published>2014-01-01T00:00:00Z</published>'
                     '<updated>2014-01-01T%02d:%02d:00Z</updated>'
                     '<content type="html">%s</content></entry>\n'
                     % (i, version, i, i, i // 60 % 24, i % 60,
                        para.replace("&", "&amp;").replace("<", "&lt;")))
        fp.write('</feed>\n')
write(out + "/v1.atom", 1, 4000)
write(out + "/v2.atom", 2, 4800)
PY

cp "$TMP/v1.atom" "$FEED"
run seed --refresh --cache "$DB" "$FEED"
expect_eq "seed" "$(cat "$TMP/seed.out")" \
    "1 feed refreshed, 4000 new issues, 0 errors"
db_query "$DB" "UPDATE issues SET read = 1 WHERE id % 7 = 0"
READ=$(db_query "$DB" "SELECT group_concat(guid, ' ') FROM (SELECT guid
    FROM issues WHERE read = 1 ORDER BY guid)")

"$PYTHON3" - "$MESOSNEWS" "$DB" "$FEED" "$TMP" "$READ" \
    "${STORE_KILL_SEED:-}" <<'PY'
import os, random, shutil, signal, sqlite3, subprocess, sys, time
mesosnews, db, feed, tmp, read, seed = sys.argv[1:7]
want_read = read.split(" ")
seed = int(seed) if seed else int(time.time() * 1000) % 1000000
rng = random.Random(seed)
failures = []

def refresh():
    return subprocess.Popen([mesosnews, "--refresh", "--cache", db, feed],
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def check(what):
    con = sqlite3.connect(db, timeout=30, isolation_level=None)
    ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    if ok != "ok":
        failures.append("%s: integrity_check: %s" % (what, ok))
    try:
        con.execute("INSERT INTO issues_fts(issues_fts) "
                    "VALUES ('integrity-check')")
    except sqlite3.DatabaseError as e:
        failures.append("%s: fts: %s" % (what, e))
    got = [r[0] for r in con.execute(
        "SELECT guid FROM issues WHERE read = 1 ORDER BY guid")]
    if got != want_read:
        failures.append("%s: read flags changed (%d set, want %d)"
                        % (what, len(got), len(want_read)))
    n = con.execute("SELECT count(*) FROM issues").fetchone()[0]
    versions = con.execute("SELECT count(DISTINCT substr(title, 1, 2)) "
                           "FROM issues WHERE CAST(substr(guid, 20) AS "
                           "INTEGER) <= 4000").fetchone()[0]
    fts = con.execute("SELECT count(*) FROM issues_fts").fetchone()[0]
    con.close()
    if n not in (4000, 4800) or fts != n:
        failures.append("%s: %d issues, %d indexed" % (what, n, fts))
    if versions != 1:
        failures.append("%s: a refresh was applied in part" % what)

def wrote(pid):
    """Bytes the process has written (Linux /proc), or -1."""
    try:
        with open("/proc/%d/io" % pid) as fp:
            for line in fp:
                if line.startswith("wchar:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1

# A fixed number of refreshes, each killed at a point that is chosen by
# what it has done, not by the clock: once it has started writing, after
# a random share of the writes a whole refresh makes.
ATTEMPTS = 12
# How much a whole refresh of each version writes over the other, on a
# copy of the cache.
scratch = os.path.join(tmp, "probe.db")
shutil.copy(db, scratch)
total = {}
for v in (2, 1):
    shutil.copy(os.path.join(tmp, "v%d.atom" % v), feed)
    probe = subprocess.Popen([mesosnews, "--refresh", "--cache", scratch,
                              feed], stdout=subprocess.DEVNULL)
    total[v] = 0
    while probe.poll() is None:
        total[v] = max(total[v], wrote(probe.pid))
        time.sleep(0.001)
kills = 0
version = 2
def held():
    con = sqlite3.connect(db, timeout=30)
    t = con.execute("SELECT substr(title, 2, 1) FROM issues "
                    "ORDER BY id LIMIT 1").fetchone()[0]
    con.close()
    return int(t)

for attempt in range(ATTEMPTS):
    # The version the cache does not hold: every refresh has work to do.
    version = 3 - held()
    shutil.copy(os.path.join(tmp, "v%d.atom" % version), feed)
    share = rng.uniform(0.05, 0.9)
    p = refresh()
    while p.poll() is None and total[version] > 0 and \
            wrote(p.pid) < share * total[version]:
        time.sleep(0.0005)
    if p.poll() is None:
        p.send_signal(signal.SIGKILL)
        kills += 1
    p.wait()
    check("kill %d after %.0f%% of the writes" % (kills, share * 100))
    if failures:
        break

# Then a refresh runs to the end.
if not failures:
    shutil.copy(os.path.join(tmp, "v2.atom"), feed)
    r = subprocess.run([mesosnews, "--refresh", "--cache", db, feed],
                       capture_output=True, text=True)
    if r.returncode != 0:
        failures.append("final refresh: %s" % r.stderr.strip())
    check("after the final refresh")
    con = sqlite3.connect(db)
    n = con.execute("SELECT count(*) FROM issues WHERE title LIKE "
                    "'v2 %'").fetchone()[0]
    if n != 4800:
        failures.append("final refresh stored %d of 4800" % n)

print("seed %d: %d kills of %d, refreshes write %d and %d bytes" %
      (seed, kills, ATTEMPTS, total[2], total[1]))
if min(total.values()) <= 0:
    failures.append("no write counts in /proc: cannot choose kill points")
elif kills < ATTEMPTS // 2:
    failures.append("only %d of %d refreshes were killed" % (kills,
                    ATTEMPTS))
for f in failures:
    print("FAIL: " + f, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
check "kill -9 at random points" test $? -eq 0

done_testing
