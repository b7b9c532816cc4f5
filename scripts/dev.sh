#!/usr/bin/env bash
# `npm run dev`: the backend and the web app in watch mode against the local
# infrastructure. Saving a backend file recompiles it and restarts the services
# (node --watch); the web app reloads in the browser (next dev). Ctrl-C stops
# both; `npm run infra:down` stops the infrastructure.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"

prepare_local_stack

step "Watching"
run_stack dev
