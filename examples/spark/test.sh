#!/usr/bin/env bash
# End-to-end check of the Spark job (issue #9): `stancecmp map` on the partitions of a corpus in
# Spark (local mode) and `stancecmp reduce` of the partials must write every CSV byte for byte
# as `stancecmp analyze` does on the whole corpus.
#
#   bash examples/spark/test.sh
#
# Needs Java 17+ (Spark 4), python3 with venv, and cargo. Installs pyspark into
# target/spark-venv (inside the repository) when it is not there yet; writes to
# target/spark-test. SPARK_TEST_PLUMBING_ONLY=1 runs only the first check (no stancecmp map
# needed).
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TERM_COLOR=never

PYSPARK_VERSION=4.3.0
VENV=target/spark-venv
T=target/spark-test
JOB=examples/spark/stancecmp_spark.py
ROOT=$PWD
BIN=$ROOT/target/debug/stancecmp
# The binary the Spark job runs (a stand-in can be tried with SPARK_TEST_BINARY).
JOB_BIN=${SPARK_TEST_BINARY:-$BIN}
# Keep every Spark socket on the loopback interface and start no web UI.
export SPARK_LOCAL_IP=127.0.0.1
SPARK=(--master "local[2]" --conf spark.ui.enabled=false --overwrite)

fail() {
  echo "spark test: FAILED: $*" >&2
  exit 1
}
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# --- Tools -----------------------------------------------------------------------------------
command -v java >/dev/null 2>&1 || fail "java is required (Spark 4 needs Java 17 or 21: apt-get install openjdk-17-jre-headless)"
java_major=$(java -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }')
[ "${java_major:-0}" -ge 17 ] || fail "Spark 4 needs Java 17 or later, found ${java_major:-none}"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" || fail "python3 -m venv failed (apt-get install python3-venv)"
fi
PY="$VENV/bin/python"
if ! "$PY" -c "import sys, pyspark; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
  echo "spark test: installing pyspark==$PYSPARK_VERSION into $VENV"
  "$PY" -m pip install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
fi

cargo build --locked --quiet
mkdir -p "$T"

# --- 1. The plumbing: Spark gives every line to exactly one partition, in order, as it is ----
# A small corpus with the awkward cases: CRLF lines, a lone CR inside a line (JSON whitespace,
# which Spark's textFile would take for a line end), blank and whitespace-only lines, lines that
# are far longer than a partition (so some partitions are empty).
cargo run --locked --quiet --example gen_corpus -- --mb 2 --seed 7 --format jsonl --out "$T/corpus.jsonl"
"$PY" - "$T/corpus.jsonl" "$T/edge.jsonl" <<'EOF'
import sys
src, dst = sys.argv[1], sys.argv[2]
with open(src, "rb") as f:
    lines = f.read().split(b"\n")[:24]
out = bytearray()
for i, line in enumerate(lines):
    kind = i % 6
    if kind == 0:
        out += line + b"\r\n"
    elif kind == 1:
        assert line.startswith(b"{")
        out += b"{\r " + line[1:] + b"\n"
    elif kind == 2:
        out += line + b"\n\n"
    elif kind == 3:
        out += line + b"\n \t\r\n"
    elif kind == 4:
        out += b"  " + line + b"\n"
    else:
        out += line + b"\n"
with open(dst, "wb") as f:
    f.write(out)
EOF
echo "spark test: 1. plumbing: cat on every partition of $T/edge.jsonl"
"$PY" "$JOB" "${SPARK[@]}" --binary /bin/cat --map-command cat --input "$T/edge.jsonl" \
  --partitions 48 --work "$T/edge-cat" --out "$T/unused"
parts=$(find "$T/edge-cat" -name 'part-*' | wc -l)
[ "$parts" -eq 48 ] || fail "expected 48 part files, found $parts"
empty=$(find "$T/edge-cat" -name 'part-*' -empty | wc -l)
[ "$empty" -gt 0 ] || fail "no partition was empty: the check of empty partitions did not run"
cat "$T"/edge-cat/part-* | cmp - "$T/edge.jsonl" \
  || fail "the part files of $T/edge-cat put together differ from $T/edge.jsonl"
