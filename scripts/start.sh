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

step "Starting services"
run_stack start --elapsed "$((SECONDS - started))"
