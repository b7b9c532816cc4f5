# Shared by scripts/start.sh, dev.sh, test.sh and e2e.sh. Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export NEXT_TELEMETRY_DISABLED=1

# A .env file, when present, overrides the defaults (see .env.example).
if [ -f "$ROOT/.env" ]; then
  set -a
  # shellcheck disable=SC1091
  source "$ROOT/.env"
  set +a
fi

step() { printf '\n\033[1m▸ %s\033[0m\n' "$*"; }
fail() { printf '\033[31m✗ %s\033[0m\n' "$*" >&2; exit 1; }

require_node() {
  command -v node >/dev/null || fail "Node.js 20.11+ not found: install it (https://nodejs.org or your package manager)."
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || fail "Node.js 20.11+ required, found $(node -v)."
}

# Installs dependencies exactly as locked, only when they are missing or the
# lock file changed since the last install.
install_dependencies() {
  require_node
  local stamp="$ROOT/node_modules/.seatstorm-lock"
  if [ -f "$stamp" ] && cmp -s "$ROOT/package-lock.json" "$stamp"; then
    echo "dependencies up to date"
    return
  fi
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/package-lock.json" "$stamp"
}

# Generated and compiled pieces everything else needs: the Prisma client and
# the contracts package the web app imports.
build_shared() {
  (cd "$ROOT" && npm run --silent generate -w @seatstorm/prisma && npm run --silent build -w @seatstorm/contracts)
}

# What npm start and npm run dev do before starting anything: dependencies,
# the infrastructure, the database migrated and seeded with the demo data.
prepare_local_stack() {
  step "Dependencies"
  install_dependencies
  step "Infrastructure (Kafka, PostgreSQL, Redis)"
  (cd "$ROOT" && npm run --silent infra:up)
  step "Database: migrate and seed"
  build_shared
  (cd "$ROOT" && npm run --silent db:migrate && npm run --silent db:seed)
}

# The running stack (every backend service in one process and the web app),
# started, watched and stopped by the launcher every harness shares
# (scripts/local-stack.ts over @seatstorm/infra). `start` runs the builds, `dev`
# watches the sources. The shell's part ends here: Ctrl-C goes to the launcher.
run_stack() {
  exec node --import tsx "$ROOT/scripts/local-stack.ts" "$@"
}

# Debian's Chromium, which the pinned Playwright is built for; installed when
# missing (root, or passwordless sudo). Playwright never downloads a browser here.
ensure_chromium() {
  command -v chromium >/dev/null && return 0
  echo "installing Chromium (apt-get install chromium)…"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo -n"
  $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq chromium >/dev/null \
    || { echo "Chromium is missing: install it (apt-get install chromium)" >&2; return 1; }
}
