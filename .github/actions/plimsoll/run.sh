#!/usr/bin/env bash
# The action's main step. Every input arrives as an environment variable (INPUT_*, PLIMSOLL_*), never pasted into
# this script. Resolves Java and the CLI, runs `plimsoll analyze`, writes the step's outputs (verdict, exit-code,
# report-path, k6-exit-code, artifact-name) and the job summary, and exits 0: conclude.sh fails the job afterwards, so
# the reports are uploaded first.
set +e -uo pipefail # no -e: every failure is handled and reported

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"

output() { # name, value (one line)
  printf '%s=%s\n' "$1" "$(printf '%s' "$2" | tr -d '\r\n')" >> "$GITHUB_OUTPUT"
}

k6_meaning() {
  case "$1" in
    "") echo "not given" ;;
    0) echo "passed" ;;
    99) echo "thresholds failed" ;;
    *) echo "k6 failed" ;;
  esac
}

k6_code="${INPUT_K6_EXIT_CODE:-}"
report_path=""

# verdict, exit code, optional error message: the outputs and the summary's header
finish() {
  local verdict="$1" code="$2" message="${3:-}"
  if [ -n "${INPUT_HISTORY:-}" ]; then message="${message//"$INPUT_HISTORY"/***}"; fi
  output verdict "$verdict"
  output exit-code "$code"
  output k6-exit-code "$k6_code"
  {
    echo "### Plimsoll: $verdict"
    echo
    echo "| | exit code | meaning |"
    echo "|---|---|---|"
    echo "| Plimsoll | $code | $(case "$code" in 0) echo "pass: nothing failed" ;; 1) echo "a gate or a finding failed the run" ;;
      2) echo "usage or input error" ;; 3) echo "inconclusive" ;; *) echo "error" ;; esac) |"
    echo "| k6 | ${k6_code:-–} | $(k6_meaning "$k6_code") |"
    echo
    if [ -n "$message" ]; then
      echo '```'
      printf '%s\n' "$message"
      echo '```'
      echo
    fi
    if [ "$verdict" != error ] && [ -n "$report_path" ] && [ -f "$report_path/plimsoll-report.md" ]; then
      cat "$report_path/plimsoll-report.md"
      echo
    fi
  } >> "$summary"
  exit 0
}

input_error() {
  local escaped="$*"
  escaped="${escaped//'%'/%25}"
  escaped="${escaped//$'\r'/%0D}"
  echo "::error title=Plimsoll::${escaped//$'\n'/%0A}"
  finish error 2 "$*"
}

# --- the artifact's name: unique per job and matrix combination unless given
name="${INPUT_ARTIFACT_NAME:-}"
if [ -z "$name" ]; then
  name="plimsoll-report-${GITHUB_JOB:-job}"
  if [ "${PLIMSOLL_JOB_TOTAL:-1}" -gt 1 ] 2>/dev/null; then name="$name-${PLIMSOLL_JOB_INDEX:-0}"; fi
fi
output artifact-name "$name"

# --- inputs checked before anything runs
[[ "$k6_code" =~ ^[0-9]*$ ]] || input_error "input k6-exit-code: '$k6_code' is not an exit code"
case "$name" in
  *[\":\<\>\|\*\?\\/]* | *$'\n'* | *$'\r'*) input_error "input artifact-name: '$name' holds a character GitHub refuses (\" : < > | * ? \\ /)" ;;
esac
for flag in cloudwatch:INPUT_CLOUDWATCH datadog:INPUT_DATADOG; do
  var="${flag#*:}"
  case "${!var:-false}" in true | false) ;; *) input_error "input ${flag%%:*}: '${!var}' is neither true nor false" ;; esac
done
[[ "${INPUT_MAX_NODES:-0}" =~ ^[0-9]+$ ]] || input_error "input max-nodes: '${INPUT_MAX_NODES}' is not a whole number"
[ -n "${INPUT_K6_RESULTS//[[:space:]]/}" ] || input_error "input k6-results: no k6 output given"

out="${INPUT_OUT:-plimsoll-report}"
mkdir -p -- "$out" || input_error "input out: cannot create the folder $out"
report_path="$(cd -- "$out" && pwd)"
output report-path "$report_path"

