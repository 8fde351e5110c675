#!/usr/bin/env bash
# Two builds of one commit must give byte-identical published jars (main, sources, javadoc).
#   scripts/reproducible.sh save DIR      copies the published jars of the last build into DIR
#   scripts/reproducible.sh compare DIR   compares the jars of the build since then with DIR, byte for byte
# A module is published when its build attached a sources jar (the modules of the pom's `published` profile and
# the Spring Boot starter, which declares the same plugins).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="$1"
dir="$2"

published_jars() {
  local found=0
  for sources in */target/*-sources.jar; do
    [ -e "$sources" ] || continue
    found=1
    module="${sources%%/*}"
    ls "$module"/target/*.jar | grep -v -e '-tests\.jar$'
  done
  if [ "$found" -eq 0 ]; then
    echo "ERROR: no published module has jars in its target/: build them before running $0" >&2
    exit 1
  fi
}

case "$mode" in
  save)
    mkdir -p "$dir"
    count=0
    for jar in $(published_jars); do
      cp "$jar" "$dir/"
      count=$((count + 1))
    done
    echo "reproducible: saved $count published jars of the first build"
    ;;
  compare)
    failed=0
    count=0
    for jar in $(published_jars); do
      name="$(basename "$jar")"
      count=$((count + 1))
      if [ ! -f "$dir/$name" ]; then
        echo "ERROR: $name exists in the second build only" >&2
        failed=1
      elif ! cmp -s "$jar" "$dir/$name"; then
        failed=1
        echo "ERROR: $name differs between two builds of the same commit. Entries that differ:" >&2
        a="$(mktemp -d)"; b="$(mktemp -d)"
        (cd "$a" && unzip -q "$dir/$name") && (cd "$b" && unzip -q "$OLDPWD/$jar")
        diff -rq "$a" "$b" >&2 || true
        diff <(unzip -Zl "$dir/$name" | awk '{print $7, $8, $9}') <(unzip -Zl "$jar" | awk '{print $7, $8, $9}') \
          | head -5 >&2 || true
        rm -rf "$a" "$b"
      fi
    done
    if [ "$failed" -ne 0 ]; then
      echo "ERROR: the build is not reproducible. Fix: whatever wrote the differing entries must depend only on" >&2
      echo "ERROR: the sources and project.build.outputTimestamp (no build time, host name or unordered map)." >&2
      exit 1
    fi
    echo "reproducible: all $count published jars are byte-identical across two builds"
    ;;
  *)
    echo "usage: $0 save|compare DIR" >&2
    exit 2
    ;;
esac
