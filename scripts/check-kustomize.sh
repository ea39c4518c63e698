#!/usr/bin/env bash
# Follows the README's "Deploy to a cluster" literally and renders every variant of deploy/kubernetes: the base, each
# overlay, the base with the Prometheus Operator component, and the README's own copy of the example overlay. Each is
# checked offline (no cluster): every object decodes, the Deployment wires the ConfigMap, the Secret the README creates
# and the projected Argo token to ARGO_TOKEN_FILE, the Argo endpoint is https, no placeholder Secret is applied, the
# Prometheus Operator's objects come only with its component, the image tag is the version of Directory.Build.props,
# and the ingestion pods' own account and Role are wired to INGESTION_SERVICE_ACCOUNT_NAME. A variant whose ConfigMap
# sets EXECUTOR_TYPE=simpleK8s (overlays/kubernetes-executor) is checked for the Kubernetes executor instead of Argo:
# no Argo variable, endpoint or volume, the agent's token automounted for in-cluster configuration, and Roles whose
# rules are exactly the allowed set (no wildcard, no ClusterRole) bound to the right accounts.
# Then the same for the gateway (deploy/gateway, README "Server side: the gateway"): the base, the base with the
# postgres component, each overlay and the README's copy of the example overlay; each wires the ConfigMap, the Secret
# and the agents file, probes /health and /ready on the metrics port, runs non-root on a read-only root filesystem, is
# tagged with the version, and keeps its state where GATEWAY_STORE says (SQLite on a claim, one replica; PostgreSQL
# from a Secret, two replicas and a PodDisruptionBudget).
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

# --- The README's blocks, run as written in a copy of deploy/ -----------------------------------------------------
# The fenced bash block after the HTML comment that starts with $1.
readme_block() {
  awk -v marker="$1" 'index($0, marker) && /^ *<!--/ { marked = 1 }
                      marked && /^ *```bash$/ { inside = 1; next }
                      inside && /^ *```$/ { exit }
                      inside { sub(/^   /, ""); print }' README.md
}
# Runs README block $2 in $work: `kubectl create` becomes a client-side dry run kept as $work/$1-created-N.yaml for the
# checks below; `kubectl apply -k DIR` renders DIR into $work/$1-applied.yaml.
run_readme_block() {
  local prefix="$1" block="$2"
  [ -n "$block" ] || { echo "check-kustomize: README.md has no $prefix block marked for scripts/check-kustomize.sh" >&2; exit 1; }
  created=0
  kubectl() {
    local args=("$@")
    case " $* " in
      *" apply -k "*) command kubectl kustomize "${args[-1]}" > "$work/$prefix-applied.yaml" ;;
      *" create "*) created=$((created + 1)); command kubectl "$@" --dry-run=client -o yaml > "$work/$prefix-created-$created.yaml" ;;
      *) echo "check-kustomize: README runs 'kubectl $*', which this check cannot follow offline" >&2; return 1 ;;
    esac
  }
  (cd "$work" && export AUTH_TOKEN=control-plane-token ADMIN_API_KEY=an-admin-key-0123456789 \
     AIRFLOW_PASSWORD=an-airflow-password GATEWAY_ADMIN_API_KEY=a-gateway-admin-key-0123456789 && eval "$block") \
    || { echo "check-kustomize: the README's $prefix block failed" >&2; exit 1; }
  unset -f kubectl
  [ -s "$work/$prefix-applied.yaml" ] || { echo "check-kustomize: the README's $prefix block applies nothing" >&2; exit 1; }
}
cp -r deploy "$work/deploy"
printf 'a certificate of the Argo Server\n' > "$work/argo-server-ca.crt"
cp deploy/gateway/agents.example.yaml "$work/agents.yaml"
run_readme_block readme "$(readme_block '<!-- scripts/check-kustomize.sh runs this block')"
run_readme_block gateway-readme "$(readme_block '<!-- scripts/check-kustomize.sh runs this gateway block')"

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
# The object created by the README's `kubectl create` of this kind (Secret, ConfigMap); $2 names the block (readme).
readme_created() { grep -l "^kind: $1$" "$work/${2:-readme}"-created-*.yaml | head -n 1; }
# Only a Secret that Kubernetes fills itself may be applied: the others are created by hand (README).
no_secret_values() {
  local secret
  if grep -qi 'replace-me' "$1"; then fail "a replace-me placeholder would be applied"; fi
  for secret in "$work"/objects/Secret.*.yaml; do
    [ -f "$secret" ] || continue
    [ "$(value "$secret" '{.type}|{.data}{.stringData}')" = "kubernetes.io/service-account-token|" ] \
      || fail "applies $(basename "$secret" .yaml) with values; create it by hand instead"
  done
}

