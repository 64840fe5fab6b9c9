#!/usr/bin/env bash
# compose-test: runs docker-compose.yml for real on a machine with no container registry access,
# and checks the stack end to end. `make compose-test` runs it; CI runs it after the test suite.
#
#   bash deploy/compose/compose-test.sh        (as root on a fresh machine: it installs what it needs)
#
# 1. Installs docker.io, docker-compose and debootstrap with apt if missing; starts its own dockerd
#    (vfs storage, own data-root/exec-root/socket under the cache) only if no daemon is reachable.
#    Its dockerd neither touches iptables nor forwards: containers reach only each other and the
#    host through the published loopback ports.
# 2. Builds, cached under $CLAIMCHECK_CACHE (default ~/.cache/claimcheck), outside the repo:
#    a Debian bookworm base with Python 3.11 (debootstrap + docker import), a Java 17 base plus
#    the Kafka jars of shared/kafka_runner.py (deploy/compose/kafka/), a wheelhouse of the
#    project's dependencies (pip wheel on the host, copied into deploy/wheels/ for the build
#    only), and grpcurl (go install, GOPATH in the cache).
# 3. Brings the stack up from the same docker-compose.yml with the base images, the Kafka image,
#    its healthcheck and the ports overridden through the environment, waits until every
#    container is healthy, submits the sample story with grpcurl, SIGKILLs the matcher
#    mid-stream (its restart policy brings it back), reads claimcheck.verdicts.v1 with Kafka's
#    console consumer inside the Kafka container, and checks every verdict, status, source and
#    revision against the in-process reference (deploy/compose/check_stack.py).
# 4. Tears down the stack, and the daemon if it started one, printing how long each step took.
#
# Environment: PYTHON (a Python with the project installed; default .venv/bin/python),
# CLAIMCHECK_CACHE, COMPOSE_TEST_PROJECT (compose project name), COMPOSE_TEST_KEEP_LOGS=1 (keep
# the containers' logs in the cache dir), DEBIAN_MIRROR (default: the host's apt source).
set -Eeuo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/deploy/compose
CACHE=${CLAIMCHECK_CACHE:-$HOME/.cache/claimcheck}
WORK=$CACHE/compose
DOCKER_STATE=$CACHE/docker
GOPATH_DIR=$CACHE/gopath
LOGS=$WORK/logs
PY=${PYTHON:-$ROOT/.venv/bin/python}
[[ $PY == /* || $PY != */* ]] || PY=$PWD/$PY
PROJECT=${COMPOSE_TEST_PROJECT:-claimcheck-compose-test}
SAMPLE=$ROOT/shared/samples/harbour-fire.jsonl
SUITE=bookworm   # Python 3.11, as pyproject.toml requires
KAFKA_VERSION=4.1.1
TOPIC_PREFIX=claimcheck
# Bump when the way a base image is made changes: the tag (and its cache) then changes too.
BASE_RECIPE=1
PYTHON_PACKAGES=python3,python3-pip,python-is-python3
KAFKA_PACKAGES=openjdk-17-jre-headless

export COMPOSE_PROJECT_NAME=$PROJECT COMPOSE_FILE=$ROOT/docker-compose.yml
export COMPOSE_DOCKER_CLI_BUILD=1 DOCKER_BUILDKIT=1 BUILDKIT_PROGRESS=plain

started_dockerd=0 remove_docker0=0 stack_up=0 current_step='' step_t0=0
added_wheels=() bg_pids=()
times=()
mkdir -p "$WORK" "$LOGS"

now_ms() { date +%s%3N; }
py() { PYTHONPATH=$ROOT${PYTHONPATH:+:$PYTHONPATH} "$PY" "$@"; }  # the project's code from this tree
log() { printf '%s\n' "$*" >&2; }
die() { log "compose-test: $*"; exit 1; }

# timed NAME COMMAND...: runs one step and records how long it took.
timed() {
  local name=$1; shift
  current_step=$name step_t0=$(now_ms)
  printf '\n==> %s\n' "$name" >&2
  "$@"
  times+=("$(printf '%-44s %7.1fs' "$name" "$(( $(now_ms) - step_t0 ))e-3")")
  current_step=
}