# --- Java and the CLI, without touching the job's JAVA_HOME or PATH
log="$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/plimsoll.XXXXXX")"
if ! java="$(bash "$here/resolve-java.sh" 2>"$log")"; then input_error "$(sed 's/^plimsoll: //' "$log")"; fi
cat "$log" >&2
if ! jar="$(bash "$here/resolve-cli.sh" "$java" 2>"$log")"; then
  cat "$log" >&2
  input_error "$(grep '^plimsoll: ' "$log" | tail -n 1 | sed 's/^plimsoll: //')"
fi
cat "$log" >&2

# --- the command line, from the inputs; values are passed as separate arguments, never evaluated
args=(analyze)
shown=(analyze)
add() { args+=("$@"); shown+=("$@"); }
for file in $INPUT_K6_RESULTS; do add --k6 "$file"; done # whitespace-separated; globs expand
[ "${INPUT_CLOUDWATCH:-false}" = true ] && add --cloudwatch
[ "${INPUT_DATADOG:-false}" = true ] && add --datadog
[ -n "${INPUT_CLOUDWATCH_REPLAY:-}" ] && add --cloudwatch-replay "$INPUT_CLOUDWATCH_REPLAY"
[ -n "${INPUT_DATADOG_REPLAY:-}" ] && add --datadog-replay "$INPUT_DATADOG_REPLAY"
[ -n "${INPUT_AWS_REGION:-}" ] && add --region "$INPUT_AWS_REGION"
[ -n "${INPUT_CLUSTER:-}" ] && add --cluster "$INPUT_CLUSTER"
[ -n "${INPUT_LOAD_BALANCER:-}" ] && add --load-balancer "$INPUT_LOAD_BALANCER"
[ -n "${INPUT_NAMESPACE:-}" ] && add --namespace "$INPUT_NAMESPACE"
[ -n "${INPUT_SERVICE:-}" ] && add --service "$INPUT_SERVICE"
[ -n "${INPUT_DATADOG_SITE:-}" ] && add --site "$INPUT_DATADOG_SITE"
[ -n "${INPUT_CONFIG:-}" ] && add --config "$INPUT_CONFIG"
[ "${INPUT_MAX_NODES:-0}" != 0 ] && add --max-nodes "$INPUT_MAX_NODES"
[ -n "${INPUT_INGESTION_DELAY:-}" ] && add --ingestion-delay "$INPUT_INGESTION_DELAY"
if [ -n "${INPUT_HISTORY:-}" ]; then
  args+=(--history "$INPUT_HISTORY")
  shown+=(--history '***') # a database URL may carry a password
fi
while IFS= read -r gate; do
  gate="${gate#"${gate%%[![:space:]]*}"}"
  gate="${gate%"${gate##*[![:space:]]}"}"
  [ -n "$gate" ] && add --gate "$gate"
done <<< "${INPUT_GATES:-}"
while IFS= read -r arg; do
  [ -n "$arg" ] && add "$arg"
done <<< "${INPUT_ARGS:-}"
add --out "$report_path" --format html,json,md,junit --quiet
echo "plimsoll: $java -jar $jar ${shown[*]}"

# options this CLI may predate: say so by name instead of picocli's "Unknown option"
help=""
if [ -n "${INPUT_INGESTION_DELAY:-}${INPUT_HISTORY:-}" ]; then help="$("$java" -jar "$jar" analyze --help 2>&1)"; fi
for triple in ingestion-delay:--ingestion-delay:INPUT_INGESTION_DELAY history:--history:INPUT_HISTORY; do
  input="${triple%%:*}" rest="${triple#*:}"
  flag="${rest%%:*}" var="${rest#*:}"
  if [ -n "${!var:-}" ] && ! grep -q -- "$flag" <<< "$help"; then
    input_error "input $input: this plimsoll-cli ($jar) has no $flag option; use a version that has, or leave the input empty"
  fi
done

# --- the run
# shellcheck disable=SC2086 # PLIMSOLL_JAVA_OPTS is a list of JVM options, split on purpose
# stdout to the log as it comes, stderr to the log and to a file for the summary
{ "$java" ${PLIMSOLL_JAVA_OPTS:-} -jar "$jar" "${args[@]}" 2>&1 1>&3 3>&-; } 3>&1 | tee "$log" >&2
code="${PIPESTATUS[0]}"
case "$code" in
  0) finish pass 0 ;;
  1) finish fail 1 ;;
  3) finish inconclusive 3 ;;
  *) finish error "$code" "$(tail -n 20 "$log")" ;;
esac
