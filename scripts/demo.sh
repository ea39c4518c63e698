#!/usr/bin/env bash
# The main job on the embedded default: builds the solution, starts the sandbox (control plane + Argo Server
# emulator) and the agent on loopback, runs one ingestion pipeline end to end and shows where it can be seen.
# Everything stops by itself afterwards; pass --hold SECONDS to keep both running to explore the URLs.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
hold=0
if [ "${1:-}" = "--hold" ]; then hold="${2:?--hold needs a number of seconds}"; fi
sandbox_port="${SANDBOX_PORT:-18080}"
metrics_port="${METRICS_SERVER_PORT:-8989}"
admin_port="${ADMIN_SERVER_PORT:-8585}"
agent_id="${AGENT_ID:-demo-agent}"
pipeline="sandbox_mysql.metadata_ingestion"
sandbox="http://127.0.0.1:${sandbox_port}"
logs="$(mktemp -d)"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

# Waits up to $2 seconds for command $1 to succeed; the services need a moment to start.
wait_for() {
  local deadline=$((SECONDS + $2))
  until eval "$1" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then echo "Timed out waiting for: $3" >&2; tail -n 20 "$logs"/*.log >&2; exit 1; fi
    sleep 0.2
  done
}

echo "==> Building"
dotnet build "$root/HybridAgent.sln" -nologo -clp:ErrorsOnly >/dev/null

echo "==> Starting the sandbox on $sandbox"
dotnet "$root/tools/Agent.Sandbox/bin/Debug/net10.0/Agent.Sandbox.dll" --urls "$sandbox" >"$logs/sandbox.log" 2>&1 &
pids+=($!)
wait_for "curl -sf $sandbox/sandbox/agents" 30 "sandbox"

echo "==> Starting the agent '$agent_id'"
(
  cd "$root/src/Agent.Web/bin/Debug/net10.0"
  AGENT_ID="$agent_id" SERVER_URL="ws://127.0.0.1:${sandbox_port}" AUTH_TOKEN="sandbox-token" \
  PIPELINE_SERVICE_CLIENT_ENDPOINT="$sandbox" INGESTION_NAMESPACE="ingestion" \
  ARGO_INGESTION_IMAGE="openmetadata/ingestion:1.9.0" ARGO_EXTRA_ENVS_NOOP="[AWS_DEFAULT_REGION:eu-west-1]" \
  METRICS_SERVER_HOST=127.0.0.1 METRICS_SERVER_PORT="$metrics_port" ADMIN_SERVER_PORT="$admin_port" \
  exec dotnet Agent.Web.dll
) >"$logs/agent.log" 2>&1 &
pids+=($!)
wait_for "curl -sf $sandbox/sandbox/agents | grep -q '\"connected\":true'" 30 "the agent to connect"

echo "==> Control plane sends pipeline.run for $pipeline"
answer="$(curl -sf -X POST "$sandbox/sandbox/agents/$agent_id/pipelines/run" -H 'content-type: application/json' \
  -d "{\"fullyQualifiedName\":\"$pipeline\"}")"
echo "    result: $answer"
run_id="$(sed -n 's/.*"runId":"\([^"]*\)".*/\1/p' <<<"$answer")"
[ -n "$run_id" ] || { echo "The run was not started" >&2; exit 1; }

echo "==> Waiting for run $run_id to reach success"
wait_for "curl -sf '$sandbox/sandbox/statuses?runId=$run_id' | grep -q '\"pipelineState\":\"success\"'" 60 "run.status success"
curl -sf "$sandbox/sandbox/statuses?runId=$run_id" | grep -o '"pipelineState":"[a-zA-Z]*"' | sed 's/^/    run.status /'
echo "    $(curl -sf "http://127.0.0.1:$metrics_port/metrics" | grep '^collate_hybrid_agent_jobs_total{status="succeeded"}')"

cat <<INFO
==> Demo run succeeded.
    Sandbox statuses : $sandbox/sandbox/statuses?runId=$run_id
    Argo workflows   : $sandbox/sandbox/argo/workflows
    Agent metrics    : http://127.0.0.1:$metrics_port/metrics
    Agent readiness  : http://127.0.0.1:$metrics_port/ready
    Admin API        : http://127.0.0.1:$admin_port/admin/connection
    Swagger UI       : http://127.0.0.1:$admin_port/swagger
    Logs             : $logs
INFO
if [ "$hold" -gt 0 ]; then
  echo "==> Keeping both running for $hold s (Ctrl+C to stop)"
  sleep "$hold"
else
  echo "    (run with --hold 600 to keep the sandbox and the agent up while you explore)"
fi
