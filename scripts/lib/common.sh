# Shared by scripts/start.sh and scripts/test.sh. Sourced, not run.

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
