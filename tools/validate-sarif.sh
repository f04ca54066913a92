#!/usr/bin/env bash
# Validate SARIF 2.1.0 files with the Microsoft SARIF Multitool.
#
# The multitool comes from the npm registry (@microsoft/sarif-multitool and its
# platform package @microsoft/sarif-multitool-linux, a self-contained linux-x64
# .NET executable: no .NET runtime needed). It is installed once into
#   ${XDG_CACHE_HOME:-$HOME/.cache}/policykit/sarif-multitool
# and reused from there.
#
# For each file the script runs `Sarif.Multitool validate`, reads the SARIF log
# the multitool writes, prints every finding and fails if any finding has level
# "error" (the multitool itself exits 0 whatever it finds, even with
# --rich-return-code, so its exit code cannot be used).
#
# Guard: the multitool 5.7.0 silently reports NOTHING (not even schema errors)
# for a log that its C# object model cannot load, e.g. "level": "fatal",
# "kind": "bogus" or "startLine": "3x". To catch that, each file is validated a
# second time as a "canary" copy whose $schema points at a pre-release schema,
# which always raises SARIF1011 when the file was really analysed. No SARIF1011
# on the canary means the file was skipped, and that is reported as an error.
#
# Usage: tools/validate-sarif.sh [options] FILE.sarif [FILE.sarif ...]
#   --rule-kind KINDS   multitool rule kinds, ';'-separated (default: Sarif;
#                       add Gh for GitHub code scanning rules: "Sarif;Gh")
#   --fail-on-warnings  also fail when a finding has level "warning"
#   --schema FILE       also validate against this JSON schema (draft-07) with
#                       python3's jsonschema module, if it is importable
#   --output-dir DIR    keep the multitool's output logs in DIR
#   -q, --quiet         print only errors and the summary
#   -h, --help          show this help
# Environment:
#   SARIF_MULTITOOL_VERSION  npm version to install (default 5.7.0)
#   SARIF_MULTITOOL          path of an existing Sarif.Multitool to use instead
#   XDG_CACHE_HOME           cache root (default $HOME/.cache)
# Exit codes: 0 all files valid, 1 validation errors, 2 usage or setup failure.

set -euo pipefail

MULTITOOL_VERSION="${SARIF_MULTITOOL_VERSION:-5.7.0}"
CACHE_DIR="${XDG_CACHE_HOME:-${HOME:?HOME is not set}/.cache}/policykit/sarif-multitool"
CANARY_SCHEMA="https://schemastore.azurewebsites.net/schemas/json/sarif-2.1.0-rtm.5.json"

RULE_KIND="Sarif"
FAIL_ON_WARNINGS=0
SCHEMA_FILE=""
OUTPUT_DIR=""
QUIET=0
FILES=()

die() { echo "validate-sarif: $*" >&2; exit 2; }
usage() { sed -n '2,/^# Exit codes/{s/^# \{0,1\}//;p}' "$0"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --rule-kind) [[ $# -ge 2 ]] || die "--rule-kind needs a value"; RULE_KIND="$2"; shift 2 ;;
    --rule-kind=*) RULE_KIND="${1#*=}"; shift ;;
    --fail-on-warnings) FAIL_ON_WARNINGS=1; shift ;;
    --schema) [[ $# -ge 2 ]] || die "--schema needs a value"; SCHEMA_FILE="$2"; shift 2 ;;
    --schema=*) SCHEMA_FILE="${1#*=}"; shift ;;
    --output-dir) [[ $# -ge 2 ]] || die "--output-dir needs a value"; OUTPUT_DIR="$2"; shift 2 ;;
    --output-dir=*) OUTPUT_DIR="${1#*=}"; shift ;;
    -q|--quiet) QUIET=1; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; FILES+=("$@"); break ;;
    -*) die "unknown option: $1 (see --help)" ;;
    *) FILES+=("$1"); shift ;;
  esac
done

