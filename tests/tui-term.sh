#!/bin/sh
# Terminals the reader cannot draw on are refused with one line that
# points at text mode, and nothing else is written to them.
. "$srcdir/tests/tuilib.sh"

cp "$srcdir/tests/tui/feed.atom" "$TMP/feed.atom"
SAVED_TERM=$TUI_TERM
TUI_TERM=dumb
tui_start 100 10 "$TMP/feed.atom"
settle "[exit"
expect_eq "TERM=dumb: one line, then the exit status" "$SCREEN" \
"mesosnews: the terminal (TERM=dumb) cannot move the cursor, which the reader needs; text mode works:
 mesosnews --text | less
[exit 1]"
check "TERM=dumb: nothing written to the cache" \
    test ! -e "$XDG_CACHE_HOME/mesosnews/cache.db"
TUI_TERM=$SAVED_TERM

# A locale that is not UTF-8 (LC_ALL=C): the terminal gets ASCII only,
# text transliterated ("“" as '"', "é" as "e"), wide characters as two
# columns, nothing it cannot show.
cat >"$TMP/intl.atom" <<'ATOM'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Intl</title>
<id>urn:mn:intl</id><updated>2014-03-20T10:00:00Z</updated>
<entry><id>urn:mn:intl:1</id><title>Café “Mesos” – 日本 👍</title>
<updated>2014-03-20T10:00:00Z</updated>
<content type="html">&lt;p&gt;Ça marche — très “bien” 日本語.&lt;/p&gt;</content></entry>
</feed>
ATOM
printf '#!/bin/sh\nLC_ALL=C exec %s "$@"\n' "$(shq "$MESOSNEWS")" \
    >"$TMP/mesosnews-c"
chmod +x "$TMP/mesosnews-c"
SAVED=$MESOSNEWS
MESOSNEWS=$TMP/mesosnews-c
tui_start 100 12 "$TMP/intl.atom"
MESOSNEWS=$SAVED
settle "Cafe"
press 'marche' Enter
check "LC_ALL=C: only ASCII on the screen" \
    sh -c '! printf "%s" "$1" | LC_ALL=C grep -q "[^ -~]"' sh "$SCREEN"
on_screen "LC_ALL=C: title transliterated" 'Cafe "Mesos" -'
on_screen "LC_ALL=C: text transliterated" 'Ca marche - tres "bien"'
done_testing
