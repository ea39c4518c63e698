# Checks scripts/demo.sh makes so that it reports only what ITS OWN sandbox and agent did: the ports are free before
# anything starts, each process it started is still alive while it waits, and the sandbox and agent that answer are
# the ones it started (instance ids). Sourced by scripts/demo.sh and by the tests (DemoScriptTests), which call the
# functions one by one. Every failure is one line on stderr, naming the cause and the variable to set, then exit 1.

demo_fail() {
  echo "demo: $*" >&2
  exit 1
}

# The value after the first "name":"…" in a compact JSON text (System.Text.Json writes no spaces). Only for the
# flat string fields the sandbox and agent answer with (ids, states); a missing field gives an empty string.
json_field() {
  { grep -o "\"$2\":\"[^\"]*\"" <<<"$1" || true; } | head -n 1 | sed "s/^\"$2\":\"\(.*\)\"\$/\1/"
}

new_uuid() {
  if [ -r /proc/sys/kernel/random/uuid ]; then cat /proc/sys/kernel/random/uuid; else uuidgen | tr 'A-F' 'a-f'; fi
}

# require_free_port PORT VARIABLE: refuses a port that is not a number in 1-65535 or that something already listens on.
require_free_port() {
  local port="$1" variable="$2"
  [[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] \
    || demo_fail "$variable=$port is not a port number (1-65535)"
  # Connecting is the portable test for a listener (no nc/ss needed); the probe connection is closed at once.
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    demo_fail "port $port is already in use: stop what listens there or set $variable to a free port"
  fi
}

# require_alive PID WHAT LOG HINT: fails with the tail of LOG when the process WHAT has exited.
require_alive() {
  local pid="$1" what="$2" log="$3" hint="$4"
  if ! kill -0 "$pid" 2>/dev/null; then
    if [ -s "$log" ]; then { echo "---- last lines of $log"; tail -n 15 "$log"; echo "----"; } >&2; fi
    demo_fail "$what exited: $hint"
  fi
}

# wait_for_own PID WHAT LOG HINT SECONDS CHECK…: runs CHECK until it succeeds while PID lives. A dead PID fails at
# once (with the log tail and HINT) instead of letting CHECK succeed against another process on the same port.
wait_for_own() {
  local pid="$1" what="$2" log="$3" hint="$4" seconds="$5"
  shift 5
  local deadline=$((SECONDS + seconds))
  # stderr stays: a check that finds a stranger on the port says so itself (and exits).
  until "$@" >/dev/null; do
    require_alive "$pid" "$what" "$log" "$hint"
    [ $SECONDS -lt $deadline ] || { tail -n 15 "$log" >&2; demo_fail "timed out after ${seconds}s waiting for $what ($*)"; }
    sleep 0.2
  done
  require_alive "$pid" "$what" "$log" "$hint"
}

# sandbox_is_ours URL INSTANCE VARIABLE: succeeds when URL's /sandbox/info names INSTANCE; fails the demo at once when
# another sandbox answers there; returns 1 while nothing answers yet.
sandbox_is_ours() {
  local info instance
  info="$(curl -sf --max-time 2 "$1/sandbox/info")" || return 1
  instance="$(json_field "$info" instanceId)"
  [ "$instance" = "$2" ] \
    || demo_fail "another sandbox (instance ${instance:-unknown}) answers at $1, not the one this demo started: set $3 to a free port"
}

# agent_is_ours SANDBOX_URL ADMIN_URL AGENT_ID: succeeds when the agent behind ADMIN_URL (the one the demo started)
# reports itself Connected as AGENT_ID and the sandbox's record of AGENT_ID carries its instance and session ids. Fails
# the demo at once when another agent holds AGENT_ID on the sandbox (a leftover agent dialling the same port, say).
agent_is_ours() {
  local connection agent instance connected_instance
  connection="$(curl -sf --max-time 2 "$2/admin/connection")" || return 1
  [ "$(json_field "$connection" agentId)" = "$3" ] || demo_fail "the agent at $2 is $(json_field "$connection" agentId), not $3"
  instance="$(json_field "$connection" instanceId)"
  agent="$(curl -sf --max-time 2 "$1/sandbox/agents/$3")" || return 1
  grep -q '"connected":true' <<<"$agent" || return 1
  connected_instance="$(json_field "$agent" instanceId)"
  [ "$connected_instance" = "$instance" ] \
    || demo_fail "another agent (instance $connected_instance, not this demo's $instance) is connected to $1 as $3: stop it or set AGENT_ID to another id"
  [ "$(json_field "$connection" status)" = "Connected" ] && [ "$(json_field "$agent" sessionId)" = "$(json_field "$connection" sessionId)" ]
}
