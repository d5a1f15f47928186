#!/usr/bin/env bash
# Stops the daemons cluster-up.sh started (slurmd first), by the PIDs it recorded.
set -uo pipefail
STATE=${GASNET_SLURM_STATE:-/run/gasnet-slurm}
[ -f "$STATE/pids" ] || exit 0
scancel --user="$(id -un)" 2>/dev/null || true
for name in slurmd slurmctld munged; do
  pid=$(awk -v n="$name" '$1 == n { print $2 }' "$STATE/pids")
  [ -n "$pid" ] || continue
  kill -TERM "$pid" 2>/dev/null || continue
  for _ in $(seq 50); do
    # A killed process may linger as a zombie until PID 1 reaps it: count that as stopped.
    state=$(ps -o stat= -p "$pid" 2>/dev/null || true)
    [ -z "$state" ] || [[ "$state" == Z* ]] && break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
done
rm -f "$STATE/pids"
