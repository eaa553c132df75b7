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

import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.MetricQuery;
import dev.plimsoll.source.MetricSource;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The kit over the reference adapter, which keeps the contract: every check passes. */
class AcmeCompatibilityTest extends MetricSourceCompatibilityKit {
    static final String KEY = "acme-0123456789abcdef0123456789";

    /** Rules the source breaks; none here, one in each of {@link KitSelfTest}'s subclasses. */
    Set<AcmeMetricSource.Defect> defects() {
        return Set.of();
    }

    @Override
    protected LoopbackHttpServer.Handler backend(Scenario scenario) {
        return new AcmeBackend(scenario);
    }

    @Override
    protected MetricSource source(URI endpoint, Scenario scenario) {
        return new AcmeMetricSource(endpoint, KEY, maxAttempts(), clientTimeout(), defects());
    }

    @Override
    protected MetricQuery query(ServedSeries series) {
        return MetricQuery.of(series.id(), series.signal(), "acme." + series.id());
    }

    @Override
    protected Limits limits() {
        return new Limits(AcmeMetricSource.MAX_QUERIES, Limits.UNLIMITED, AcmeMetricSource.MAX_POINTS);
    }

    @Override
    protected @Nullable ObservedRequest observe(LoopbackHttpServer.Request request) {
        String ids = request.queryParameter("ids");
        if (ids == null) {
            return null;
        }
        Map<String, String> q = Map.of(
                "from", String.valueOf(request.queryParameter("from")),
                "to", String.valueOf(request.queryParameter("to")),
                "step", String.valueOf(request.queryParameter("step")));
        return new ObservedRequest(
                ids.split(",").length,
                TimeWindow.ofEpochMillis(Long.parseLong(q.get("from")), Long.parseLong(q.get("to"))),
                Duration.ofMillis(Long.parseLong(q.get("step"))));
    }

    @Override
    protected int maxAttempts() {
        return 3;
    }

    @Override
    protected Duration clientTimeout() {
        // long enough for a cold JDK HttpClient on a loaded 2-core machine: the defect runs without retries
        return Duration.ofMillis(500);
    }

    @Override
    protected Collection<String> secrets() {
        return List.of(KEY);
    }
}
