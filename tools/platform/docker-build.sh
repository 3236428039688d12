#!/usr/bin/env bash
# npm run docker:build — one image per service from the Nx build output: `nx run <service>:build`, the build context of
# each (tools/platform/src/docker/stage-service.ts), then infra/docker/service/Dockerfile. Images antt/<service>:$ANTT_TAG.
#   BASE_IMAGE  Debian 12 base (default debian:bookworm-slim; local/debian:bookworm where no registry answers:
#               infra/docker/base/build-base.sh builds it from Debian's packages)
#   ANTT_TAG    image tag (default local)
# Arguments: services to build (default: the gateway and the five subgraphs).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH" NX_DAEMON=false
BASE_IMAGE=${BASE_IMAGE:-debian:bookworm-slim}
ANTT_TAG=${ANTT_TAG:-local}
declare -A PORTS=([gateway]=4000 [org-units]=4001 [campaigns]=4002 [assessments]=4003 [models]=4004 [awards]=4005)
services=("$@"); [ ${#services[@]} -gt 0 ] || services=(gateway org-units campaigns assessments models awards)
for service in "${services[@]}"; do [ -n "${PORTS[$service]:-}" ] || { echo "unknown service $service" >&2; exit 2; }; done
mkdir -p .local/docker
projects=$(IFS=,; echo "${services[*]}")
nx run-many -t build --projects="$projects" --outputStyle=static --skip-nx-cache > .local/docker/nx-build.log 2>&1 \
  || { tail -30 .local/docker/nx-build.log; echo "nx build failed" >&2; exit 1; }
tsx tools/platform/src/docker/stage-service.ts "${services[@]}"
for service in "${services[@]}"; do
  log=.local/docker/build-$service.log
  docker build -q --build-arg BASE_IMAGE="$BASE_IMAGE" --build-arg PORT="${PORTS[$service]}" \
    -f infra/docker/service/Dockerfile -t "antt/$service:$ANTT_TAG" ".local/docker/$service" > "$log" 2>&1 \
    || { tail -30 "$log"; echo "docker build antt/$service failed" >&2; exit 1; }
  echo "antt/$service:$ANTT_TAG: $(docker image inspect -f '{{.Size}}' "antt/$service:$ANTT_TAG" | awk '{printf "%d MB", $1/1000000}')"
done
