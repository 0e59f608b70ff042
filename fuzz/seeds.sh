#!/bin/sh
# seeds.sh SRCDIR OUT: seed corpora for the fuzz targets from the test
# fixtures (feeds, HTML, Markdown), with the leading selector byte each
# target expects.
set -eu
src=$1 out=$2
mkdir -p "$out/feed" "$out/html" "$out/md" "$out/layout"
i=0
seed() { # TARGET PREFIX-BYTE FILE
	i=$((i + 1))
	{ printf "\\$(printf %o "$2")"; cat "$3"; } >"$out/$1/seed-$i"
}
for f in "$src"/tests/feeds/*.atom "$src"/tests/feeds/*.rss \
    "$src"/tests/feeds/*.rdf "$src"/tests/list/*.atom "$src"/tests/list/*.rss \
    "$src"/data/sample.atom; do
	[ -f "$f" ] && seed feed $((i % 64 + 1)) "$f"
done
for f in "$src"/tests/render/fixtures/*.html; do
	[ -f "$f" ] || continue
	seed html 80 "$f"
	{ printf '\120\001\000'; cat "$f"; } >"$out/layout/seed-h$i"
done
for f in "$src"/tests/render/fixtures/*.md "$src"/tests/textmode/*.md \
    "$src"/tests/feeds/posts/*.md; do
	[ -f "$f" ] || continue
	seed md 40 "$f"
	{ printf '\050\024\001'; cat "$f"; } >"$out/layout/seed-m$i"
done
