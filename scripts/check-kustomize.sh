#!/usr/bin/env bash
# Follows the README's "Deploy to a cluster" literally and renders every variant of deploy/kubernetes: the base, each
# overlay, the base with the Prometheus Operator component, and the README's own copy of the example overlay. Each is
# checked offline (no cluster): every object decodes, the Deployment wires the ConfigMap, the Secret the README creates
# and the projected Argo token to ARGO_TOKEN_FILE, the Argo endpoint is https, no placeholder Secret is applied, the
# Prometheus Operator's objects come only with its component, the image tag is the version of Directory.Build.props,
# and the ingestion pods' own account and Role are wired to INGESTION_SERVICE_ACCOUNT_NAME.
# `kubectl apply --dry-run=client` is not used: it needs a cluster to look the kinds up.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v kubectl >/dev/null || { echo "check-kustomize: kubectl missing: apt-get install -y kubectl (1.21 or later)" >&2; exit 1; }
# Components came with kustomize v3.7; kubectl embeds v4 from 1.21 on (Debian's kubernetes-client 1.20 has v2).
kubectl version --client 2>/dev/null | grep -Eq '^Kustomize Version: v([4-9]|[1-9][0-9])\.' \
  || { echo "check-kustomize: kubectl's kustomize is older than v4 (kubectl 1.21): it cannot render the overlays' components" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
variant=""
failures=0
fail() { echo "check-kustomize: $variant: $*" >&2; status=1; failures=$((failures + 1)); }
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)"

# --- The README's block, run as written in a copy of deploy/ ------------------------------------------------------
block="$(awk '/^ *<!-- scripts\/check-kustomize.sh runs this block/ { marked = 1 }
              marked && /^ *```bash$/ { inside = 1; next }
              inside && /^ *```$/ { exit }
              inside { sub(/^   /, ""); print }' README.md)"
[ -n "$block" ] || { echo "check-kustomize: README.md has no block marked for scripts/check-kustomize.sh" >&2; exit 1; }
cp -r deploy "$work/deploy"
printf 'a certificate of the Argo Server\n' > "$work/argo-server-ca.crt"
# `kubectl create` becomes a client-side dry run kept for the checks below; `kubectl apply -k DIR` renders DIR.
created=0
kubectl() {
  local args=("$@")
  case " $* " in
    *" apply -k "*) command kubectl kustomize "${args[-1]}" > "$work/readme-applied.yaml" ;;
    *" create "*) created=$((created + 1)); command kubectl "$@" --dry-run=client -o yaml > "$work/readme-created-$created.yaml" ;;
    *) echo "check-kustomize: README runs 'kubectl $*', which this check cannot follow offline" >&2; return 1 ;;
  esac
}
(cd "$work" && export AUTH_TOKEN=control-plane-token ADMIN_API_KEY=an-admin-key-0123456789 && eval "$block") \
  || { echo "check-kustomize: the README's deploy block failed" >&2; exit 1; }
unset -f kubectl
[ -s "$work/readme-applied.yaml" ] || { echo "check-kustomize: the README's deploy block applies nothing" >&2; exit 1; }

