#!/bin/sh
# run.sh fuzz|merge SRCDIR SECONDS TARGET...: run each libFuzzer target
# (feed, html, md, layout; built in ./fuzz) one after the other.
#
# fuzz: for SECONDS each, on the committed corpus (SRCDIR/fuzz/corpus/T)
# and seeds made from the test fixtures (fuzz/seeds/T), with the target's
# dictionary and input size limit; new inputs go to fuzz/run/T, crashes
# to fuzz/T-crash-*, the log to fuzz/T.log, and one line of final stats
# (seconds, execs, exec/s, cov, ft) to fuzz/stats.log.
#
# merge: minimise the committed corpus, fuzz/run/T and the seeds into the
# smallest set with the same edge coverage, which replaces the committed
# one.  Edges only (-use_counters=0): with hit counts too the set is four
# times larger (html: 716 inputs, 2.9 MB against 201, 120 KB), and the
# counts come back from it in the first minute of a run.  Not while a
# run of the same target goes on: it removes inputs it has reduced.
set -eu
mode=$1 src=$2 secs=$3
shift 3
[ $# -gt 0 ] || set -- feed html md layout
sh "$src/fuzz/seeds.sh" "$src" fuzz/seeds >/dev/null

# NOTE: -max_len per target.  The feed parser needs room for a feed with
# a few entries; one document fits 4 KiB, 1.5 KiB for layout, which
# parses and lays out twice (at 2 KiB its runs slowed to 970 a CPU second
# as the corpus filled up to the limit).  libFuzzer's default is the
# largest input seen, up to 1 MiB: a few big inputs then slow every run.
maxlen() {
	case $1 in
	feed)	echo 16384 ;;
	layout)	echo 1536 ;;
	*)	echo 4096 ;;
	esac
}
dict() {
	case $1 in
	layout)	cat "$src/fuzz/html.dict" "$src/fuzz/md.dict" \
		    >fuzz/layout.dict
		echo fuzz/layout.dict ;;
	*)	echo "$src/fuzz/$1.dict" ;;
	esac
}

for t in "$@"; do
	bin=fuzz/${t}_fuzz
	[ -x "$bin" ] || { echo "run.sh: no $bin" >&2; exit 1; }
	mkdir -p "fuzz/run/$t" "$src/fuzz/corpus/$t"
	case $mode in
	fuzz)
		echo "fuzz: $t ($secs s)"
		start=$(date +%s)
		# -entropic=0: libFuzzer 14's entropic scheduler spent 85%
		# of the html target's time in UpdateFeatureFrequency once
		# the corpus had ~30k features (perf); without it the
		# targets run 3 to 5 times faster.
		if ! "./$bin" -max_total_time="$secs" -max_len="$(maxlen "$t")" \
		    -dict="$(dict "$t")" -timeout=10 -rss_limit_mb=2048 \
		    -entropic=0 -print_final_stats=1 \
		    -artifact_prefix="fuzz/$t-crash-" \
		    "fuzz/run/$t" "$src/fuzz/corpus/$t" "fuzz/seeds/$t" \
		    2>"fuzz/$t.log"; then
			tail -40 "fuzz/$t.log"
			exit 1
		fi
		end=$(date +%s)
		awk -v t="$t" -v s=$((end - start)) '
		    /DONE/ { for (i = 1; i < NF; i++) {
			if ($i == "cov:") cov = $(i + 1)
			if ($i == "ft:") ft = $(i + 1) } }
		    /number_of_executed_units/ { n = $2 }
		    /average_exec_per_sec/ { r = $2 }
		    END { printf "%s: %d s, %d execs, %d exec/s, " \
			"cov %s, ft %s\n", t, s, n, r, cov, ft }' \
		    "fuzz/$t.log" | tee -a fuzz/stats.log
		;;
	merge)
		rm -rf "fuzz/merge-$t"
		mkdir "fuzz/merge-$t"
		"./$bin" -merge=1 -use_counters=0 -max_len="$(maxlen "$t")" \
		    -timeout=10 -rss_limit_mb=2048 "fuzz/merge-$t" \
		    "$src/fuzz/corpus/$t" "fuzz/run/$t" "fuzz/seeds/$t" \
		    2>"fuzz/$t-merge.log" || {
			tail -20 "fuzz/$t-merge.log"; exit 1; }
		rm -f "$src/fuzz/corpus/$t"/*
		mv "fuzz/merge-$t"/* "$src/fuzz/corpus/$t/" 2>/dev/null || :
		rmdir "fuzz/merge-$t"
		echo "fuzz-merge: $t: $(ls "$src/fuzz/corpus/$t" | wc -l)" \
		    "inputs, $(cat "$src/fuzz/corpus/$t"/* | wc -c) bytes"
		;;
	*)
		echo "run.sh: fuzz or merge, not $mode" >&2
		exit 1
		;;
	esac
done
