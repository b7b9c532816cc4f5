#!/usr/bin/env bash
# `npm start`: installs what is missing, starts Kafka/PostgreSQL/Redis, migrates
# and seeds the database, builds and runs every service and the web app.
# Ctrl-C stops the services; `npm run infra:down` stops the infrastructure.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"
started=$SECONDS

prepare_local_stack

step "Build"
npm run --silent build -w @seatstorm/backend
npm run --silent build -w @seatstorm/web

export GATEWAY_PORT="${GATEWAY_PORT:-3000}"
export WEB_PORT="${WEB_PORT:-3001}"
step "Starting services"
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "stopping services… (the infrastructure keeps running: npm run infra:down stops it)"
  stop_stack
}
trap cleanup INT TERM EXIT

start_stack
wait_for_stack 120 || fail "Seatstorm did not start (see the log above)"
printf '\n\033[1;32m✓ Seatstorm is up in %ss\033[0m\n' "$((SECONDS - started))"
printf '  open  http://localhost:%s\n' "$WEB_PORT"
printf '  API   http://localhost:%s/events  ·  health http://localhost:%s/health\n' "$GATEWAY_PORT" "$GATEWAY_PORT"
printf '  Ctrl-C stops the services.\n\n'
wait -n "${STACK_PIDS[@]}"
fail "a service stopped unexpectedly (see the log above)"
