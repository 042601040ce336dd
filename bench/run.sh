#!/usr/bin/env bash
# Runs every benchmark (engine in process, socket server against swtpm, density) with short
# defaults sized for a 2-core machine, and writes bench/results/latest.md. See bench/README.md.
set -euo pipefail

bench="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$bench")"

# Knobs (environment variables); the defaults keep a full run under about 15 minutes.
JAVA="${JAVA:-java}"
SKIP_BUILD="${SKIP_BUILD:-}"
ENGINE_FORKS="${ENGINE_FORKS:-1}"
ENGINE_WARMUPS="${ENGINE_WARMUPS:-2}"
ENGINE_WARMUP="${ENGINE_WARMUP:-1s}"
ENGINE_ITERATIONS="${ENGINE_ITERATIONS:-3}"
ENGINE_MEASURE="${ENGINE_MEASURE:-1s}"
SOCKET_CLIENTS="${SOCKET_CLIENTS:-1,4}"
SOCKET_ROUNDS="${SOCKET_ROUNDS:-2}"
SOCKET_WARMUP="${SOCKET_WARMUP:-1s}"
SOCKET_MEASURE="${SOCKET_MEASURE:-2s}"
SOCKET_WORKLOADS="${SOCKET_WORKLOADS:-}"
SERVER_JVM="${SERVER_JVM:-}"
DENSITY_COUNT="${DENSITY_COUNT:-10000}"
DENSITY_SWTPM="${DENSITY_SWTPM:-100}"
DENSITY_HEAP="${DENSITY_HEAP:-2g}"
SERVER="${SERVER:-1}"
SERVER_CREATES="${SERVER_CREATES:-100}"
SERVER_ATTESTATIONS="${SERVER_ATTESTATIONS:-500}"
SWTPM="${SWTPM:-swtpm}"
OUT="${OUT:-$bench/results/latest.md}"

if [[ -z "$SKIP_BUILD" ]]; then
    if [[ "$SERVER" == 1 ]]; then
        echo "building everything (the server benchmark deploys the EAR) ..." >&2
        (cd "$root" && mvn -B -q install -DskipTests -pl '!src/test')
    else
        echo "building tpm and bench ..." >&2
        (cd "$root" && mvn -B -q -pl tpm,bench -am package -DskipTests)
    fi
fi
jar="$bench/target/benchmarks.jar"
vtpm_jar="$root/tpm/target/vtpm.jar"
for file in "$jar" "$vtpm_jar"; do
    [[ -f "$file" ]] || { echo "missing $file; run without SKIP_BUILD" >&2; exit 1; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/vtpm-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
# Read before the result file is rewritten, which would itself count as a modification.
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
git -C "$root" diff --quiet HEAD 2>/dev/null || commit="$commit (modified)"

echo "engine (JMH) ..." >&2
"$JAVA" -cp "$jar" org.vtpm.bench.engine.EngineBenchmarks \
    forks="$ENGINE_FORKS" warmups="$ENGINE_WARMUPS" warmup="$ENGINE_WARMUP" \
    iterations="$ENGINE_ITERATIONS" measure="$ENGINE_MEASURE" \
    out="$work/engine.md" > "$work/jmh.log" \
    || { tail -n 40 "$work/jmh.log" >&2; exit 1; }

echo "socket: ours against swtpm ..." >&2
"$JAVA" -cp "$jar" org.vtpm.bench.socket.SocketBenchmark \
    clients="$SOCKET_CLIENTS" rounds="$SOCKET_ROUNDS" warmup="$SOCKET_WARMUP" measure="$SOCKET_MEASURE" \
    workloads="$SOCKET_WORKLOADS" vtpmJar="$vtpm_jar" classpath="$jar" serverJvm="$SERVER_JVM" \
    swtpm="$SWTPM" out="$work/socket.md"

echo "density ..." >&2
"$JAVA" -Xmx"$DENSITY_HEAP" -cp "$jar" org.vtpm.bench.density.DensityBenchmark \
    count="$DENSITY_COUNT" swtpmCount="$DENSITY_SWTPM" swtpm="$SWTPM" out="$work/density.md"

: > "$work/server.md"
if [[ "$SERVER" == 1 ]]; then
    echo "server: WildFly with the EAR, on H2 and on PostgreSQL ..." >&2
    (cd "$root" && mvn -B -q verify -pl src/test -Dit.test=ServerBenchmark \
        -Dvtpm.bench.out="$work/server-rows.md" -Dvtpm.bench.creates="$SERVER_CREATES" \
        -Dvtpm.bench.attestations="$SERVER_ATTESTATIONS" \
        -Dfailsafe.failIfNoSpecifiedTests=false -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false) \
        > "$work/server.log" 2>&1 || { tail -n 40 "$work/server.log" >&2; exit 1; }
    { echo "## Server (WildFly 39, the EAR, swtpm as the pTPM; through REST and the EJBs)"; echo;
      cat "$work/server-rows.md"; echo; } > "$work/server.md"
fi

mkdir -p "$(dirname "$OUT")"
{
    echo "# vtpm-manager benchmarks"
    echo
    echo "| machine | |"
    echo "|---|---|"
    echo "| date | $started |"
    echo "| nproc | $(nproc) |"
    echo "| CPU | $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') |"
    echo "| JDK | $("$JAVA" -version 2>&1 | head -n 2 | tr '\n' ' ' | sed 's/ *$//') |"
    echo "| swtpm | $("$SWTPM" --version 2>&1 | head -n 1) |"
    echo "| load average before / after | $load_before / $(cut -d' ' -f1-3 /proc/loadavg) |"
    echo "| commit | $commit |"
    echo
    echo "Targets: every operation at least 1.5x swtpm through the same client and protocol; in-process"
    echo "calls at least 10x the socket path; 10,000 running vTPMs at no more than 50 KB of heap each;"
    echo "a vTPM with an ECC EK created in 5 ms or less (p50). CPU µs/op is the server process's own"
    echo "utime+stime (/proc/<pid>/stat, clock-tick resolution) over the measured rounds, divided by"
    echo "the operations; latencies are client-side round trips."
    echo
    cat "$work/engine.md" "$work/socket.md" "$work/density.md" "$work/server.md"
} > "$OUT"
echo "wrote $OUT" >&2
