/**
 * The analysis: detectors (pure functions of an {@link dev.plimsoll.align.AlignedRun} and an
 * {@link dev.plimsoll.analysis.AnalysisConfig}) for scaling lag, ceilings, latency bottlenecks, load-generator
 * saturation, errors and the capacity knee, plus lagged correlations. Start at {@link dev.plimsoll.Plimsoll#analyze}.
 */
@NullMarked
package dev.plimsoll.analysis;

import org.jspecify.annotations.NullMarked;
