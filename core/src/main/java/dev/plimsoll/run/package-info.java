/**
 * A load run and its per-bucket timeline: {@link dev.plimsoll.run.LoadRun},
 * {@link dev.plimsoll.run.RunTimeline}, latency {@link dev.plimsoll.run.Distribution}s and
 * {@link dev.plimsoll.run.Phase}s. Tool-neutral: k6 and in-JVM runs end up here alike.
 */
@NullMarked
package dev.plimsoll.run;

import org.jspecify.annotations.NullMarked;
