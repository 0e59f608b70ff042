#!/bin/sh
# OPML: --import-opml adds feeds to the configuration file (atomically,
# once each), --export-opml writes them; round trip with newsboat.
. "$srcdir/tests/lib.sh"
D="$srcdir/tests/opml"
CONF=$XDG_CONFIG_HOME/mesosnews/config

run() {
	local name=$1; shift
	"$MESOSNEWS" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" </dev/null
	rc=$?
}

run imp --import-opml "$D/newsboat-export.opml"
expect_eq "import: status" "$rc" 0
expect_eq "import: summary" "$(cat "$TMP/imp.out")" \
    "2 feeds added to $CONF, 0 already there, 0 skipped"
printf '# from %s\nfeed %s\nfeed %s\n' "$D/newsboat-export.opml" \
    "https://mesos.apache.org/blog/feed.xml Apache Mesos Blog" \
    "http://127.0.0.1:9/updates.atom" >"$TMP/conf.want"
golden "import: config written" "$CONF" "$TMP/conf.want"
run again --import-opml "$D/newsboat-export.opml"
expect_eq "import twice: nothing added" "$(cat "$TMP/again.out")" \
    "0 feeds added to $CONF, 2 already there, 0 skipped"
golden "import twice: config unchanged" "$CONF" "$TMP/conf.want"

run nested --import-opml "$D/nested.opml"
expect_eq "nested: summary" "$(cat "$TMP/nested.out")" \
    "2 feeds added to $CONF, 0 already there, 1 skipped"
expect_eq "nested: refusal" "$(cat "$TMP/nested.err")" \
    "mesosnews: javascript:alert(1): skipped: only http, https and file feeds"
check "nested: names cleaned, folders followed" grep -qx \
    "feed http://127.0.0.1:9/user.rss Mesos user list2J" "$CONF"
check "nested: entity decoded" grep -qx \
    "feed http://127.0.0.1:9/frameworks.rss Marathon & Chronos" "$CONF"

run exp --export-opml
expect_eq "export: status" "$rc" 0
golden "export" "$TMP/exp.out" "$D/export.expected"

# Names and URLs written by hand in the config keep no control bytes in
# the export: ESC, BEL and C1 (U+009B, a one-byte CSI) go.
cp "$CONF" "$TMP/conf.saved"
printf 'feed http://127.0.0.1:9/c\033[31m.rss Bell\007 \033]0;owned\007Name\302\233X\n' \
    >>"$CONF"
run expctl --export-opml
expect_eq "export, control bytes: status" "$rc" 0
no_escape "export, control bytes" "$TMP/expctl.out"
check "export, control bytes: no BEL" sh -c "! grep -q \"$(printf '\007')\" '$TMP/expctl.out'"
expect_eq "export, control bytes: the outline" \
    "$(grep 'c\[31m' "$TMP/expctl.out")" \
    '    <outline type="rss" text="Bell ]0;ownedNameX" title="Bell ]0;ownedNameX" xmlUrl="http://127.0.0.1:9/c[31m.rss"/>'
cp "$TMP/conf.saved" "$CONF"

# A config file that cannot be replaced is left whole.
cp "$CONF" "$TMP/before"
chmod 500 "$XDG_CONFIG_HOME/mesosnews"
printf '<opml version="2.0"><body><outline xmlUrl="http://127.0.0.1:9/new"/></body></opml>\n' \
    >"$TMP/one.opml"
run ro --import-opml "$TMP/one.opml"
chmod 700 "$XDG_CONFIG_HOME/mesosnews"
if [ "$(id -u)" -ne 0 ]; then
	expect_eq "unwritable: status" "$rc" 1
	golden "unwritable: config whole" "$CONF" "$TMP/before"
fi

printf '<opml><body><outline xmlUrl="x"' >"$TMP/trunc.opml"
run trunc --import-opml "$TMP/trunc.opml"
expect_eq "truncated: status" "$rc" 1
check "truncated: one line naming the line" grep -q \
    "^mesosnews: $TMP/trunc.opml: line 1: " "$TMP/trunc.err"
printf '<?xml version="1.0"?>\n<!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<opml><body><outline xmlUrl="http://a/" text="&x;"/></body></opml>\n' \
    >"$TMP/xxe.opml"
run xxe --import-opml "$TMP/xxe.opml"
expect_eq "entities: refused" "$(cat "$TMP/xxe.err")" \
    "mesosnews: $TMP/xxe.opml: line 2: the document declares XML entities, which are refused"
check "entities: nothing imported" test ! -s "$TMP/xxe.out"

# Round trip through newsboat, when it is installed (not counted if not).
if command -v newsboat >/dev/null 2>&1; then
	: >"$TMP/urls"
	newsboat -u "$TMP/urls" -c "$TMP/nb.db" -C /dev/null \
	    -i "$TMP/exp.out" >/dev/null 2>&1
	newsboat -u "$TMP/urls" -c "$TMP/nb.db" -C /dev/null -e \
	    >"$TMP/nb.opml" 2>/dev/null
	XDG_CONFIG_HOME=$TMP/rt run rt --import-opml "$TMP/nb.opml"
	sed -n 's/^feed \([^ ]*\).*/\1/p' "$TMP/rt/mesosnews/config" \
	    >"$TMP/rt.urls"
	sed -n 's/.*xmlUrl="\([^"]*\)".*/\1/p' "$TMP/exp.out" >"$TMP/our.urls"
	golden "newsboat round trip keeps every feed" "$TMP/rt.urls" \
	    "$TMP/our.urls"
else
	echo "note: newsboat not installed, round trip not checked"
fi
done_testing
