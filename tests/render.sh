#!/bin/sh
# render.sh - golden tests of the renderer: each fixture under
# tests/render/fixtures is rendered by tests/render/render_tool at widths
# 20, 40, 80 and 132 and compared byte for byte with
# tests/render/golden/NAME.WIDTH.txt; a mismatch prints a unified diff.
#
# UPDATE_GOLDEN=1 rewrites the golden files instead (then inspect them with
# `git diff` before committing).  newsletter.html is what `cmark --smart`
# makes of newsletter.md's body; regenerate it with:
#   sed '1,/^---$/{/^---$/!d};1,/^---$/d' newsletter.md |
#       cmark --smart > newsletter.html
set -u

srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
tool=$top_builddir/tests/render/render_tool
fix=$srcdir/tests/render/fixtures
gold=$srcdir/tests/render/golden
tmp=${TMPDIR:-/tmp}/render-test.$$
widths="20 40 80 132"
base=https://mesos.apache.org/blog/mesos-community-update-7/

[ -x "$tool" ] || { echo "render.sh: $tool not built" >&2; exit 99; }
mkdir -p "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

ok() { echo ok >> "$tmp/passed"; }
bad() { echo bad >> "$tmp/failed"; }

# NAME|OPTIONS|FIXTURE: one golden file per width.
cases="
wrap|-n|wrap.md
lists|-n|lists.md
lists-html|-n|lists.html
lists-ascii|-n -a|lists.md
links|-n -b $base|links.md
urls|-n|urls.md
blocks|-n|blocks.md
blocks-ascii|-n -a|blocks.md
tables|-n|tables.html
headings||headings.md
hostile-html||hostile.html
hostile-md||hostile.md
newsletter|-L $base|newsletter.md
newsletter-color|-c -L $base|newsletter.md
newsletter-section|-s UPCOMING|newsletter.md
newsletter-links|-l|newsletter.md
integrity||integrity.md
integrity-ascii|-a|integrity.md
integrity-links|-l|integrity.md
pieces||pieces.md
pieces-refs||pieces-refs.md
"

check() {	# name width file
	g=$gold/$1.$2.txt
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
		mkdir -p "$gold" && cp "$3" "$g" && ok
	elif [ ! -f "$g" ]; then
		echo "FAIL: $1 at width $2: no golden file $g"
		bad
	elif cmp -s "$g" "$3"; then
		ok
	else
		echo "FAIL: $1 at width $2 differs from $g:"
		diff -u "$g" "$3" | head -60
		bad
	fi
}

echo "$cases" | while IFS='|' read -r name opts file; do
	[ -n "$name" ] || continue
	for w in $widths; do
		# shellcheck disable=SC2086
		if "$tool" -w "$w" $opts "$fix/$file" > "$tmp/out" \
		    2> "$tmp/err"; then
			check "$name" "$w" "$tmp/out"
		else
			echo "FAIL: $name at width $w: render_tool failed:"
			cat "$tmp/err"
			bad
		fi
	done
done

# Markdown parsed in pieces as small as the cuts allow (a large post's
# way) reads exactly as it does whole: the same golden files.
[ "${UPDATE_GOLDEN:-}" = 1 ] ||
echo "$cases" | while IFS='|' read -r name opts file; do
	case $file in *.md) ;; *) continue ;; esac
	for w in $widths; do
		# shellcheck disable=SC2086
		if "$tool" -P 1 -w "$w" $opts "$fix/$file" > "$tmp/out" \
		    2> "$tmp/err"; then
			check "$name" "$w" "$tmp/out"
		else
			echo "FAIL: $name in pieces at width $w: render_tool" \
			    "failed:"
			cat "$tmp/err"
			bad
		fi
	done
done

# The same issue as Markdown and as the HTML cmark makes of it lays out to
# the same styled lines (the header aside).
for w in $widths; do
	"$tool" -n -c -w "$w" "$fix/newsletter.md" > "$tmp/md" || exit 99
	"$tool" -n -c -w "$w" "$fix/newsletter.html" > "$tmp/html" || exit 99
	if cmp -s "$tmp/md" "$tmp/html" && [ -s "$tmp/md" ]; then
		ok
	else
		echo "FAIL: newsletter.md and newsletter.html differ at $w:"
		diff -u "$tmp/md" "$tmp/html" | head -40
		bad
	fi
done

# Nothing from the hostile fixtures reaches the output as a control
# character: C0 (but newline), DEL, C1, bidi embeddings and overrides.
c1=$(printf '\302[\200-\237]')
bidi=$(printf '\342\200[\252-\256]')
iso=$(printf '\342\201[\246-\251]')
for f in hostile.html hostile.md; do
	for w in $widths; do
		"$tool" -w "$w" "$fix/$f" > "$tmp/out" || exit 99
		if LC_ALL=C tr -d '\n' < "$tmp/out" |
		    LC_ALL=C grep -q '[[:cntrl:]]' ||
		    LC_ALL=C grep -q -e "$c1" -e "$bidi" -e "$iso" "$tmp/out"
		then
			echo "FAIL: $f at $w lets a control character through"
			bad
		else
			ok
		fi
	done
done

npass=$(cat "$tmp/passed" 2>/dev/null | wc -l)
nfail=$(cat "$tmp/failed" 2>/dev/null | wc -l)
echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ] && [ "$npass" -gt 0 ]
