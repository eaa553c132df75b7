/**
 * JUnit 5 extension wrapping load tests (JUnit Jupiter is an optional dependency of plimsoll-core: bring your own):
 * annotate a test class or method with {@link dev.plimsoll.junit.LoadTest}, take a
 * {@link dev.plimsoll.junit.LoadTestRecorder} parameter, run the load; afterwards the cloud's telemetry is fetched,
 * analysed and reported, and the test fails on a failed gate.
 */
@NullMarked
package dev.plimsoll.junit;

import org.jspecify.annotations.NullMarked;
