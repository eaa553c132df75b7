#!/usr/bin/env bash
# Prints the path of the Plimsoll CLI jar to run, fetching or building it first. Usage: resolve-cli.sh JAVA
#
#   PLIMSOLL_CLI=auto     an explicit PLIMSOLL_VERSION, or a release version in the action's own pom.xml when the action
#                         was fetched from another repository: Maven Central; otherwise (used from a checkout of
#                         Plimsoll itself, or a -SNAPSHOT): built from the action's sources
#   PLIMSOLL_CLI=central  dev.plimsoll:plimsoll-cli:<version>:jar:all from PLIMSOLL_MAVEN_REPOSITORY (Maven Central's
#                         layout), checked against PLIMSOLL_CLI_SHA256 when given, else against the repository's
#                         .sha512, .sha256 or .sha1 (the first that exists)
#   PLIMSOLL_CLI=build    ./mvnw -pl cli -am package in the repository the action came from (needs a JDK)
#   PLIMSOLL_CLI=<file>.jar  that jar
#
# Diagnostics go to stderr; exit 2 (usage error) when the jar cannot be had.
set -euo pipefail

java="$1"
fail() {
  echo "plimsoll: $*" >&2
  exit 2
}

# the repository the action was checked out from: .github/actions/plimsoll is three levels below it
action_root="$(cd "$GITHUB_ACTION_PATH" && cd ../../.. && pwd)"
mode="${PLIMSOLL_CLI:-auto}"
version="${PLIMSOLL_VERSION:-}"

pom_version() {
  # the parent POM's own <version>: the first one after <artifactId>plimsoll-parent</artifactId>
  sed -n '/<artifactId>plimsoll-parent<\/artifactId>/,/<\/version>/s|.*<version>\(.*\)</version>.*|\1|p' \
    "$action_root/pom.xml" 2>/dev/null | head -n 1
}

inside_workspace() {
  [ -n "${GITHUB_WORKSPACE:-}" ] || return 1
  local workspace
  workspace="$(cd "$GITHUB_WORKSPACE" && pwd)"
  case "$action_root/" in "$workspace/"*) return 0 ;; *) return 1 ;; esac
}

if [ "$mode" = auto ]; then
  if [ -n "$version" ]; then
    mode=central
  else
    version="$(pom_version)"
    [ -n "$version" ] || fail "cannot tell the action's version: no plimsoll-parent version in $action_root/pom.xml"
    if [[ "$version" == *-SNAPSHOT ]] || inside_workspace; then mode=build; else mode=central; fi
  fi
fi

digest() { # algorithm (1, 256, 512), file
  if command -v "sha$1sum" >/dev/null 2>&1; then "sha$1sum" "$2" | cut -d ' ' -f 1; else shasum -a "$1" "$2" | cut -d ' ' -f 1; fi
}

case "$mode" in
  *.jar)
    [ -f "$mode" ] || fail "input cli: no such jar: $mode"
    echo "$(cd "$(dirname "$mode")" && pwd)/$(basename "$mode")"
    ;;
  central)
    [ -n "$version" ] || version="$(pom_version)"
    [[ "$version" =~ ^[0-9][0-9A-Za-z.+_-]*$ ]] || fail "input version: '$version' is not a release version"
    [[ "$version" != *-SNAPSHOT ]] || fail "input version: $version is a snapshot; Maven Central holds releases only (use cli: build)"
    repository="${PLIMSOLL_MAVEN_REPOSITORY:-https://repo1.maven.org/maven2}"
    url="${repository%/}/dev/plimsoll/plimsoll-cli/$version/plimsoll-cli-$version-all.jar"
    dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/plimsoll-cli-$version"
    jar="$dir/plimsoll-cli-$version-all.jar"
    if [ ! -f "$jar" ]; then
      mkdir -p "$dir"
      echo "plimsoll: fetching $url" >&2
      curl -fsSL --retry 3 -o "$jar.part" "$url" || fail "cannot fetch plimsoll-cli $version ($url)"
      if [ -n "${PLIMSOLL_CLI_SHA256:-}" ]; then
        expected="$(printf '%s' "$PLIMSOLL_CLI_SHA256" | tr 'A-F' 'a-f')" algorithm=256 source="input cli-sha256"
      else
        expected="" algorithm="" source=""
        for a in 512 256 1; do
          if expected="$(curl -fsSL --retry 3 "$url.sha$a" 2>/dev/null)"; then
            expected="$(printf '%s' "$expected" | tr -d '\r' | tr 'A-F' 'a-f' | cut -d ' ' -f 1 | head -n 1)"
            algorithm="$a" source="$url.sha$a"
            break
          fi
          expected=""
        done
        [ -n "$expected" ] || { rm -f "$jar.part"; fail "no .sha512, .sha256 or .sha1 beside $url: refusing an unchecked jar"; }
      fi
      actual="$(digest "$algorithm" "$jar.part")"
      if [ "$actual" != "$expected" ]; then
        rm -f "$jar.part"
        fail "checksum mismatch for $url: SHA-$algorithm is $actual, $source says $expected"
      fi
      echo "plimsoll: SHA-$algorithm of plimsoll-cli-$version-all.jar verified against $source" >&2
      mv "$jar.part" "$jar"
    fi
    echo "$jar"
    ;;
  build)
    [ -f "$action_root/mvnw" ] || fail "input cli: build needs Plimsoll's sources (mvnw) at $action_root"
    jdk="$(cd "$(dirname "$(readlink -f "$java")")/.." && pwd)"
    [ -x "$jdk/bin/javac" ] || fail "input cli: build needs a JDK, $jdk has no javac (set java-home)"
    echo "plimsoll: building the CLI from $action_root with the JDK at $jdk" >&2
    # JAVA_HOME for Maven only, in this subshell: the job's environment is left as it was
    (cd "$action_root" && JAVA_HOME="$jdk" bash ./mvnw -B -q -DskipTests -Dmaven.javadoc.skip=true \
      -Dmaven.source.skip=true -Dcyclonedx.skip=true -pl cli -am package >&2) || fail "building the CLI failed (see above)"
    echo "$action_root/cli/target/plimsoll.jar"
    ;;
  *)
    fail "input cli: '$mode' is none of auto, central, build or a path to a .jar"
    ;;
esac
