#!/usr/bin/env bash
# Makes sure the API baseline, the published artifacts of release VERSION, is in the local Maven repository,
# building it from the release's commit when it is not. The parent pom runs this in the verify phase, before any
# module is compared with the baseline by japicmp, so `mvn verify` works on a fresh machine too.
#
# usage: scripts/api-baseline.sh VERSION LOCAL_REPOSITORY MAVEN_HOME
set -euo pipefail
version="$1"
repo="$2"
maven_home="$3"
root="$(cd "$(dirname "$0")/.." && pwd)"

# The release commit of each baseline, for clones that did not fetch the tag.
declare -A release_commit=([0.1.0]=185760aad9ba96c93b43db4ba98bdf710c9d7c73)

modules=(blip-sdk-core blip-sdk-whatsapp blip-sdk-desk blip-sdk-testing)
missing=()
[ -f "$repo/dev/blipsdk/blip-sdk-parent/$version/blip-sdk-parent-$version.pom" ] || missing+=(blip-sdk-parent)
for m in "${modules[@]}"; do
  [ -f "$repo/dev/blipsdk/$m/$version/$m-$version.jar" ] || missing+=("$m")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "API baseline $version: in $repo"
  exit 0
fi

fail() {
  echo "ERROR: the API baseline (blip-sdk $version, which japicmp compares this build with) is not in the local" >&2
  echo "ERROR: Maven repository $repo (missing: ${missing[*]}), and this checkout cannot build it: $1." >&2
  echo "ERROR: Fix: fetch the release with 'git fetch --tags' (and 'git fetch --unshallow' in a shallow clone)," >&2
  echo "ERROR: then build again; or build without the API gate: mvn verify -Djapicmp.skip" >&2
  exit 1
}

command -v git >/dev/null || fail "git is not on the PATH"
git -C "$root" rev-parse --git-dir >/dev/null 2>&1 || fail "$root is not a git checkout"
commit="$(git -C "$root" rev-parse --verify -q "refs/tags/v$version^{commit}" || true)"
if [ -z "$commit" ]; then
  known="${release_commit[$version]:-}"
  if [ -n "$known" ] && git -C "$root" cat-file -e "$known^{commit}" 2>/dev/null; then
    commit="$known"
  else
    fail "it has neither the tag v$version nor the release commit ${known:-(unknown)}"
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "API baseline $version: missing ${missing[*]}; building it from ${commit:0:12} into $repo (once per machine)"
git -C "$root" archive "$commit" | tar -x -C "$work"
if ! "$maven_home/bin/mvn" -f "$work/pom.xml" -B -q -Dmaven.repo.local="$repo" \
    -pl sdk-core,sdk-whatsapp,sdk-desk,sdk-testing -am install \
    -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true > "$work/build.log" 2>&1; then
  tail -40 "$work/build.log" >&2
  fail "building release $version from ${commit:0:12} failed (its log is above)"
fi
echo "API baseline $version: built and installed"
