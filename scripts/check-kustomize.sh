#!/usr/bin/env bash
# deploy/kubernetes renders with `kubectl kustomize` and holds every object the agent's deployment needs, including
# the ingestion pods' own service account and Role, wired to INGESTION_SERVICE_ACCOUNT_NAME.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v kubectl >/dev/null || { echo "check-kustomize: kubectl missing: apt-get install -y kubernetes-client" >&2; exit 1; }
rendered="$(mktemp)"
trap 'rm -f "$rendered"' EXIT
kubectl kustomize deploy/kubernetes > "$rendered"

status=0
fail() { echo "check-kustomize: $*" >&2; status=1; }

# One rendered object (kind, metadata.name) as text: kustomize prints metadata.name at two spaces' indent.
object() {
  awk -v kind="$1" -v name="$2" '
    /^---$/ { if (k && n) printf "%s", doc; doc = ""; k = 0; n = 0; next }
    { doc = doc $0 "\n" }
    $0 == "kind: " kind { k = 1 }
    $0 == "  name: " name { n = 1 }
    END { if (k && n) printf "%s", doc }' "$rendered"
}

for kind in ServiceAccount Role RoleBinding ConfigMap Secret Deployment Service ServiceMonitor PrometheusRule; do
  grep -q "^kind: $kind$" "$rendered" || fail "no $kind in the rendered output"
done
grep -q '^  name: hybrid-ingestion-agent-dashboard$' "$rendered" || fail "no dashboard ConfigMap in the rendered output"

# The ingestion pods' account: the ConfigMap names it, it exists, and a RoleBinding gives it the ingestion Role.
ingestion_sa="$(object ConfigMap hybrid-ingestion-agent | awk '$1 == "INGESTION_SERVICE_ACCOUNT_NAME:" { print $2 }')"
if [ -z "$ingestion_sa" ]; then
  fail "the ConfigMap sets no INGESTION_SERVICE_ACCOUNT_NAME"
else
  [ -n "$(object ServiceAccount "$ingestion_sa")" ] || fail "INGESTION_SERVICE_ACCOUNT_NAME=$ingestion_sa, but no such ServiceAccount"
  role="$(object Role hybrid-ingestion-pods)"
  # Argo's executor writes WorkflowTaskResults (create, patch); the Kubernetes secrets manager gets Secrets.
  grep -q 'workflowtaskresults' <<<"$role" && grep -q -- '- create' <<<"$role" && grep -q -- '- patch' <<<"$role" \
    || fail "Role hybrid-ingestion-pods lacks create and patch on workflowtaskresults"
  grep -q -- '- secrets' <<<"$role" && grep -q -- '- get' <<<"$role" || fail "Role hybrid-ingestion-pods lacks get on secrets"
  binding="$(object RoleBinding hybrid-ingestion-pods)"
  grep -q '^  name: hybrid-ingestion-pods$' <<<"$(grep -A3 '^roleRef:' <<<"$binding")" || fail "RoleBinding hybrid-ingestion-pods does not bind Role hybrid-ingestion-pods"
  grep -A4 '^subjects:' <<<"$binding" | grep -q "name: $ingestion_sa$" || fail "RoleBinding hybrid-ingestion-pods does not bind ServiceAccount $ingestion_sa"
fi

[ "$status" -eq 0 ] && echo "check-kustomize: deploy/kubernetes renders ($(grep -c '^kind: ' "$rendered") objects; ingestion pods run as $ingestion_sa)"
exit "$status"
