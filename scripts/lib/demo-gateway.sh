#!/usr/bin/env bash
# scripts/demo.sh --gateway: the demo with the gateway (src/Agent.Gateway) between OpenMetadata and the agent. Builds,
# starts the sandbox (Argo Server and OpenMetadata emulators), the gateway (SQLite in a temp folder, an agents file
# admitting one agent by the sha256 of a token generated here) and the agent dialling the gateway with that token, then
# acts as OpenMetadata's AirflowRESTClient with curl: health-auth, deploy of the sandbox's mysql_prod metadata pipeline
# (scripts/gateway-demo/deploy-mysql_prod_metadata.json, the contract fixture with its OpenMetadata connection filled in
# here), trigger, status until the run is success, and the first lines of its log through last_dag_logs.
# Same ownership checks as the plain demo (scripts/lib/demo-checks.sh): ports free first, processes alive, and the
# agent on the gateway is the one started here. --hold SECONDS keeps everything up.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=demo-checks.sh
source "$root/scripts/lib/demo-checks.sh"
# shellcheck source=demo-steps.sh
source "$root/scripts/lib/demo-steps.sh"
hold=0
if [ "${1:-}" = "--hold" ]; then hold="${2:?--hold needs a number of seconds}"; fi
sandbox_port="${SANDBOX_PORT:-18080}"
gateway_port="${GATEWAY_PORT:-18081}"
gateway_metrics_port="${GATEWAY_METRICS_PORT:-18989}"
gateway_admin_port="${GATEWAY_ADMIN_PORT:-18587}"
metrics_port="${METRICS_SERVER_PORT:-8989}"
admin_port="${ADMIN_SERVER_PORT:-8585}"
agent_id="${AGENT_ID:-demo-agent}"
dag_id="mysql_prod_metadata"
sandbox="http://127.0.0.1:${sandbox_port}"
gateway="http://127.0.0.1:${gateway_port}"
gateway_admin="http://127.0.0.1:${gateway_admin_port}"
admin="http://127.0.0.1:${admin_port}"

require_free_port "$sandbox_port" SANDBOX_PORT
require_free_port "$gateway_port" GATEWAY_PORT
require_free_port "$gateway_metrics_port" GATEWAY_METRICS_PORT
require_free_port "$gateway_admin_port" GATEWAY_ADMIN_PORT
require_free_port "$metrics_port" METRICS_SERVER_PORT
require_free_port "$admin_port" ADMIN_SERVER_PORT
[ "$(printf '%s\n' "$sandbox_port" "$gateway_port" "$gateway_metrics_port" "$gateway_admin_port" "$metrics_port" "$admin_port" | sort -u | wc -l)" -eq 6 ] \
  || demo_fail "SANDBOX_PORT, GATEWAY_PORT, GATEWAY_METRICS_PORT, GATEWAY_ADMIN_PORT, METRICS_SERVER_PORT and ADMIN_SERVER_PORT must differ"

demo_begin

demo_build

demo_start_sandbox "$sandbox" "$sandbox_port"

# The agent's token exists only in this run; the gateway keeps its sha256 (docs/gateway.md, "Connecting an agent").
gateway_dll="$root/src/Agent.Gateway/bin/Debug/net10.0/Agent.Gateway.dll"
token="$(new_uuid)$(new_uuid)"
password="$(new_uuid)"
cat >"$logs/agents.yaml" <<YAML
agents:
  - id: $agent_id
    tokenSha256: $(printf '%s\n' "$token" | dotnet "$gateway_dll" hash-token)
defaultAgent: $agent_id
YAML

echo "==> Starting the gateway on $gateway (SQLite in $logs/gateway.db)"
(
  cd "$(dirname "$gateway_dll")"
  GATEWAY_HOST=127.0.0.1 GATEWAY_PORT="$gateway_port" GATEWAY_METRICS_PORT="$gateway_metrics_port" \
  GATEWAY_ADMIN_PORT="$gateway_admin_port" AIRFLOW_USERNAME=admin AIRFLOW_PASSWORD="$password" \
  GATEWAY_AGENTS_FILE="$logs/agents.yaml" GATEWAY_STORE=sqlite GATEWAY_SQLITE_PATH="$logs/gateway.db" \
  exec dotnet Agent.Gateway.dll
) >"$logs/gateway.log" 2>&1 &
gateway_pid=$!
pids+=("$gateway_pid")
gateway_hint="port $gateway_port, $gateway_metrics_port or $gateway_admin_port busy? set GATEWAY_PORT, GATEWAY_METRICS_PORT or GATEWAY_ADMIN_PORT"
wait_for_own "$gateway_pid" "the gateway" "$logs/gateway.log" "$gateway_hint" 30 curl -sf "http://127.0.0.1:$gateway_metrics_port/ready"

