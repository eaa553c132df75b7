package dev.plimsoll.analysis;

/**
 * SPEC Research Group elasticity metrics (Herbst et al., "Elasticity in Cloud Computing: What It Is, and What It Is
 * Not", ICAC 2013; BUNGEE, 2015) with demand = load ÷ per-node capacity measured in unsaturated periods and
 * supply = nodes.
 *
 * @param accuracyUnder mean relative under-provisioning, Σ max(d − s, 0) / d over time ÷ T (0 is perfect)
 * @param accuracyOver mean relative over-provisioning, Σ max(s − d, 0) / d over time ÷ T
 * @param timeshareUnder share of time with supply < demand
 * @param timeshareOver share of time with supply > demand
 * @param jitterPerMinute (supply adaptations − demand changes) per minute: > 0 the system oscillates, < 0 it is
 *     too inert
 * @param requestsPerNode the per-node capacity demand was derived from (requests/s one node serves at the CPU
 *     threshold)
 * @param samples time samples the figures rest on
 * @since 0.1
 */
public record Elasticity(double accuracyUnder, double accuracyOver, double timeshareUnder, double timeshareOver,
        double jitterPerMinute, double requestsPerNode, int samples) {
}
