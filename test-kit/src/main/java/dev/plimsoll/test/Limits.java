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
package dev.plimsoll.test;

/**
 * A backend's per-request limits, which a source must split its requests under.
 *
 * @param maxQueriesPerRequest queries one request may hold (CloudWatch 500, Datadog's v2 batches 10)
 * @param maxPointsPerRequest datapoints one request may ask for over all its queries (CloudWatch 100 800);
 *     {@link Long#MAX_VALUE} for no such limit
 * @param maxPointsPerSeries points one series of one request may hold (Datadog about 1500); {@link Long#MAX_VALUE}
 *     for no such limit
 * @since 0.1
 */
public record Limits(int maxQueriesPerRequest, long maxPointsPerRequest, long maxPointsPerSeries) {
    /** No limit. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /**
     * Checks the limits.
     *
     * @param maxQueriesPerRequest positive
     * @param maxPointsPerRequest positive, {@link #UNLIMITED} for none
     * @param maxPointsPerSeries positive, {@link #UNLIMITED} for none
     * @throws IllegalArgumentException if a limit is not positive
     */
    public Limits {
        if (maxQueriesPerRequest < 1 || maxPointsPerRequest < 1 || maxPointsPerSeries < 1) {
            throw new IllegalArgumentException("limits must be positive, but were " + maxQueriesPerRequest + ", "
                    + maxPointsPerRequest + ", " + maxPointsPerSeries);
        }
    }

    /**
     * Whether one request stays within the limits.
     *
     * @param r what the request asked for
     * @return true if its queries, its points per series and their product are within the limits
     */
    public boolean allows(ObservedRequest r) {
        return r.queries() <= maxQueriesPerRequest
                && r.pointsPerSeries() <= maxPointsPerSeries
                && r.queries() * r.pointsPerSeries() <= maxPointsPerRequest;
    }
}
