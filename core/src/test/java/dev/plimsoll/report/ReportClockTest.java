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

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.series.TimeWindow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportClockTest {
    private static final TimeWindow RUN =
            new TimeWindow(Instant.parse("2026-11-26T05:02:30Z"), Instant.parse("2026-11-26T05:06:52Z"));

    @Test
    void utcShouldBeCalledUtc() {
        ReportClock c = new ReportClock(ZoneOffset.UTC, RUN);

        assertThat(c.label()).isEqualTo("UTC");
        assertThat(c.shortLabel()).isEqualTo("UTC");
        assertThat(new ReportClock(ZoneId.of("Etc/UTC"), RUN).label()).isEqualTo("UTC");
        assertThat(new ReportClock(ZoneId.of("UTC"), RUN).label()).isEqualTo("UTC");
        assertThat(c.time(Instant.parse("2026-11-26T05:03:11.853Z"))).isEqualTo("05:03:11.853");
        assertThat(c.time(Instant.parse("2026-11-26T05:05:15Z"))).isEqualTo("05:05:15");
        assertThat(c.offsets()).hasSize(1).allSatisfy(o -> assertThat(o[1]).isZero());
    }

    @Test
    void anOffsetShouldBeShownAsTheRunWroteIt() {
        ReportClock c = new ReportClock(ZoneOffset.ofHours(1), RUN);

        assertThat(c.label()).isEqualTo("UTC+01:00");
        assertThat(c.time(Instant.parse("2026-11-26T05:05:15Z"))).isEqualTo("06:05:15");
    }

    @Test
    void aRegionShouldNameItsOffsetAtTheStart() {
        ReportClock c = new ReportClock(ZoneId.of("Europe/Rome"), RUN);

        assertThat(c.label()).isEqualTo("Europe/Rome (UTC+01:00)");
        assertThat(c.shortLabel()).isEqualTo("Europe/Rome");
        assertThat(c.span(RUN)).isEqualTo("06:02:30 – 06:06:52");
    }

    @Test
    void aRunAcrossMidnightShouldShowDates() {
        TimeWindow night = new TimeWindow(Instant.parse("2026-11-26T23:30:00Z"), Instant.parse("2026-11-27T00:30:00Z"));

        assertThat(new ReportClock(ZoneOffset.UTC, night).time(Instant.parse("2026-11-27T00:10:00Z")))
                .isEqualTo("2026-11-27 00:10:00");
        // the same run in New York stays on one day
        assertThat(new ReportClock(ZoneId.of("America/New_York"), night).time(Instant.parse("2026-11-27T00:10:00Z")))
                .isEqualTo("19:10:00");
    }

    @Test
    void offsetsShouldFollowADaylightSavingChangeDuringTheRun() {
        // Europe/Rome moves from +01:00 to +02:00 at 2026-03-29T01:00:00Z
        TimeWindow overnight =
                new TimeWindow(Instant.parse("2026-03-28T22:00:00Z"), Instant.parse("2026-03-29T04:00:00Z"));

        List<long[]> offsets = new ReportClock(ZoneId.of("Europe/Rome"), overnight).offsets();

        assertThat(offsets).hasSize(2);
        assertThat(offsets.get(0)[1]).isEqualTo(3600);
        assertThat(offsets.get(1)[0])
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z").getEpochSecond());
        assertThat(offsets.get(1)[1]).isEqualTo(7200);
    }
}
