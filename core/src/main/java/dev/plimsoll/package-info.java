/**
 * Plimsoll: lays a load test's timeline over the infrastructure's telemetry and says where the
 * system started to sink. Start with {@link dev.plimsoll.ingest.k6.K6Reader} to read a k6 run.
 */
@NullMarked
package dev.plimsoll;

import org.jspecify.annotations.NullMarked;
