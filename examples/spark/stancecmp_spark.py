#!/usr/bin/env python3
"""Run stancecmp inside Apache Spark: `stancecmp map` on every partition of a JSONL corpus,
`stancecmp reduce` of the partials on the driver.

    python examples/spark/stancecmp_spark.py --binary target/release/stancecmp \
        --input corpus.jsonl --partitions 8 --work /tmp/partials --out report \
        [--master local[2]] [--bootstrap N] [--seed S] [--roles R] [--compare A,B] ...

or the same arguments after `spark-submit [spark options] examples/spark/stancecmp_spark.py`.

For a corpus read in order, the tables of the report are byte for byte those of
`stancecmp analyze corpus.jsonl` with the same options (see examples/spark/README.md).

How the order is kept:
- the input files are listed on the driver and read in name order; each file is cut into
  contiguous byte ranges (Hadoop input splits) that end at a newline, so partition i holds
  the lines after those of partition i-1;
- lines end at "\\n" only (Spark's `textFile` also ends them at a lone "\\r" and drops the
  "\\r" of "\\r\\n"; stancecmp does neither), so `map` reads exactly the bytes of its lines;
- every partition runs one `stancecmp map` process (empty partitions too: they write an empty
  partial) whose output lines stay in order, and `saveAsTextFile` writes partition i to
  part-0000i, which is the order in which `reduce` reads a folder.
"""

import argparse
import os
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time

PARTIAL_MAGIC = '{"stancecmp_partial":'


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Run `stancecmp map` on the partitions of a JSONL corpus in Spark and "
        "`stancecmp reduce` the partials on the driver.",
    )
    p.add_argument("--binary", required=True,
                   help="the stancecmp binary (a path on the driver; shipped to the executors "
                   "with SparkContext.addFile unless --binary-on-executors)")
    p.add_argument("--binary-on-executors", action="store_true",
                   help="do not ship the binary: --binary is a path that exists on every "
                   "executor (a shared file system, a baked image, or a relative name of a file "
                   "shipped with spark-submit --files)")
    p.add_argument("--input", required=True,
                   help="the corpus: a JSONL file, a folder of JSONL files (read in name order, "
                   "names starting with _ or . skipped) or a glob; a local path or any Hadoop "
                   "URI (hdfs://, s3a://, file://)")
    p.add_argument("--partitions", type=int, default=0,
                   help="the number of pieces each input file is cut into (default: Spark's "
                   "default parallelism); a piece is never larger than a file system block, so "
                   "a large file may give more")
    p.add_argument("--work", required=True,
                   help="the folder (local path or Hadoop URI) that receives the partials, one "
                   "part file per partition; it must not exist unless --overwrite")
    p.add_argument("--out", required=True,
                   help="the report folder written by `stancecmp reduce` on the driver")
    p.add_argument("--overwrite", action="store_true",
                   help="remove an existing --work folder first")
    p.add_argument("--master", default=None,
                   help="the Spark master when it is not given by spark-submit "
                   "(default local[*])")
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                   help="a Spark setting (repeatable), as spark-submit --conf")
    p.add_argument("--keep-cwd", action="store_true",
                   help="run map and reduce in the current folder instead of an empty one "
                   "(stancecmp then uses ./lexicons when it exists, as analyze does)")
    # Options of `stancecmp map` (the analysis itself).
    m = p.add_argument_group("passed to `stancecmp map`")
    m.add_argument("--bootstrap", type=int)
    m.add_argument("--seed", type=int)
    m.add_argument("--roles")
    m.add_argument("--lexicons",
                   help="a local folder of data files: shipped to the executors with addFile "
                   "(and given to reduce too)")
    m.add_argument("--id-column")
    m.add_argument("--text-column")
    m.add_argument("--date-column")
    m.add_argument("--map-threads", type=int, metavar="N",
                   help="`--threads N` for every map process (default: one per core of the "
                   "executor's machine)")
    m.add_argument("--no-rows", action="store_true",
                   help="partials without the statement and match rows: much smaller, and "
                   "reduce writes every table but statements.csv and matches.csv")
    m.add_argument("--map-arg", action="append", default=[], metavar="ARG",
                   help="one more argument for `stancecmp map` (repeatable)")
    # Options of `stancecmp reduce` (the output).
    r = p.add_argument_group("passed to `stancecmp reduce`")
    r.add_argument("--compare", action="append", default=[])
    r.add_argument("--period")
    r.add_argument("--wide", action="store_true")
    r.add_argument("--excel", action="store_true")
    r.add_argument("--no-charts", action="store_true")
    r.add_argument("--quiet", action="store_true")
    r.add_argument("--reduce-arg", action="append", default=[], metavar="ARG",
                   help="one more argument for `stancecmp reduce` (repeatable)")
    # For testing the Spark plumbing without stancecmp.
    t = p.add_argument_group("testing")
    t.add_argument("--map-command", metavar="CMD",
                   help="run this command (split like a shell line) on every partition instead "
                   "of `BINARY map ...`, and skip reduce: e.g. `cat` to check that the part "
                   "files put together are the corpus")
    a = p.parse_args(argv)
    if a.partitions < 0:
        p.error("--partitions must be at least 1")
    return a


