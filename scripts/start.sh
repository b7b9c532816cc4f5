#!/usr/bin/env bash
# `npm start`: installs what is missing, starts Kafka/PostgreSQL/Redis, migrates
# and seeds the database, builds and runs every service and the web app.
# Ctrl-C stops the services; `npm run infra:down` stops the infrastructure.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"
started=$SECONDS

step "Dependencies"
install_dependencies

step "Infrastructure (Kafka, PostgreSQL, Redis)"
npm run --silent infra:up

step "Database: migrate and seed"
build_shared
npm run --silent db:migrate
npm run --silent db:seed

step "Build"
npm run --silent build -w @seatstorm/backend
npm run --silent build -w @seatstorm/web

GATEWAY_PORT="${GATEWAY_PORT:-3000}"
WEB_PORT="${WEB_PORT:-3001}"
step "Starting services"
pids=()
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "stopping services… (the infrastructure keeps running: npm run infra:down stops it)"
  # Each service runs in its own process group: stop the whole group, so no
  # child (npm → next → next-server) outlives the run.
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

setsid node --enable-source-maps backend/dist/main.js &
pids+=($!)
setsid npm run --silent start -w @seatstorm/web &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:${GATEWAY_PORT}/health" >/dev/null 2>&1 \
    && curl -fsS "http://127.0.0.1:${WEB_PORT}/" >/dev/null 2>&1; then
    printf '\n\033[1;32m✓ Seatstorm is up in %ss\033[0m\n' "$((SECONDS - started))"
    printf '  open  http://localhost:%s\n' "$WEB_PORT"
    printf '  API   http://localhost:%s/events  ·  health http://localhost:%s/health\n' "$GATEWAY_PORT" "$GATEWAY_PORT"
    printf '  Ctrl-C stops the services.\n\n'
    wait -n "${pids[@]}"
    fail "a service stopped unexpectedly (see the log above)"
  fi
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || fail "a service exited during start-up (see the log above)"; done
  sleep 1
done
fail "services did not become healthy within 120 s: check http://127.0.0.1:${GATEWAY_PORT}/health"
