#!/usr/bin/env bash
# `npm test`: installs what is missing, starts the real infrastructure and runs
# every test runner (static checks, unit, integration). Each runner writes a
# JSON report; the last line sums them all: `N passed, N failed, N skipped`.
set -uo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"
started=$SECONDS
REPORTS="$ROOT/.data/reports"
rm -rf "$REPORTS" && mkdir -p "$REPORTS"

step "Dependencies"
install_dependencies || fail "could not install dependencies"

step "Infrastructure (Kafka, PostgreSQL, Redis)"
npm run --silent infra:up || fail "the infrastructure did not start"

step "Generate and build shared pieces"
build_shared || fail "could not generate the Prisma client or build the contracts"

# Runs one runner; its JSON report goes to $REPORTS/<id>.json and its exit
# code to runs.tsv, so that a runner which crashes without reporting a failure
# still fails the run.
run() {
  local id="$1" title="$2"; shift 2
  step "$title"
  REPORT="$REPORTS/$id.json" "$@"
  printf '%s\t%s\n' "$id" "$?" >>"$REPORTS/runs.tsv"
}

# A static check counts as one test: passed or failed.
check() {
  if "$@"; then echo '{"passed":1,"failed":0}' >"$REPORT"; else echo '{"passed":0,"failed":1}' >"$REPORT"; return 1; fi
}

vitest() {
  local root="$1"; shift
  npx vitest run --root "$root" --reporter=default --reporter=json --outputFile.json="$REPORT" "$@"
}

run typecheck-contracts "Typecheck: contracts" check npm run --silent typecheck -w @seatstorm/contracts
run typecheck-backend "Typecheck: backend" check npm run --silent typecheck -w @seatstorm/backend
run typecheck-scripts "Typecheck: infra scripts" check npx tsc -p scripts/tsconfig.json
run typecheck-prisma "Typecheck: prisma" check npm run --silent typecheck -w @seatstorm/prisma
run typecheck-web "Typecheck: web" check npm run --silent typecheck -w @seatstorm/web
run typecheck-e2e "Typecheck: end-to-end specs" check npm run --silent typecheck -w @seatstorm/e2e
# ESLint's rules plus the layout's import rules (eslint.config.mjs); Prettier's formatting (npm run format fixes it).
run lint "Lint: ESLint, with the layout's import rules" check npm run --silent lint
run format "Format: Prettier check" check npm run --silent format:check
run unit-backend "Unit: backend and contracts" vitest backend --project unit
run unit-prisma "Unit: prisma seed" vitest prisma
run unit-web "Unit: web" vitest web
run integration-backend "Integration: real Kafka, PostgreSQL, Redis" vitest backend --project integration
# docker-compose.yml as docker-compose 1.29 renders it (no Docker engine here): profiles, required secrets, published ports, pins.
run compose "Compose: docker-compose config with and without each profile and secret" bash scripts/deploy/check-compose.sh
# The compose setup container as the image runs it: non-root over the image's root-owned tree, a broker and database of its own.
run setup-non-root "Compose setup: topics, migrations and demo data as a non-root user over the image's tree" npx tsx scripts/deploy/check-setup.ts
# Its own Kafka, PostgreSQL and Redis, killed and restarted under a flash sale: one check per fault and invariant.
run chaos "Chaos: services killed, Kafka, Redis and PostgreSQL restarted during a flash sale (short form)" npm run --silent chaos -- --short

# End to end: the whole stack, on ports and a database of its own, in Chromium.
e2e() {
  PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORT" bash "$ROOT/scripts/e2e.sh" --reporter=list,json
}
run e2e "End to end: Playwright in Chromium against the running stack" e2e

printf '\n\033[1m▸ Summary\033[0m (%ss)\n' "$((SECONDS - started))"
npx tsx scripts/test-summary.ts "$REPORTS"
