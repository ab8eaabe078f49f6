#!/usr/bin/env bash
# Turns target/native-sources/ into a native executable, on a machine with a container engine (podman
# or docker) or with Mandrel's native-image on the PATH. Run native-build/build-sources.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCES=target/native-sources
BUILDER_IMAGE=${BUILDER_IMAGE:-quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-21}
test -f "$SOURCES/native-image.args" || { echo "run native-build/build-sources.sh first" >&2; exit 1; }

if command -v native-image >/dev/null 2>&1; then
  (cd "$SOURCES" && native-image $(cat native-image.args))
else
  ENGINE=$(command -v podman || command -v docker || true)
  test -n "$ENGINE" || { echo "need native-image (Mandrel) or a container engine" >&2; exit 1; }
  "$ENGINE" run --rm -v "$PWD/$SOURCES:/project:z" --entrypoint /bin/bash "$BUILDER_IMAGE" \
    -c 'cd /project && native-image $(cat native-image.args)'
fi
ls -l "$SOURCES"/*-runner
echo "native executable: $(ls "$SOURCES"/*-runner)"