def die(message):
    print(f"stancecmp_spark: error: {message}", file=sys.stderr)
    sys.exit(1)


def log(message):
    print(f"stancecmp_spark: {message}", file=sys.stderr, flush=True)


def map_args(a, lexicons_name):
    args = ["map", "-"]  # JSONL on standard input
    if a.bootstrap is not None:
        args += ["--bootstrap", str(a.bootstrap)]
    if a.seed is not None:
        args += ["--seed", str(a.seed)]
    if a.roles is not None:
        args += ["--roles", a.roles]
    if lexicons_name is not None:
        args += ["--lexicons", lexicons_name]  # replaced by the executor's path
    for flag in ("id_column", "text_column", "date_column"):
        value = getattr(a, flag)
        if value is not None:
            args += ["--" + flag.replace("_", "-"), value]
    if a.map_threads is not None:
        args += ["--threads", str(a.map_threads)]
    if a.no_rows:
        args.append("--no-rows")
    return args + a.map_arg


def reduce_args(a, work, out):
    args = ["reduce", work, "--out", out]
    if a.lexicons is not None:
        args += ["--lexicons", os.path.abspath(a.lexicons)]
    for pair in a.compare:
        args += ["--compare", pair]
    if a.period is not None:
        args += ["--period", a.period]
    for flag in ("wide", "excel", "no_charts", "quiet"):
        if getattr(a, flag):
            args.append("--" + flag.replace("_", "-"))
    return args + a.reduce_arg


def check_binary(path):
    """Fail early, on the driver, when the binary is missing or has no `map`."""
    if not os.path.isfile(path):
        die(f"--binary {path}: no such file (build it with `cargo build --release`)")
    if not os.access(path, os.X_OK):
        die(f"--binary {path}: not executable (chmod +x it)")
    try:
        run = subprocess.run([path, "map", "--help"], capture_output=True, timeout=60)
    except OSError as e:
        die(f"--binary {path} does not run on this machine: {e}")
    if run.returncode != 0:
        die(f"--binary {path} has no `map` subcommand (`{path} map --help` exited "
            f"{run.returncode}: {run.stderr.decode('utf-8', 'replace').strip()[:500]}); "
            "it needs a stancecmp with map and reduce")


def make_partition_runner(command, binary, shipped, lexicons_name, keep_cwd):
    """The function run on the executors, one call per partition."""

    def resolve(path_or_name, is_shipped):
        if is_shipped:
            from pyspark import SparkFiles
            return SparkFiles.get(path_or_name)
        return os.path.abspath(path_or_name)

    def run(index, lines):
        argv = list(command)
        if binary is not None:
            exe = resolve(binary, shipped)
            if not os.path.isfile(exe):
                raise RuntimeError(
                    f"partition {index}: the stancecmp binary is not at {exe} on executor "
                    f"{os.uname().nodename} (ship it, or pass a path that exists on every "
                    "executor with --binary-on-executors)")
            if not os.access(exe, os.X_OK):
                try:
                    os.chmod(exe, os.stat(exe).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
                except OSError as e:
                    raise RuntimeError(f"partition {index}: {exe} is not executable: {e}")
            argv = [exe] + argv
        if lexicons_name is not None:
            from pyspark import SparkFiles
            at = argv.index(lexicons_name)
            argv[at] = SparkFiles.get(lexicons_name)
        cwd = None if keep_cwd else tempfile.mkdtemp(prefix="stancecmp-map-")
        err = tempfile.TemporaryFile()
        proc = None
        try:
            try:
                proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=err, cwd=cwd)
            except OSError as e:
                raise RuntimeError(
                    f"partition {index}: cannot start {argv[0]} on executor "
                    f"{os.uname().nodename}: {e} (is it built for this machine? a static "
                    "musl build runs anywhere)")
            feed_error = []

            def feed():
                # Each element is one line without its "\n": give it back exactly.
                try:
                    out = proc.stdin
                    for line in lines:
                        out.write(line.encode("utf-8"))
                        out.write(b"\n")
                except BrokenPipeError:
                    pass  # the process stopped reading: its exit code says why
                except BaseException as e:  # noqa: BLE001 - reported after the process ends
                    feed_error.append(e)
                finally:
                    try:
                        proc.stdin.close()
                    except BrokenPipeError:
                        pass

            feeder = threading.Thread(target=feed, name=f"stancecmp-feed-{index}", daemon=True)
            feeder.start()
            for raw in proc.stdout:
                if raw.endswith(b"\n"):
                    raw = raw[:-1]
                yield raw.decode("utf-8")
            code = proc.wait()
            feeder.join()
            err.seek(0)
            stderr = err.read().decode("utf-8", "replace")
            if stderr:
                # Warnings (line numbers count from the partition's first line) go to the
                # executor's log.
                for line in stderr.splitlines():
                    print(f"stancecmp (partition {index}): {line}", file=sys.stderr)
                sys.stderr.flush()
            if feed_error:
                raise RuntimeError(f"partition {index}: reading the input failed: "
                                   f"{feed_error[0]!r}")
            if code != 0:
                tail = "\n".join(stderr.strip().splitlines()[-20:])
                raise RuntimeError(
                    f"partition {index}: `{shlex.join(argv)}` exited with code {code}"
                    + (f":\n{tail}" if tail else " and printed nothing on stderr"))
        finally:
            # A task that Spark stops early (killed, or its consumer failed) leaves no process.
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait()
            err.close()
            if cwd is not None:
                shutil.rmtree(cwd, ignore_errors=True)

    return run


