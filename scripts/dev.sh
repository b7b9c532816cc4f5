#!/usr/bin/env bash
# `npm run dev`: the backend and the web app in watch mode against the local
# infrastructure. Saving a backend file recompiles it and restarts the services
# (node --watch); the web app reloads in the browser (next dev). Ctrl-C stops
# both; `npm run infra:down` stops the infrastructure.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"

prepare_local_stack

export GATEWAY_PORT="${GATEWAY_PORT:-3000}"
export WEB_PORT="${WEB_PORT:-3001}"
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "stopping… (the infrastructure keeps running: npm run infra:down stops it)"
  stop_stack
}
trap cleanup INT TERM EXIT

step "Watching"
# SWC's watcher (backend/.swcrc) compiles the whole backend once, then each saved file; the services start once it watches.
watch_log="$(mktemp)"
setsid bash -c "cd '$ROOT' && exec npm run --silent build -w @seatstorm/backend -- --watch" > >(tee "$watch_log") 2>&1 &
STACK_PIDS+=($!)
for _ in $(seq 1 120); do
  grep -q "Watching for file changes" "$watch_log" && break
  kill -0 "${STACK_PIDS[0]}" 2>/dev/null || fail "the backend build failed (see above)"
  sleep 0.5
done
grep -q "Watching for file changes" "$watch_log" || fail "the backend build did not finish within a minute"
setsid node --watch --enable-source-maps backend/dist/main.js &
STACK_PIDS+=($!)
setsid bash -c "cd '$ROOT' && exec npm run --silent dev -w @seatstorm/web" &
STACK_PIDS+=($!)
wait_for_stack 180 || fail "Seatstorm did not start (see the log above)"
printf '\n\033[1;32m✓ Seatstorm is up in watch mode\033[0m\n'
printf '  open  http://localhost:%s\n' "$WEB_PORT"
printf '  API   http://localhost:%s/events  ·  Ctrl-C stops it.\n\n' "$GATEWAY_PORT"
wait -n "${STACK_PIDS[@]}"
fail "a process stopped unexpectedly (see the log above)"