print_times() {
  printf '\ncompose-test step times:\n' >&2
  local line
  for line in "${times[@]}"; do log "  $line"; done
  log "  $(printf '%-44s %7.1fs' total "$(( $(now_ms) - script_t0 ))e-3")"
}

# --------------------------------------------------------------------------------------------
# 1. Tools and the daemon

install_tools() {
  local missing=()
  if ! command -v docker >/dev/null || { ! command -v dockerd >/dev/null && ! docker info >/dev/null 2>&1; }; then
    missing+=(docker.io)
  fi
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  if ((${#missing[@]})); then
    [[ $(id -u) == 0 ]] || die "missing ${missing[*]}: install them (apt-get install ${missing[*]}) or run as root"
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$LOGS/apt.log" 2>&1 \
      || { tail -20 "$LOGS/apt.log" >&2; die "apt-get install failed"; }
  fi
  command -v go >/dev/null || [[ -x $GOPATH_DIR/bin/grpcurl ]] || command -v grpcurl >/dev/null \
    || die "Go is needed to install grpcurl (go install github.com/fullstorydev/grpcurl/cmd/grpcurl@latest)"
  command -v "$PY" >/dev/null || die "no Python with the project at $PY: run make install (or set PYTHON)"
  pick_docker_cli
}

# BuildKit builds need either a client with the buildx plugin or a pre-23 client, which speaks to
# the daemon's builtin BuildKit itself (Debian's docker.io client is one). The legacy builder
# copies the whole filesystem for every instruction on vfs: minutes instead of seconds.
pick_docker_cli() {
  local candidate version
  DOCKER_CLI=
  for candidate in $(type -aP docker); do
    if "$candidate" buildx version >/dev/null 2>&1; then DOCKER_CLI=$candidate; break; fi
    version=$("$candidate" --version 2>/dev/null | sed -E 's/^Docker version ([0-9]+).*/\1/')
    if [[ $version =~ ^[0-9]+$ ]] && ((version < 23)); then DOCKER_CLI=$candidate; break; fi
  done
  [[ -n $DOCKER_CLI ]] || { DOCKER_CLI=$(type -P docker); export DOCKER_BUILDKIT=0 COMPOSE_DOCKER_CLI_BUILD=0; }
  # docker-compose runs `docker build` from PATH: make it this client.
  mkdir -p "$WORK/bin"
  ln -sf "$DOCKER_CLI" "$WORK/bin/docker"
  export PATH=$WORK/bin:$PATH
}

start_daemon() {
  if docker info >/dev/null 2>&1; then
    log "using the reachable Docker daemon (${DOCKER_HOST:-default socket})"
    return
  fi
  local sock=$DOCKER_STATE/docker.sock
  export DOCKER_HOST=unix://$sock
  if docker info >/dev/null 2>&1; then  # a daemon a killed run of this script left behind
    log "reusing the dockerd left running in $DOCKER_STATE; it is stopped at the end"
    started_dockerd=1
    return
  fi
  [[ $(id -u) == 0 ]] || die "no Docker daemon is reachable, and starting one needs root"
  [[ -e /sys/class/net/docker0 ]] || remove_docker0=1
  mkdir -p "$DOCKER_STATE"
  rm -f "$sock" "$DOCKER_STATE/dockerd.pid"
  setsid dockerd --storage-driver vfs --data-root "$DOCKER_STATE/data" --exec-root "$DOCKER_STATE/exec" \
    --pidfile "$DOCKER_STATE/dockerd.pid" -H "unix://$sock" \
    --iptables=false --ip-forward=false --ip-masq=false \
    >"$DOCKER_STATE/dockerd.log" 2>&1 </dev/null 9>&- &
  started_dockerd=1
  for _ in $(seq 120); do
    docker info >/dev/null 2>&1 && return
    kill -0 $! 2>/dev/null || { tail -20 "$DOCKER_STATE/dockerd.log" >&2; die "dockerd exited"; }
    sleep 0.5
  done
  tail -20 "$DOCKER_STATE/dockerd.log" >&2
  die "dockerd did not answer within 60 s"
}

stop_daemon() {
  local pid
  pid=$(cat "$DOCKER_STATE/dockerd.pid" 2>/dev/null) || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  log "dockerd $pid still running after 30 s: SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
}

# The default bridge outlives dockerd; remove it when it was not there before this run.
remove_bridge() {
  if ((remove_docker0)) && [[ -e /sys/class/net/docker0 ]] && command -v ip >/dev/null; then
    ip link delete docker0 || true
  fi
}

# --------------------------------------------------------------------------------------------
# 2. Images and other inputs, cached

debian_mirror() {
  if [[ -n ${DEBIAN_MIRROR:-} ]]; then echo "$DEBIAN_MIRROR"; return; fi
  local uri
  uri=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v -- '-security' | head -1 || true)
  if [[ -z $uri ]]; then
    uri=$(grep -hsE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
      | sed -E 's/^deb +(\[[^]]*\] +)?([^ ]+).*/\2/' | grep -v -- '-security' | head -1 || true)
  fi
  [[ -n $uri ]] || die "no Debian mirror in the apt sources: set DEBIAN_MIRROR"
  echo "$uri"
}

# Removes a directory tree that debootstrap may have left mounts in (proc, sys, a bound /dev).
remove_tree() {
  local dir=$1 mnt
  [[ -d $dir ]] || return 0
  awk -v d="$dir/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r | while read -r mnt; do
    umount -l "$mnt" || true
  done
  rm -rf --one-file-system "$dir"
}

# base_image NAME PACKAGES CMD: a debootstrapped bookworm with PACKAGES, imported as one layer.
# Prints the tag. The root filesystem's tarball is kept, so a fresh daemon imports it in seconds.
base_image() {
  local name=$1 packages=$2 cmd=$3 key tag tarball dir
  key=$(printf '%s\n' "$SUITE" "$packages" "$BASE_RECIPE" | sha256sum | cut -c1-12)
  tag=claimcheck-local/$name-base:$SUITE-$key
  tarball=$WORK/rootfs/$name-$SUITE-$key.tar
  if ! docker image inspect "$tag" >/dev/null 2>&1; then
    if [[ ! -f $tarball ]]; then
      [[ $(id -u) == 0 ]] || die "debootstrap needs root"
      mkdir -p "$WORK/rootfs"
      dir=$WORK/rootfs/$name.build
      remove_tree "$dir"
      local t0; t0=$(now_ms)
      debootstrap --variant=minbase --include="$packages" "$SUITE" "$dir" "$(debian_mirror)" \
        >"$LOGS/debootstrap-$name.log" 2>&1 \
        || { remove_tree "$dir"; tail -20 "$LOGS/debootstrap-$name.log" >&2; die "debootstrap of $name failed"; }
      # Slimmer is faster on vfs, which copies the whole tree for every layer and container.
      # Without EXTERNALLY-MANAGED pip installs into the system Python, as in python:3.11-slim.
      rm -rf "$dir"/var/cache/apt/* "$dir"/var/lib/apt/lists/* "$dir"/usr/share/doc/* \
        "$dir"/usr/share/man/* "$dir"/usr/share/locale/* "$dir"/usr/share/info/*
      rm -f "$dir"/usr/lib/python3*/EXTERNALLY-MANAGED
      tar --numeric-owner -C "$dir" -cf "$tarball.tmp" .
      mv "$tarball.tmp" "$tarball"
      remove_tree "$dir"
      log "debootstrap of $name took $(( ($(now_ms) - t0) / 1000 ))s"
    fi
    docker import --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
      --change "ENV LANG=C.UTF-8" --change "CMD [\"$cmd\"]" - "$tag" <"$tarball" >/dev/null
  fi
  echo "$tag"
}

build_base_images() {
  # The two debootstraps wait on the network and dpkg more than on the CPU: run them side by side.
  base_image python "$PYTHON_PACKAGES" python3 >"$WORK/python-base.tag" 2>"$LOGS/python-base.log" &
  local py_pid=$!
  base_image kafka "$KAFKA_PACKAGES" bash >"$WORK/kafka-base.tag" 2>"$LOGS/kafka-base.log" &
  local kafka_pid=$!
  bg_pids+=("$py_pid" "$kafka_pid")
  wait "$py_pid" || { cat "$LOGS/python-base.log" >&2; wait "$kafka_pid" || true; die "python base image failed"; }
  wait "$kafka_pid" || { cat "$LOGS/kafka-base.log" >&2; die "kafka base image failed"; }
  cat "$LOGS/python-base.log" "$LOGS/kafka-base.log" >&2
  PYTHON_BASE=$(cat "$WORK/python-base.tag") KAFKA_BASE=$(cat "$WORK/kafka-base.tag")
  log "bases: $PYTHON_BASE, $KAFKA_BASE"
}

# grpcurl and the wheelhouse do not need the daemon: they run while the base images are made.
install_grpcurl() {
  GRPCURL=$GOPATH_DIR/bin/grpcurl
  [[ -x $GRPCURL ]] && return
  if command -v grpcurl >/dev/null; then GRPCURL=$(command -v grpcurl); return; fi
  mkdir -p "$GOPATH_DIR"
  GOPATH=$GOPATH_DIR GOMODCACHE=$GOPATH_DIR/pkg/mod GOCACHE=$GOPATH_DIR/build GOFLAGS="${GOFLAGS:-} -modcacherw" \
    go install github.com/fullstorydev/grpcurl/cmd/grpcurl@latest
}

build_wheelhouse() {
  local key dir
  key=$( { cat "$ROOT/pyproject.toml"; "$PY" -c 'import platform, sys; print(sys.version_info[:2], platform.machine())'; } \
    | sha256sum | cut -c1-12)
  dir=$WORK/wheels/$key
  if [[ ! -f $dir/.complete ]]; then
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
    # The dependencies and the build backend, not the project itself (the image builds that).
    "$PY" - "$ROOT/pyproject.toml" >"$dir.tmp/requirements.txt" <<'EOF'
import sys, tomllib
meta = tomllib.load(open(sys.argv[1], "rb"))
print("\n".join(meta["project"]["dependencies"] + meta["build-system"]["requires"]))
EOF
    "$PY" -m pip wheel --quiet --disable-pip-version-check --wheel-dir "$dir.tmp" -r "$dir.tmp/requirements.txt"
    touch "$dir.tmp/.complete"
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
  fi
  echo "$dir" >"$WORK/wheelhouse.path"
}

background() {  # background NAME FUNCTION: runs it with its own log and timing
  local name=$1 fn=$2
  rm -f "$LOGS/$name.done"
  ( set +e; t0=$(now_ms); ( set -e; "$fn" ) >"$LOGS/$name.log" 2>&1; rc=$?
    echo "$rc $(( $(now_ms) - t0 ))" >"$LOGS/$name.done"; exit "$rc" ) &
  eval "${name}_pid=$!"
  bg_pids+=("$!")
}

join() {  # join NAME: waits for a background step and records its own duration
  local name=$1 pid_var=${1}_pid rc ms
  wait "${!pid_var}" || true
  read -r rc ms <"$LOGS/$name.done"
  times+=("$(printf '%-44s %7.1fs' "$name (in background)" "${ms}e-3")")
  ((rc == 0)) || { tail -30 "$LOGS/$name.log" >&2; die "$name failed"; }
}

build_kafka_image() {
  local libs ctx
  libs=$(cd "$ROOT" && py -m shared.kafka_runner --fetch-only | tail -1)
  [[ -d $libs ]] || die "no Kafka jars at $libs"
  ctx=$WORK/kafka-context
  rm -rf "$ctx" && mkdir -p "$ctx/opt/kafka/bin" "$ctx/opt/kafka/config" "$ctx/opt/kafka/libs"
  cp -l "$libs"/*.jar "$ctx/opt/kafka/libs/" 2>/dev/null || cp "$libs"/*.jar "$ctx/opt/kafka/libs/"
  cp "$HERE/kafka/claimcheck-kafka-run" "$HERE/kafka/claimcheck-kafka-healthcheck" "$HERE/kafka/kafka-run-class.sh" \
    "$ctx/opt/kafka/bin/"
  cp "$HERE/kafka/log4j2.properties" "$HERE/kafka/tools-log4j2.properties" "$ctx/opt/kafka/config/"
  KAFKA_LOCAL_IMAGE=claimcheck-local/kafka:$KAFKA_VERSION
  docker build --quiet -f "$HERE/kafka/Dockerfile" --build-arg "BASE_IMAGE=$KAFKA_BASE" -t "$KAFKA_LOCAL_IMAGE" "$ctx" \
    >"$LOGS/kafka-image.log" 2>&1 || { tail -30 "$LOGS/kafka-image.log" >&2; die "Kafka image build failed"; }
}

# The wheels go into deploy/wheels/ for the build context only; the ones put there are removed
# at the end.
stage_wheels() {
  local wheelhouse whl
  wheelhouse=$(cat "$WORK/wheelhouse.path")
  for whl in "$wheelhouse"/*.whl; do
    [[ -e $ROOT/deploy/wheels/${whl##*/} ]] && continue
    cp -l "$whl" "$ROOT/deploy/wheels/" 2>/dev/null || cp "$whl" "$ROOT/deploy/wheels/"
    added_wheels+=("$ROOT/deploy/wheels/${whl##*/}")
  done
}

