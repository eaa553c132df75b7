#!/usr/bin/env bash
# Prints the path of a Java 17+ executable to run the Plimsoll CLI with, without changing the job's environment
# (nothing is written to GITHUB_ENV or GITHUB_PATH, JAVA_HOME is only read). Looks at, in order: the action's
# java-home input (PLIMSOLL_JAVA_HOME), JAVA_HOME, the JDKs preinstalled on GitHub's runners (JAVA_HOME_<major>_<arch>,
# newest first), java on PATH. Exit 2 (usage error) when none is 17 or newer.
set -euo pipefail

# the feature version of a java executable (17, 21, ...; 8 for 1.8), or nothing when it does not run
major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \(1\.\)\{0,1\}\([0-9][0-9]*\).*/\2/p' | head -n 1
}

if [ -n "${PLIMSOLL_JAVA_HOME:-}" ]; then
  exe="$PLIMSOLL_JAVA_HOME/bin/java"
  version=""
  if [ -x "$exe" ]; then version="$(major "$exe" || true)"; fi
  if [ -z "$version" ] || [ "$version" -lt 17 ]; then
    echo "plimsoll: input java-home: $exe is not a Java 17 or newer (found '${version:-nothing}')" >&2
    exit 2
  fi
  echo "$exe"
  exit 0
fi

candidates=()
if [ -n "${JAVA_HOME:-}" ]; then candidates+=("$JAVA_HOME/bin/java"); fi
while IFS= read -r name; do
  candidates+=("${!name}/bin/java")
done < <(compgen -e | grep -E '^JAVA_HOME_[0-9]+_(X64|ARM64|X86)$' | sort -t _ -k 3,3nr || true)
if command -v java >/dev/null 2>&1; then candidates+=("$(command -v java)"); fi

for exe in ${candidates[@]+"${candidates[@]}"}; do
  [ -x "$exe" ] || continue
  version="$(major "$exe" || true)"
  if [ -n "$version" ] && [ "$version" -ge 17 ]; then
    echo "$exe"
    exit 0
  fi
done
echo "plimsoll: no Java 17 or newer found (looked at JAVA_HOME, the runner's JAVA_HOME_<major>_<arch> and java on" \
  "PATH): set the action's java-home input, or run actions/setup-java before this action" >&2
exit 2
