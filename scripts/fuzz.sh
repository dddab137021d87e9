#!/usr/bin/env bash
# A longer run of the seeded mutation fuzzer that `swift test` runs briefly (FuzzTests): the answers
# parser, the rules loader and the generators, with the oracles in Tests/AdvisorCoreTests/Fuzz.
#
#   scripts/fuzz.sh [--seed N] [--runs N] [--answers N] [--rules N] [--out DIR]
#
# Runs seeds N .. N+runs-1 (default 1000, 10 runs), each in its own test process with --answers mutated
# answers files (default 1000) and --rules mutated rules folders (default 100). A process that dies
# (a crash) leaves the input it was on in DIR/crash-SEED.yaml. Prints the figures: inputs tried,
# accepted, located and unlocated errors, hangs, failures and crashes.
set -euo pipefail
cd "$(dirname "$0")/.."
seed=1000 runs=10 answers=1000 rules=100 out=.build/fuzz
while [ $# -gt 0 ]; do
    case "$1" in
        --seed) seed=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --answers) answers=$2; shift 2 ;;
        --rules) rules=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        *) echo "usage: $0 [--seed N] [--runs N] [--answers N] [--rules N] [--out DIR]" >&2; exit 64 ;;
    esac
done
export PATH=/opt/swift/usr/bin:$PATH
mkdir -p "$out"
swift build --build-tests >/dev/null
crashes=0
for ((i = 0; i < runs; i++)); do
    s=$((seed + i))
    rm -f "$out/report-$s.json"
    set +e
    FUZZ_SEED=$s FUZZ_ANSWERS=$answers FUZZ_RULES=$rules FUZZ_REPORT="$out/report-$s.json" FUZZ_CURRENT="$out/current-$s.yaml" \
        swift test --skip-build --filter FuzzTests >"$out/log-$s.txt" 2>&1
    status=$?
    set -e
    if [ ! -f "$out/report-$s.json" ]; then
        crashes=$((crashes + 1))
        cp "$out/current-$s.yaml" "$out/crash-$s.yaml" 2>/dev/null || true
        echo "seed $s: the test process died (status $status); input kept in $out/crash-$s.yaml" >&2
    else
        grep -h "fuzz: " "$out/log-$s.txt" || true
    fi
    rm -f "$out/current-$s.yaml"
done
python3 - "$out" "$crashes" <<'PY'
import glob, json, sys
out, crashes = sys.argv[1], int(sys.argv[2])
reports = [json.load(open(p)) for p in glob.glob(out + "/report-*.json")]
total = lambda k: sum(r[k] for r in reports)
print(f"fuzz total: {len(reports)} run(s), {total('answersInputs')} answers files and {total('rulesInputs')} rules folders tried, "
      f"{total('accepted')} accepted, {total('locatedErrors')} located errors, {total('unlocatedErrors')} unlocated errors, "
      f"{total('hangs')} hangs, {sum(len(r['failures']) for r in reports)} failures, {crashes} crashes, "
      f"slowest input {max([r['slowestMilliseconds'] for r in reports] or [0]):.0f} ms")
for r in reports:
    for f in r["failures"][:5]:
        print(f"  seed {r['seed']}: {f}")
PY