# A Role's rules as sorted `group|resource|verb` lines (the core group as `core`), one per granted combination.
rbac_triples() {
  field Role "$1" '{range .rules[*]}{.apiGroups}{"\t"}{.resources}{"\t"}{.verbs}{"\n"}{end}' \
    | awk -F'\t' '{ for (i = 1; i <= 3; i++) { gsub(/[][" ]/, "", $i) }
                    ng = split($1, g, ","); nr = split($2, r, ","); nv = split($3, v, ",")
                    if (ng == 0) { ng = 1; g[1] = "" }
                    for (a = 1; a <= ng; a++) for (b = 1; b <= nr; b++) for (c = 1; c <= nv; c++)
                      print (g[a] == "" ? "core" : g[a]) "|" r[b] "|" v[c] }' | LC_ALL=C sort -u
}
# $2 as sorted triples: what Role $1 must grant, no more and no less.
expect_rules() {
  local actual expected
  actual="$(rbac_triples "$1")"
  expected="$(tr ' ' '\n' <<<"$2" | LC_ALL=C sort -u)"
  [ "$actual" = "$expected" ] || fail "Role $1 grants more: [$(comm -23 <(echo "$actual") <(echo "$expected") | tr '\n' ' ')] or less: [$(comm -13 <(echo "$actual") <(echo "$expected") | tr '\n' ' ')] than its allowed set"
  if grep -q '\*' <<<"$actual"; then fail "Role $1 has a wildcard"; fi
}
# The executor's Role (overlays/kubernetes-executor role.yaml): Jobs and CronJobs, pods, pod logs and config Secrets.
kubernetes_executor_rules() {
  # Exactly the calls src/Agent.Core/Executors/Kubernetes makes (KubernetesExecutorOverlayTests lists them too).
  printf 'batch|jobs|create batch|jobs|get batch|jobs|list batch|jobs|watch batch|jobs|patch batch|jobs|delete '
  printf 'batch|cronjobs|create batch|cronjobs|get batch|cronjobs|list batch|cronjobs|patch batch|cronjobs|update batch|cronjobs|delete '
  printf 'core|pods|list core|pods|watch core|pods/log|get core|secrets|create core|secrets|update'
}

