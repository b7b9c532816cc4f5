#!/usr/bin/env bash
# Writes the compose deployment's env file (default: deploy.env at the
# repository root) from deploy.env.example, every empty secret filled with 64
# random hex characters. Never overwrites: the database keeps the password it
# was created with, so a lost deploy.env is restored, not regenerated.
#
#   bash scripts/deploy/env.sh [FILE]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TEMPLATE="$ROOT/deploy.env.example"
TARGET="${1:-$ROOT/deploy.env}"
SECRETS=" POSTGRES_PASSWORD REDIS_PASSWORD JWT_SECRET METRICS_TOKEN KAFKA_UI_PASSWORD GRAFANA_ADMIN_PASSWORD "

if [ -e "$TARGET" ]; then
  echo "$TARGET exists: left as it is (delete it first to start over, with a new database volume)" >&2
  exit 1
fi

random_hex() { od -An -N32 -tx1 /dev/urandom | tr -d ' \n'; }

umask 077
tmp="$(mktemp "$TARGET.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
while IFS= read -r line || [ -n "$line" ]; do
  name="${line%%=*}"
  if [ "$line" = "$name=" ] && [[ "$SECRETS" == *" $name "* ]]; then
    printf '%s=%s\n' "$name" "$(random_hex)"
  else
    printf '%s\n' "$line"
  fi
done <"$TEMPLATE" >"$tmp"
mv "$tmp" "$TARGET"
trap - EXIT
echo "wrote $TARGET (secrets filled; readable by you only): docker compose --env-file $(basename "$TARGET") up --build"
