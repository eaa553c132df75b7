/*
 * Copyright 2026 the Plimsoll authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.plimsoll.analysis;

/**
 * SPEC Research Group elasticity metrics (Herbst et al., "Elasticity in Cloud Computing: What It Is, and What It Is
 * Not", ICAC 2013; BUNGEE, 2015) with demand = load ÷ per-node capacity measured in unsaturated periods and
 * supply = nodes.
 *
 * @param accuracyUnder mean relative under-provisioning, Σ max(d − s, 0) / d over time ÷ T (0 is perfect)
 * @param accuracyOver mean relative over-provisioning, Σ max(s − d, 0) / d over time ÷ T
 * @param timeshareUnder share of time with supply &lt; demand
 * @param timeshareOver share of time with supply &gt; demand
 * @param jitterPerMinute (supply adaptations − demand changes) per minute: &gt; 0 the system oscillates, &lt; 0 it is
 *     too inert
 * @param requestsPerNode the per-node capacity demand was derived from (requests/s one node serves at the CPU
 *     threshold)
 * @param samples time samples the figures rest on
 * @since 0.1
 */
public record Elasticity(
        double accuracyUnder,
        double accuracyOver,
        double timeshareUnder,
        double timeshareOver,
        double jitterPerMinute,
        double requestsPerNode,
        int samples) {}
