#!/usr/bin/env bash
# The action's last step (runs after the reports are uploaded): fails the job on Plimsoll's verdict and on k6's own
# exit code, each reported beside the other. Exit status: Plimsoll's code when it failed (1 gate, 2 usage/input
# error, 3 inconclusive), otherwise k6's (99 thresholds failed, other non-zero: k6 itself failed), otherwise 0.
set +e -uo pipefail

code="${PLIMSOLL_EXIT_CODE:-}"
k6="${INPUT_K6_EXIT_CODE:-}"
status=0

case "$code" in
  "")
    echo "::error title=Plimsoll::plimsoll did not run (see the step above)"
    exit 2
    ;;
  0) ;;
  1)
    echo "::error title=Plimsoll::a gate or a finding failed the run (plimsoll exit 1); see the job summary"
    status=1
    ;;
  3)
    if [ "${INPUT_FAIL_ON_INCONCLUSIVE:-true}" = true ]; then
      echo "::error title=Plimsoll::inconclusive: the telemetry did not cover the run (plimsoll exit 3); see the job summary"
      status=3
    else
      echo "::warning title=Plimsoll::inconclusive: the telemetry did not cover the run (plimsoll exit 3)"
    fi
    ;;
  *)
    echo "::error title=Plimsoll::usage or input error (plimsoll exit $code); see the job summary"
    status="$code"
    ;;
esac

case "$k6" in
  "" | 0) ;;
  99)
    if [ "${INPUT_FAIL_ON_K6_THRESHOLDS:-true}" = true ]; then
      echo "::error title=k6::k6 thresholds failed (k6 exit 99)"
      [ "$status" != 0 ] || status=99
    else
      echo "::warning title=k6::k6 thresholds failed (k6 exit 99); not failing the job (fail-on-k6-thresholds: false)"
    fi
    ;;
  *)
    echo "::error title=k6::k6 failed (k6 exit $k6)"
    [ "$status" != 0 ] || status="$k6"
    ;;
esac
echo "plimsoll exit ${code}, k6 exit ${k6:-(not given)}: step exit $status"
exit "$status"
