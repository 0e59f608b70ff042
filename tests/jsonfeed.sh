#!/bin/sh
# JSON Feed 1.0 and 1.1: the same field rules and hardening as the XML
# formats, through --list and text mode.
. "$srcdir/tests/lib.sh"
D="$srcdir/tests/json"

run() {
	local name=$1; shift
	"$MESOSNEWS" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" </dev/null
	rc=$?
}

run l11 --list --width 80 "$D/updates-1.1.json"
expect_eq "1.1 list: status" "$rc" 0
golden "1.1 list" "$TMP/l11.out" "$D/updates-1.1.list"
run l10 --list --width 80 "$D/updates-1.0.json"
golden "1.0 list (author, author inherited)" "$TMP/l10.out" \
    "$D/updates-1.0.list"
run t11 --width 72 "$D/updates-1.1.json"
golden "1.1 text, links resolved against feed_url" "$TMP/t11.out" \
    "$D/updates-1.1.text"
run t11b --issue 2 --width 72 "$D/updates-1.1.json"
golden "content_text" "$TMP/t11b.out" "$D/updates-1.1-2.text"
run byid --issue 1 --links "$D/updates-1.1.json"
expect_eq "numeric id: status" "$rc" 0

err() {
	local name=$1 want=$2 file=$3
	run "$name" --list "$file"
	expect_eq "$name: status" "$rc" 1
	expect_eq "$name: message" "$(cat "$TMP/$name.err")" \
	    "mesosnews: $file: $want"
	check "$name: nothing printed" test ! -s "$TMP/$name.out"
}
printf '{"version":"https://jsonfeed.org/version/1.1","items":[' \
    >"$TMP/trunc.json"
err truncated "line 1: JSON document is truncated" "$TMP/trunc.json"
printf '{"version":"https://jsonfeed.org/version/1.1",\n"items":[}' \
    >"$TMP/bad.json"
err malformed "line 2: malformed JSON (unexpected character)" \
    "$TMP/bad.json"
printf '{"title":"a JSON file, not a feed"}' >"$TMP/notfeed.json"
err notfeed "line 1: JSON, but not a JSON Feed (it needs \"version\" and \"items\")" \
    "$TMP/notfeed.json"
"${PYTHON3:-python3}" -c '
print("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[" +
    "[" * 100000 + "]" * 100000 + "]}")' >"$TMP/deep.json"
err deep "line 1: malformed JSON (nesting too deep)" "$TMP/deep.json"
printf '{"version":"https://jsonfeed.org/version/1.1","items":[]} x' \
    >"$TMP/trailing.json"
err trailing "line 1: malformed JSON (unexpected character)" \
    "$TMP/trailing.json"

# Hostile strings: escapes, C1, bidi, NUL and invalid UTF-8 in every field.
"${PYTHON3:-python3}" - "$TMP/hostile.json" <<'PY'
import json, sys
bad = "\x1b[31m\x1b]52;c;aGk=\x07\u009b2J\u202e\x00\x7f"
doc = {"version": "https://jsonfeed.org/version/1.1",
       "title": "t" + bad,
       "items": [{"id": "i" + bad, "title": "Title" + bad,
                  "url": "http://example.org/" + bad,
                  "authors": [{"name": "Author" + bad}],
                  "tags": ["tag" + bad],
                  "content_html": "<h3>Head" + bad + "</h3><p><a href='x'>"
                      "link" + bad + "</a></p>"}]}
data = json.dumps(doc).encode()
# an invalid UTF-8 byte inside a string, as a careless generator writes it
data = data.replace(b"Title", b"Ti\xfftle", 1)
open(sys.argv[1], "wb").write(data)
PY
run hostile --color=always --width 60 "$TMP/hostile.json"
expect_eq "hostile: status" "$rc" 0
sed -E -e 's/\x1b\[[0-9;]*m//g' \
    -e 's/\x1b\]8;;((https?|mailto):[!-~]*)?\x1b\\//g' \
    "$TMP/hostile.out" >"$TMP/hostile.plain"
no_escape "hostile text" "$TMP/hostile.plain"
run hostilelist --list "$TMP/hostile.json"
no_escape "hostile list" "$TMP/hostilelist.out"
check "hostile: invalid byte became U+FFFD" \
    grep -q "Ti$(printf '\357\277\275')tle" "$TMP/hostilelist.out"

done_testing