def task_error(text):
    """The message of our RuntimeError in a Spark failure, without the Java stack."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("RuntimeError: partition "):
            message = [line[len("RuntimeError: "):]]
            for more in lines[i + 1:]:
                if not more.strip() or more.startswith(("\tat ", "Caused by")) or "SQLSTATE" in more:
                    break
                message.append(more)
            return "\n".join(message)
    return lines[-1] if lines else "unknown error"


def hadoop_fs(sc, uri):
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    return path.getFileSystem(sc._jsc.hadoopConfiguration()), path


def list_inputs(sc, uri):
    """The input files in name order, and their total size in bytes."""
    fs, path = hadoop_fs(sc, uri)
    statuses = fs.globStatus(path)
    if statuses is None or len(statuses) == 0:
        die(f"--input {uri}: no such file")
    files = []
    for st in statuses:
        if st.isDirectory():
            for child in fs.listStatus(st.getPath()):
                name = child.getPath().getName()
                if child.isFile() and not name.startswith(("_", ".")):
                    files.append(child)
        else:
            files.append(st)
    files.sort(key=lambda st: st.getPath().toString())
    if not files:
        die(f"--input {uri}: no file in it")
    names = [st.getPath().toString() for st in files]
    for n in names:
        if "," in n:
            die(f"--input: the file name {n} holds a comma, which Hadoop reads as a list")
    return names, sum(st.getLen() for st in files)


def main(argv):
    a = parse_args(argv)
    started = time.monotonic()
    if a.map_command is None:
        check_binary(a.binary)
    if a.lexicons is not None and not os.path.isdir(a.lexicons):
        die(f"--lexicons {a.lexicons}: no such folder")

    from pyspark import SparkConf, SparkContext

    # Start (or, under spark-submit, join) the JVM first, so that SparkConf holds spark-submit's
    # settings (its --master above all) and ours only add to them.
    SparkContext._ensure_initialized()
    conf = SparkConf().setAppName("stancecmp")
    if a.master:
        conf.setMaster(a.master)
    elif not conf.contains("spark.master"):
        conf.setMaster("local[*]")
    master = conf.get("spark.master")
    # The executors' Python must be the driver's (same minor version). In local mode, use the
    # interpreter running this script (e.g. the venv that has pyspark); on a cluster, leave it to
    # spark.pyspark.python or PYSPARK_PYTHON (this path may not exist on the nodes).
    if master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    conf.set("spark.ui.showConsoleProgress", "false")
    for setting in a.conf:
        key, eq, value = setting.partition("=")
        if not eq:
            die(f"--conf {setting}: write KEY=VALUE")
        conf.set(key, value)
    # Plain part files whatever the cluster's defaults: reduce reads them as they are.
    conf.set("spark.hadoop.mapreduce.output.fileoutputformat.compress", "false")
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("WARN")
    try:
        return run_job(sc, a, started)
    finally:
        sc.stop()


def run_job(sc, a, started):
    files, total = list_inputs(sc, a.input)
    pieces = a.partitions or sc.defaultParallelism
    if len(files) > 1:
        log(f"{len(files)} input files, read in name order")

    # Cut every file into byte ranges of at most total/pieces bytes, ending lines at "\n" only.
    split = max(1, -(-total // pieces))
    hconf = {
        "textinputformat.record.delimiter": "\n",
        "mapreduce.input.fileinputformat.split.maxsize": str(split),
        "mapreduce.input.fileinputformat.split.minsize": "1",
        # List the files one by one so the splits follow the order of the paths.
        "mapreduce.input.fileinputformat.list-status.num-threads": "1",
    }
    lines = sc.newAPIHadoopFile(
        ",".join(files),
        "org.apache.hadoop.mapreduce.lib.input.TextInputFormat",
        "org.apache.hadoop.io.LongWritable",
        "org.apache.hadoop.io.Text",
        conf=hconf,
    ).map(lambda kv: kv[1], preservesPartitioning=True)
    n = lines.getNumPartitions()
    if n >= 100000:
        die(f"{n} partitions: part files past part-99999 would not sort in order; use fewer")

    if a.map_command is not None:
        command, binary, shipped = shlex.split(a.map_command), None, False
    else:
        binary = a.binary
        shipped = not a.binary_on_executors
        if shipped:
            sc.addFile(os.path.abspath(a.binary))
            binary = os.path.basename(a.binary)
        command = None
    lexicons_name = None
    if a.lexicons is not None:
        sc.addFile(os.path.abspath(a.lexicons), recursive=True)
        lexicons_name = os.path.basename(os.path.abspath(a.lexicons))
    if command is None:
        command = map_args(a, lexicons_name)
    runner = make_partition_runner(command, binary, shipped, lexicons_name, a.keep_cwd)

    fs, work = hadoop_fs(sc, a.work)
    if fs.exists(work):
        if not a.overwrite:
            die(f"--work {a.work} exists: remove it or pass --overwrite")
        fs.delete(work, True)

    log(f"map: {total} bytes in {n} partitions on {sc.master} -> {a.work}")
    t0 = time.monotonic()
    try:
        lines.mapPartitionsWithIndex(runner, preservesPartitioning=True).saveAsTextFile(a.work)
    except Exception as e:  # noqa: BLE001 - a Py4JJavaError wrapping the task's error
        die("the map stage failed: " + task_error(str(e)))
    map_seconds = time.monotonic() - t0

    parts = sorted(st.getPath().getName() for st in fs.listStatus(work)
                   if not st.getPath().getName().startswith(("_", ".")))
    if len(parts) != n:
        die(f"{a.work} has {len(parts)} part files for {n} partitions")
    log(f"map: {n} partials written in {map_seconds:.1f} s")
    if a.map_command is not None:
        log("--map-command: no reduce")
        print(f"stancecmp_spark: partitions={n} map_seconds={map_seconds:.2f}")
        return 0

    # reduce runs here, on the driver, and reads a local folder: copy remote partials first.
    local_work = None
    if fs.getUri().getScheme() == "file":
        local_work = fs.makeQualified(work).toUri().getPath()
    tmp = None
    if local_work is None:
        tmp = tempfile.mkdtemp(prefix="stancecmp-partials-")
        local_work = os.path.join(tmp, "partials")
        fs.copyToLocalFile(False, work, sc._jvm.org.apache.hadoop.fs.Path(
            "file://" + local_work), True)
    try:
        for name in parts:
            with open(os.path.join(local_work, name), "rb") as f:
                head = f.read(len(PARTIAL_MAGIC))
            if head != PARTIAL_MAGIC.encode():
                die(f"{a.work}/{name} is not a stancecmp partial (it starts {head!r})")
        t1 = time.monotonic()
        out = os.path.abspath(a.out)
        argv = [os.path.abspath(a.binary)] + reduce_args(a, os.path.abspath(local_work), out)
        cwd = None if a.keep_cwd else tempfile.mkdtemp(prefix="stancecmp-reduce-")
        try:
            code = subprocess.call(argv, cwd=cwd)
        finally:
            if cwd is not None:
                shutil.rmtree(cwd, ignore_errors=True)
        reduce_seconds = time.monotonic() - t1
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    if code not in (0, 3):
        die(f"`{shlex.join(argv)}` exited with code {code}")
    if code == 3:
        log("reduce: some input was skipped or repaired (see the warnings of the map tasks)")
    log(f"reduce: {n} partials -> {a.out} in {reduce_seconds:.1f} s")
    print(f"stancecmp_spark: partitions={n} map_seconds={map_seconds:.2f} "
          f"reduce_seconds={reduce_seconds:.2f} total_seconds={time.monotonic() - started:.2f}")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
