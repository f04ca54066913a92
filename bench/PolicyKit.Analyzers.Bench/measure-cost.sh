#!/usr/bin/env bash
# What PolicyKit.Analyzers adds to compile time (docs/performance.md, "Cost in a real build"), measured the way a shared
# machine allows: two generated projects that differ only in the package reference, built in paired, alternating runs
# (base then with, with then base, ...), each a full recompilation by the in-process compiler of a fresh MSBuild process.
# Reports per build the Csc task's wall time (MSBuild performance summary) and the CPU time of the whole build process
# tree (user + system), and their medians and median paired differences.
# Usage: bench/PolicyKit.Analyzers.Bench/measure-cost.sh [RUNS] [FILES]   (default 7 pairs, 300 C# files). Needs python3.
set -euo pipefail
runs="${1:-7}"
files="${2:-300}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/policykit-analyzer-cost.XXXXXX")"
trap 'rm -rf "$work"' EXIT
bench="$repo/bench/PolicyKit.Analyzers.Bench/bin/Release/net10.0/PolicyKit.Analyzers.Bench.dll"
version="0.1.0-cost.$(date -u +%Y%m%d%H%M%S)"

dotnet build "$repo/bench/PolicyKit.Analyzers.Bench" -c Release -nodeReuse:false > "$work/bench-build.log" || { cat "$work/bench-build.log"; exit 1; }
echo "packing PolicyKit.Analyzers $version ..." >&2
dotnet pack "$repo/src/Analyzers.Package" -c Release -o "$work/feed" --artifacts-path "$work/artifacts" -p:Version="$version" \
  -nodeReuse:false > "$work/pack.log" || { cat "$work/pack.log"; exit 1; }
# The generator points the projects at the machine's restored packages (KubernetesClient...) as a feed; the builds get a
# package cache of their own, so no earlier copy of PolicyKit.Analyzers is ever used.
dotnet "$bench" generate "$work/with" "$files" "$work/feed" >&2
dotnet "$bench" generate "$work/base" "$files" >&2
export NUGET_PACKAGES="$work/packages" MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for side in base with; do
  dotnet restore "$work/$side" > "$work/restore-$side.log" || { cat "$work/restore-$side.log"; exit 1; }
done

build() {
  local side=$1 run=$2 log="$work/$1-$2.log"
  /usr/bin/time -f "%U %S %e" -o "$work/$side-$run.time" \
    dotnet build "$work/$side" --no-restore --no-incremental -nodeReuse:false -m:1 -p:UseSharedCompilation=false \
    -clp:PerformanceSummary -v:n > "$log" || { cat "$log"; exit 1; }
  local csc cpu
  csc=$(grep -E '^\s+[0-9]+ ms\s+Csc\s' "$log" | tail -1 | awk '{print $1}')
  cpu=$(awk '{printf "%.2f", $1 + $2}' "$work/$side-$run.time")
  echo "$side $run $csc $cpu $(awk '{print $3}' "$work/$side-$run.time")" | tee -a "$work/results" >&2
}

echo "side run csc_ms cpu_s wall_s" >&2
for run in $(seq "$runs"); do
  if [ $((run % 2)) -eq 1 ]; then build base "$run"; build with "$run"; else build with "$run"; build base "$run"; fi
done

python3 - "$work/results" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
data = {(s, int(r)): (float(c), float(u), float(w)) for s, r, c, u, w in rows}
runs = sorted({r for _, r in data})
def med(xs): return statistics.median(xs)
for i, name in enumerate(["Csc (ms)", "build CPU (s)", "build wall (s)"]):
    base = [data[("base", r)][i] for r in runs]
    with_ = [data[("with", r)][i] for r in runs]
    diffs = [w - b for w, b in zip(with_, base)]
    print(f"| {name} | {med(base):.1f} | {med(with_):.1f} | {med(diffs):+.1f} | {100 * med(diffs) / med(base):+.1f} % |")
PY
