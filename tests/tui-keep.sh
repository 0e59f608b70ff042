#!/bin/sh
# Keeping things: y yanks the selected link's URL (or the issue's) to the
# clipboard with OSC 52, s saves the issue to a file: text, or its own
# HTML when the name ends in .html.
. "$srcdir/tests/tuilib.sh"

cp "$srcdir/tests/tui/feed.atom" "$TMP/feed.atom"
tui_start 100 30 "$TMP/feed.atom"
# The terminal obeys OSC 52: what is yanked lands in tmux's buffer.
tm set -s set-clipboard on
settle "refreshed: 5 new issues"
press "Mesos Community Update #5" Enter
press "yanked the issue's link" y
on_screen "yank: said" \
    "yanked the issue's link: http://mesos.example.org/blog/community-update-5/"
expect_eq "yank: the issue's URL on the clipboard" "$(tm show-buffer)" \
    "http://mesos.example.org/blog/community-update-5/"
press "[1] http" l
FIRST=$("$MESOSNEWS" --links --width 100 "$TMP/feed.atom" |
    sed -n 's/^ *\[1\] //p')
press "yanked the link" y
expect_eq "yank: the link's URL on the clipboard" "$(tm show-buffer)" \
    "$FIRST"

# Save as text: what text mode prints at the reader's width.
press "save as" s
tm send-keys -t t -l "$TMP/saved.txt"
press "bytes to" Enter
"$MESOSNEWS" --width 100 "$TMP/feed.atom" >"$TMP/want.txt"
golden "save: the text" "$TMP/saved.txt" "$TMP/want.txt"
# As .html: the issue's own markup.
press "save as" s
tm send-keys -t t -l "$TMP/saved.html"
press "bytes to" Enter
check "save .html: the source" grep -q '<p>' "$TMP/saved.html"
check "save .html: not the text" test "$(head -c 20 "$TMP/saved.html")" != \
    "$(head -c 20 "$TMP/want.txt")"
# A place that cannot be written: said, nothing else happens.
press "save as" s
tm send-keys -t t -l "$TMP/no/such/dir/x.txt"
press "cannot save" Enter
on_screen "save: the error" "cannot save to $TMP/no/such/dir/x.txt"
done_testing
