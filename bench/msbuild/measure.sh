#!/usr/bin/env bash
# Measures what PolicyKit.Build adds to `dotnet build` (docs/performance.md, "PolicyKit.Build inside dotnet build"):
#   1. no-op incremental overhead: the same project built with nothing changed, with and without the package
#      (wall time, and the package's own targets from MSBuild's performance summary);
#   2. the check's cost inside a build: cold (fresh MSBuild process: task load + engine JIT) and warm (the same
#      MSBuild process judging a second project, as a reused build node does).
# The consumer is a typical service: samples/odoo-distribution's manifests (15 files, 40 resources) in deploy/.
# Usage: bench/msbuild/measure.sh [RUNS]   (default 7; medians are reported). Needs the .NET 10 SDK and python3.
set -euo pipefail
runs="${1:-7}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/policykit-msbuild-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
version="0.0.0-bench.$(date -u +%Y%m%d%H%M%S)"
export NUGET_PACKAGES="$work/packages" MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "packing PolicyKit.Build $version ..." >&2
dotnet pack "$repo/src/Build/PolicyKit.Build.csproj" -c Release -o "$work/feed" --artifacts-path "$work/artifacts" \
  -p:Version="$version" -nodeReuse:false > "$work/pack.log" || { cat "$work/pack.log"; exit 1; }

echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"
user_packages="$HOME/.nuget/packages"
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources><add key="bench" value="$work/feed" /></packageSources>
  <fallbackPackageFolders><add key="user" value="$user_packages" /></fallbackPackageFolders>
</configuration>
XML

make_project() { # name, with-package (true/false)
  local dir="$work/$1"
  mkdir -p "$dir/deploy"
  cp -r "$repo/samples/odoo-distribution/." "$dir/deploy/"
  mv "$dir/deploy/policykit.yaml" "$dir/policykit.yaml"
  mv "$dir/deploy/exceptions" "$dir/exceptions"
  rm -f "$dir/deploy/README.md" "$dir/exceptions/README.md"
  # The sample carries deliberate blocking findings; the bench measures a passing service.
  printf 'failOn: none\n' > "$dir/policykit.yaml"
  echo 'namespace Shop; public static class Greeting { public static string Text => "hello"; }' > "$dir/Greeting.cs"
  local reference=""
  if [ "$2" = true ]; then reference="<ItemGroup><PackageReference Include=\"PolicyKit.Build\" Version=\"$version\" PrivateAssets=\"all\" /></ItemGroup>"; fi
  cat > "$dir/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  $reference
</Project>
XML
  dotnet build "$dir" -nodeReuse:false > "$work/$1.first.log" || { tail -20 "$work/$1.first.log"; exit 1; }
}
make_project with true
make_project without false
make_project second true

median() { python3 -c 'import sys,statistics; print(round(statistics.median(float(x) for x in sys.argv[1:])))' "$@"; }
wall_ms() { # project dir: one no-op build, its wall time in ms
  local start end
  start=$(date +%s%N)
  dotnet build "$1" --no-restore -nodeReuse:false > "$work/noop.log"
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

echo "no-op builds ($runs each, alternating) ..." >&2
with_times=(); without_times=(); target_times=()
for _ in $(seq "$runs"); do
  with_times+=("$(wall_ms "$work/with")")
  without_times+=("$(wall_ms "$work/without")")
  dotnet build "$work/with" --no-restore -nodeReuse:false -clp:PerformanceSummary -v:q > "$work/perf.log"
  target_times+=("$(python3 - "$work/perf.log" <<'PY'
import re, sys
total = 0
in_targets = False
for line in open(sys.argv[1]):
    if 'Target Performance Summary' in line: in_targets = True; continue
    if 'Task Performance Summary' in line: in_targets = False
    m = re.match(r'\s*(\d+) ms\s+(\S+)\s+\d+ calls', line)
    if in_targets and m and 'PolicyKit' in m.group(2): total += int(m.group(1))
print(total)
PY
)")
done

echo "cold and warm checks ..." >&2
cold=(); warm=()
cat > "$work/both.proj" <<XML
<Project>
  <Target Name="Build">
    <MSBuild Projects="with/with.csproj;second/second.csproj" Targets="Build" BuildInParallel="false" />
  </Target>
</Project>
XML
task_ms() { # log of a build with -clp:PerformanceSummary: the PolicyKitCheck task's time (loading and JIT included)
  python3 - "$1" <<'PY'
import re, sys
in_tasks = False  # the target PolicyKitCheck is listed too, before the tasks
for line in open(sys.argv[1]):
    if 'Task Performance Summary' in line: in_tasks = True; continue
    m = re.match(r'\s*(\d+) ms\s+PolicyKitCheck\s+\d+ calls', line)
    if in_tasks and m: print(m.group(1)); break
PY
}
for _ in $(seq "$runs"); do
  # Cold: a new MSBuild process loads the task and JIT-compiles the engine.
  rm -f "$work"/with/obj/Debug/net10.0/policykit.stamp
  dotnet build "$work/with" --no-restore -nodeReuse:false -clp:PerformanceSummary -v:q > "$work/cold.log"
  cold+=("$(task_ms "$work/cold.log")")
  # Warm: one MSBuild process (-m:1) checks two projects; the second check runs in the warmed process, as on a
  # reused build node. Its time is the one the task reports in its summary line.
  rm -f "$work"/with/obj/Debug/net10.0/policykit.stamp "$work"/second/obj/Debug/net10.0/policykit.stamp
  dotnet build "$work/both.proj" --no-restore -nodeReuse:false -m:1 -v:n > "$work/both.log"
  warm+=("$(grep -oE 'PolicyKit: .* ([0-9]+) ms$' "$work/both.log" | sed -n 2p | grep -oE '[0-9]+ ms$' | grep -oE '[0-9]+')")
done

cat <<MD
| measure (median of $runs, ms) | value |
|---|---|
| no-op \`dotnet build\`, without PolicyKit.Build | $(median "${without_times[@]}") |
| no-op \`dotnet build\`, with PolicyKit.Build | $(median "${with_times[@]}") |
| PolicyKit targets in the no-op build (MSBuild performance summary) | $(median "${target_times[@]}") |
| \`PolicyKitCheck\` task, cold (new MSBuild process: task load, engine JIT, check) | $(median "${cold[@]}") |
| \`PolicyKitCheck\` task, warm (second project in the same MSBuild process) | $(median "${warm[@]}") |

raw: without ${without_times[*]} · with ${with_times[*]} · targets ${target_times[*]} · cold ${cold[*]} · warm ${warm[*]}
MD
