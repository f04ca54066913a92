#!/usr/bin/env bash
# Builds a deployment repository with a dozen releases of the Odoo sample (samples/odoo-distribution) and a folder of
# image scan reports, for `policykit metrics`. Every date is fixed, so the metrics come out the same on every machine.
#
#   samples/metrics-demo/build-history.sh [TARGET]      (default: ./metrics-demo-history)
#   policykit metrics TARGET/repo --vulnerabilities TARGET/scans --format markdown
set -euo pipefail

sample="$(cd "$(dirname "$0")/../odoo-distribution" && pwd)"
target="${1:-metrics-demo-history}"
if [ -e "$target" ]; then
  echo "build-history.sh: $target exists; remove it or name another folder" >&2
  exit 2
fi

repo="$target/repo"
scans="$target/scans"
mkdir -p "$repo" "$scans"
repo="$(cd "$repo" && pwd)"

export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
g() { git -C "$repo" -c commit.gpgsign=false -c tag.gpgsign=false "$@"; }

# commit DATE AUTHOR MESSAGE: commits everything, authored and committed a day before the release DATE.
commit() {
  local date who="$2" message="$3"
  date="$(date -u -d "$1 - 1 day" +%Y-%m-%dT%H:%M:%SZ)"
  g add -A
  GIT_AUTHOR_NAME="${who% <*}" GIT_AUTHOR_EMAIL="$(echo "$who" | sed 's/.*<\(.*\)>/\1/')" GIT_AUTHOR_DATE="$date" \
  GIT_COMMITTER_NAME="Release Bot" GIT_COMMITTER_EMAIL="release-bot@acme.example" GIT_COMMITTER_DATE="$date" \
    g commit -q --allow-empty -m "$message"
}

# release DATE TAG: an annotated tag dated DATE (its tagger date is the release time).
release() {
  GIT_COMMITTER_NAME="Release Bot" GIT_COMMITTER_EMAIL="release-bot@acme.example" GIT_COMMITTER_DATE="$1" g tag -a "$2" -m "release $2"
}

priya="Priya Raman <priya.raman@acme.example>"
maria="Maria Lopez <maria.lopez@acme.example>"
jonas="Jonas Berg <jonas.berg@acme.example>"

