#!/usr/bin/env bash
# Whole-process benchmarks (issue 8): complyctl against the targets, and Checkov / Prowler on
# the same inputs, on this machine. Writes docs/performance.md. Not part of CI's pass/fail:
# run it by hand on a quiet machine.
#
#   scripts/bench.sh            # everything (installs Checkov and Prowler into .bench-venv)
#   BENCH_PEERS=0 scripts/bench.sh   # complyctl only
#   BENCH_RUNS=5 (default)      # runs per scenario; the median is reported
set -euo pipefail
cd "$(dirname "$0")/.."

# RUST_BACKTRACE=1 (set on some dev machines) makes every library error capture a backtrace;
# regorus creates and discards errors while compiling rules, which costs a small scan tens
# of milliseconds. Measure what a user's run costs.
unset RUST_BACKTRACE RUST_LIB_BACKTRACE

RUNS="${BENCH_RUNS:-5}"
PEERS="${BENCH_PEERS:-1}"
WORK="${BENCH_DIR:-target/bench}"
OUT="docs/performance.md"
mkdir -p "$WORK"

cargo build --release --locked --quiet
# CARGO_TARGET_DIR is honoured, so a fresh clone can reuse another checkout's build.
BIN="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/release/complyctl"

# Inputs: real-shaped plans and inventories (scripts/gen_bench.py).
python3 scripts/gen_bench.py plan 10000 "$WORK/plan-10k.json" >/dev/null
"$BIN" --no-config inventory --plan fixtures/plans/media-platform/plan.json -o "$WORK/example-inventory.json"
python3 scripts/gen_bench.py inventory 10000 "$WORK/example-inventory.json" "$WORK/inventory-10k.json" >/dev/null
python3 scripts/gen_bench.py inventory 100000 "$WORK/example-inventory.json" "$WORK/inventory-100k.json" >/dev/null
python3 scripts/gen_bench.py iam 500 "$WORK/iam-500.json" >/dev/null
python3 scripts/gen_bench.py iam 2000 "$WORK/iam-2000.json" >/dev/null

# measure NAME CMD... -> "median_wall_s peak_rss_mib" (median of $RUNS runs; RSS of that run's max)
measure() {
    local name="$1"
    shift
    local walls=() rss=0
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/$name.stderr" || true
        # The last line: time(1) puts "Command exited with non-zero status N" before it.
        read -r wall kb < <(tail -n 1 "$WORK/time.txt")
        walls+=("$wall")
        [ "$kb" -gt "$rss" ] && rss="$kb"
    done
    local median
    median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "$median $((rss / 1024))"
}

declare -A WALL RSS
record() {
    local name="$1"
    shift
    read -r w r < <(measure "$name" "$@")
    WALL[$name]="$w"
    RSS[$name]="$r"
    echo "$name: ${w}s, ${r} MiB" >&2
}

# The compiled-rules cache (docs/ci.md): the runs below load the program one warm-up run
# stored; "cold" runs compile the rules every time, as a first run on a fresh machine does.
rm -rf "$WORK/cache"
mkdir -p "$WORK/cache"
COMPLYCTL_CACHE_DIR="$(cd "$WORK/cache" && pwd)"
export COMPLYCTL_CACHE_DIR
"$BIN" --no-config scan --plan fixtures/plans/media-platform/plan.json --format json >/dev/null || true
COMPLYCTL_CACHE_DIR=off record small_cold "$BIN" --no-config scan --plan fixtures/plans/media-platform/plan.json --format json
record small "$BIN" --no-config scan --plan fixtures/plans/media-platform/plan.json --format json
record plan10k "$BIN" --no-config scan --plan "$WORK/plan-10k.json" --format json
record inv10k "$BIN" --no-config scan --inventory "$WORK/inventory-10k.json" --format json
record inv100k "$BIN" --no-config scan --inventory "$WORK/inventory-100k.json" --format json
record iam500 "$BIN" --no-config scan --inventory "$WORK/iam-500.json" --format json
record iam2000 "$BIN" --no-config scan --inventory "$WORK/iam-2000.json" --format json

