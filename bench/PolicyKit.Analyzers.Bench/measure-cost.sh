#!/usr/bin/env bash
# What PolicyKit.Analyzers adds to compile time (docs/performance.md, "Cost in a real build"), measured the way a shared
# machine allows. Two generated projects differ only in the package reference; each is built once by `dotnet build`
# (which also shows the analyzers' diagnostics), and the compiler command line of that build is then re-run in paired,
# alternating rounds (base, with, ..., then the other order), so MSBuild's own time and restore stay out of the figure.
# Per run: CPU time (user + system, the figure that load on a shared machine disturbs least) and wall time.
# Optionally a third side: COMPARE_REPO=<another checkout> measures that checkout's package too ("other"), e.g. the
# commit before a change. One extra run with /reportanalyzer prints the per-analyzer times of the "with" package.
# Usage: [COMPARE_REPO=DIR] bench/PolicyKit.Analyzers.Bench/measure-cost.sh [ROUNDS] [FILES]   (default 5, 300)
set -euo pipefail
rounds="${1:-5}"
files="${2:-300}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/policykit-analyzer-cost.XXXXXX")"
trap 'rm -rf "$work"' EXIT
bench="$repo/bench/PolicyKit.Analyzers.Bench/bin/Release/net10.0/PolicyKit.Analyzers.Bench.dll"
stamp="$(date -u +%Y%m%d%H%M%S)"

dotnet build "$repo/bench/PolicyKit.Analyzers.Bench" -c Release -nodeReuse:false > "$work/bench-build.log" || { cat "$work/bench-build.log"; exit 1; }
sides=(base with)
pack() { # pack REPO FEED
  dotnet pack "$1/src/Analyzers.Package" -c Release -o "$2" --artifacts-path "$2.artifacts" -p:Version="0.1.0-cost.$stamp" \
    -nodeReuse:false > "$2.log" || { cat "$2.log"; exit 1; }
}
echo "packing PolicyKit.Analyzers ..." >&2
pack "$repo" "$work/feed-with"
# The generator points the projects at the machine's restored packages (KubernetesClient...) as a feed; the builds get a
# package cache of their own, so no earlier copy of PolicyKit.Analyzers is ever used.
dotnet "$bench" generate "$work/with" "$files" "$work/feed-with" >&2
dotnet "$bench" generate "$work/base" "$files" >&2
if [ -n "${COMPARE_REPO:-}" ]; then
  pack "$COMPARE_REPO" "$work/feed-other"
  dotnet "$bench" generate "$work/other" "$files" "$work/feed-other" >&2
  sides+=(other)
fi

export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
csc=""
for side in "${sides[@]}"; do
  # One package cache per side: "with" and "other" carry the same package version.
  NUGET_PACKAGES="$work/packages-$side" dotnet build "$work/$side" -nodeReuse:false -m:1 -p:UseSharedCompilation=false -v:n \
    > "$work/build-$side.log" || { cat "$work/build-$side.log"; exit 1; }
  line="$(grep -m1 -E '/Roslyn/bincore/csc ' "$work/build-$side.log")"
  csc="$(echo "$line" | sed -E 's#^\s*(\S*/Roslyn/bincore/csc) .*#\1#').dll"
  echo "$line" | sed -E 's#^\s*\S*/Roslyn/bincore/csc ##; s#/noconfig ##' > "$work/$side.rsp"
  echo "$side: $(grep -c -E ': warning PK[0-9]{4}' "$work/build-$side.log" || true) PolicyKit warning lines in its build" >&2
done

run() { # run SIDE ROUND
  (cd "$work/$1" && /usr/bin/time -f "%U %S %e" -o "$work/$1-$2.time" dotnet exec "$csc" /noconfig "@$work/$1.rsp" > "$work/$1-$2.log") \
    || { cat "$work/$1-$2.log"; exit 1; }
  echo "$1 $2 $(awk '{printf "%.2f %.2f", $1 + $2, $3}' "$work/$1-$2.time")" | tee -a "$work/results" >&2
}

echo "side round cpu_s wall_s" >&2
for round in $(seq "$rounds"); do
  order=("${sides[@]}")
  if [ $((round % 2)) -eq 0 ]; then order=($(printf '%s\n' "${sides[@]}" | tac)); fi
  for side in "${order[@]}"; do run "$side" "$round"; done
done

(cd "$work/with" && dotnet exec "$csc" /noconfig "@$work/with.rsp" /reportanalyzer > "$work/report.log") || true
echo "per-analyzer times of one compilation (/reportanalyzer, summed over the compiler's threads):"
grep -E "Total analyzer execution time|PolicyKit|NetAnalyzers|Generators" "$work/report.log" | sed -E 's/\s+/ /g' | head -30

python3 - "$work/results" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
data = {(s, int(r)): (float(c), float(w)) for s, r, c, w in rows}
sides = sorted({s for s, _ in data}, key=["base", "with", "other"].index)
rounds = sorted({r for _, r in data})
print("| compiler run | CPU s (median) | wall s (median) | CPU vs base (median of paired differences) | wall vs base |")
print("|---|---|---|---|---|")
for side in sides:
    cpu = [data[(side, r)][0] for r in rounds]
    wall = [data[(side, r)][1] for r in rounds]
    base_cpu = [data[("base", r)][0] for r in rounds]
    base_wall = [data[("base", r)][1] for r in rounds]
    dcpu = statistics.median([c - b for c, b in zip(cpu, base_cpu)])
    dwall = statistics.median([w - b for w, b in zip(wall, base_wall)])
    rel = lambda d, b: f"{d:+.2f} s ({100 * d / statistics.median(b):+.1f} %)"
    print(f"| {side} | {statistics.median(cpu):.2f} | {statistics.median(wall):.2f} | {rel(dcpu, base_cpu) if side != 'base' else '—'} | {rel(dwall, base_wall) if side != 'base' else '—'} |")
PY
