#!/usr/bin/env bash
# Builds every project under consumer-tests/ as a user would: against the artifacts `mvn install` put in the
# local repository, each with its own `mvn verify`, never through the reactor. Run `mvn install` first.
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)"
if [ ! -f "$HOME/.m2/repository/dev/blipsdk/blip-sdk-core/$version/blip-sdk-core-$version.jar" ] \
    && [ -z "${MAVEN_REPO_LOCAL_SET:-}" ]; then
  echo "ERROR: blip-sdk $version is not installed in the local repository: run 'mvn install -DskipTests' first" >&2
  exit 1
fi
for pom in consumer-tests/*/pom.xml; do
  project="$(dirname "$pom")"
  echo "== consumer build: $project (blip-sdk $version from the local repository)"
  start=$SECONDS
  if ! mvn -B -q -f "$pom" verify; then
    echo "ERROR: the consumer build $project failed against the installed artifacts of blip-sdk $version." >&2
    echo "ERROR: a user's build like it would fail the same way; reproduce with: mvn -f $pom verify" >&2
    exit 1
  fi
  echo "   passed in $((SECONDS - start)) s"
done