checkov_line="not run (BENCH_PEERS=0)"
prowler_line="not run (BENCH_PEERS=0)"
live_line="not run (BENCH_PEERS=0)"
if [ "$PEERS" = "1" ]; then
    VENV=.bench-venv
    if [ ! -x "$VENV/bin/checkov" ] || [ ! -x "$VENV/bin/prowler" ]; then
        python3 -m venv "$VENV"
        "$VENV/bin/pip" install --quiet --disable-pip-version-check checkov prowler "moto[server]==5.2.5"
    fi
    RUNS_SAVED="$RUNS"
    # Checkov takes minutes per run: three runs.
    RUNS=3 record checkov "$VENV/bin/checkov" -f "$WORK/plan-10k.json" --framework terraform_plan \
        --skip-download --quiet -o json
    RUNS="$RUNS_SAVED"
    checkov_line="${WALL[checkov]} s, ${RSS[checkov]} MiB"

    # Live: moto seeded with 500 buckets, 500 users, 200 security groups. complyctl talks to
    # a moto server (--endpoint-url). Prowler cannot be pointed at an endpoint (it builds its
    # STS client for https://sts.REGION.amazonaws.com), so it talks to moto's proxy mode,
    # which answers AWS's own host names (HTTPS_PROXY, with moto's CA trusted), seeded alike.
    free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
    wait_port() { for _ in $(seq 100); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $1), 1)" 2>/dev/null && return 0; sleep 0.2; done; return 1; }
    PORT=$(free_port)
    PROXY_PORT=$(free_port)
    "$VENV/bin/moto_server" -H 127.0.0.1 -p "$PORT" >"$WORK/moto.log" 2>&1 &
    MOTO=$!
    "$VENV/bin/moto_proxy" -H 127.0.0.1 -p "$PROXY_PORT" >"$WORK/moto_proxy.log" 2>&1 &
    MOTO_PROXY=$!
    trap 'kill $MOTO $MOTO_PROXY 2>/dev/null || true' EXIT
    wait_port "$PORT"
    wait_port "$PROXY_PORT"
    export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1
    CA=$("$VENV/bin/python" -c 'import moto.moto_proxy, os; print(os.path.join(os.path.dirname(moto.moto_proxy.__file__), "ca.crt"))')
    via_proxy=(env HTTPS_PROXY="http://127.0.0.1:$PROXY_PORT" AWS_CA_BUNDLE="$CA")
    "$VENV/bin/python" scripts/bench_seed_moto.py "http://127.0.0.1:$PORT"
    "${via_proxy[@]}" "$VENV/bin/python" scripts/bench_seed_moto.py -
    # The same services as Prowler's --services s3 iam ec2.
    RUNS=3 record live "$BIN" --no-config scan --aws --endpoint-url "http://127.0.0.1:$PORT" \
        --region us-east-1 --service iam,s3,ec2 --format json
    rm -rf "$WORK/prowler"
    RUNS=1 record prowler "${via_proxy[@]}" "$VENV/bin/prowler" aws \
        --services s3 iam ec2 --region us-east-1 --no-banner -M json-ocsf -o "$WORK/prowler"
    # A Prowler that could not reach the emulator exits quickly without results: no ratio then.
    if compgen -G "$WORK/prowler/*.ocsf.json" >/dev/null; then
        live_line="${WALL[live]} s vs Prowler ${WALL[prowler]} s"
    else
        live_line="complyctl ${WALL[live]} s; Prowler wrote no results (see $WORK/prowler.stderr): no ratio"
        WALL[prowler]=0
    fi
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }

# docs/performance.md keeps its history: the part above MARK is this run's, generated here;
# the previous run's part moves below MARK under "An earlier bench.sh run", above the notes
# written about it by hand and everything older, which are kept as they are.
MARK='<!-- Everything above this line is written by scripts/bench.sh; the next run moves it below. -->'
HISTORY="$WORK/performance-history.md"
: >"$HISTORY"
if [ -f "$OUT" ] && grep -qxF "$MARK" "$OUT"; then
    {
        echo "## An earlier bench.sh run"
        # The previous run's part without its title line, then what was below MARK.
        awk -v mark="$MARK" 'NR == 1 { next } $0 == mark { skip = 1; next } skip && $0 == "" { skip = 0; next } { skip = 0; print }' "$OUT"
    } >"$HISTORY"
fi
COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if ! git diff --quiet HEAD -- src policies frameworks vendor Cargo.toml Cargo.lock 2>/dev/null; then
    COMMIT="$COMMIT with uncommitted changes"
fi

{
    echo "# Performance"
    echo
    echo "Measured by \`scripts/bench.sh\` on $(date -u +%Y-%m-%d) at $COMMIT: $(nproc) cores ($(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM."
    echo "Median wall time of $RUNS run$([ "$RUNS" = 1 ] || echo s) and the highest peak RSS (\`/usr/bin/time\`), release build,"
    echo "all built-in rules and framework packs, JSON output. Inputs from \`scripts/gen_bench.py\`."
    echo
    echo "| scenario | wall | peak RSS | target |"
    echo "|---|---|---|---|"
    echo "| small plan end to end (example, 50 resource changes) | ${WALL[small]} s | ${RSS[small]} MiB | <= 0.05 s |"
    echo "| the same, without the compiled-rules cache (first run) | ${WALL[small_cold]} s | ${RSS[small_cold]} MiB | |"
    echo "| 10,000-resource plan | ${WALL[plan10k]} s | ${RSS[plan10k]} MiB | >= 100x Checkov, <= 150 MiB |"
    echo "| 10,000-resource inventory | ${WALL[inv10k]} s | ${RSS[inv10k]} MiB | |"
    echo "| 100,000-resource inventory | ${WALL[inv100k]} s | ${RSS[inv100k]} MiB | <= 3 s, <= 1.5 GiB, 100k/10k <= 11 |"
    echo "| IAM, 500 roles and 500 policies (live-shaped) | ${WALL[iam500]} s | ${RSS[iam500]} MiB | |"
    echo "| IAM, 2,000 roles and 2,000 policies | ${WALL[iam2000]} s | ${RSS[iam2000]} MiB | grows linearly |"
    echo
    echo "100k / 10k inventory: $(ratio "${WALL[inv100k]}" "${WALL[inv10k]}")."
    echo "IAM 2,000 / 500 (4x the principals and 4x the policies): $(ratio "${WALL[iam2000]}" "${WALL[iam500]}")."
    echo
    echo "Checkov (\`checkov -f plan-10k.json --framework terraform_plan --skip-download\`): $checkov_line$([ "$PEERS" = "1" ] && echo ';' || echo '.')"
    if [ "$PEERS" = "1" ]; then
        echo "complyctl is $(ratio "${WALL[checkov]}" "${WALL[plan10k]}") faster."
    fi
    echo
    echo "Live (moto, 500 buckets, 500 users, 200 security groups; IAM+S3+EC2): $live_line"
    if [ "$PEERS" = "1" ] && [ "${WALL[prowler]}" != 0 ]; then
        echo "(complyctl $(ratio "${WALL[prowler]}" "${WALL[live]}") faster)."
    fi
    echo
    echo "$MARK"
    if [ -s "$HISTORY" ]; then
        echo
        cat "$HISTORY"
    fi
} >"$OUT.new"
mv "$OUT.new" "$OUT"
echo "wrote $OUT" >&2