# The Kubernetes executor (EXECUTOR_TYPE=simpleK8s): the agent calls the Kubernetes API itself, nothing of Argo's.
check_kubernetes_executor() {
  local deployment='Deployment hybrid-ingestion-agent' argo_keys
  argo_keys="$(field ConfigMap hybrid-ingestion-agent '{.data}' | tr ',{}' '\n\n\n' | sed -n 's/^"\(PIPELINE_SERVICE_CLIENT_ENDPOINT\|ARGO_[A-Z_]*\)":.*/\1/p' \
    | grep -v '^ARGO_PIPELINE_TYPE_CONFIGS$\|^ARGO_INGESTION_\(CONTAINER\|WORKFLOW\)_SPEC_FILE_PATH$' || true)"
  [ -z "$argo_keys" ] || fail "EXECUTOR_TYPE simpleK8s, yet the ConfigMap sets $(tr '\n' ' ' <<<"$argo_keys")"
  [ -z "$(field $deployment '{.spec.template.spec.volumes[?(@.name=="argo-token")].name}{.spec.template.spec.volumes[?(@.name=="argo-server-ca")].name}{.spec.template.spec.containers[0].volumeMounts[?(@.mountPath=="/var/run/secrets/argo")].name}')" ] \
    || fail "EXECUTOR_TYPE simpleK8s, yet the Deployment mounts an Argo token or the Argo CA"
  # In-cluster configuration reads the automounted token, CA and namespace (KubernetesClient InClusterConfig).
  [ "$(field $deployment '{.spec.template.spec.automountServiceAccountToken}')" = true ] \
    || fail "EXECUTOR_TYPE simpleK8s without automountServiceAccountToken: true: in-cluster configuration finds no token"
  has ClusterRole && fail "a ClusterRole: the executor needs only its namespace"
  has ClusterRoleBinding && fail "a ClusterRoleBinding: the executor needs only its namespace"
  expect_rules hybrid-ingestion-agent "$(kubernetes_executor_rules)"
  local binding
  binding="$(field RoleBinding hybrid-ingestion-agent '{.roleRef.kind}/{.roleRef.name}|{.subjects[*].kind}/{.subjects[*].name}')"
  [ "$binding" = "Role/hybrid-ingestion-agent|ServiceAccount/$(field $deployment '{.spec.template.spec.serviceAccountName}')" ] \
    || fail "RoleBinding hybrid-ingestion-agent is '$binding', not Role hybrid-ingestion-agent for the agent's ServiceAccount alone"
  # No Argo executor in the pods: only the Kubernetes secrets manager's reads.
  expect_rules hybrid-ingestion-pods 'core|secrets|get'
}

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
  no_secret_values "$rendered"

  local deployment='Deployment hybrid-ingestion-agent'
  [ "$(field $deployment '{.spec.template.spec.containers[0].envFrom[*].configMapRef.name}|{.spec.template.spec.containers[0].envFrom[*].secretRef.name}')" \
    = "hybrid-ingestion-agent|hybrid-ingestion-agent" ] || fail "envFrom is not the ConfigMap and the Secret hybrid-ingestion-agent"
  has ServiceAccount "$(field $deployment '{.spec.template.spec.serviceAccountName}')" \
    || fail "the Deployment's serviceAccountName is not a rendered ServiceAccount"
  local image
  image="$(field $deployment '{.spec.template.spec.containers[0].image}')"
  [ "${image##*:}" = "$version" ] || fail "image $image is not tagged $version (Directory.Build.props <Version>)"

  local executor
  executor="$(field ConfigMap hybrid-ingestion-agent '{.data.EXECUTOR_TYPE}')"
  rm -f "$work/certificate-volume"
  if [ "$executor" = simpleK8s ]; then
    check_kubernetes_executor
  else
    check_argo_executor
  fi

  # The ingestion pods' account: the ConfigMap names it, it exists, and a RoleBinding gives it the ingestion Role.
  local ingestion_sa namespace
  IFS='|' read -r ingestion_sa namespace <<<"$(field ConfigMap hybrid-ingestion-agent '{.data.INGESTION_SERVICE_ACCOUNT_NAME}|{.data.INGESTION_NAMESPACE}')"
  [ -n "$ingestion_sa" ] && has ServiceAccount "$ingestion_sa" || fail "INGESTION_SERVICE_ACCOUNT_NAME '$ingestion_sa' is no rendered ServiceAccount"
  [ "$(field RoleBinding hybrid-ingestion-pods '{.roleRef.name}/{.subjects[0].name}')" = "hybrid-ingestion-pods/$ingestion_sa" ] \
    || fail "RoleBinding hybrid-ingestion-pods does not bind Role hybrid-ingestion-pods to $ingestion_sa"
  [ "$(field Role hybrid-ingestion-agent '{.metadata.namespace}')" = "$namespace" ] || fail "the agent's Role is not in INGESTION_NAMESPACE $namespace"
  if [ "$failures" -eq 0 ]; then
    if [ "$executor" = simpleK8s ]; then
      echo "check-kustomize: $variant renders ($(find "$work/objects" -name '*.yaml' | wc -l) objects; EXECUTOR_TYPE simpleK8s, Role limited to Jobs, CronJobs, pods, pod logs and Secrets)"
    else
      echo "check-kustomize: $variant renders ($(find "$work/objects" -name '*.yaml' | wc -l) objects; ARGO_TOKEN_FILE $(field ConfigMap hybrid-ingestion-agent '{.data.ARGO_TOKEN_FILE}'))"
    fi
  fi
}

