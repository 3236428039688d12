#!/usr/bin/env bash
# Builds the base image local/debian:bookworm from Debian's packages alone (no image registry needed):
# debootstrap (minbase) from the apt mirror this machine is configured with, trimmed, then `docker import`.
# Usage: infra/docker/base/build-base.sh [work-dir]   (root; needs debootstrap and a running Docker engine)
set -euo pipefail
TAG=${BASE_IMAGE:-local/debian:bookworm}
WORK=${1:-/var/tmp/antt-docker-base}
SOURCES=/etc/apt/sources.list.d/debian.sources
MIRROR=${DEBIAN_MIRROR:-$(awk '/^URIs:/ {print $2; exit}' "$SOURCES" 2>/dev/null || true)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}

if docker image inspect "$TAG" >/dev/null 2>&1 && [ -z "${REBUILD_BASE:-}" ]; then
  echo "base: $TAG already present (REBUILD_BASE=1 rebuilds it)"; exit 0
fi
rm -rf "$WORK"; mkdir -p "$WORK"
echo "base: debootstrap --variant=minbase bookworm from $MIRROR"
debootstrap --variant=minbase bookworm "$WORK/rootfs" "$MIRROR" > "$WORK/debootstrap.log" 2>&1 \
  || { tail -20 "$WORK/debootstrap.log"; exit 1; }
rm -rf "$WORK"/rootfs/var/cache/apt/archives/*.deb "$WORK"/rootfs/var/lib/apt/lists/*
# the image's apt uses the same mirror as this machine (Debian and Debian security)
if [ -f "$SOURCES" ]; then
  rm -f "$WORK/rootfs/etc/apt/sources.list"
  cp "$SOURCES" "$WORK/rootfs/etc/apt/sources.list.d/debian.sources"
fi
tar -C "$WORK/rootfs" -c . | docker import -c 'CMD ["/bin/bash"]' -c 'ENV LANG=C.UTF-8' - "$TAG" >/dev/null
rm -rf "$WORK"
echo "base: $TAG $(docker image inspect -f '{{.Size}}' "$TAG" | awk '{printf "%d MB", $1/1000000}')"
