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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The fake of {@link AcmeMetricSource}'s backend: a scenario's points as JSON, in the order served. */
final class AcmeBackend implements LoopbackHttpServer.Handler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, List<ServedPoint>> series = new java.util.HashMap<>();

    AcmeBackend(Scenario scenario) {
        scenario.series().forEach(s -> series.put("acme." + s.id(), s.points()));
    }

    @Override
    public LoopbackHttpServer.Response handle(LoopbackHttpServer.Request r) throws IOException {
        long from = Long.parseLong(Objects.requireNonNull(r.queryParameter("from")));
        long to = Long.parseLong(Objects.requireNonNull(r.queryParameter("to")));
        ObjectNode root = JSON.createObjectNode();
        ObjectNode out = root.putObject("series");
        for (String id : Objects.requireNonNull(r.queryParameter("ids")).split(",")) {
            ArrayNode points = out.putArray(id);
            for (ServedPoint p : series.getOrDefault(id, List.of())) {
                long t = p.time().toEpochMilli();
                if (t >= from && t < to) {
                    ArrayNode pt = points.addArray().add(t);
                    if (p.hasValue()) {
                        pt.add(p.value());
                    } else {
                        pt.addNull();
                    }
                }
            }
        }
        return LoopbackHttpServer.Response.of(200, "application/json", JSON.writeValueAsString(root));
    }

    @Override
    public LoopbackHttpServer.Response fault(Fault fault, LoopbackHttpServer.Request r) {
        return switch (fault) {
            case THROTTLED -> LoopbackHttpServer.Response.of(429, "application/json", "{\"retry_after_ms\":5}");
            case SERVER_ERROR -> LoopbackHttpServer.Response.of(503, "application/json", "{\"error\":\"down\"}");
            case FORBIDDEN ->
                LoopbackHttpServer.Response.of(
                        403, "application/json", "{\"error\":\"key " + r.header("X-Acme-Key") + " refused\"}");
            default -> throw new IllegalArgumentException(fault.name());
        };
    }
}
