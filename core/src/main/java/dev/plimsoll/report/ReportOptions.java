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
package dev.plimsoll.report;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How a report is written, apart from what it says: today the time zone its times are shown in.
 *
 * <pre>{@code
 * report.writeTo(dir, EnumSet.allOf(ReportFormat.class), ReportOptions.defaults().withZone(ZoneId.of("Europe/Rome")));
 * }</pre>
 *
 * <p>The HTML report shows its chart axes, legends and tables in {@link #zone()} and says which zone that is; the JSON,
 * Markdown and JUnit reports keep ISO-8601 UTC instants (the JSON schema's contract), and the findings' own sentences
 * name UTC clock times whatever the zone.
 *
 * @param zone the zone times are shown in: {@link ZoneOffset#UTC} (the default), a fixed offset such as
 *     {@code +01:00} (the offset a k6 run wrote its timestamps in), or a region such as {@code Europe/Rome}, whose
 *     daylight-saving changes during the run are followed
 * @since 0.1
 */
public record ReportOptions(ZoneId zone) {
    /**
     * Checks the zone.
     *
     * @param zone the zone times are shown in
     * @throws NullPointerException if {@code zone} is null
     */
    public ReportOptions {
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * Times in UTC.
     *
     * @return options with {@link ZoneOffset#UTC}
     */
    public static ReportOptions defaults() {
        return new ReportOptions(ZoneOffset.UTC);
    }

    /**
     * The same options with times shown in {@code zone}.
     *
     * @param zone a fixed offset or a region
     * @return new options; these do not change
     */
    public ReportOptions withZone(ZoneId zone) {
        return new ReportOptions(zone);
    }
}
