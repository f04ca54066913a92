#!/usr/bin/env bash
# Times `policykit check` as users run it: a fresh process per run, every default pack (no policy file), a JSON report
# to a file, over the first N tenants of the bench corpus. Prints wall seconds and peak RSS per run.
#
#   bench/cold-gate.sh GATE TENANTS [RUNS]
#   GATE: a native policykit (dotnet publish src/Gate -c Release -r linux-x64 -o DIR), or "jit" for
#         dotnet <artifacts>/src/Gate/bin/Release/net10.0/policykit.dll
#   The corpus comes from the bench: dotnet run -c Release --project bench/PolicyKit.Bench -- --tenants N ...
set -euo pipefail
gate=$1
tenants=$2
runs=${3:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${POLICYKIT_BENCH_CORPUS:-${TMPDIR:-/tmp}/policykit-bench/corpus-v2-s20240611}
if [ "$gate" = jit ]; then
  command=(dotnet "$root/src/Gate/bin/Release/net10.0/policykit.dll")
else
  command=("$gate")
fi
cd "$corpus"
mapfile -t folders < <(ls -d tenant-* | sort | head -n "$tenants")
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e s %M KB" "${command[@]}" check "${folders[@]}" --format json --output /tmp/policykit-cold.json --fail-on none
done
