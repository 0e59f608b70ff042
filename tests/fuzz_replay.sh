#!/bin/sh
# Replay the fuzz regression inputs, the committed corpus and seeds made
# from every fixture through the fuzz targets' invariant checks (clean
# UTF-8, no controls, no line wider than its width), without libFuzzer.
. "$srcdir/tests/lib.sh"
R="$top_builddir/tests/fuzz"

sh "$srcdir/fuzz/seeds.sh" "$srcdir" "$TMP/corpus" || exit 99
for t in feed html md layout; do
	set -- "$TMP/corpus/$t"/* "$srcdir/fuzz/corpus/$t"/*
	for f in "$srcdir"/tests/fuzz-regressions/"$t"-*; do
		[ -f "$f" ] && set -- "$@" "$f"
	done
	# shellcheck disable=SC2086
	check "$t: $# inputs keep the invariants" $UNDER "$R/${t}_replay" "$@"
done
done_testing
