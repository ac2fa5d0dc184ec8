#!/usr/bin/env bash
# Runs the benchmarks of docs/benchmarks.md (never part of the test run) and prints their results in Markdown;
# the same text is written to bench/target/work/result.md.
#   bench/run.sh                      all: cold start, warm latency, staff list at 200,000 cases
#   bench/run.sh coldstart --rounds 11
#   bench/run.sh warm --iterations 1000
#   bench/run.sh scale --cases 200000
#   bench/run.sh reports --levels 50000,200000 --towns 50 --per-town 4000   (each job in a JVM with -Xmx256m)
#   bench/run.sh load --items 50000 --puts 5000
#   bench/run.sh attachments --attachment-rounds 3   (a 40-MP JPEG through the file checks, Lambda flags for 512 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f infra/dynalite/node_modules/dynalite/cli.js ]; then
  (cd infra/dynalite && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  echo "bench: building (mvn package -DskipTests)…" >&2
  mvn -B -q -DskipTests package -pl bench,batch -am >&2
fi
exec java -Xmx2g -Dbanshi.root="$PWD" -cp "bench/target/classes:testkit/target/classes:$(cat bench/target/bench.classpath)" cn.banshi.bench.Bench "$@"