g init -q -b main
cp "$sample"/*.yaml "$repo"/
# The demo judges each manifest file on its own (per-file reuse by git blob), not the sample's kustomization.
rm -f "$repo/kustomization.yaml"
mkdir -p "$repo/exceptions"
cat > "$repo/policykit.yaml" <<'YAML'
# PolicyKit policy for the acme-distribution Odoo tenants (metrics demo)
packs:
  - name: core
    version: ">=1.0.0 <2.0.0"
  - name: pss
    version: "^1.0"
  - name: secrets
    version: "^2.0"
failOn: critical
environments:
  - name: production
    paths: ["**"]
    failOn: critical
metrics:
  exposureLimits:
    critical: 7d
    high: 14d
  failureWindow: 7d
YAML
cat > "$repo/smtp-relay.yaml" <<'YAML'
apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: smtp-relay
  namespace: odoo-acme
  annotations:
    policykit.io/rotated-at: "2026-06-01"
    policykit.io/rotation-period: 30d
spec:
  template:
    metadata:
      name: smtp-relay
YAML
commit "2026-09-01T09:00:00Z" "$priya" "Import the acme tenant (OPS-101)

Reviewed-by: $jonas"
release "2026-09-01T09:00:00Z" v1.0.0

cat > "$repo/exceptions/redis.yaml" <<'YAML'
exceptions:
  - id: EX-2026-009
    rules: [PK1004]
    scope:
      namespaces: [odoo-acme]
      kinds: [StatefulSet]
      names: [redis]
    owner: Maria Lopez <maria.lopez@acme.example>
    approver: Jonas Berg <jonas.berg@acme.example>
    justification: The memory limit waits for a week of usage data after the 7.2 upgrade.
    ticket: RISK-207
    created: 2026-09-07
    expires: 2026-10-06
YAML
commit "2026-09-08T09:00:00Z" "$maria" "Waive the Redis memory limit until usage data is in (RISK-207)

Approved-by: $jonas"
release "2026-09-08T09:00:00Z" v1.1.0

mkdir -p "$repo/tenants/beta"
sed 's/odoo-acme/odoo-beta/g; s/acme-distribution/beta-wholesale/g' "$sample/odoo-web.yaml" > "$repo/tenants/beta/odoo-web.yaml"
commit "2026-09-15T09:00:00Z" "$priya" "Add the beta-wholesale tenant"
release "2026-09-15T09:00:00Z" v1.2.0

cat > "$repo/support-access.yaml" <<'YAML'
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: support-cluster-admin
subjects:
  - kind: ServiceAccount
    name: support
    namespace: odoo-acme
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
YAML
commit "2026-09-22T09:00:00Z" "$priya" "Grant the support account cluster-admin for the carrier incident (OPS-140)

Reviewed-by: $maria"
grant="$(g rev-parse HEAD)"
release "2026-09-22T09:00:00Z" v1.3.0

export GIT_AUTHOR_NAME="Jonas Berg" GIT_AUTHOR_EMAIL="jonas.berg@acme.example" GIT_AUTHOR_DATE="2026-09-23T15:00:00Z"
export GIT_COMMITTER_NAME="Release Bot" GIT_COMMITTER_EMAIL="release-bot@acme.example" GIT_COMMITTER_DATE="2026-09-23T15:00:00Z"
g revert --no-edit "$grant" > /dev/null
g commit -q --amend -m "Revert the support cluster-admin grant (OPS-141)" -m "This reverts commit $grant." -m "Approved-by: $maria"
unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_COMMITTER_DATE
release "2026-09-23T15:00:00Z" v1.3.1-hotfix

sed -i 's/policykit.io\/rotated-at: "2026-06-01"/policykit.io\/rotated-at: "2026-09-28"/' "$repo/smtp-relay.yaml"
cat >> "$repo/exceptions/redis.yaml" <<'YAML'
  - id: EX-2026-014
    rules: [PK1009, PK2015]
    scope:
      namespaces: [odoo-acme]
      kinds: [StatefulSet]
      names: [redis]
    owner: Maria Lopez <maria.lopez@acme.example>
    approver: Maria Lopez <maria.lopez@acme.example>
    justification: Redis chowns /data as root on start until the non-root image lands (CHG-4802).
    ticket: CHG-4711
    created: 2026-09-29
    expires: 2026-11-15
YAML
commit "2026-09-29T09:00:00Z" "$maria" "Rotate the SMTP relay password; waive Redis root until CHG-4802 (SEC-77)

Reviewed-by: $priya"
release "2026-09-29T09:00:00Z" v1.4.0

digest_a="sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
digest_b="sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
sed -i "s|image: odoo:17.0   #.*|image: odoo:17.0@$digest_a|" "$repo/odoo-worker.yaml"
commit "2026-10-06T09:00:00Z" "$priya" "Pin the worker image by digest (OPS-150)

Reviewed-by: $jonas"
release "2026-10-06T09:00:00Z" v1.5.0

cat > "$repo/priority-class.yaml" <<'YAML'
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: odoo-web-peak
value: 100000
description: Odoo web pods win over batch work during the autumn peak.
YAML
commit "2026-10-13T09:00:00Z" "$priya" "Scale the web tier for the autumn peak (OPS-155)

Reviewed-by: $jonas"
release "2026-10-13T09:00:00Z" v1.6.0

commit "2026-10-20T09:00:00Z" "$jonas" "Release train without manifest changes (OPS-160)

Reviewed-by: $priya"
release "2026-10-20T09:00:00Z" v1.7.0

sed -i "s|odoo:17.0@$digest_a|odoo:17.0@$digest_b|" "$repo/odoo-worker.yaml"
commit "2026-10-27T09:00:00Z" "$priya" "Deploy the patched worker image (SEC-81)

Reviewed-by: $jonas"
release "2026-10-27T09:00:00Z" v1.8.0

sed -i 's/    expires: 2026-11-15/    expires: 2027-02-15/' "$repo/exceptions/redis.yaml"
commit "2026-11-03T09:00:00Z" "$maria" "Renew the Redis root waiver: CHG-4802 slipped

Approved-by: $jonas"
release "2026-11-03T09:00:00Z" v1.9.0

git -C "$repo" rm -q tenants/beta/odoo-web.yaml
mkdir -p "$repo/tenants/beta"
sed 's/odoo-acme/odoo-beta/g; s/acme-distribution/beta-wholesale/g' "$sample/namespace.yaml" > "$repo/tenants/beta/namespace.yaml"
sed 's/odoo-acme/odoo-beta/g; s/acme-distribution/beta-wholesale/g' "$sample/odoo-web.yaml" > "$repo/tenants/beta/odoo-web.yaml"
commit "2026-11-10T09:00:00Z" "$priya" "Give the beta tenant its own namespace with Pod Security labels (OPS-170)

Reviewed-by: $jonas"
release "2026-11-10T09:00:00Z" v2.0.0

commit "2026-11-17T09:00:00Z" "$jonas" "Quarterly access review recorded (AUD-12)

Reviewed-by: $maria"
release "2026-11-17T09:00:00Z" v2.1.0

# Scan reports of the worker image: digest A first without, then with a fix for CVE-2026-1111; digest B is the fix.
# CVE-2026-2222 has a fix from the first scan on (published earlier) and stays in both digests: an open window.
trivy() {
  local file="$1" digest="$2" time="$3" fixed="$4"
  cat > "$scans/$file" <<JSON
{
  "SchemaVersion": 2,
  "CreatedAt": "$time",
  "ArtifactName": "odoo:17.0@$digest",
  "ArtifactType": "container_image",
  "Metadata": { "RepoDigests": ["odoo@$digest"] },
  "Results": [
    {
      "Target": "odoo:17.0 (debian 12.7)",
      "Class": "os-pkgs",
      "Vulnerabilities": [
        { "VulnerabilityID": "CVE-2026-1111", "PkgName": "libxml2", "InstalledVersion": "2.9.14", "FixedVersion": "$fixed", "Severity": "HIGH", "PublishedDate": "2026-09-30T00:00:00Z" },
        { "VulnerabilityID": "CVE-2026-2222", "PkgName": "openssl", "InstalledVersion": "3.0.14", "FixedVersion": "3.0.15", "Severity": "CRITICAL", "PublishedDate": "2026-09-20T00:00:00Z" }
      ]
    }
  ]
}
JSON
}
trivy trivy-odoo-a-2026-10-07.json "$digest_a" "2026-10-07T06:00:00Z" ""
trivy trivy-odoo-a-2026-10-14.json "$digest_a" "2026-10-14T06:00:00Z" "2.9.14+deb12u1"
cat > "$scans/grype-odoo-b-2026-10-26.json" <<JSON
{
  "matches": [
    { "vulnerability": { "id": "CVE-2026-2222", "severity": "Critical", "fix": { "state": "fixed", "versions": ["3.0.15"] } }, "artifact": { "name": "openssl", "version": "3.0.14" } }
  ],
  "source": { "type": "image", "target": { "userInput": "odoo:17.0@$digest_b", "repoDigests": ["odoo@$digest_b"] } },
  "descriptor": { "name": "grype", "version": "0.84.0", "timestamp": "2026-10-26T06:00:00Z" }
}
JSON

# The web tier's image, scanned clean once: without a scan its digest would leave the odoo windows undecided.
cat > "$scans/grype-odoo-web-2026-09-01.json" <<JSON
{
  "matches": [],
  "source": { "type": "image", "target": { "userInput": "odoo:17.0", "repoDigests": ["odoo@sha256:ee1e226c9507810bb036b16f4cf4ab2eb1c7a4d9427675898c51b9347c0caea1"] } },
  "descriptor": { "name": "grype", "version": "0.84.0", "timestamp": "2026-09-01T06:00:00Z" }
}
JSON

echo "built $(g tag | wc -l | tr -d ' ') releases in $repo and $(ls "$scans" | wc -l | tr -d ' ') scan reports in $scans"
