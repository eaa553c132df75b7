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

import dev.plimsoll.series.TimeWindow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's clock: times of one run shown in one zone (UTC by default), with the zone named, and the zone's
 * offsets over the run for the charts' time axis (the browser's own zone is never used).
 */
final class ReportClock {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private final ZoneId zone;
    private final TimeWindow run;
    private final boolean oneDay;

    ReportClock(ZoneId zone, TimeWindow run) {
        this.zone = zone.normalized();
        this.run = run;
        this.oneDay = run.start()
                .atZone(this.zone)
                .toLocalDate()
                .equals(run.end().minusMillis(1).atZone(this.zone).toLocalDate());
    }

    /** {@code UTC}, {@code UTC+01:00}, or {@code Europe/Rome (UTC+01:00)} with the offset at the run's start. */
    String label() {
        if (zone.equals(ZoneOffset.UTC)) {
            return "UTC";
        }
        if (zone instanceof ZoneOffset o) {
            return "UTC" + o.getId();
        }
        ZoneOffset o = zone.getRules().getOffset(run.start());
        return zone.getId() + " (UTC" + (o.equals(ZoneOffset.UTC) ? "" : o.getId()) + ")";
    }

    /** A short label for column headers and legends: {@code UTC}, {@code UTC+01:00}, {@code Europe/Rome}. */
    String shortLabel() {
        return zone instanceof ZoneOffset ? (zone.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + zone.getId()) : zone.getId();
    }

    /** The clock time, with milliseconds when it has them and the date when the run spans several days. */
    String time(Instant t) {
        ZonedDateTime z = t.atZone(zone);
        String clock = (t.toEpochMilli() % 1000 == 0 ? TIME : MILLIS).format(z);
        return oneDay ? clock : DATE.format(z) + " " + clock;
    }

    /** The date and clock time (whole seconds). */
    String dateTime(Instant t) {
        ZonedDateTime z = t.atZone(zone);
        return DATE.format(z) + " " + TIME.format(z);
    }

    /** {@code 05:03:11 – 05:05:15}. */
    String span(TimeWindow w) {
        return time(w.start()) + " – " + time(w.end());
    }

    /**
     * The zone's offsets from a day before the run to a day after it, as {@code [epochSecond, offsetSeconds]} pairs:
     * the offset from each instant on (the first pair's offset holds before it too).
     */
    List<long[]> offsets() {
        ZoneRules rules = zone.getRules();
        Instant from = run.start().minusSeconds(86_400);
        Instant to = run.end().plusSeconds(86_400);
        List<long[]> out = new ArrayList<>();
        out.add(new long[] {from.getEpochSecond(), rules.getOffset(from).getTotalSeconds()});
        ZoneOffsetTransition next = rules.nextTransition(from);
        while (next != null && next.getInstant().isBefore(to)) {
            out.add(new long[] {
                next.getInstant().getEpochSecond(), next.getOffsetAfter().getTotalSeconds()
            });
            next = rules.nextTransition(next.getInstant());
        }
        return out;
    }
}
