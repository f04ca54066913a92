#!/usr/bin/env bash
# Builds the incremental-cost benchmark of `policykit metrics`: a repository of TENANTS copies of the Odoo sample
# (about 41 resources each: 250 tenants = 10,250 resources) and RELEASES tagged releases, each changing one tenant's
# web Deployment. Then time the metrics over it (docs/performance.md, "policykit metrics").
#
#   bench/metrics-history.sh TARGET [TENANTS=250] [RELEASES=100]
#   time dotnet src/Gate/bin/Release/net10.0/policykit.dll metrics TARGET --format json --output /dev/null
set -euo pipefail

target="$1"
tenants="${2:-250}"
releases="${3:-100}"
sample="$(cd "$(dirname "$0")/../samples/odoo-distribution" && pwd)"
if [ -e "$target" ]; then
  echo "metrics-history.sh: $target exists" >&2
  exit 2
fi

mkdir -p "$target"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.org GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.org
g() { git -C "$target" -c commit.gpgsign=false "$@"; }

g init -q -b main
cp "$sample/policykit.yaml" "$target/"
# The sample's policy names its provenance trust root and evidence folder; without them every release is a policy error.
cp -r "$sample/provenance" "$target/"
for i in $(seq 1 "$tenants"); do
  mkdir -p "$target/tenants/t$i"
  for file in "$sample"/*.yaml; do
    name="$(basename "$file")"
    [ "$name" = policykit.yaml ] && continue
    sed "s/odoo-acme/odoo-t$i/g; s/acme-distribution/tenant-$i/g" "$file" > "$target/tenants/t$i/$name"
  done
done
g add -A
GIT_AUTHOR_DATE="2026-01-01T00:00:00Z" GIT_COMMITTER_DATE="2026-01-01T00:00:00Z" g commit -q -m "tenants (OPS-1)"
g tag v0

for r in $(seq 1 "$releases"); do
  t=$(( (r % tenants) + 1 ))
  sed -i "s/^  name: odoo-web$/  name: odoo-web\n  annotations: {release: \"$r\"}/" "$target/tenants/t$t/odoo-web.yaml"
  date="$(date -u -d "2026-01-01 + $r hours" +%Y-%m-%dT%H:%M:%SZ)"
  g add -A
  GIT_AUTHOR_DATE="$date" GIT_COMMITTER_DATE="$date" g commit -q -m "release $r (OPS-$r)"
  g tag "v$r"
done

echo "built $(( releases + 1 )) releases of $(find "$target/tenants" -name '*.yaml' | wc -l) files in $target"
