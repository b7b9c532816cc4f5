#!/usr/bin/env bash
# Checks docker-compose.yml without a Docker engine: `docker-compose config`
# (Debian's docker-compose 1.29, installed when missing) renders it with a
# throw-away env file from scripts/deploy/env.sh, with and without each
# profile, and refuses to render it without each secret; the rendered file
# publishes only the load balancer and the web app (the profiles' tools on
# loopback only), pins every image and runs the backend in production mode.
# REPORT=<file> gets {passed, failed}.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SECRETS=(POSTGRES_PASSWORD REDIS_PASSWORD JWT_SECRET METRICS_TOKEN KAFKA_UI_PASSWORD GRAFANA_ADMIN_PASSWORD)
passed=0
failed=0

check() {
  local name="$1"; shift
  local output
  if output="$("$@" 2>&1)"; then
    passed=$((passed + 1)); printf '  ✓ %s\n' "$name"
  else
    failed=$((failed + 1)); printf '  ✗ %s\n' "$name"; printf '%s\n' "$output" | tail -15 | sed 's/^/      /'
  fi
}

finish() {
  printf '%s passed, %s failed\n' "$passed" "$failed"
  [ -z "${REPORT:-}" ] || printf '{"passed":%s,"failed":%s}\n' "$passed" "$failed" >"$REPORT"
  [ "$failed" = 0 ]
  exit
}

# Debian's docker-compose, installed when missing (root, or passwordless sudo), as the e2e runner installs Chromium.
ensure_docker_compose() {
  command -v docker-compose >/dev/null && return 0
  echo "installing docker-compose (apt-get install docker-compose)…"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo -n"
  $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
}
check "docker-compose is installed" ensure_docker_compose
command -v docker-compose >/dev/null || finish

# The compose file beside a throw-away env file (env_file: deploy.env is read from the compose file's folder).
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$ROOT/docker-compose.yml" "$work/docker-compose.yml"
check "scripts/deploy/env.sh writes an env file with every secret" \
  bash -c "bash '$ROOT/scripts/deploy/env.sh' '$work/deploy.env' >/dev/null && ! grep -qE '^($(IFS='|'; echo "${SECRETS[*]}"))=$' '$work/deploy.env'"

compose() { (cd "$work" && docker-compose --env-file "${ENV_FILE:-deploy.env}" "$@"); }
has_services() {
  local wanted="$1"; shift
  local services
  services="$(compose "$@" config --services)" || return 1
  for service in $wanted; do grep -qx "$service" <<<"$services" || { echo "no service $service in: $services"; return 1; }; done
}

check "config is valid" compose config -q
check "--profile tools is valid and adds kafka-ui" has_services kafka-ui --profile tools
check "--profile observability is valid and adds prometheus and grafana" has_services "prometheus grafana" --profile observability

refuses_without() {
  local secret="$1" output
  grep -v "^$secret=" "$work/deploy.env" >"$work/partial.env"
  if output="$(ENV_FILE=partial.env compose config -q 2>&1)"; then
    echo "rendered without $secret"; return 1
  fi
  grep -q "$secret" <<<"$output" || { echo "refused, but without naming $secret: $output"; return 1; }
}
for secret in "${SECRETS[@]}"; do
  check "refuses to render without $secret" refuses_without "$secret"
done

