#!/usr/bin/env bash
# The main job on the embedded default: builds the solution, starts the sandbox (control plane + Argo Server
# emulator) and the agent on loopback, runs one ingestion pipeline end to end and shows where it can be seen.
# Everything stops by itself afterwards; pass --hold SECONDS to keep both running to explore the URLs.
# --gateway [--hold SECONDS] puts the gateway between OpenMetadata (played with curl) and the agent: scripts/lib/demo-gateway.sh.
# --executor kubernetes [--hold SECONDS] runs the agent with EXECUTOR_TYPE=simpleK8s on the sandbox's Kubernetes API
# emulator (Jobs instead of Argo workflows); --executor argo is the default.
# It reports only what its own processes did: ports are checked free first, each process must stay alive, and the
# sandbox, the agent and the run must be the ones it started (scripts/lib/demo-checks.sh).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/demo-checks.sh
source "$root/scripts/lib/demo-checks.sh"
# shellcheck source=lib/demo-steps.sh
source "$root/scripts/lib/demo-steps.sh"
if [ "${1:-}" = "--gateway" ]; then shift; exec "$root/scripts/lib/demo-gateway.sh" "$@"; fi
executor=argo
if [ "${1:-}" = "--executor" ]; then
  case "${2:-}" in
    argo | kubernetes) executor="$2" ;;
    *) demo_fail "--executor takes argo or kubernetes (got '${2:-}')" ;;
  esac
  shift 2
fi
hold=0
if [ "${1:-}" = "--hold" ]; then hold="${2:?--hold needs a number of seconds}"; fi
sandbox_port="${SANDBOX_PORT:-18080}"
metrics_port="${METRICS_SERVER_PORT:-8989}"
admin_port="${ADMIN_SERVER_PORT:-8585}"
agent_id="${AGENT_ID:-demo-agent}"
pipeline="sandbox_mysql.metadata_ingestion"
sandbox="http://127.0.0.1:${sandbox_port}"
admin="http://127.0.0.1:${admin_port}"

require_free_port "$sandbox_port" SANDBOX_PORT
require_free_port "$metrics_port" METRICS_SERVER_PORT
require_free_port "$admin_port" ADMIN_SERVER_PORT
[ "$(printf '%s\n' "$sandbox_port" "$metrics_port" "$admin_port" | sort -u | wc -l)" -eq 3 ] \
  || demo_fail "SANDBOX_PORT, METRICS_SERVER_PORT and ADMIN_SERVER_PORT must differ (now $sandbox_port, $metrics_port, $admin_port)"

demo_begin

demo_build

demo_start_sandbox "$sandbox" "$sandbox_port"

if [ "$executor" = kubernetes ]; then
  # Outside a cluster there is no service account: the emulator's API URL and a token file stand in for it (the
  # emulator accepts any token unless Sandbox:Kubernetes:Token is set). No Argo variable is set, as the chart renders none.
  printf 'demo-kubernetes-token' >"$logs/kubernetes-token"
  executor_env=(EXECUTOR_TYPE=simpleK8s KUBERNETES_API_URL="$sandbox" KUBERNETES_TOKEN_FILE="$logs/kubernetes-token"
    INGESTION_IMAGE="openmetadata/ingestion:1.9.0" INGESTION_EXTRA_ENVS="[AWS_DEFAULT_REGION:eu-west-1]")
  runs_at="Kubernetes jobs  : $sandbox/apis/batch/v1/namespaces/ingestion/jobs"
else
  executor_env=(PIPELINE_SERVICE_CLIENT_ENDPOINT="$sandbox"
    ARGO_INGESTION_IMAGE="openmetadata/ingestion:1.9.0" ARGO_EXTRA_ENVS_NOOP="[AWS_DEFAULT_REGION:eu-west-1]")
  runs_at="Argo workflows   : $sandbox/sandbox/argo/workflows"
fi

echo "==> Starting the agent '$agent_id' (executor: $executor)"
(
  cd "$root/src/Agent.Web/bin/Debug/net10.0"
  AGENT_ID="$agent_id" SERVER_URL="ws://127.0.0.1:${sandbox_port}" AUTH_TOKEN="sandbox-token" INGESTION_NAMESPACE="ingestion" \
  METRICS_SERVER_HOST=127.0.0.1 METRICS_SERVER_PORT="$metrics_port" ADMIN_SERVER_PORT="$admin_port" \
  exec env "${executor_env[@]}" dotnet Agent.Web.dll
) >"$logs/agent.log" 2>&1 &
agent_pid=$!
pids+=("$agent_pid")
agent_hint="port $metrics_port or $admin_port busy? set METRICS_SERVER_PORT or ADMIN_SERVER_PORT"
wait_for_own "$agent_pid" "the agent" "$logs/agent.log" "$agent_hint" 30 agent_is_ours "$sandbox" "$admin" "$agent_id"
require_alive "$sandbox_pid" "the sandbox" "$logs/sandbox.log" "$sandbox_hint"

# The demo names the run id and the request id, so the answer and the statuses it reads are provably this run's.
run_id="$(new_uuid)"
request_id="$(new_uuid)"
echo "==> Control plane sends pipeline.run for $pipeline (run $run_id)"
answer="$(curl -sf -X POST "$sandbox/sandbox/agents/$agent_id/pipelines/run" -H 'content-type: application/json' \
  -d "{\"pipelineFqn\":\"$pipeline\",\"runId\":\"$run_id\",\"id\":\"$request_id\"}")" \
  || demo_fail "the sandbox refused pipeline.run (see $logs/sandbox.log)"
echo "    result: $answer"
[ "$(json_field "$answer" id)" = "$request_id" ] && [ "$(json_field "$answer" runId)" = "$run_id" ] \
  || demo_fail "the run was not started as run $run_id: $answer"

echo "==> Waiting for run $run_id to reach success"
run_succeeded() {
  require_alive "$sandbox_pid" "the sandbox" "$logs/sandbox.log" "$sandbox_hint"
  sandbox_is_ours "$sandbox" "$sandbox_instance" SANDBOX_PORT \
    && curl -sf "$sandbox/sandbox/statuses?agentId=$agent_id&runId=$run_id" | grep -q '"pipelineState":"success"'
}
wait_for_own "$agent_pid" "the agent" "$logs/agent.log" "$agent_hint" 60 run_succeeded
curl -sf "$sandbox/sandbox/statuses?agentId=$agent_id&runId=$run_id" | grep -o '"pipelineState":"[a-zA-Z]*"' | sed 's/^/    run.status /'
# The agent the demo started tracks the run too: the run is its own, not one another agent reported.
curl -sf "$admin/admin/jobs/$run_id" >/dev/null || demo_fail "the demo's agent does not know run $run_id (see $logs/agent.log)"
echo "    $(curl -sf "http://127.0.0.1:$metrics_port/metrics" | grep '^collate_hybrid_agent_jobs_total{status="succeeded"}')"

cat <<INFO
==> Demo run succeeded.
    Sandbox statuses : $sandbox/sandbox/statuses?runId=$run_id
    $runs_at
    Sandbox API      : $sandbox/swagger (routes: docs/sandbox.md)
    Agent metrics    : http://127.0.0.1:$metrics_port/metrics
    Agent readiness  : http://127.0.0.1:$metrics_port/ready
    Admin API        : $admin/admin/connection
    Swagger UI       : $admin/swagger
    Logs             : $logs
INFO
demo_hold "$hold" "both" "--hold 600" "the sandbox and the agent"
