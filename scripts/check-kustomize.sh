#!/usr/bin/env bash
# deploy/kubernetes renders with `kubectl kustomize` and holds every object the agent's deployment needs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v kubectl >/dev/null || { echo "check-kustomize: kubectl missing: apt-get install -y kubernetes-client" >&2; exit 1; }
rendered="$(mktemp)"
trap 'rm -f "$rendered"' EXIT
kubectl kustomize deploy/kubernetes > "$rendered"

status=0
for kind in ServiceAccount Role RoleBinding ConfigMap Secret Deployment Service ServiceMonitor PrometheusRule; do
  if ! grep -q "^kind: $kind$" "$rendered"; then
    echo "check-kustomize: no $kind in the rendered output" >&2
    status=1
  fi
done
grep -q '^  name: hybrid-ingestion-agent-dashboard$' "$rendered" \
  || { echo "check-kustomize: no dashboard ConfigMap in the rendered output" >&2; status=1; }
[ "$status" -eq 0 ] && echo "check-kustomize: deploy/kubernetes renders ($(grep -c '^kind: ' "$rendered") objects)"
exit "$status"