# --- Reading rendered objects: kubectl itself decodes them (annotate --local touches no cluster) -----------------
# jsonpath over the objects of one file.
value() { kubectl annotate --local -f "$1" check-kustomize=1 -o jsonpath="$2"; }
# Splits a rendered stream into objects/<Kind>.<name>.yaml (kustomize separates documents with a bare ---).
split_objects() {
  rm -rf "$work/objects" && mkdir "$work/objects"
  awk -v dir="$work/objects" '/^---$/ { n++; next } { print > (dir "/" n + 0 ".yaml") }' "$1"
  local object
  for object in "$work"/objects/*.yaml; do
    mv "$object" "$work/objects/$(value "$object" '{.kind}.{.metadata.name}').yaml" || return 1
  done
}
# A field of one rendered object, empty when the object or the field is missing.
field() { if [ -f "$work/objects/$1.$2.yaml" ]; then value "$work/objects/$1.$2.yaml" "$3" 2>/dev/null || true; fi; }
has() {
  local object
  for object in "$work/objects/$1".${2:-*}.yaml; do [ -f "$object" ] && return 0; done
  return 1
}
# The object created by the README's `kubectl create` of this kind (Secret, ConfigMap).
readme_created() { grep -l "^kind: $1$" "$work"/readme-created-*.yaml | head -n 1; }

check() {
  local rendered="$1" prometheus_operator="$2"
  failures=0
  split_objects "$rendered" || { fail "kubectl cannot decode the rendered objects"; return 0; }
  for kind in ServiceAccount Role RoleBinding ConfigMap Deployment Service; do
    has "$kind" || fail "no $kind"
  done
  has ConfigMap hybrid-ingestion-agent-dashboard || fail "no dashboard ConfigMap"
  for kind in ServiceMonitor PrometheusRule; do
    if [ "$prometheus_operator" = yes ]; then has "$kind" || fail "no $kind, though the component is in";
    elif has "$kind"; then fail "a $kind without the prometheus-operator component (it needs the Operator's CRDs)"; fi
  done
  if grep -qi 'replace-me' "$rendered"; then fail "a replace-me placeholder would be applied"; fi
  # Only a Secret that Kubernetes fills itself may be applied: the agent's own is created by hand (README).
  local secret
  for secret in "$work"/objects/Secret.*.yaml; do
    [ -f "$secret" ] || continue
    [ "$(value "$secret" '{.type}|{.data}{.stringData}')" = "kubernetes.io/service-account-token|" ] \
      || fail "applies $(basename "$secret" .yaml) with values; create the agent's Secret by hand instead"
  done

  local deployment='Deployment hybrid-ingestion-agent'
  [ "$(field $deployment '{.spec.template.spec.containers[0].envFrom[*].configMapRef.name}|{.spec.template.spec.containers[0].envFrom[*].secretRef.name}')" \
    = "hybrid-ingestion-agent|hybrid-ingestion-agent" ] || fail "envFrom is not the ConfigMap and the Secret hybrid-ingestion-agent"
  has ServiceAccount "$(field $deployment '{.spec.template.spec.serviceAccountName}')" \
    || fail "the Deployment's serviceAccountName is not a rendered ServiceAccount"
  [ "$(field $deployment '{.spec.template.spec.automountServiceAccountToken}')" = false ] || fail "automountServiceAccountToken is not false"
  local image
  image="$(field $deployment '{.spec.template.spec.containers[0].image}')"
  [ "${image##*:}" = "$version" ] || fail "image $image is not tagged $version (Directory.Build.props <Version>)"

  # ARGO_TOKEN_FILE is the argo-token volume's token: <mountPath>/<path of its projected token or Secret key>.
  local endpoint token_file certificate_path mount_path read_only token_path expiration secret_path
  IFS='|' read -r endpoint token_file certificate_path <<<"$(field ConfigMap hybrid-ingestion-agent \
    '{.data.PIPELINE_SERVICE_CLIENT_ENDPOINT}|{.data.ARGO_TOKEN_FILE}|{.data.ARGO_SERVER_CERTIFICATE_PATH}')"
  [[ "$endpoint" == https://* ]] || fail "PIPELINE_SERVICE_CLIENT_ENDPOINT $endpoint is not https (Argo serves TLS by default)"
  IFS='|' read -r mount_path read_only <<<"$(field $deployment \
    '{.spec.template.spec.containers[0].volumeMounts[?(@.name=="argo-token")].mountPath}|{.spec.template.spec.containers[0].volumeMounts[?(@.name=="argo-token")].readOnly}')"
  IFS='|' read -r token_path expiration secret_path <<<"$(field $deployment \
    '{.spec.template.spec.volumes[?(@.name=="argo-token")].projected.sources[0].serviceAccountToken.path}|{.spec.template.spec.volumes[?(@.name=="argo-token")].projected.sources[0].serviceAccountToken.expirationSeconds}|{.spec.template.spec.volumes[?(@.name=="argo-token")].secret.items[0].path}')"
  [ "$read_only" = true ] || fail "the argo-token volume is not mounted read-only"
  if [ -n "$secret_path" ]; then
    [ "$token_file" = "$mount_path/$secret_path" ] || fail "ARGO_TOKEN_FILE $token_file is not the Secret's token at $mount_path/$secret_path"
  else
    [ -n "$token_path" ] && [ "$token_file" = "$mount_path/$token_path" ] || fail "ARGO_TOKEN_FILE $token_file is not the projected token at $mount_path/$token_path"
    [ "${expiration:-0}" -ge 600 ] || fail "projected token expirationSeconds '$expiration' is below Kubernetes' minimum of 600"
  fi
  # A certificate path must lie in a volume the Deployment mounts; remembered for the README's ConfigMap.
  rm -f "$work/certificate-volume"
  if [ -n "$certificate_path" ]; then
    field $deployment '{range .spec.template.spec.containers[0].volumeMounts[*]}{.mountPath}={.name}{"\n"}{end}' \
      | awk -F= -v path="$certificate_path" 'index(path, $1 "/") == 1 { print $2 }' > "$work/certificate-volume"
    [ -s "$work/certificate-volume" ] || fail "ARGO_SERVER_CERTIFICATE_PATH $certificate_path is in no mounted volume"
  fi

  # The ingestion pods' account: the ConfigMap names it, it exists, and a RoleBinding gives it the ingestion Role.
  local ingestion_sa namespace rules
  IFS='|' read -r ingestion_sa namespace <<<"$(field ConfigMap hybrid-ingestion-agent '{.data.INGESTION_SERVICE_ACCOUNT_NAME}|{.data.INGESTION_NAMESPACE}')"
  [ -n "$ingestion_sa" ] && has ServiceAccount "$ingestion_sa" || fail "INGESTION_SERVICE_ACCOUNT_NAME '$ingestion_sa' is no rendered ServiceAccount"
  # Argo's executor writes WorkflowTaskResults (create, patch); the Kubernetes secrets manager gets Secrets.
  rules="$(field Role hybrid-ingestion-pods '{range .rules[*]}{.resources}{.verbs}{";"}{end}')"
  [[ "$rules" == *'["workflowtaskresults"]["create","patch"]'* ]] || fail "Role hybrid-ingestion-pods lacks create and patch on workflowtaskresults"
  [[ "$rules" == *'["secrets"]["get"]'* ]] || fail "Role hybrid-ingestion-pods lacks get on secrets"
  [ "$(field RoleBinding hybrid-ingestion-pods '{.roleRef.name}/{.subjects[0].name}')" = "hybrid-ingestion-pods/$ingestion_sa" ] \
    || fail "RoleBinding hybrid-ingestion-pods does not bind Role hybrid-ingestion-pods to $ingestion_sa"
  [ "$(field Role hybrid-ingestion-agent '{.metadata.namespace}')" = "$namespace" ] || fail "the agent's Role is not in INGESTION_NAMESPACE $namespace"
  if [ "$failures" -eq 0 ]; then
    echo "check-kustomize: $variant renders ($(find "$work/objects" -name '*.yaml' | wc -l) objects; ARGO_TOKEN_FILE $token_file)"
  fi
}

# --- Every variant ----------------------------------------------------------------------------------------------
cd "$work/deploy/kubernetes"
mkdir overlays/.base-with-component
printf 'resources:\n  - ../../base\ncomponents:\n  - ../../components/prometheus-operator\n' > overlays/.base-with-component/kustomization.yaml
for directory in base overlays/.base-with-component overlays/*/; do
  directory="${directory%/}"
  [ "$directory" = overlays/my-agent ] && continue
  variant="$directory"
  kubectl kustomize "$directory" > "$work/rendered.yaml" || { fail "does not render"; continue; }
  # With the component when its kustomization lists it (a commented line does not count).
  component=no
  if grep -Eq '^ *- +\.\./\.\./components/prometheus-operator *$' "$directory/kustomization.yaml"; then component=yes; fi
  check "$work/rendered.yaml" "$component"
done

variant="README deploy block (overlays/my-agent)"
check "$work/readme-applied.yaml" no
secret="$(readme_created Secret)"
configmap="$(readme_created ConfigMap)"
namespace="$(field Deployment hybrid-ingestion-agent '{.metadata.namespace}')"
[ -n "$secret" ] && [ "$(value "$secret" '{.metadata.name}|{.metadata.namespace}')" = "hybrid-ingestion-agent|$namespace" ] \
  || fail "the README creates no Secret hybrid-ingestion-agent in the Deployment's namespace $namespace"
[ -n "$secret" ] && [ -n "$(value "$secret" '{.data.AUTH_TOKEN}')" ] || fail "the README's Secret has no AUTH_TOKEN"
if [ -s "$work/certificate-volume" ]; then
  ca="$(field Deployment hybrid-ingestion-agent "{.spec.template.spec.volumes[?(@.name==\"$(cat "$work/certificate-volume")\")].configMap.name}")"
  [ -n "$configmap" ] && [ "$(value "$configmap" '{.metadata.name}|{.metadata.namespace}')" = "$ca|$namespace" ] \
    || fail "the certificate volume reads ConfigMap '$ca', which the README does not create in $namespace"
fi

[ "$status" -eq 0 ] && echo "check-kustomize: every variant and the README's deploy block check out (image tag $version)"
exit "$status"
