#!/usr/bin/env bash
# Regenerates the Kiota client for the Argo Server REST API.
# Usage: scripts/generate-argo-client.sh [path/to/argo/swagger.json]
# The spec is not part of this repository; the default is the shared reference copy beside the checkout.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
spec="${1:-$root/../shared/reference/argo/swagger.json}"
[ -f "$spec" ] || { echo "Argo swagger.json not found at '$spec'; pass its path as the first argument." >&2; exit 2; }
out="$root/src/Agent.Core/Executors/Argo/Generated"
cd "$root"
dotnet tool restore >/dev/null
rm -rf "$out"
dotnet kiota generate \
  --language CSharp \
  --openapi "$spec" \
  --output "$out" \
  --class-name ArgoApiClient \
  --namespace-name Agent.Core.Executors.Argo.Generated \
  --include-path '/api/v1/workflows/**' \
  --include-path '/api/v1/workflow-templates/**' \
  --include-path '/api/v1/cron-workflows/**' \
  --include-path '/api/v1/workflow-events/**' \
  --include-path '/api/v1/info' \
  --include-path '/api/v1/version' \
  --type-access-modifier Internal \
  --exclude-backward-compatible \
  --clean-output \
  --log-level Warning
# The lock file records the spec path; keep it relative so the file does not name this machine.
sed -i "s#\"descriptionLocation\": \".*\"#\"descriptionLocation\": \"../shared/reference/argo/swagger.json\"#" "$out/kiota-lock.json"
echo "Generated $(find "$out" -name '*.cs' | wc -l) files in ${out#$root/}"
