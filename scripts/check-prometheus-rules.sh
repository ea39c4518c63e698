#!/usr/bin/env bash
# The PrometheusRule's groups pass `promtool check rules`, and its alerts fire as intended on the series in
# deploy/kubernetes/components/prometheus-operator/prometheusrule-test.yaml (`promtool test rules`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v promtool >/dev/null || { echo "check-prometheus-rules: promtool missing: apt-get install -y prometheus" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A PrometheusRule's spec is a Prometheus rule file: print the block under the top-level "spec:" one level out.
awk '/^spec:/ { inside = 1; next } inside && /^[^ #]/ { inside = 0 } inside { sub(/^  /, ""); print }' \
  deploy/kubernetes/components/prometheus-operator/prometheusrule.yaml > "$work/rules.yaml"
grep -q '^groups:' "$work/rules.yaml" || { echo "check-prometheus-rules: no spec.groups in prometheusrule.yaml" >&2; exit 1; }

promtool check rules "$work/rules.yaml"
cp deploy/kubernetes/components/prometheus-operator/prometheusrule-test.yaml "$work/"
promtool test rules "$work/prometheusrule-test.yaml"
