#!/usr/bin/env bash
# Builds apigw-advisor for release (as installed: Swift runtime linked statically; and the default
# dynamic build for comparison) and runs the apigw-bench benchmark. Prints a Markdown table of
# medians and min-max with the machine and its load; docs/benchmarks.md explains the figures.
#
# usage: scripts/bench.sh [--quick] [--no-build] [--no-static] [--nopie] [--output FILE] [-- APIGW-BENCH ARGS...]
#   --quick      fewer runs (about a minute and a half instead of about four)
#   --no-build   use the binaries already built
#   --no-static  skip the static build and its figures
#   --nopie      also build and time a static, non-PIE binary (see docs/benchmarks.md)
#   --output F   also write the table to F
#   -- ARGS      passed to apigw-bench, e.g. -- --only scale (issue 12's 500 and 5,000 services)
# Peers (dialog, whiptail, kconfig-frontends from Debian; cookiecutter from PyPI) are used when
# installed and reported as "not installed" otherwise; this script does not install them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

build=1 static=1 nopie=0
bench_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) bench_args+=(--quick) ;;
    --no-build) build=0 ;;
    --no-static) static=0 ;;
    --nopie) nopie=1 ;;
    --output) bench_args+=(--output "$2"); shift ;;
    --) shift; bench_args+=("$@"); break ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument $1 (see --help)" >&2; exit 64 ;;
  esac
  shift
done

# Own build folders, so a benchmark never races another build for .build.
if [ $build = 1 ]; then
  swift build -c release --scratch-path .build-bench --product apigw-bench
  swift build -c release --scratch-path .build-bench --product apigw-advisor
  if [ $static = 1 ]; then
    swift build -c release --static-swift-stdlib --scratch-path .build-bench-static --product apigw-advisor
  fi
  if [ $nopie = 1 ]; then
    swift build -c release --static-swift-stdlib --scratch-path .build-bench-nopie --product apigw-advisor \
      -Xswiftc -Xclang-linker -Xswiftc -no-pie
  fi
fi

binaries=()
[ $static = 1 ] && binaries+=(--binary "static=.build-bench-static/release/apigw-advisor")
[ $nopie = 1 ] && binaries+=(--binary "static, no PIE=.build-bench-nopie/release/apigw-advisor")
binaries+=(--binary "dynamic=.build-bench/release/apigw-advisor")

echo "swift: $(swift --version 2>&1 | head -1)" >&2
exec .build-bench/release/apigw-bench "${binaries[@]}" ${bench_args[@]+"${bench_args[@]}"}
