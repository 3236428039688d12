#!/usr/bin/env bash
# npm run docker:prove — proves the Docker paths on a machine with a Docker engine but no image registry (not part of
# `npm test`: it takes minutes). Every step really runs; the first failure ends the script with a non-zero status.
#   1. base image local/debian:bookworm from Debian's packages (debootstrap + docker import: infra/docker/base)
#   2. local/postgres:15 (Debian's postgresql-15) and local/kafka:4.1.1 (Maven Central's jars + Debian's JRE 17)
#   3. the service images antt/<service>:local from the Nx build output (infra/docker/service/Dockerfile)
#   4. `docker compose --profile platform up`: migrations, topics, the five subgraphs and the gateway, on ports that cannot
#      collide with the machine's own servers (PostgreSQL 15432, Kafka 19092, gateway 14000, subgraphs 14001-14005)
#   5. demo data through the published PostgreSQL port, events through Kafka, a query per subgraph through the gateway
#   6. one integration spec of the test kit in Testcontainers mode, on the local images
# Options (environment): PROVE_KEEP=1 leaves the compose platform running; REBUILD_BASE=1 rebuilds the base image.
# Needs: root, Docker (`apt-get install -y docker.io debootstrap docker-compose`), Maven with Maven Central.
# If no engine answers and `dockerd` is installed, the script starts one and stops it (by its pid) when it ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
mkdir -p "$ROOT/.local"
export PATH="$ROOT/node_modules/.bin:$PATH" NX_DAEMON=false

PROJECT=antt-prove
KAFKA_VERSION=4.1.1
LIBS=$ROOT/.local/cache/kafka-$KAFKA_VERSION/libs
WORK=$ROOT/.local/docker
export BASE_IMAGE=local/debian:bookworm POSTGRES_IMAGE=local/postgres:15 KAFKA_IMAGE=local/kafka:$KAFKA_VERSION REDIS_IMAGE=local/redis:7 ANTT_TAG=local
export POSTGRES_PORT=${PROVE_POSTGRES_PORT:-15432} KAFKA_PORT=${PROVE_KAFKA_PORT:-19092} REDIS_PORT=${PROVE_REDIS_PORT:-16379} GATEWAY_PORT=${PROVE_GATEWAY_PORT:-14000}
export ORG_UNITS_PORT=${PROVE_ORG_UNITS_PORT:-14001} CAMPAIGNS_PORT=${PROVE_CAMPAIGNS_PORT:-14002} MODELS_PORT=${PROVE_MODELS_PORT:-14004} ASSESSMENTS_PORT=${PROVE_ASSESSMENTS_PORT:-14003} AWARDS_PORT=${PROVE_AWARDS_PORT:-14005}
SERVICES=(gateway:4000 org-units:4001 campaigns:4002 assessments:4003 models:4004 awards:4005)

SUMMARY=()
STEP_STARTED=0
DOCKERD_PID=
COMPOSE=()
COMPOSE_FILE_USED=
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
PROVE_STARTED=$(now_ms)
step() { STEP_NAME=$1; STEP_STARTED=$(now_ms); printf '\n== %s\n' "$1"; }
done_step() {
  local ms=$(( $(now_ms) - STEP_STARTED ))
  SUMMARY+=("$(printf '%-62s %4d.%d s  %s' "$STEP_NAME" $((ms / 1000)) $((ms % 1000 / 100)) "${1:-ok}")")
}
fail() { echo "docker-prove: $*" >&2; exit 1; }

