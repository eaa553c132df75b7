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
package dev.plimsoll.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {
    static final String KEY = "0123456789abcdef0123456789abcdef";

    final List<Duration> waits = new ArrayList<>();
    final AtomicInteger attempts = new AtomicInteger();

    Retry.Builder retry() {
        return Retry.builder("acme").sleeper(waits::add).redactor(t -> t.replace(KEY, "****"));
    }

    /** Fails {@code failures} times with {@code e}, then returns "ok". */
    Retry.Attempt<String> failing(int failures, Exception e) {
        return () -> {
            if (attempts.incrementAndGet() <= failures) {
                throw e;
            }
            return "ok";
        };
    }

    static Retry.Failure classify(Exception e) {
        return e instanceof IOException
                ? Retry.Failure.backOff("network: " + e.getMessage())
                : e instanceof IllegalStateException
                        ? Retry.Failure.retryAfter(Duration.ofSeconds(7), "throttled")
                        : Retry.Failure.permanent("refused: " + e.getMessage());
    }

    @Test
    void callWhenTransientFailuresStayWithinTheAttemptsShouldBackOffExponentiallyAndSucceed() {
        String r = retry().maxAttempts(5)
                .build()
                .call("GET /x", failing(3, new IOException("reset")), RetryTest::classify);

        assertThat(r).isEqualTo("ok");
        assertThat(attempts).hasValue(4);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void callWhenThrottledShouldWaitWhatTheBackendAskedFor() {
        retry().build().call("GET /x", failing(2, new IllegalStateException("429")), RetryTest::classify);

        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    }

    @Test
    void callWhenTheAttemptsRunOutShouldThrowARetryableExceptionSayingSo() {
        Retry r = retry().maxAttempts(3).build();

        assertThatThrownBy(() -> r.call("GET /x", failing(10, new IOException("reset")), RetryTest::classify))
                .isInstanceOfSatisfying(MetricSourceException.class, e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.type()).isEqualTo("acme");
                })
                .hasMessage("acme: GET /x failed: network: reset (gave up after 3 attempts)");
        assertThat(attempts).hasValue(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void callWhenTheNextWaitWouldExceedTheBudgetShouldGiveUpBeforeWaiting() {
        Retry r = retry().maxAttempts(10).budget(Duration.ofSeconds(10)).build();

        assertThatThrownBy(() -> r.call("GET /x", failing(10, new IllegalStateException("429")), RetryTest::classify))
                .isInstanceOfSatisfying(
                        MetricSourceException.class,
                        e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("waiting 7 s more would exceed the 10 s retry budget");
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void callWhenAFailureIsPermanentShouldNotRetry() {
        Retry r = retry().build();

        assertThatThrownBy(
                        () -> r.call("GET /x", failing(10, new IllegalArgumentException("403")), RetryTest::classify))
                .isInstanceOfSatisfying(
                        MetricSourceException.class,
                        e -> assertThat(e.isRetryable()).isFalse())
                .hasMessage("acme: GET /x failed: refused: 403");
        assertThat(attempts).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void backoffShouldBeCappedAtTheMaximum() {
        retry().maxAttempts(8)
                .budget(Duration.ofMinutes(10))
                .backoff(Duration.ofMillis(100), Duration.ofMillis(500))
                .build()
                .call("GET /x", failing(7, new IOException("reset")), RetryTest::classify);

        assertThat(waits).extracting(Duration::toMillis).containsExactly(100L, 200L, 400L, 500L, 500L, 500L, 500L);
    }

    @Test
    void credentialsShouldBeRedactedFromTheMessageAndTheCauseButTheStackKept() {
        Retry r = retry().maxAttempts(1).build();
        IOException echo = new IOException("proxy says: bad key " + KEY);

        assertThatThrownBy(() -> r.call("GET /x", failing(1, echo), RetryTest::classify))
                .isInstanceOfSatisfying(MetricSourceException.class, e -> {
                    StringWriter w = new StringWriter();
                    e.printStackTrace(new PrintWriter(w));
                    assertThat(w.toString())
                            .doesNotContain(KEY)
                            .contains("java.io.IOException: proxy says: bad key ****")
                            .contains("RetryTest");
                });
    }

    @Test
    void anInterruptWhileWaitingShouldRestoreTheFlagAndThrowARetryableException() {
        Retry r = Retry.builder("acme")
                .sleeper(d -> {
                    throw new InterruptedException();
                })
                .build();

        try {
            assertThatThrownBy(() -> r.call("GET /x", failing(1, new IOException("reset")), RetryTest::classify))
                    .isInstanceOfSatisfying(
                            MetricSourceException.class,
                            e -> assertThat(e.isRetryable()).isTrue())
                    .hasMessageContaining("interrupted while waiting to retry");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void invalidSettingsShouldBeRejectedWithTheRule() {
        assertThatThrownBy(() -> Retry.builder("acme").maxAttempts(0)).hasMessage("maxAttempts must be ≥ 1, but was 0");
        assertThatThrownBy(() -> Retry.builder("acme").budget(Duration.ofSeconds(-1)))
                .hasMessageContaining("budget must not be negative");
    }
}