# The Argo executor (the default): the agent reaches Argo with a projected token of its account, never the automount.
check_argo_executor() {
  local deployment='Deployment hybrid-ingestion-agent'
  [ "$(field $deployment '{.spec.template.spec.automountServiceAccountToken}')" = false ] || fail "automountServiceAccountToken is not false"

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
  if [ -n "$certificate_path" ]; then
    field $deployment '{range .spec.template.spec.containers[0].volumeMounts[*]}{.mountPath}={.name}{"\n"}{end}' \
      | awk -F= -v path="$certificate_path" 'index(path, $1 "/") == 1 { print $2 }' > "$work/certificate-volume"
    [ -s "$work/certificate-volume" ] || fail "ARGO_SERVER_CERTIFICATE_PATH $certificate_path is in no mounted volume"
  fi

  local rules
  # Argo's executor writes WorkflowTaskResults (create, patch); the Kubernetes secrets manager gets Secrets.
  rules="$(field Role hybrid-ingestion-pods '{range .rules[*]}{.resources}{.verbs}{";"}{end}')"
  [[ "$rules" == *'["workflowtaskresults"]["create","patch"]'* ]] || fail "Role hybrid-ingestion-pods lacks create and patch on workflowtaskresults"
  [[ "$rules" == *'["secrets"]["get"]'* ]] || fail "Role hybrid-ingestion-pods lacks get on secrets"
}

