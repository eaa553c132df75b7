/**
 * The analysis: the {@link dev.plimsoll.analysis.Detector} SPI (pure functions of a
 * {@link dev.plimsoll.analysis.DetectionContext}), the built-in detectors ({@link dev.plimsoll.analysis.Detectors}) for
 * scaling lag, ceilings, flapping, latency bottlenecks, load-generator saturation, errors and the capacity knee, the
 * configuration and the result. Start at {@code dev.plimsoll.LoadTestAnalysis}.
 */
@NullMarked
package dev.plimsoll.analysis;

import org.jspecify.annotations.NullMarked;
