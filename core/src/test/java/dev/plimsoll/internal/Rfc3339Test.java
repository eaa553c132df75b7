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
package dev.plimsoll.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-26T04:54:52.104720988+01:00",
                "2026-11-25T22:55:32.099996623-05:00",
                "2026-11-26T03:54:52Z",
                "2026-11-26T03:54:52.5Z",
                "2024-02-29T23:59:59.999999999+14:00",
                "1999-12-31T23:59:59.1-09:30",
                "2026-01-01T00:00:00.123456+05:45",
                "2026-11-26t03:54:52z"
            })
    void parseShouldMatchJavaTime(String text) {
        OffsetDateTime t = OffsetDateTime.parse(text.toUpperCase(java.util.Locale.ROOT));
        assertThat(Rfc3339.parseEpochNanos(text)).isEqualTo(t.toEpochSecond() * 1_000_000_000L + t.getNano());
    }

    @Test
    void parseShouldMatchJavaTimeOnRandomInstants() {
        Random random = new Random(12345);
        for (int i = 0; i < 10_000; i++) {
            long seconds = 946_684_800L + (long) (random.nextDouble() * 2_000_000_000L);
            int nanos = random.nextInt(1_000_000_000);
            int offsetMinutes = (random.nextInt(28 * 4) - 12 * 4) * 15;
            OffsetDateTime t = OffsetDateTime.ofInstant(
                    java.time.Instant.ofEpochSecond(seconds, nanos),
                    java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
            String text = t.toString();
            assertThat(Rfc3339.parseEpochNanos(text)).as(text).isEqualTo(seconds * 1_000_000_000L + nanos);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "yesterday",
                "2026-11-26T04:54:52",
                "2026-13-26T04:54:52Z",
                "2026-02-30T04:54:52Z",
                "2026-11-26T04:54:52.+01:00",
                ""
            })
    void parseShouldRejectWhatIsNotRfc3339(String text) {
        assertThatThrownBy(() -> Rfc3339.parseEpochNanos(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time must");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2262-04-12T00:00:00Z",
                "2300-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z",
                "1677-09-21T00:00:00Z",
                "0001-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z"
            })
    void timesNanosecondsCannotHoldShouldBeRefusedNotWrapped(String text) {
        assertThatThrownBy(() -> Rfc3339.parseEpochNanos(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1677-09-21 and 2262-04-11");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2262-04-11T23:47:16.854775807Z", "1677-09-21T00:12:43.145224192Z"})
    void theEndsOfTheRangeShouldBeRead(String text) {
        assertThat(Rfc3339.parseEpochNanos(text))
                .isEqualTo(java.time.Duration.between(java.time.Instant.EPOCH, java.time.Instant.parse(text))
                        .toNanos());
    }
}