# What the rendered file (every profile) publishes, pins and sets.
rendered_facts() {
  compose --profile tools --profile observability config >"$work/rendered.yml" || return 1
  ROOT="$ROOT" WORK="$work" python3 - "$work/rendered.yml" "$1" <<'PY'
import re, sys, yaml

services = yaml.safe_load(open(sys.argv[1]))["services"]
fact = sys.argv[2]
problems = []

if fact == "ports":
    # Published to every interface: the load balancer and the web app only. The profiles' tools: loopback only.
    public = {"lb": "3000", "web": "3001"}
    for name, service in services.items():
        for port in service.get("ports", []):
            # Rendered as {published, target[, host_ip]} or as "[host_ip:]published:target[/protocol]".
            if isinstance(port, dict):
                host_ip, published = port.get("host_ip", ""), str(port.get("published", ""))
            else:
                parts = str(port).split("/")[0].split(":")
                host_ip, published = (parts[0], parts[1]) if len(parts) == 3 else ("", parts[0])
            if name in public and published == public[name] and not host_ip:
                continue
            if name in ("kafka-ui", "prometheus", "grafana") and host_ip == "127.0.0.1":
                continue
            problems.append(f"{name} publishes {port}")
    for name in ("lb", "web"):
        if not services[name].get("ports"):
            problems.append(f"{name} publishes nothing")
elif fact == "profiles":
    # docker-compose 1.29 renders every service whatever the profiles: the tools must each name theirs.
    for name, profile in (("kafka-ui", "tools"), ("prometheus", "observability"), ("grafana", "observability")):
        if services[name].get("profiles") != [profile]:
            problems.append(f"{name} is not in the {profile} profile only: {services[name].get('profiles')}")
    problems += [f"{name} is in a profile" for name in services if name not in ("kafka-ui", "prometheus", "grafana") and services[name].get("profiles")]
elif fact == "scalable":
    # --scale needs services without a fixed container name or host port.
    for name in ("gateway", "auth", "catalog", "booking", "payment", "notification"):
        service = services[name]
        if "container_name" in service or service.get("ports"):
            problems.append(f"{name} has a container name or a host port")
elif fact == "pinned":
    for name, service in services.items():
        image = service.get("image", "")
        if image.startswith("seatstorm/"):
            continue
        # major.minor[.patch], as each project numbers its releases (PostgreSQL has two parts).
        if not re.search(r":v?\d+\.\d+(\.\d+)?(-[a-z0-9.]+)?$", image):
            problems.append(f"{name}: {image or 'no image'} is not pinned to an exact version")
elif fact == "production":
    for name in ("setup", "gateway", "auth", "catalog", "booking", "payment", "notification"):
        env = services[name].get("environment", {})
        if env.get("NODE_ENV") != "production" or str(env.get("DEMO_MODE")).lower() != "false":
            problems.append(f"{name}: NODE_ENV={env.get('NODE_ENV')} DEMO_MODE={env.get('DEMO_MODE')}")
    args = services["web"].get("build", {}).get("args", {})
    if str(args.get("NEXT_PUBLIC_DEMO_MODE", "false")).lower() != "false":
        problems.append("web is built in demo mode")
elif fact == "mounts":
    # What the tools read from the repository is there, and Grafana's dashboards provider reads where they are mounted.
    import glob, os
    targets = {}
    for name in ("lb", "prometheus", "grafana"):
        for volume in services[name].get("volumes", []):
            source, target = (volume.get("source", ""), volume.get("target", "")) if isinstance(volume, dict) else volume.split(":")[:2]
            # Rendered from a copy of the compose file in WORK: its bind mounts name the repository's files from there.
            if source.startswith(os.environ["WORK"] + "/") and not os.path.exists(os.path.join(os.environ["ROOT"], os.path.relpath(source, os.environ["WORK"]))):
                problems.append(f"{name} mounts ./{os.path.relpath(source, os.environ['WORK'])}, which is not in the repository")
            if source.startswith(os.environ["WORK"] + "/"):
                targets.setdefault(name, []).append(target)
    for provider_file in glob.glob(os.path.join(os.environ["ROOT"], "backend/deploy/grafana/provisioning/dashboards/*.yml")):
        for provider in yaml.safe_load(open(provider_file)).get("providers", []):
            path = provider.get("options", {}).get("path", "")
            if not any(path == t or path.startswith(t.rstrip("/") + "/") for t in targets.get("grafana", [])):
                problems.append(f"{os.path.basename(provider_file)} reads dashboards from {path}, where grafana mounts none from the repository")
else:
    problems.append(f"unknown fact {fact}")

print("\n".join(problems))
sys.exit(1 if problems else 0)
PY
}
check "only the load balancer (3000) and the web app (3001) are published; the tools on 127.0.0.1 only" rendered_facts ports
check "Kafka UI runs in the tools profile, Prometheus and Grafana in the observability profile, the rest in none" rendered_facts profiles
check "the services scale: no container name, no host port" rendered_facts scalable
check "every image is pinned to an exact version" rendered_facts pinned
check "the backend runs in production without demo mode; the web image is built without it" rendered_facts production
check "the load balancer's, Prometheus' and Grafana's files are mounted, and Grafana reads its dashboards where they are" rendered_facts mounts

dockerfiles_pinned() {
  local file
  for file in "$ROOT/backend/Dockerfile" "$ROOT/web/Dockerfile"; do
    grep -qE '^ARG NODE_IMAGE=node:22\.[0-9]+\.[0-9]+-bookworm-slim$' "$file" || { echo "$file: NODE_IMAGE is not an exact Node.js 22 tag"; return 1; }
    ! grep -E '^FROM ' "$file" | grep -vq 'FROM \${NODE_IMAGE} AS ' || { echo "$file: a stage not FROM \${NODE_IMAGE}"; return 1; }
    grep -qE '^USER node$' "$file" || { echo "$file: the runtime does not run as node"; return 1; }
  done
}
check "the images are Node.js 22 LTS by exact tag, multi-stage, and run as node" dockerfiles_pinned

finish
