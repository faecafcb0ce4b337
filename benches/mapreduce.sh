#!/usr/bin/env bash
# The cost of splitting a run into `stancecmp map` + `stancecmp reduce` (what a Spark or Hadoop
# job does) against one `stancecmp analyze`, on the same generated corpus, in the same run.
#
#   bash benches/mapreduce.sh                  # 100 MB, 4 pieces
#   MB=20 PIECES=8 bash benches/mapreduce.sh
#
# The pieces are mapped one after the other on all cores (as executors would, each on its own
# machine); the total map time, the reduce time, their sum against analyze, and the size of the
# partials are printed, also for `map --no-rows`. The outputs are checked to be byte-identical.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${MB:-100}
PIECES=${PIECES:-4}
DIR=${BENCH_DIR:-/tmp/stancecmp-bench}
mkdir -p "$DIR"
cargo build --release --quiet --example gen_corpus --bin stancecmp
BIN=$PWD/target/release/stancecmp
corpus="$DIR/corpus-$MB.jsonl"
[ -f "$corpus" ] || target/release/examples/gen_corpus --mb "$MB" --seed 42 --format jsonl --out "$corpus"
work="$DIR/mapreduce-$MB"
rm -rf "$work" && mkdir -p "$work/pieces" "$work/partials"
split -n "l/$PIECES" -d "$corpus" "$work/pieces/piece-"

secs() { /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }; cat "$work/time.txt"; }

read -r analyze_s analyze_kb < <(secs "$BIN" analyze "$corpus" --out "$work/analyze" --quiet)
map_s=0; map_kb=0
for p in "$work"/pieces/piece-*; do
  read -r s kb < <(secs sh -c "\"$BIN\" map < \"$p\" > \"$work/partials/$(basename "$p")\"")
  map_s=$(python3 -c "print($map_s + $s)"); (( kb > map_kb )) && map_kb=$kb
done
read -r reduce_s reduce_kb < <(secs "$BIN" reduce "$work/partials" --out "$work/reduce" --quiet)
for f in "$work"/analyze/*.csv; do cmp "$f" "$work/reduce/$(basename "$f")"; done
partials=$(du -sb "$work/partials" | cut -f1)
# The same without the statement and match rows (`map --no-rows`, `reduce` then writes the tables).
mkdir -p "$work/slim"
slim_s=0
for p in "$work"/pieces/piece-*; do
  read -r s kb < <(secs sh -c "\"$BIN\" map --no-rows < \"$p\" > \"$work/slim/$(basename "$p")\"")
  slim_s=$(python3 -c "print($slim_s + $s)")
done
read -r slim_reduce_s slim_reduce_kb < <(secs "$BIN" reduce "$work/slim" --out "$work/reduce-slim" --quiet)
for f in summary comparison keyness timeline documents; do cmp "$work/analyze/$f.csv" "$work/reduce-slim/$f.csv"; done
slim=$(du -sb "$work/slim" | cut -f1)
python3 - "$MB" "$PIECES" "$analyze_s" "$analyze_kb" "$map_s" "$map_kb" "$reduce_s" "$reduce_kb" "$partials" "$slim_s" "$slim_reduce_s" "$slim_reduce_kb" "$slim" <<'PY'
import sys
mb, pieces = float(sys.argv[1]), int(sys.argv[2])
a, akb, m, mkb, r, rkb, size, sm, sr, srkb, ssize = map(float, sys.argv[3:])
print(f"corpus {mb:.0f} MB in {pieces} pieces; every CSV identical")
print(f"analyze          {a:8.2f} s  {akb/1024:7.1f} MB peak")
print(f"map (all pieces) {m:8.2f} s  {mkb/1024:7.1f} MB peak  ({m/a:.2f} x analyze)")
print(f"reduce           {r:8.2f} s  {rkb/1024:7.1f} MB peak  ({r/a:.2f} x analyze)")
print(f"map + reduce     {m+r:8.2f} s  ({(m+r)/a:.2f} x analyze); partials {size/1e6:.1f} MB ({size/1e6/mb:.2f} x the corpus)")
print(f"--no-rows: map {sm:.2f} s, reduce {sr:.2f} s ({srkb/1024:.1f} MB peak), partials {ssize/1e6:.1f} MB ({ssize/1e6/mb:.2f} x the corpus); the tables identical")
PY
