#!/usr/bin/env bash
# Fresh-process comparison of the native gate with a parse-only process (issue 15): a wrapper around the bench's
# --cold mode, which publishes both, alternates them over the sample and the corpus, and prints the Markdown table.
# See bench/README.md, "Cold processes".
#
#   bench/cold-gate.sh [--runs N] [--cold-tenants 25,250,2500] [--gate PATH] [--parse-only PATH] [--max-wait S]
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project bench/PolicyKit.Bench -- --cold "$@"
