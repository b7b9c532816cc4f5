#!/usr/bin/env bash
# npm run dlq -- list [--all] | show <paymentId> | replay <paymentId> | replay --all
# The payment dead letters, with the configuration the services run with (.env).
set -euo pipefail
# shellcheck source=../../scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib/common.sh"
cd "$ROOT/backend"
exec "$ROOT/node_modules/.bin/tsx" apps/payment/src/dead-letters/dead-letters.cli.ts "$@"