free_ports() {  # N distinct free loopback ports (held open together while picked)
  py -c 'import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))' "$1"
}

configure_stack() {
  # Everything the compose file takes from .env that differs offline; the rest stays as in .env.
  export PYTHON_BASE_IMAGE=$PYTHON_BASE KAFKA_IMAGE=$KAFKA_LOCAL_IMAGE
  export KAFKA_HEALTHCHECK="/opt/kafka/bin/claimcheck-kafka-healthcheck 9092"
  export CLAIMCHECK_IMAGE=claimcheck-local/claimcheck:compose-test
  export CLAIMCHECK_TOPIC_PREFIX=$TOPIC_PREFIX BIND_ADDRESS=127.0.0.1
  read -r KAFKA_PORT EXTRACTOR_PORT MATCHER_PORT SCORER_PORT < <(free_ports 4)
  export KAFKA_PORT EXTRACTOR_PORT MATCHER_PORT SCORER_PORT
  docker-compose config --quiet
}

build_service_image() {
  stage_wheels
  # One build: the three services share the image (CLAIMCHECK_IMAGE).
  docker-compose build extractor >"$LOGS/service-image.log" 2>&1 \
    || { tail -40 "$LOGS/service-image.log" >&2; die "service image build failed"; }
}

# --------------------------------------------------------------------------------------------
# 3. The stack

