# The steps scripts/demo.sh and scripts/lib/demo-gateway.sh share (after scripts/lib/demo-checks.sh is sourced). They
# read the caller's $root and set globals the caller goes on with: $logs, the pids array, and the sandbox's
# sandbox_pid, sandbox_instance and sandbox_hint.

# demo_begin: a fresh log folder in $logs, and every process added to pids stopped when the script exits.
demo_begin() {
  logs="$(mktemp -d)"
  pids=()
  trap demo_cleanup EXIT
}

demo_cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}

# DEMO_SKIP_BUILD=1 runs what is already built (DemoScriptTests, whose own build made the programs): a build inside
# the test would race the test run's own outputs and could outlast its time limit on a loaded machine.
demo_build() {
  if [ "${DEMO_SKIP_BUILD:-0}" = 1 ]; then
    echo "==> Using the programs already built (DEMO_SKIP_BUILD=1)"
    return
  fi
  echo "==> Building"
  # Quiet when it works; the compiler's errors when it does not.
  dotnet build "$root/HybridAgent.sln" -nologo -v q -clp:ErrorsOnly >"$logs/build.log" 2>&1 \
    || { cat "$logs/build.log" >&2; demo_fail "the build failed (errors above; full output in $logs/build.log)"; }
}

# demo_start_sandbox URL PORT: starts the sandbox on URL under a new instance id and waits until that one answers.
demo_start_sandbox() {
  sandbox_instance="$(new_uuid)"
  echo "==> Starting the sandbox on $1 (instance $sandbox_instance)"
  dotnet "$root/tools/Agent.Sandbox/bin/Debug/net10.0/Agent.Sandbox.dll" --urls "$1" --instance-id "$sandbox_instance" \
    >"$logs/sandbox.log" 2>&1 &
  sandbox_pid=$!
  pids+=("$sandbox_pid")
  sandbox_hint="port $2 busy? set SANDBOX_PORT"
  wait_for_own "$sandbox_pid" "the sandbox" "$logs/sandbox.log" "$sandbox_hint" 30 sandbox_is_ours "$1" "$sandbox_instance" SANDBOX_PORT
}

# demo_hold SECONDS RUNNING FLAGS UP: keeps RUNNING up for SECONDS, or says how (FLAGS) to keep UP up next time.
demo_hold() {
  if [ "$1" -gt 0 ]; then
    echo "==> Keeping $2 running for $1 s (Ctrl+C to stop)"
    sleep "$1"
  else
    echo "    (run with $3 to keep $4 up while you explore)"
  fi
}
