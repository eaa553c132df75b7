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
package dev.plimsoll.analysis.internal;

import dev.plimsoll.run.LoadMetrics;
import dev.plimsoll.run.LoadRun;

/**
 * Names of the load run's own series in evidence and reasons, in the words of the tool that recorded the run: k6's
 * metric names for a k6 run ({@code k6:http_req_duration.p95}), the neutral names for any other tool
 * ({@code jmeter:request_duration.p95}).
 */
final class ClientSeries {
    private ClientSeries() {}

    /**
     * The series id of a client metric given by its k6 name, e.g. {@code k6:http_reqs} or {@code gatling:requests}.
     */
    static String id(LoadRun run, String k6Name) {
        return run.tool() + ":" + name(run, k6Name);
    }

    /** The metric's name as the run's tool would say it, prefixed by the tool, e.g. {@code k6 http_req_blocked}. */
    static String label(LoadRun run, String k6Name) {
        return run.tool() + " " + name(run, k6Name);
    }

    private static String name(LoadRun run, String k6Name) {
        return "k6".equals(run.tool()) ? k6Name : LoadMetrics.neutral(k6Name);
    }
}
