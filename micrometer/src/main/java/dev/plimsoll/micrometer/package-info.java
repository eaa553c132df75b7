/**
 * Micrometer integration (Micrometer is an optional dependency of plimsoll-core: bring your own):
 * {@link dev.plimsoll.micrometer.PlimsollMeterBinder} publishes an analysis's findings and key figures as meters for
 * dashboards; {@link dev.plimsoll.micrometer.LoadCaptureRegistry} captures an in-JVM load test's timers into a
 * {@link dev.plimsoll.run.LoadRun} so Java load tests get the same analysis as k6 runs.
 */
@NullMarked
package dev.plimsoll.micrometer;

import org.jspecify.annotations.NullMarked;