[[ ${#FILES[@]} -gt 0 ]] || { usage >&2; exit 2; }
[[ -z "$SCHEMA_FILE" || -f "$SCHEMA_FILE" ]] || die "schema file not found: $SCHEMA_FILE"
[[ -z "$SCHEMA_FILE" ]] || command -v python3 >/dev/null 2>&1 || die "--schema needs python3"
command -v node >/dev/null 2>&1 || die "node is required (it comes with npm)"

log() { [[ $QUIET -eq 1 ]] || echo "$@"; }

# --- install the multitool into the cache (once) -------------------------------
installed_version() {
  local pkg="$CACHE_DIR/node_modules/@microsoft/sarif-multitool-linux/package.json"
  [[ -f "$pkg" ]] || return 0
  node -e 'try{process.stdout.write(String(require(process.argv[1]).version||""))}catch(e){}' "$pkg"
}

install_multitool() {
  command -v npm >/dev/null 2>&1 || die "npm is required to install the SARIF multitool"
  [[ "$(uname -s)" == "Linux" ]] || die "only the Linux build of the multitool is wired up here (uname -s: $(uname -s))"
  [[ "$(uname -m)" == "x86_64" ]] || die "@microsoft/sarif-multitool-linux ships an x86-64 binary only (uname -m: $(uname -m))"
  local parent tmp
  parent="$(dirname "$CACHE_DIR")"
  mkdir -p "$parent"
  tmp="$(mktemp -d "$parent/.sarif-multitool-install.XXXXXX")"
  chmod 755 "$tmp"
  echo "validate-sarif: installing @microsoft/sarif-multitool@$MULTITOOL_VERSION into $CACHE_DIR" >&2
  printf '{ "name": "policykit-sarif-multitool", "version": "1.0.0", "private": true }\n' > "$tmp/package.json"
  # --ignore-scripts: the only install script is `chmod u+x Sarif.Multitool`,
  # done below (npm 11 skips unapproved install scripts anyway).
  if ! (cd "$tmp" && npm install --no-audit --no-fund --ignore-scripts --save-exact --loglevel=error \
          "@microsoft/sarif-multitool@$MULTITOOL_VERSION" \
          "@microsoft/sarif-multitool-linux@$MULTITOOL_VERSION" >&2); then
    rm -rf "$tmp"
    die "npm install of @microsoft/sarif-multitool@$MULTITOOL_VERSION failed"
  fi
  local bin="$tmp/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
  [[ -f "$bin" ]] || { rm -rf "$tmp"; die "the npm package has no Sarif.Multitool binary"; }
  chmod u+x "$bin"
  if ! "$bin" --version >/dev/null 2>&1; then
    rm -rf "$tmp"
    die "Sarif.Multitool does not start on this machine (it needs libicu, or DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1)"
  fi
  rm -rf "$CACHE_DIR"
  mv "$tmp" "$CACHE_DIR"
}

if [[ -n "${SARIF_MULTITOOL:-}" ]]; then
  MULTITOOL="$SARIF_MULTITOOL"
  [[ -x "$MULTITOOL" ]] || die "SARIF_MULTITOOL is not an executable file: $MULTITOOL"
else
  MULTITOOL="$CACHE_DIR/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
  if [[ "$(installed_version)" != "$MULTITOOL_VERSION" || ! -f "$MULTITOOL" ]]; then
    mkdir -p "$(dirname "$CACHE_DIR")"
    if command -v flock >/dev/null 2>&1; then
      # Serialise concurrent installs; re-check once the lock is held.
      exec 9>"$(dirname "$CACHE_DIR")/.sarif-multitool.lock"
      flock 9
      if [[ "$(installed_version)" != "$MULTITOOL_VERSION" || ! -f "$MULTITOOL" ]]; then
        install_multitool
      fi
      flock -u 9
      exec 9>&-
    else
      install_multitool
    fi
  fi
  [[ -x "$MULTITOOL" ]] || chmod u+x "$MULTITOOL"
fi

# --- helpers written to a scratch folder -----------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/validate-sarif.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
if [[ -n "$OUTPUT_DIR" ]]; then mkdir -p "$OUTPUT_DIR"; fi

# make-canary.js IN OUT: copy IN with $schema set to a pre-release schema URI.
cat > "$WORK/make-canary.js" <<'EOF'
const fs = require("fs");
const [, , input, output, schemaUri] = process.argv;
let text = fs.readFileSync(input, "utf8");
if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
let log;
try { log = JSON.parse(text); } catch (e) { process.exit(3); }
if (log === null || typeof log !== "object" || Array.isArray(log)) process.exit(3);
log["$schema"] = schemaUri;
fs.writeFileSync(output, JSON.stringify(log));
EOF

# report.js OUT.sarif INPUT FAIL_ON_WARNINGS QUIET [CANARY_OUT.sarif]
# Prints the findings of one multitool output log; exit 0 ok, 1 errors, 2 tool failure.
cat > "$WORK/report.js" <<'EOF'
const fs = require("fs");
const [, , outPath, input, failOnWarnings, quiet, canaryOut] = process.argv;
const fail = (msg) => { console.error(`${input}: error: ${msg}`); process.exit(2); };
const load = (p) => {
  let t = fs.readFileSync(p, "utf8");
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  return JSON.parse(t);
};
let log;
try { log = load(outPath); } catch (e) { fail(`cannot read the multitool output ${outPath}: ${e.message}`); }
const format = (msg, rule) => {
  if (!msg) return "";
  let text = msg.text;
  if (text === undefined && msg.id && rule && rule.messageStrings && rule.messageStrings[msg.id]) {
    text = rule.messageStrings[msg.id].text;
  }
  if (text === undefined) text = msg.id || "";
  const args = msg.arguments || [];
  return text.replace(/\{(\d+)\}/g, (m, i) => (i < args.length ? args[i] : m));
};
const counts = { error: 0, warning: 0, note: 0, none: 0 };
let toolFailure = false;
for (const run of log.runs || []) {
  const rules = ((run.tool || {}).driver || {}).rules || [];
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const inv of run.invocations || []) {
    const notes = [...(inv.toolExecutionNotifications || []), ...(inv.toolConfigurationNotifications || [])];
    for (const n of notes) {
      const lvl = n.level || "warning";
      const id = (n.descriptor && n.descriptor.id) || "";
      if (lvl === "error") toolFailure = true;
      if (lvl === "error" || quiet !== "1") console.log(`${input}: tool ${lvl} ${id}: ${format(n.message)}`);
    }
    if (inv.executionSuccessful === false) toolFailure = true;
  }
  for (const r of run.results || []) {
    const rule = (typeof r.ruleIndex === "number" && rules[r.ruleIndex]) || byId.get(r.ruleId);
    const level = r.level || (rule && rule.defaultConfiguration && rule.defaultConfiguration.level) || "warning";
    counts[level] = (counts[level] || 0) + 1;
    const pl = (((r.locations || [])[0] || {}).physicalLocation) || {};
    const reg = pl.region || {};
    const pos = reg.startLine ? `(${reg.startLine}${reg.startColumn ? "," + reg.startColumn : ""})` : "";
    if (level === "error" || quiet !== "1") {
      console.log(`${input}${pos}: ${level} ${r.ruleId}${rule && rule.name ? "." + rule.name : ""}: ${format(r.message, rule)}`);
    }
  }
}
if (toolFailure) fail("the multitool reported a tool error (see above)");
if (canaryOut && counts.error === 0) {
  // The canary copy always raises SARIF1011 if the multitool really analysed it.
  let canary;
  try { canary = load(canaryOut); } catch (e) { fail(`cannot read the canary output ${canaryOut}: ${e.message}`); }
  const ids = new Set();
  for (const run of canary.runs || []) for (const r of run.results || []) ids.add(r.ruleId);
  if (!ids.has("SARIF1011")) {
    counts.error += 1;
    console.log(`${input}: error PKV0001.NotAnalyzed: the multitool produced no findings because it could not load this log ` +
      `into its object model (typically a value outside a SARIF enum such as "level": "fatal", or a wrong JSON type ` +
      `such as "startLine": "3x"); validate it against the JSON schema to find the property.`);
  }
}
const failed = counts.error > 0 || (failOnWarnings === "1" && counts.warning > 0);
console.log(`${input}: ${failed ? "FAILED" : "ok"} (${counts.error} error(s), ${counts.warning} warning(s))`);
process.exit(failed ? 1 : 0);
EOF

# schema-check.py SCHEMA FILE: draft-07 validation with python's jsonschema, if available.
cat > "$WORK/schema-check.py" <<'EOF'
import json, sys
try:
    import jsonschema
except ImportError:
    print(f"{sys.argv[2]}: note: python3 jsonschema is not installed; schema check skipped")
    sys.exit(0)
with open(sys.argv[1], encoding="utf-8-sig") as f:
    schema = json.load(f)
try:
    with open(sys.argv[2], encoding="utf-8-sig") as f:
        doc = json.load(f)
except ValueError as e:
    print(f"{sys.argv[2]}: error SCHEMA: not valid JSON: {e}")
    sys.exit(1)
cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
errors = sorted(cls(schema).iter_errors(doc), key=lambda e: list(e.absolute_path))
for e in errors:
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e.absolute_path).lstrip(".") or "(root)"
    print(f"{sys.argv[2]}: error SCHEMA: {path}: {e.message}")
sys.exit(1 if errors else 0)
EOF

# --- validate ----------------------------------------------------------------------
status=0
i=0
for file in "${FILES[@]}"; do
  i=$((i + 1))
  if [[ ! -f "$file" ]]; then
    echo "$file: error: no such file" >&2
    status=2
    continue
  fi
  base="$(basename "$file")"
  out="$WORK/$i.out.sarif"
  canary="$WORK/$i.canary.sarif"
  canary_out="$WORK/$i.canary.out.sarif"

  if ! "$MULTITOOL" validate "$file" --output "$out" --log ForceOverwrite \
        --rule-kind "$RULE_KIND" > "$WORK/$i.log" 2>&1; then
    cat "$WORK/$i.log" >&2
    echo "$file: error: Sarif.Multitool validate failed" >&2
    status=2
    continue
  fi

  canary_arg=()
  if node "$WORK/make-canary.js" "$file" "$canary" "$CANARY_SCHEMA"; then
    if "$MULTITOOL" validate "$canary" --output "$canary_out" --log ForceOverwrite \
          --rule-kind Sarif > "$WORK/$i.canary.log" 2>&1; then
      canary_arg=("$canary_out")
    else
      cat "$WORK/$i.canary.log" >&2
      echo "$file: error: Sarif.Multitool validate failed on the canary copy" >&2
      status=2
      continue
    fi
  fi
  # (make-canary fails only when the file is not a JSON object; the multitool's
  #  JSON0001/JSON1001 error in the main run already covers that case.)

  if [[ -n "$OUTPUT_DIR" ]]; then cp "$out" "$OUTPUT_DIR/${base%.*}.validation.sarif"; fi

  rc=0
  node "$WORK/report.js" "$out" "$file" "$FAIL_ON_WARNINGS" "$QUIET" "${canary_arg[@]}" || rc=$?
  if [[ $rc -eq 2 ]]; then status=2; elif [[ $rc -ne 0 && $status -eq 0 ]]; then status=1; fi

  if [[ -n "$SCHEMA_FILE" ]]; then
    src=0
    python3 "$WORK/schema-check.py" "$SCHEMA_FILE" "$file" || src=$?
    if [[ $src -ne 0 && $status -eq 0 ]]; then status=1; fi
  fi
done

if [[ $status -eq 0 ]]; then
  log "validate-sarif: ${#FILES[@]} file(s) valid"
else
  echo "validate-sarif: validation failed (exit $status)" >&2
fi
exit "$status"