echo "==> Starting the agent '$agent_id', dialling the gateway"
(
  cd "$root/src/Agent.Web/bin/Debug/net10.0"
  AGENT_ID="$agent_id" SERVER_URL="ws://127.0.0.1:${gateway_port}" AUTH_TOKEN="$token" \
  PIPELINE_SERVICE_CLIENT_ENDPOINT="$sandbox" INGESTION_NAMESPACE="ingestion" \
  ARGO_INGESTION_IMAGE="openmetadata/ingestion:1.9.0" \
  METRICS_SERVER_HOST=127.0.0.1 METRICS_SERVER_PORT="$metrics_port" ADMIN_SERVER_PORT="$admin_port" \
  exec dotnet Agent.Web.dll
) >"$logs/agent.log" 2>&1 &
agent_pid=$!
pids+=("$agent_pid")
agent_hint="port $metrics_port or $admin_port busy? set METRICS_SERVER_PORT or ADMIN_SERVER_PORT"
# Ours: the session the gateway holds for AGENT_ID has the instance and session ids this agent reports.
agent_on_gateway() {
  local connection
  connection="$(curl -sf --max-time 2 "$admin/admin/connection")" || return 1
  [ "$(json_field "$connection" status)" = "Connected" ] || return 1
  curl -sf --max-time 2 "$gateway_admin/admin/agents" \
    | grep -q "\"agentId\":\"$agent_id\",\"instanceId\":\"$(json_field "$connection" instanceId)\",\"sessionId\":\"$(json_field "$connection" sessionId)\""
}
wait_for_own "$agent_pid" "the agent" "$logs/agent.log" "$agent_hint" 30 agent_on_gateway
require_alive "$gateway_pid" "the gateway" "$logs/gateway.log" "$gateway_hint"

# OpenMetadata's AirflowRESTClient: Basic credentials and Content-Type on every call, first prefix whose health-auth answers.
om() { curl -sf -u "admin:$password" -H 'content-type: application/json' "$@"; }
for prefix in pluginsv2/api/v2/openmetadata api/v2/openmetadata api/v1/openmetadata; do
  if health="$(om "$gateway/$prefix/health-auth")"; then break; fi
done
api="$gateway/$prefix"
echo "==> OpenMetadata: health-auth on /$prefix: $health"

echo "==> OpenMetadata: deploy $dag_id (service mysql_prod, looked up in the sandbox's OpenMetadata emulator)"
body="$(sed -e "s#__OPENMETADATA_HOST_PORT__#$sandbox/openmetadata/api#" -e "s#__OPENMETADATA_BOT_TOKEN__#sandbox-bot-token#" \
  "$root/scripts/gateway-demo/deploy-mysql_prod_metadata.json")"
answer="$(om -X POST "$api/deploy" -d "$body")" || demo_fail "deploy failed (see $logs/gateway.log and $logs/agent.log)"
echo "    $answer"

echo "==> OpenMetadata: trigger $dag_id"
answer="$(om -X POST "$api/trigger" -d "{\"dag_id\":\"$dag_id\"}")" || demo_fail "trigger failed (see $logs/gateway.log)"
run_id="$(json_field "$answer" runId)"
[ -n "$run_id" ] || demo_fail "trigger answered without a runId: $answer"
echo "    $answer"

echo "==> Waiting for run $run_id to reach success (status?dag_id=$dag_id)"
run_succeeded() {
  require_alive "$gateway_pid" "the gateway" "$logs/gateway.log" "$gateway_hint"
  require_alive "$sandbox_pid" "the sandbox" "$logs/sandbox.log" "$sandbox_hint"
  om "$api/status?dag_id=$dag_id" | grep -o '{[^}]*}' | grep "\"runId\":\"$run_id\"" | grep -q '"pipelineState":"success"'
}
wait_for_own "$agent_pid" "the agent" "$logs/agent.log" "$agent_hint" 60 run_succeeded
om "$api/status?dag_id=$dag_id" | grep -o '{[^}]*}' | grep "\"runId\":\"$run_id\"" | sed 's/^/    /'

echo "==> OpenMetadata: last_dag_logs (first lines)"
logs_page="$(om "$api/last_dag_logs?dag_id=$dag_id&task_id=ingestion_task")" || demo_fail "last_dag_logs failed (see $logs/gateway.log)"
{ grep -o '"ingestion_task":"\([^"\\]\|\\.\)*"' <<<"$logs_page" || true; } | sed -e 's/^"ingestion_task":"//' -e 's/"$//' -e 's/\\n/\n/g' \
  | head -n 5 | sed 's/^/    /'

cat <<INFO
==> Demo run succeeded through the gateway.
    Airflow API (OM) : $api (Basic admin / $password)
    Gateway pipelines: $gateway_admin/admin/pipelines
    Gateway agents   : $gateway_admin/admin/agents
    Gateway Swagger  : $gateway_admin/swagger
    Gateway metrics  : http://127.0.0.1:$gateway_metrics_port/metrics
    Argo workflows   : $sandbox/sandbox/argo/workflows
    OpenMetadata emu : $sandbox/openmetadata/api
    Agent admin API  : $admin/admin/connection
    Logs             : $logs
INFO
demo_hold "$hold" "everything" "--gateway --hold 600" "the sandbox, the gateway and the agent"
