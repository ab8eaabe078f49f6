#!/usr/bin/env bash
# Produces the native-image sources (target/native-sources/) on a machine without GraalVM/Mandrel.
# Every Quarkus native build step runs, so anything native-incompatible (runtime class generation,
# unregistered reflection Quarkus can see, build-time initialisation errors) fails here, early.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp package -Dnative -Dquarkus.native.sources-only=true -DskipTests "$@"
test -f target/native-sources/native-image.args
echo "native sources ready: target/native-sources (native-image.args + the runner jar and lib/)"