container() { docker-compose ps -q "$1"; }

wait_healthy() {
  local deadline=$((SECONDS + ${1:-180})) service state all
  while :; do
    all=1
    for service in kafka extractor matcher scorer; do
      state=$(docker inspect -f '{{.State.Status}}/{{if .State.Health}}{{.State.Health.Status}}{{end}}' \
        "$(container "$service")" 2>/dev/null || echo missing)
      [[ $state == running/healthy ]] || all=0
    done
    ((all)) && return
    ((SECONDS < deadline)) || { docker-compose ps >&2; die "not every container became healthy"; }
    sleep 1
  done
}

stack_up() {
  stack_up=1
  docker-compose down -v --remove-orphans >/dev/null 2>&1 || true  # what a killed run left
  docker-compose up -d --no-build >"$LOGS/up.log" 2>&1 || { cat "$LOGS/up.log" >&2; die "docker-compose up failed"; }
  wait_healthy 180
  docker-compose ps >&2
}

grpc() {  # grpc PORT METHOD [JSON]
  local data=${3:-'{}'}
  "$GRPCURL" -plaintext -max-time 30 -d "$data" "127.0.0.1:$1" "$2"
}

submit() {  # submit ID JSON
  local reply
  reply=$(grpc "$EXTRACTOR_PORT" claimcheck.v1.ExtractorService/SubmitArticle "$2") || die "SubmitArticle $1 failed"
  grep -Eq "\"(articleId|article_id)\": \"$1\"" <<<"$reply" || die "SubmitArticle $1 answered: $reply"
  log "submitted $1: $(tr -d '\n ' <<<"$reply")"
}

