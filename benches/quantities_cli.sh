#!/usr/bin/env bash
# Whole-process speed and peak memory of `factcheck quantities FILE` on 20 MB
# of news text (ten copies of ../shared/eval/quantities/bench.txt), optionally
# side by side with another build, runs interleaved so both see the same load.
#
#   benches/quantities_cli.sh [NEW_BINARY [OLD_BINARY]]
#
# NEW_BINARY defaults to target/release/factcheck (build it with
# `cargo build --release`). Environment: RUNS (default 5), BENCH_TEXT (another
# text to repeat ten times). Prints, per binary, the best and median wall time,
# the best CPU time (user + sys), MB/s for each, peak memory (max RSS), and
# whether the two outputs are byte-identical. Needs GNU time (/usr/bin/time).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
new=${1:-$root/target/release/factcheck}
old=${2:-}
runs=${RUNS:-5}

text=${BENCH_TEXT:-}
if [[ -z $text ]]; then
    for candidate in "$root/../shared/eval/quantities/bench.txt" "$root/../../shared/eval/quantities/bench.txt"; do
        [[ -f $candidate ]] && text=$candidate && break
    done
fi
if [[ -z $text || ! -f $text ]]; then
    echo "skipping: bench.txt not found beside the repository (set BENCH_TEXT)" >&2
    exit 0
fi
for bin in "$new" ${old:+"$old"}; do
    [[ -x $bin ]] || { echo "error: $bin is not an executable; build it first" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "error: needs GNU time at /usr/bin/time" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
input=$work/news.txt
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$text"; done >"$input"
bytes=$(stat -c %s "$input")

# One run: appends "wall_seconds cpu_seconds max_rss_kb" to $2.
measure() {
    local bin=$1 log=$2 t0 t1
    t0=$(date +%s%N)
    /usr/bin/time -f '%U %S %M' -o "$work/time" "$bin" quantities "$input" >"$work/out.$3"
    t1=$(date +%s%N)
    read -r user sys rss <"$work/time"
    echo "$(( (t1 - t0) / 1000 )) $user $sys $rss" >>"$log"
}

labels=(new)
[[ -n $old ]] && labels+=(old)
for ((i = 0; i < runs; i++)); do
    measure "$new" "$work/new.log" new
    [[ -n $old ]] && measure "$old" "$work/old.log" old
done

echo "input: $bytes bytes (10 x $(basename "$text")), $runs runs each"
printf '%-5s %10s %10s %10s %10s %10s %10s  %s\n' build best_s median_s MB/s_best cpu_s MB/s_cpu rss_MB binary
for label in "${labels[@]}"; do
    bin=$new
    [[ $label == old ]] && bin=$old
    # Wall times sorted, for the best and the median (POSIX awk has no sort).
    sort -n -k1,1 "$work/$label.log" | awk -v bytes="$bytes" -v label="$label" -v bin="$bin" '
        { wall[NR] = $1 / 1e6; cpu = $2 + $3; if (NR == 1 || cpu < best_cpu) best_cpu = cpu;
          if ($4 > rss) rss = $4 }
        END {
            n = NR
            median = (n % 2) ? wall[(n + 1) / 2] : (wall[n / 2] + wall[n / 2 + 1]) / 2
            printf "%-5s %10.3f %10.3f %10.1f %10.2f %10.1f %10.1f  %s\n", label, wall[1], median,
                bytes / wall[1] / 1e6, best_cpu, (best_cpu > 0 ? bytes / best_cpu / 1e6 : 0), rss / 1024, bin
        }'
done
echo "figures (lines): $(wc -l <"$work/out.new") new${old:+, $(wc -l <"$work/out.old") old}"
if [[ -n $old ]]; then
    if cmp -s "$work/out.new" "$work/out.old"; then
        echo "outputs: byte-identical"
    else
        echo "outputs: differ in $(diff "$work/out.new" "$work/out.old" | grep -c '^<') lines"
    fi
fi
