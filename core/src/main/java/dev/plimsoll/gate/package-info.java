/**
 * Gates in the spirit of k6 thresholds, over an analysis: {@code scaling_lag<=150s}, {@code client_p95<500ms},
 * {@code lb_latency_share<0.3}, {@code findings.warning==0}, {@code bottleneck!=backend}.
 */
@NullMarked
package dev.plimsoll.gate;

import org.jspecify.annotations.NullMarked;