submit_with_matcher_killed() {
  local requests id json n=0 pid restarts
  mapfile -t requests < <(py "$HERE/check_stack.py" requests "$SAMPLE")
  EXPECTED_CLAIMS=$(py "$HERE/check_stack.py" count "$SAMPLE")
  ((${#requests[@]} > 2 && EXPECTED_CLAIMS > 0)) || die "the sample story did not load"
  for line in "${requests[@]}"; do
    id=${line%%$'\t'*} json=${line#*$'\t'}
    submit "$id" "$json"
    n=$((n + 1))
    if ((n == 2)); then
      # A crash, not a stop: SIGKILL to the process, so the restart policy brings it back.
      restarts=$(docker inspect -f '{{.RestartCount}}' "$(container matcher)")
      pid=$(docker inspect -f '{{.State.Pid}}' "$(container matcher)")
      if [[ $started_dockerd == 1 && -r /proc/$pid/cmdline ]] && grep -q services.matcher "/proc/$pid/cmdline"; then
        kill -KILL "$pid"
        log "matcher (pid $pid) SIGKILLed; the rest is submitted while it restarts"
      else  # a daemon elsewhere: `docker kill` counts as a manual stop, so start it again
        docker kill -s KILL "$(container matcher)" >/dev/null
        docker start "$(container matcher)" >/dev/null
        log "matcher killed with docker kill and started again"
      fi
    fi
  done
  MATCHER_RESTARTS_BEFORE=$restarts
}

wait_recovered() {
  local deadline=$((SECONDS + 120)) restarts
  if [[ $started_dockerd == 1 ]]; then
    while restarts=$(docker inspect -f '{{.RestartCount}}' "$(container matcher)"); ((restarts <= MATCHER_RESTARTS_BEFORE)); do
      ((SECONDS < deadline)) || die "the matcher was not restarted by its restart policy"
      sleep 0.5
    done
    log "matcher restarted by its restart policy (restart count $restarts)"
  fi
  wait_healthy 120
}

wait_claims() {
  local deadline=$((SECONDS + 120)) count=0
  while :; do
    grpc "$SCORER_PORT" claimcheck.v1.VerdictService/ListClaims '{"page_size": 500}' >"$WORK/list-claims.json" \
      && count=$(py "$HERE/check_stack.py" claims "$WORK/list-claims.json") || count=0
    ((count >= EXPECTED_CLAIMS)) && break
    ((SECONDS < deadline)) || die "only $count of $EXPECTED_CLAIMS claims reached a verdict"
    sleep 1
  done
  log "scorer lists $count claims (expected $EXPECTED_CLAIMS)"
}

# Kafka's own console consumer inside the Kafka container, values raw (no deserializer), records
# and fields split by markers that check_stack.py knows; it exits once the topic is idle for 5 s.
read_verdicts() {
  docker-compose exec -T kafka /opt/kafka/bin/kafka-run-class.sh org.apache.kafka.tools.consumer.ConsoleConsumer \
    --bootstrap-server localhost:9092 --topic "$TOPIC_PREFIX.verdicts.v1" --from-beginning \
    --isolation-level read_committed --timeout-ms 5000 \
    --property print.key=true --property print.headers=true \
    --property key.separator='<<claimcheck-field>>' --property headers.separator=, \
    --property line.separator=$'<<claimcheck-record>>\n' \
    >"$WORK/verdicts.out" 2>"$LOGS/console-consumer.log" || true
  # --timeout-ms ends it with a TimeoutException, which it logs as an ERROR: expected here.
  grep -v 'Error processing message, terminating consumer\|TimeoutException\|Processed a total\|^\s*at ' \
    "$LOGS/console-consumer.log" >&2 || true
  log "console consumer: $(grep -o 'Processed a total of [0-9]* messages' "$LOGS/console-consumer.log" || echo '?')"
}

check_verdicts() {
  py "$HERE/check_stack.py" verify "$SAMPLE" "$WORK/list-claims.json" "$WORK/verdicts.out"
}

# --------------------------------------------------------------------------------------------
# 4. Teardown, also after a failure

teardown() {
  if ((stack_up)); then
    if [[ -n ${COMPOSE_TEST_KEEP_LOGS:-} || $1 != 0 ]]; then
      docker-compose logs --no-color >"$LOGS/stack.log" 2>&1 || true
      log "containers' logs: $LOGS/stack.log"
    fi
    docker-compose down -v --remove-orphans --timeout 20 >"$LOGS/down.log" 2>&1 \
      || { cat "$LOGS/down.log" >&2; log "docker-compose down failed"; }
  fi
  if ((${#added_wheels[@]})); then rm -f "${added_wheels[@]}"; fi
  if ((started_dockerd)); then
    # Superseded builds: vfs keeps a full copy of the filesystem per layer, so the build cache's
    # own size (what --keep-storage counts) is a twentieth of its disk use: a 4 GB cap let 158
    # entries fill 66 GB and the disk. Keep no build cache; the base images stay tagged.
    docker image prune -f >/dev/null 2>&1 || true
    docker builder prune -a -f >/dev/null 2>&1 || true
    stop_daemon
    remove_bridge
  fi
}

# Background steps still running after a failure or Ctrl-C: this script's own process trees.
stop_background() {
  local pid
  for pid in "${bg_pids[@]}"; do kill_tree "$pid"; done
  remove_tree "$WORK/rootfs/python.build"
  remove_tree "$WORK/rootfs/kafka.build"
}

kill_tree() {
  local child
  # shellcheck disable=SC2013  # the children file is one line of pids
  for child in $(cat "/proc/$1/task/"*/children 2>/dev/null); do kill_tree "$child"; done
  kill -TERM "$1" 2>/dev/null || true
}

on_exit() {
  local rc=$?
  trap - EXIT INT TERM
  if ((rc)); then stop_background; fi
  if [[ -n $current_step ]]; then
    times+=("$(printf '%-44s %7.1fs  FAILED' "$current_step" "$(( $(now_ms) - step_t0 ))e-3")")
    ((rc)) || rc=1
  fi
  current_step=
  timed "teardown$( ((started_dockerd)) && echo ' (stack and dockerd)' || echo ' (stack)')" teardown "$rc" || true
  print_times
  if ((rc == 0)); then log "compose-test: passed"; else log "compose-test: FAILED (logs in $LOGS)"; fi
  exit "$rc"
}

# One run at a time per cache: a second one would find this run's daemon and stop it at its end.
exec 9>"$WORK/.lock"
if ! flock -n 9; then
  log "compose-test: another run holds $WORK/.lock; waiting for it"
  flock 9
fi

script_t0=$(now_ms)
trap on_exit EXIT
trap 'exit 130' INT TERM
cd "$ROOT"

timed "tools (apt if missing)" install_tools
timed "docker daemon" start_daemon
background grpcurl install_grpcurl
background wheelhouse build_wheelhouse
timed "base images (debootstrap, import)" build_base_images
timed "kafka image (jars, build)" build_kafka_image
timed "compose config (overrides)" configure_stack
join wheelhouse
timed "service image (compose build)" build_service_image
join grpcurl
GRPCURL=$GOPATH_DIR/bin/grpcurl; [[ -x $GRPCURL ]] || GRPCURL=$(command -v grpcurl)
timed "stack up, all healthy" stack_up
timed "submit 5 articles, SIGKILL matcher after 2" submit_with_matcher_killed
timed "matcher restarted and healthy" wait_recovered
timed "all claims have verdicts (grpcurl)" wait_claims
timed "read verdicts (console consumer)" read_verdicts
timed "check verdicts against the reference" check_verdicts
