#!/usr/bin/env bash
# End-to-end throughput of `stancecmp analyze` next to `wc -w` and `cat` on the same files, in the
# same run (machines here are noisy: compare ratios, not absolute numbers).
#
#   bash benches/e2e.sh                 # 100 MB and 1000 MB corpora, 3 runs each
#   SIZES="20" RUNS=1 bash benches/e2e.sh
#
# For each size it generates a JSONL corpus with the deterministic generator (seed 42) under
# $BENCH_DIR (default /tmp/stancecmp-bench), then times, RUNS times each: `cat`, `wc -w`,
# `stancecmp analyze` on 1 and 2 threads. It prints the median wall time, the throughput in MB/s,
# the ratio to `wc -w`, and the peak resident memory (GNU time's maximum RSS).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"100 1000"}
RUNS=${RUNS:-3}
DIR=${BENCH_DIR:-/tmp/stancecmp-bench}
mkdir -p "$DIR"
cargo build --release --quiet --example gen_corpus --bin stancecmp
BIN=target/release/stancecmp
GEN=target/release/examples/gen_corpus

# run LABEL MB CMD...: prints one line with the median seconds, MB/s and peak RSS in MB.
run() {
  local label=$1 mb=$2; shift 2
  local times=() rss=0
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$DIR/time.txt" "$@" >/dev/null 2>"$DIR/stderr.txt" || {
      cat "$DIR/stderr.txt" >&2; exit 1; }
    read -r secs kb <"$DIR/time.txt"
    times+=("$secs")
    (( kb > rss )) && rss=$kb
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  python3 - "$label" "$mb" "$median" "$rss" "${WC_SECS:-}" <<'PY'
import sys
label, mb, secs, kb, wc = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
rate = mb / secs if secs > 0 else float("inf")
ratio = "" if not wc else f"{(float(wc) / secs):6.3f} x wc"
print(f"{label:<34} {secs:8.2f} s {rate:9.1f} MB/s {kb / 1024:8.1f} MB peak  {ratio}")
PY
  LAST_MEDIAN=$median
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%F)"
for mb in $SIZES; do
  corpus="$DIR/corpus-$mb.jsonl"
  [ -f "$corpus" ] || "$GEN" --mb "$mb" --seed 42 --format jsonl --out "$corpus"
  real_mb=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1e6)" "$corpus")
  echo
  echo "== $corpus ($real_mb MB)"
  WC_SECS=""
  run "cat" "$real_mb" cat "$corpus"
  run "wc -w" "$real_mb" wc -w "$corpus"
  WC_SECS=$LAST_MEDIAN
  run "analyze, 1 thread" "$real_mb" "$BIN" analyze "$corpus" --out "$DIR/out" --quiet --threads 1
  run "analyze, 2 threads" "$real_mb" "$BIN" analyze "$corpus" --out "$DIR/out" --quiet --threads 2
  if "$BIN" analyze --help | grep -q -- --tables-only; then
    run "analyze --tables-only, 2 threads" "$real_mb" "$BIN" analyze "$corpus" --out "$DIR/out" --quiet --threads 2 --tables-only
  fi
done
