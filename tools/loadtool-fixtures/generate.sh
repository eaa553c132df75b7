#!/usr/bin/env bash
# Runs JMeter 5.6.3 (in-process) and Gatling 3.13.5 (binary simulation.log) and 3.11.5 (text simulation.log)
# against FixtureServer on 127.0.0.1 and copies their result files and their own figures into
# core/src/test/resources/{jmeter,gatling}. Usage: tools/loadtool-fixtures/generate.sh [mixed|s1]
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
MVN="$ROOT/mvnw -B -q"
$MVN compile
$MVN dependency:build-classpath -Dmdep.outputFile=target/cp.txt
$MVN dependency:build-classpath -Dgatling.version=3.11.5 -Dmdep.outputFile=target/cp-3.11.txt
CP="target/classes:$(cat target/cp.txt)"
CP311="target/classes:$(cat target/cp-3.11.txt)"
JAVA="java --add-opens java.base/java.lang=ALL-UNNAMED -Xmx1g"
OUT=target/out
what=${1:-mixed}
if [ "$what" = mixed ]; then
  rm -rf $OUT/jmeter-mixed $OUT/gatling-mixed $OUT/gatling-mixed-311
  $JAVA -cp "$CP" dev.plimsoll.fixtures.JMeterRun mixed $OUT/jmeter-mixed
  $JAVA -cp "$CP" dev.plimsoll.fixtures.GatlingRun mixed $OUT/gatling-mixed || true
  $JAVA -cp "$CP311" dev.plimsoll.fixtures.GatlingRun mixed $OUT/gatling-mixed-311 || true
  J=$ROOT/core/src/test/resources/jmeter/mixed
  mkdir -p $J
  cp $OUT/jmeter-mixed/results*.csv $OUT/jmeter-mixed/results.xml $OUT/jmeter-mixed/aggregate-report*.csv $J/
  cp $OUT/jmeter-mixed/dashboard/statistics.json $J/statistics.json
  for v in gatling-mixed:3.13.5 gatling-mixed-311:3.11.5; do
    d=${v%%:*}; ver=${v##*:}
    run=$(ls -d $OUT/$d/*/ | head -1)
    G=$ROOT/core/src/test/resources/gatling/mixed-$ver
    mkdir -p $G
    cp $run/simulation.log $G/simulation.log
    # Gatling 3.11 writes js/stats.json and js/global_stats.json; 3.13 writes js/stats.js
    for f in stats.json global_stats.json stats.js; do [ -f $run/js/$f ] && cp $run/js/$f $G/; done
  done
else
  # S1 replay: latency, VU and request-mix profile of the recorded k6 run (see S1Profile), real duration
  rm -rf $OUT/s1
  $JAVA -cp "$CP" dev.plimsoll.fixtures.S1Profile "$ROOT/acceptance/src/test/resources/scenarios/S1_backend_scaling/k6/results.csv.gz" $OUT/s1
  $JAVA -cp "$CP" dev.plimsoll.fixtures.JMeterRun profile $OUT/s1/jmeter $OUT/s1
  $JAVA -cp "$CP" dev.plimsoll.fixtures.GatlingRun profile $OUT/s1/gatling $OUT/s1 || true
  A=$ROOT/acceptance/src/test/resources/scenarios/S1_backend_scaling
  mkdir -p $A/jmeter $A/gatling
  gzip -9 -c $OUT/s1/jmeter/results.csv > $A/jmeter/results.jtl.gz
  cp $OUT/s1/jmeter/aggregate-report.csv $A/jmeter/
  run=$(ls -d $OUT/s1/gatling/*/ | head -1)
  gzip -9 -c $run/simulation.log > $A/gatling/simulation.log.gz
  cp $run/js/stats.js $A/gatling/
fi
