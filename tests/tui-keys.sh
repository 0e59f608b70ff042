#!/bin/sh
# Issue 15, one truth for keys.  The help overlay is generated from the
# key table the reader acts on (keys.c); this test holds the rest to it:
# the keys of the man page's KEYS section are exactly the help's, the keys
# README names are among them, and README's screenshot is what a first run
# shows.  The title bar says a single feed's configured name.
. "$srcdir/tests/tuilib.sh"

# The help, whole, in a tall terminal.
tui_start 100 60 --offline
settle "sample"
press "Keys" "?"
printf '%s\n' "$SCREEN" >"$TMP/help.txt"
press "[exit 0]" q q

"${PYTHON3:-python3}" - "$TMP/help.txt" "$srcdir/man/mesosnews.1" \
    "$srcdir/README.md" >"$TMP/keys.out" 2>&1 <<'PY'
import re, sys
help_txt, man, readme = sys.argv[1:4]

def expand(k):
    # "0–9" is the run 0 to 9.
    m = re.fullmatch(r'(.)[–-](.)', k)
    if m and m.group(1) != m.group(2):
        return {chr(c) for c in range(ord(m.group(1)), ord(m.group(2)) + 1)}
    return {k}

# Help rows: "│ KEYS(16 columns) description │".
helpkeys = set()
for line in open(help_txt, encoding='utf-8'):
    m = re.search(r'│ (.{16}) (.*)│', line)
    if not m or m.group(1).startswith(('mouse', '+●')):
        continue
    for k in m.group(1).split():
        helpkeys |= expand(k)
# The man page: the .It lines of the KEYS section's list.
names = {'Down': '↓', 'Up': '↑', 'Left': '←', 'Right': '→',
         'Shift-Tab': 'S-Tab', 'Ctrl-L': '^L'}
mankeys = set()
sect = None
for line in open(man, encoding='utf-8'):
    if line.startswith('.Sh '):
        sect = line[4:].strip()
    if sect != 'KEYS' or not line.startswith('.It Ic '):
        continue
    body = line[len('.It Ic '):].strip().replace('\\&', '')
    m = re.fullmatch(r'(\S) No \\\(en Ic (\S)', body)
    if m:
        mankeys |= expand(m.group(1) + '-' + m.group(2))
        continue
    for k in body.split(' , '):
        mankeys.add(names.get(k.strip(), k.strip()))
ok = True
for what, got in (('man page', mankeys),):
    if got - helpkeys:
        print('%s documents keys the reader lacks: %s' % (what, ' '.join(sorted(got - helpkeys))))
        ok = False
    if helpkeys - got:
        print('%s lacks keys the reader has: %s' % (what, ' '.join(sorted(helpkeys - got))))
        ok = False
# README: the backquoted keys of its paragraph on the reader's keys.
text = open(readme, encoding='utf-8').read()
para = text[text.index('`?` shows every key'):]
para = para[:para.index('\n\n')]
for k in re.findall(r'`([^`]+)`', para):
    if k.startswith('$') or k in ('xdg-open',):
        continue
    if not expand(k) <= helpkeys:
        print('README names a key the reader lacks: %s' % k)
        ok = False
print('ok' if ok else 'differ')
PY
expect_eq "the man page's and README's keys are the table's" \
    "$(cat "$TMP/keys.out")" "ok"
check "the help lists the mouse" grep -q "│ mouse  .*click: select" \
    "$TMP/help.txt"
check "the help explains the list's marks" \
    grep -q "│ +●  .*new since the last run; unread" "$TMP/help.txt"
expect_eq "each key once in the help" \
    "$(sed -n 's/^ *│ \(.\{16\}\).*/\1/p' "$TMP/help.txt" | tr ' ' '\n' |
    grep -v '^$' | sort | uniq -d | tr '\n' ' ')" ""

# README's screenshot: the bundled sample on a first run, 100x22, after
# Enter and Tab.
tui_start 100 22 --offline
settle "sample"
press "Intro" Enter
press "[2 " Tab
sed -n '/^The reader on the bundled sample, 100×22/,/^## Usage/p' \
    "$srcdir/README.md" | sed -n 's/^    //p' | sed 's/ *$//' \
    >"$TMP/readme.screen"
printf '%s\n' "$SCREEN" >"$TMP/first.screen"
golden "README's screenshot" "$TMP/first.screen" "$TMP/readme.screen"
press "[exit 0]" q q

# Esc: back from an issue as q, but never a quit from the list.
tui_start 80 12 --offline
settle "sample"
press "Intro" Enter
press "q:quit" Escape
on_screen "Esc: back to the list" "›2014-09-04 +  Mesos Community Update #8"
tm send-keys -t t Escape
sleep 0.5
SCREEN=$(capture)
on_screen "Esc on the list: still running" "q:quit"
press "[exit 0]" q

# The title bar of a single feed: its configured name.
cp "$srcdir/tests/tui/feed.atom" "$TMP/feed.atom"
mkdir -p "$XDG_CONFIG_HOME/mesosnews"
printf 'feed %s My digest\n' "$TMP/feed.atom" \
    >"$XDG_CONFIG_HOME/mesosnews/config"
tui_start 100 10
settle "refreshed"
expect_eq "the configured name in the title bar" \
    "$(printf '%s\n' "$SCREEN" | head -n 1)" \
    " mesosnews · My digest · 5 issues, 5 unread"
press "[exit 0]" q
done_testing