cleanup() {
  local code=$?
  set +e
  if [ ${#COMPOSE[@]} -gt 0 ] && [ -z "${PROVE_KEEP:-}" ]; then
    "${COMPOSE[@]}" --profile platform down -v --remove-orphans >/dev/null 2>&1
  fi
  # Testcontainers ran without Ryuk: remove whatever it left behind
  if docker info >/dev/null 2>&1; then
    local left; left=$(docker ps -aq --filter label=org.testcontainers=true)
    [ -n "$left" ] && docker rm -f $left >/dev/null
  fi
  [ -n "$COMPOSE_FILE_USED" ] && [ "$COMPOSE_FILE_USED" != "$ROOT/docker-compose.yml" ] && rm -f "$COMPOSE_FILE_USED"
  if [ -n "$DOCKERD_PID" ]; then
    kill "$DOCKERD_PID" 2>/dev/null; for _ in $(seq 1 30); do kill -0 "$DOCKERD_PID" 2>/dev/null || break; sleep 1; done
    echo "stopped the Docker engine this script started (pid $DOCKERD_PID)"
  fi
  local total=$(( $(now_ms) - PROVE_STARTED ))
  printf '\n== summary (%d.%d s in all)\n' $((total / 1000)) $((total % 1000 / 100)); printf '%s\n' "${SUMMARY[@]}"
  [ $code -eq 0 ] && echo "docker-prove: all steps passed" || echo "docker-prove: FAILED in step \"${STEP_NAME:-preflight}\" (exit $code)"
  exit $code
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- preflight ------------------------------------------------------------------------------------------------------
step "preflight: Docker engine, Compose, tools"
command -v docker >/dev/null || fail "no docker client; apt-get install -y docker.io"
if ! docker info >/dev/null 2>&1; then
  command -v dockerd >/dev/null || fail "no Docker engine answers and dockerd is not installed (apt-get install -y docker.io)"
  [ "$(id -u)" = 0 ] || fail "no Docker engine answers; starting one needs root"
  setsid dockerd > "$ROOT/.local/dockerd.log" 2>&1 &
  DOCKERD_PID=$!
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || fail "dockerd did not answer within 60 s (.local/dockerd.log)"
  echo "started dockerd (pid $DOCKERD_PID)"
fi
command -v debootstrap >/dev/null || fail "debootstrap is missing (apt-get install -y debootstrap)"
command -v mvn >/dev/null || fail "mvn is missing (the Kafka image is built from Maven Central's jars)"
# Compose v2 (`docker compose`) where the plugin is installed; else Debian's docker-compose 1.29, which rejects the
# top-level `name:` of docker-compose.yml: it reads a copy without that line, under the same project name.
if docker compose version >/dev/null 2>&1; then
  COMPOSE_FILE_USED=$ROOT/docker-compose.yml
  COMPOSE=(docker compose -p "$PROJECT" -f "$COMPOSE_FILE_USED")
  COMPOSE_VERSION=$(docker compose version --short)
elif command -v docker-compose >/dev/null; then
  COMPOSE_FILE_USED=$(mktemp "$ROOT/.local/compose-v1-XXXX.yml")
  sed '/^name:/d' "$ROOT/docker-compose.yml" > "$COMPOSE_FILE_USED"
  COMPOSE=(docker-compose -p "$PROJECT" --project-directory "$ROOT" -f "$COMPOSE_FILE_USED")
  COMPOSE_VERSION="docker-compose $(docker-compose version --short) (v1: no \`docker compose\` plugin here)"
else
  fail "neither \`docker compose\` (v2 plugin) nor docker-compose is installed (apt-get install -y docker-compose)"
fi
for port in $POSTGRES_PORT $KAFKA_PORT $GATEWAY_PORT $ORG_UNITS_PORT $CAMPAIGNS_PORT $MODELS_PORT $ASSESSMENTS_PORT $AWARDS_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then fail "127.0.0.1:$port is taken; set PROVE_*_PORT"; fi
done
done_step "engine $(docker version -f '{{.Server.Version}}'), compose $COMPOSE_VERSION"

# ---- images -----------------------------------------------------------------------------------------------------------
build() { # tag context [docker build args...]
  local tag=$1 context=$2; shift 2
  docker build -q --build-arg BASE_IMAGE="$BASE_IMAGE" -t "$tag" "$@" "$context" > "$WORK/build-${tag//[\/:]/_}.log" 2>&1 \
    || { tail -30 "$WORK/build-${tag//[\/:]/_}.log"; fail "docker build $tag failed"; }
  echo "$tag: $(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%d MB", $1/1000000}')"
}
mkdir -p "$WORK"

step "base image $BASE_IMAGE (debootstrap + docker import)"
infra/docker/base/build-base.sh "$WORK/base"
done_step

step "Kafka $KAFKA_VERSION jars from Maven Central (infra/kafka/pom.xml)"
if [ -f "$LIBS/kafka_2.13-$KAFKA_VERSION.jar" ] && [ -f "$LIBS/kafka-tools-$KAFKA_VERSION.jar" ]; then
  echo "cached in ${LIBS#$ROOT/}"; done_step "cached"
else
  rm -rf "$LIBS.partial"; mkdir -p "$(dirname "$LIBS")"
  mvn -B -q -f infra/kafka/pom.xml -Dkafka.version=$KAFKA_VERSION dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$LIBS.partial" && mv "$LIBS.partial" "$LIBS"
  done_step "$(ls "$LIBS" | wc -l) jars"
fi

step "images $POSTGRES_IMAGE, $REDIS_IMAGE and $KAFKA_IMAGE"
build "$POSTGRES_IMAGE" infra/docker/postgres
build "$REDIS_IMAGE" infra/docker/redis
rm -rf "$WORK/kafka"; mkdir -p "$WORK/kafka"
cp -r infra/docker/kafka/. "$WORK/kafka/"; cp -rl "$LIBS" "$WORK/kafka/libs" 2>/dev/null || cp -r "$LIBS" "$WORK/kafka/libs"
build "$KAFKA_IMAGE" "$WORK/kafka"
done_step

step "service images from the Nx build output"
tools/platform/docker-build.sh gateway org-units campaigns awards assessments models
for entry in "${SERVICES[@]}"; do
  user=$(docker image inspect -f '{{.Config.User}}' "antt/${entry%%:*}:$ANTT_TAG")
  health=$(docker image inspect -f '{{if .Config.Healthcheck}}yes{{end}}' "antt/${entry%%:*}:$ANTT_TAG")
  [ "$user" = 10001:10001 ] && [ "$health" = yes ] || fail "antt/${entry%%:*} runs as '$user' / health check '$health'"
done
echo "each service image: user 10001:10001, HEALTHCHECK on /health"
done_step

# ---- docker compose ---------------------------------------------------------------------------------------------------
step "docker compose --profile platform up (project $PROJECT)"
"${COMPOSE[@]}" --profile platform down -v --remove-orphans >/dev/null 2>&1 || true
if ! "${COMPOSE[@]}" --profile platform up -d > "$WORK/compose-up.log" 2>&1; then
  cat "$WORK/compose-up.log"
  for job in org-units-migrate campaigns-migrate models-migrate assessments-migrate awards-migrate kafka-topics org-units campaigns models assessments awards gateway; do
    echo "--- $job"; "${COMPOSE[@]}" logs --no-color --tail 15 "$job" 2>/dev/null || true
  done
  fail "docker compose up failed"
fi
grep -v -i 'legacy builder\|buildx\|BuildKit\|^ *$' "$WORK/compose-up.log" || true
healthy=
for _ in $(seq 1 150); do
  state=$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$("${COMPOSE[@]}" ps -q gateway 2>/dev/null)" 2>/dev/null || true)
  [ "$state" = healthy ] && { healthy=1; break; }
  sleep 2
done
"${COMPOSE[@]}" --profile platform ps
if [ -z "$healthy" ]; then
  "${COMPOSE[@]}" --profile platform logs --tail 30 || true
  fail "the gateway did not become healthy"
fi
for job in org-units-migrate campaigns-migrate models-migrate assessments-migrate awards-migrate kafka-topics; do
  echo "$job: $("${COMPOSE[@]}" logs --no-color "$job" 2>/dev/null | sed 's/^[^|]*| //' | tail -1)"
done
curl -fsS "http://127.0.0.1:$GATEWAY_PORT/ready" >/dev/null || fail "gateway /ready failed"
# Least privilege: every service connection logs in as the role named as its database, none of them a superuser.
pgq() { "${COMPOSE[@]}" exec -T postgres psql -U postgres -d postgres -Atc "$1"; }
sessions=$(pgq "SELECT datname || ' as ' || usename FROM pg_stat_activity WHERE datname LIKE 'antt_%' GROUP BY datname, usename ORDER BY 1")
echo "service connections: $(echo "$sessions" | tr '\n' ' ')"
[ -n "$sessions" ] || fail "no service is connected to its database"
echo "$sessions" | while read -r db _ user; do [ "$db" = "$user" ] || fail "$db is used by $user, not by its own role"; done
supers=$(pgq "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'antt_%' AND (rolsuper OR rolcreatedb OR rolcreaterole)")
[ "$supers" = 0 ] || fail "$supers service role(s) are superuser, CREATEDB or CREATEROLE"
done_step "gateway healthy and ready on 127.0.0.1:$GATEWAY_PORT; each database used by its own role only"

step "demo data, events through Kafka, queries through the gateway"
ORG_UNITS_DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:$POSTGRES_PORT/antt_org_units \
CAMPAIGNS_DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:$POSTGRES_PORT/antt_campaigns \
GATEWAY_URL=http://127.0.0.1:$GATEWAY_PORT/graphql \
  tsx --tsconfig tsconfig.base.json tools/platform/src/docker/prove-query.ts
done_step

if [ -z "${PROVE_KEEP:-}" ]; then
  step "docker compose down -v"
  "${COMPOSE[@]}" --profile platform down -v --remove-orphans
  done_step
fi

# ---- Testcontainers ---------------------------------------------------------------------------------------------------
step "test kit in Testcontainers mode: packages/events relay-and-consumer.int.spec.ts"
# No DATABASE_ADMIN_URL / KAFKA_BROKERS / ANTT_TEST_INFRA=local: a reachable runtime makes the kit start containers.
# Ryuk's image cannot be pulled (cleanup removes leftovers by label); the host override keeps traffic on loopback.
log=$WORK/testcontainers.log
env -u DATABASE_ADMIN_URL -u KAFKA_BROKERS -u ANTT_TEST_INFRA \
  TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost \
  ANTT_TEST_POSTGRES_IMAGE="$POSTGRES_IMAGE" ANTT_TEST_KAFKA_IMAGE="$KAFKA_IMAGE" \
  jest -c packages/events/jest.integration.config.cjs packages/events/test/relay-and-consumer.int.spec.ts > "$log" 2>&1 \
  || { tail -40 "$log"; fail "the Testcontainers-mode spec failed ($log)"; }
grep -q '\[antt/testing\] PostgreSQL: container' "$log" || { tail -20 "$log"; fail "the test kit did not run in Testcontainers mode"; }
grep -m1 '\[antt/testing\]' "$log"
grep -E '^Tests:' "$log"
done_step "$(grep -E '^Tests:' "$log" | tr -s ' ')"
