#!/usr/bin/env bash
# `npm run test:e2e`: the Playwright suite against the whole stack, on ports
# and a database of its own (a running dev stack is left alone). Prepares what
# the stack needs (infrastructure, database, builds, Chromium); Playwright's
# global setup then starts services, booking, gateway and web app as separate
# processes (playwright/stack/stack.ts) so that specs can stop and start them.
# Extra arguments go to Playwright (e.g. a spec file, --reporter=list,json);
# E2E_REUSE_BUILD=1 skips rebuilding backend and web app (re-running specs).
set -uo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"

export DATABASE_URL="${E2E_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/seatstorm_e2e}"
export GATEWAY_PORT="${E2E_GATEWAY_PORT:-3100}" WEB_PORT="${E2E_WEB_PORT:-3101}"
export NEXT_PUBLIC_GATEWAY_URL="http://127.0.0.1:${GATEWAY_PORT}" GATEWAY_INTERNAL_URL="http://127.0.0.1:${GATEWAY_PORT}"
export CORS_ORIGINS="http://127.0.0.1:${WEB_PORT},http://localhost:${WEB_PORT}"
export E2E_BASE_URL="http://127.0.0.1:${WEB_PORT}" E2E_GATEWAY_URL="http://127.0.0.1:${GATEWAY_PORT}"
# A second gateway, reached by the API only: the resilience spec stops the first one.
export E2E_GATEWAY_2_URL="http://127.0.0.1:${E2E_GATEWAY_2_PORT:-3102}"
# A deployment of its own on the shared broker, new every run, starting at the end of each topic.
export KAFKA_CLIENT_ID="seatstorm-e2e-$(date +%s)-$$" KAFKA_AUTO_OFFSET_RESET=latest LOG_LEVEL="${E2E_LOG_LEVEL:-warn}"
# Holds last seconds, not minutes, so the expiry story runs in a test's time.
export HOLD_TTL="${E2E_HOLD_TTL:-30s}"
export E2E_STATE_DIR="${E2E_STATE_DIR:-.data/e2e}"
# The web app is built for this run's gateway port, into web/.next-e2e: npm start's build in web/.next stays as it is.
export NEXT_DIST_DIR="${E2E_NEXT_DIST_DIR:-.next-e2e}"

step "End to end: preparing the stack"
install_dependencies || fail "could not install dependencies"
ensure_chromium || fail "Chromium is missing"
npm run --silent infra:up || fail "the infrastructure did not start"
build_shared || fail "could not generate the Prisma client or build the contracts"
{ npm run --silent db:migrate && npm run --silent db:reset >/dev/null; } || fail "could not prepare the e2e database"
if [ "${E2E_REUSE_BUILD:-0}" != 1 ]; then
  { npm run --silent build -w @seatstorm/backend && npm run --silent build -w @seatstorm/web; } || fail "could not build the stack"
fi
rm -rf "$E2E_STATE_DIR" && mkdir -p "$E2E_STATE_DIR"

step "End to end: Playwright in Chromium (stack logs in $E2E_STATE_DIR)"
status=0
npm run --silent test:e2e -w @seatstorm/e2e -- "$@" || status=$?
[ "$status" = 0 ] || for log in "$E2E_STATE_DIR"/*.log; do
  printf '\n── last lines of %s ──\n' "$log"
  tail -15 "$log"
done
exit "$status"
