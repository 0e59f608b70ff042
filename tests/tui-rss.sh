#!/bin/sh
# Issue 17: the reader with one field at the 16 MiB cap (a 15 MiB title,
# a 15 MiB unbroken description), imported into its cache and opened,
# peaks under 128 MB: the title is cut to 4 KiB when read, the
# description stored once and laid out up to LAYOUT_MAX_BLOCK.
. "$srcdir/tests/tuilib.sh"

"${PYTHON3:-python3}" "$srcdir/tests/bigfield.py" "$TMP"

# Under valgrind or AddressSanitizer the peak is theirs as much as ours:
# the bound holds for a plain build.
plain=yes
if [ -n "${MESOSNEWS_UNDER:-}" ] || { ldd "$MESOSNEWS"; nm "$MESOSNEWS"; } \
    2>/dev/null | grep -q 'libasan\|__asan_init'; then
	plain=
fi

for big in bigtitle bigdesc; do
	tui_start 100 20 --cache "$TMP/$big.db" "$TMP/$big.rss"
	settle "refreshed: 1 new issue"
	press "http://example.org/1" Enter
	case $big in
	bigtitle) on_screen "$big: the title cut, marked" "xxx…" ;;
	bigdesc) on_screen "$big: the description" "xxxxxxxxxxxxxxxxxxxx" ;;
	esac
	pid=$(pgrep -P "$(tm display-message -p -t t '#{pane_pid}')" \
	    -x mesosnews)
	kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")
	if [ -n "$plain" ]; then
		check "$big: the reader's peak RSS $kb KB under 128 MB" \
		    test "${kb:-999999}" -lt 131072
	fi
	press "[exit 0]" q q
	rm -f "$TMP/$big.rss" "$TMP/$big.db"*
done

done_testing