echo "spark test: 1. ok: $parts partitions ($empty empty) give back the corpus byte for byte"
if [ "${SPARK_TEST_PLUMBING_ONLY:-}" = 1 ]; then
  echo "spark test: SPARK_TEST_PLUMBING_ONLY=1: stopping here"
  exit 0
fi
"$JOB_BIN" map --help >/dev/null 2>&1 || fail "$JOB_BIN has no \`map\` subcommand"

# --- 2. and 3. map in Spark + reduce == analyze ------------------------------------------------
# compare_csvs A B: every *.csv of A is in B, byte for byte, and B has no other.
compare_csvs() {
  local a=$1 b=$2 n=0 f
  while IFS= read -r f; do
    [ -f "$b/$f" ] || fail "$b/$f is missing (analyze wrote $a/$f)"
    if ! cmp -s "$a/$f" "$b/$f"; then
      echo "spark test: $f differs; first differences (< analyze, > spark):" >&2
      diff "$a/$f" "$b/$f" | head -n 20 >&2 || true
      fail "$f differs between $a and $b"
    fi
    n=$((n + 1))
  done < <(cd "$a" && find . -name '*.csv' | sed 's|^\./||' | sort)
  [ "$n" -gt 0 ] || fail "analyze wrote no CSV in $a"
  local extra
  extra=$(comm -13 <(cd "$a" && find . -name '*.csv' | sort) <(cd "$b" && find . -name '*.csv' | sort))
  [ -z "$extra" ] || fail "$b has CSVs that analyze did not write: $extra"
  echo "spark test: $n CSV files identical ($a vs $b)"
}

# run_case NAME CORPUS PARTITIONS ANALYSIS_OPTIONS... -- REPORT_OPTIONS... -- JOB_OPTIONS...
# (analysis and report options go to analyze and to the job; job options to the job only)
run_case() {
  local name=$1 corpus=$2 partitions=$3
  shift 3
  local analysis=() report=() job=()
  while [ "$1" != -- ]; do analysis+=("$1"); shift; done
  shift
  while [ $# -gt 0 ] && [ "$1" != -- ]; do report+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  job=("$@")
  local t0 t1 t2
  t0=$(now)
  # Run analyze from an empty folder, as the job runs map and reduce, so neither picks up a
  # ./lexicons folder: both use the embedded data.
  mkdir -p "$T/cwd"
  (cd "$T/cwd" && "$BIN" analyze "$ROOT/$corpus" --out "$ROOT/$T/$name-analyze" \
    --quiet "${analysis[@]}" "${report[@]}")
  t1=$(now)
  "$PY" "$JOB" "${SPARK[@]}" --binary "$JOB_BIN" --input "$corpus" --partitions "$partitions" \
    --work "$T/$name-work" --out "$T/$name-spark" "${analysis[@]}" "${report[@]}" "${job[@]}"
  t2=$(now)
  local parts
  parts=$(find "$T/$name-work" -name 'part-*' | wc -l)
  [ "$parts" -gt 1 ] || fail "$name: Spark wrote $parts part file(s); the test needs more than one"
  compare_csvs "$T/$name-analyze" "$T/$name-spark"
  echo "spark test: $name: analyze $(seconds "$t0" "$t1") s; Spark job ($parts partitions, local[2], JVM start included) $(seconds "$t1" "$t2") s"
}

echo "spark test: 2. the 2 MB corpus in 4 partitions"
run_case main "$T/corpus.jsonl" 4 --seed 5 -- --no-charts --wide -- --map-threads 1
echo "spark test: 3. the edge corpus in 48 partitions (empty ones included), other options"
run_case edge "$T/edge.jsonl" 48 --bootstrap 300 --roles official,expert --lexicons "$ROOT/lexicons" \
  -- --no-charts --period day --compare France,China --excel
echo "spark test: all checks passed"