# --- Every variant ----------------------------------------------------------------------------------------------
# Renders deploy/$1's base, its base with component $2, and each overlay but the README's copy $3, and hands each
# rendered variant to $4 with its directory; $5 prefixes the variant's name in the messages.
each_variant() {
  local tree="$1" component="$2" copy="$3" checker="$4" label="$5" directory
  cd "$work/deploy/$tree"
  mkdir "overlays/.base-with-$component"
  printf 'resources:\n  - ../../base\ncomponents:\n  - ../../components/%s\n' "$component" > "overlays/.base-with-$component/kustomization.yaml"
  for directory in base "overlays/.base-with-$component" overlays/*/; do
    directory="${directory%/}"
    [ "$directory" = "overlays/$copy" ] && continue
    variant="$label$directory"
    kubectl kustomize "$directory" > "$work/rendered.yaml" || { fail "does not render"; continue; }
    "$checker" "$directory"
  done
}
# With the Prometheus Operator component when the kustomization lists it (a commented line does not count).
check_agent_variant() {
  local component=no
  if grep -Eq '^ *- +\.\./\.\./components/prometheus-operator *$' "$1/kustomization.yaml"; then component=yes; fi
  check "$work/rendered.yaml" "$component"
}
each_variant kubernetes prometheus-operator my-agent check_agent_variant ""

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

# --- The gateway ------------------------------------------------------------------------------------------------
check_gateway_variant() { check_gateway "$work/rendered.yaml"; }
check_gateway() {
  local rendered="$1"
  failures=0
  split_objects "$rendered" || { fail "kubectl cannot decode the rendered objects"; return 0; }
  for kind in ServiceAccount ConfigMap Deployment Service; do
    has "$kind" || fail "no $kind"
  done
  no_secret_values "$rendered"

  local deployment='Deployment agent-gateway' container='{.spec.template.spec.containers[0]'
  [ "$(field $deployment "$container.envFrom[*].configMapRef.name}|$container.envFrom[*].secretRef.name}")" = "agent-gateway|agent-gateway" ] \
    || fail "envFrom is not the ConfigMap and the Secret agent-gateway"
  has ServiceAccount "$(field $deployment '{.spec.template.spec.serviceAccountName}')" \
    || fail "the Deployment's serviceAccountName is not a rendered ServiceAccount"
  [ "$(field $deployment '{.spec.template.spec.automountServiceAccountToken}')" = false ] || fail "automountServiceAccountToken is not false"
  local image
  image="$(field $deployment "$container.image}")"
  [ "${image##*:}" = "$version" ] || fail "image $image is not tagged $version (Directory.Build.props <Version>)"
  [ "$(field $deployment "{.spec.template.spec.securityContext.runAsNonRoot}|$container.securityContext.readOnlyRootFilesystem}|$container.securityContext.allowPrivilegeEscalation}")" \
    = "true|true|false" ] || fail "the gateway does not run non-root on a read-only root filesystem without privilege escalation"

  # Ports: the ConfigMap's, the container's named ports, the probes and the Service agree.
  local public_port metrics_port admin_port
  IFS='|' read -r public_port metrics_port admin_port <<<"$(field ConfigMap agent-gateway '{.data.GATEWAY_PORT}|{.data.GATEWAY_METRICS_PORT}|{.data.GATEWAY_ADMIN_PORT}')"
  [ "$(field $deployment "$container.ports[?(@.name==\"http\")].containerPort}|$container.ports[?(@.name==\"metrics\")].containerPort}|$container.ports[?(@.name==\"admin\")].containerPort}")" \
    = "$public_port|$metrics_port|$admin_port" ] || fail "the container ports http, metrics, admin are not GATEWAY_PORT $public_port, GATEWAY_METRICS_PORT $metrics_port, GATEWAY_ADMIN_PORT $admin_port"
  [ "$(field $deployment "$container.livenessProbe.httpGet.path}:$container.livenessProbe.httpGet.port}|$container.readinessProbe.httpGet.path}:$container.readinessProbe.httpGet.port}")" \
    = "/health:metrics|/ready:metrics" ] || fail "the probes are not /health and /ready on the metrics port"
  [ "$(field Service agent-gateway '{range .spec.ports[*]}{.name}={.targetPort};{end}')" = "http=http;metrics=metrics;" ] \
    || fail "Service agent-gateway does not publish exactly the ports http and metrics"

  # GATEWAY_AGENTS_FILE is agents.yaml of the ConfigMap agent-gateway-agents, mounted read-only.
  local agents_file mount_path read_only agents_path
  agents_file="$(field ConfigMap agent-gateway '{.data.GATEWAY_AGENTS_FILE}')"
  IFS='|' read -r mount_path read_only <<<"$(field $deployment "$container.volumeMounts[?(@.name==\"agents\")].mountPath}|$container.volumeMounts[?(@.name==\"agents\")].readOnly}")"
  local agents_configmap
  IFS='|' read -r agents_configmap agents_path <<<"$(field $deployment '{.spec.template.spec.volumes[?(@.name=="agents")].configMap.name}|{.spec.template.spec.volumes[?(@.name=="agents")].configMap.items[?(@.key=="agents.yaml")].path}')"
  [ "$agents_configmap" = agent-gateway-agents ] || fail "the agents volume reads ConfigMap '$agents_configmap', not agent-gateway-agents"
  [ -n "$agents_path" ] && [ "$agents_file" = "$mount_path/$agents_path" ] || fail "GATEWAY_AGENTS_FILE $agents_file is not agents.yaml at $mount_path/$agents_path"
  [ "$read_only" = true ] || fail "the agents volume is not mounted read-only"

  # The store: SQLite on a claim with one replica, or PostgreSQL from a Secret with several and a PodDisruptionBudget.
  local store replicas sqlite_path data_mount claim postgres_secret
  IFS='|' read -r store sqlite_path <<<"$(field ConfigMap agent-gateway '{.data.GATEWAY_STORE}|{.data.GATEWAY_SQLITE_PATH}')"
  replicas="$(field $deployment '{.spec.replicas}')"
  data_mount="$(field $deployment "$container.volumeMounts[?(@.name==\"data\")].mountPath}")"
  claim="$(field $deployment '{.spec.template.spec.volumes[?(@.name=="data")].persistentVolumeClaim.claimName}')"
  postgres_secret="$(field $deployment "$container.env[?(@.name==\"GATEWAY_POSTGRES_CONNECTION\")].valueFrom.secretKeyRef.name}/$container.env[?(@.name==\"GATEWAY_POSTGRES_CONNECTION\")].valueFrom.secretKeyRef.key}")"
  case "$store" in
    sqlite)
      [ "$replicas" = 1 ] || fail "SQLite with $replicas replicas: one database file takes one replica"
      [ "$(field $deployment '{.spec.strategy.type}')" = Recreate ] || fail "SQLite without the Recreate strategy: two pods would open one database"
      [ -n "$claim" ] && has PersistentVolumeClaim "$claim" || fail "the data volume is no rendered PersistentVolumeClaim ('$claim')"
      [ -n "$data_mount" ] && [[ "$sqlite_path" == "$data_mount"/* ]] || fail "GATEWAY_SQLITE_PATH $sqlite_path is not in the data volume ($data_mount)"
      [ "$postgres_secret" = / ] || fail "SQLite, yet GATEWAY_POSTGRES_CONNECTION is set"
      ;;
    postgres)
      [ "${replicas:-1}" -ge 2 ] || fail "PostgreSQL with $replicas replica(s): the point of it is several"
      has PersistentVolumeClaim && fail "PostgreSQL, yet a PersistentVolumeClaim is applied"
      [ -z "$sqlite_path$claim" ] || fail "PostgreSQL, yet GATEWAY_SQLITE_PATH or the claim is still set"
      [ "$postgres_secret" = agent-gateway-postgres/GATEWAY_POSTGRES_CONNECTION ] \
        || fail "GATEWAY_POSTGRES_CONNECTION is not key GATEWAY_POSTGRES_CONNECTION of the Secret agent-gateway-postgres ('$postgres_secret')"
      [ "$(field PodDisruptionBudget agent-gateway '{.spec.minAvailable}|{.spec.selector.matchLabels}')" \
        = "1|$(field $deployment '{.spec.template.metadata.labels}')" ] || fail "no PodDisruptionBudget keeping one of the pods up"
      ;;
    *) fail "GATEWAY_STORE '$store' is neither sqlite nor postgres" ;;
  esac
  if [ "$failures" -eq 0 ]; then
    echo "check-kustomize: $variant renders ($(find "$work/objects" -name '*.yaml' | wc -l) objects; GATEWAY_STORE $store, $replicas replica(s))"
  fi
}

each_variant gateway postgres my-gateway check_gateway_variant "gateway "

variant="README gateway block (overlays/my-gateway)"
check_gateway "$work/gateway-readme-applied.yaml"
secret="$(readme_created Secret gateway-readme)"
configmap="$(readme_created ConfigMap gateway-readme)"
namespace="$(field Deployment agent-gateway '{.metadata.namespace}')"
[ -n "$secret" ] && [ "$(value "$secret" '{.metadata.name}|{.metadata.namespace}')" = "agent-gateway|$namespace" ] \
  || fail "the README creates no Secret agent-gateway in the Deployment's namespace $namespace"
[ -n "$secret" ] && [ -n "$(value "$secret" '{.data.AIRFLOW_PASSWORD}')" ] || fail "the README's Secret has no AIRFLOW_PASSWORD"
[ -n "$configmap" ] && [ "$(value "$configmap" '{.metadata.name}|{.metadata.namespace}')" = "agent-gateway-agents|$namespace" ] \
  && [ -n "$(value "$configmap" '{.data.agents\.yaml}')" ] \
  || fail "the README creates no ConfigMap agent-gateway-agents with agents.yaml in the Deployment's namespace $namespace"

[ "$status" -eq 0 ] && echo "check-kustomize: every variant and the README's deploy blocks check out (image tag $version)"
exit "$status"
