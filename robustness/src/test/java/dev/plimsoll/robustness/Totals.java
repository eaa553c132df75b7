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
package dev.plimsoll.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a successful run said about the load: the request total and the run's window, read from {@code summarize}'s
 * output or from {@code analyze}'s JSON report.
 */
record Totals(long requests, Instant start, Instant end) {
    private static final Pattern REQUESTS = Pattern.compile("(?m)^\\s*requests \\.+ (\\d{1,3}(?: \\d{3})*)(?!\\d)");
    private static final Pattern WINDOW = Pattern.compile("(?m)^window\\s+(\\S+) → (\\S+)");

    /** The totals of an outcome, or null when it printed none (an empty run). */
    static Totals of(Case.Outcome o) throws Exception {
        Path json = o.dir().resolve("out").resolve("plimsoll-report.json");
        if (Files.exists(json)) {
            JsonNode run = Mutations.JSON.readTree(json.toFile()).path("run");
            return new Totals(
                    run.path("requests").asLong(),
                    Instant.parse(run.path("start").asText()),
                    Instant.parse(run.path("end").asText()));
        }
        Matcher r = REQUESTS.matcher(o.out());
        if (!r.find()) {
            return null;
        }
        long requests = Long.parseLong(r.group(1).replaceAll("[^0-9]", ""));
        Matcher w = WINDOW.matcher(o.out());
        if (!w.find()) {
            return new Totals(requests, Instant.MIN, Instant.MAX);
        }
        return new Totals(requests, Instant.parse(w.group(1)), Instant.parse(w.group(2)));
    }
}
