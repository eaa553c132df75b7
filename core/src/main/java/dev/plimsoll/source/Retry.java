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

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Calls a backend with retries: the one retry loop adapters share. Each failure of an attempt is classified by the
 * adapter (it knows its backend's errors): {@link Failure#permanent permanent} (a bad request, refused credentials)
 * ends at once; {@link Failure#backOff transient} (a 5xx, a reset connection, a timeout, a truncated body) waits
 * {@code base × 2^(attempt-1)}, at most {@code maxBackoff}; {@link Failure#retryAfter throttled} waits what the backend
 * asked for. The call gives up when the next wait would exceed the budget or the attempts are used up. Every failure
 * ends as one {@link MetricSourceException} whose {@link MetricSourceException#isRetryable()} says whether trying
 * again later may succeed, with its message and cause passed through the adapter's redactor.
 *
 * <pre>{@code
 * Retry retry = Retry.builder("datadog").maxAttempts(5).budget(Duration.ofSeconds(60)).redactor(this::redact).build();
 * MetricsQueryResponse r = retry.call("GET /api/v1/query", () -> api.queryMetrics(from, to, q), this::classify);
 * }</pre>
 *
 * <p>Waits are deterministic (no jitter): one fetch makes its requests one after another, so there is no herd to
 * spread. Thread-safe; one instance may serve every call of a source.
 *
 * @since 0.1
 */
public final class Retry {
    /** Attempts per call, including the first. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /** Longest total wait between the attempts of one call. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);
    /** First backoff after a transient failure; doubles with each further attempt. */
    public static final Duration DEFAULT_BASE_BACKOFF = Duration.ofSeconds(1);
    /** Longest single backoff. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

    private final String type;
    private final int maxAttempts;
    private final Duration budget;
    private final Duration baseBackoff;
    private final Duration maxBackoff;
    private final Sleeper sleeper;
    private final UnaryOperator<String> redactor;

    private Retry(Builder b) {
        this.type = b.type;
        this.maxAttempts = b.maxAttempts;
        this.budget = b.budget;
        this.baseBackoff = b.baseBackoff;
        this.maxBackoff = b.maxBackoff;
        this.sleeper = b.sleeper;
        this.redactor = b.redactor;
    }

    /**
     * A builder for a source of {@code type}, with the defaults above.
     *
     * @param type the source type, e.g. {@code datadog}; names the source in every exception
     * @return a builder
     * @throws NullPointerException if {@code type} is null
     */
    public static Builder builder(String type) {
        return new Builder(type);
    }

    /**
     * Attempts per call, including the first.
     *
     * @return at least 1
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Longest total wait between the attempts of one call.
     *
     * @return zero or positive; the time of the attempts themselves is not counted
     */
    public Duration budget() {
        return budget;
    }

    /**
     * Runs {@code attempt} until it returns, a failure is permanent, the attempts are used up or the next wait would
     * exceed the budget.
     *
     * @param what the call, for messages (e.g. {@code GET /api/v1/query}); never holds credentials
     * @param attempt one try
     * @param classifier what a failure of one try means; runtime exceptions it does not expect should be permanent
     * @param <T> what the call returns
     * @return what the attempt returned
     * @throws MetricSourceException when the call failed: not retryable for a permanent failure, retryable when the
     *     attempts or the budget ran out, or the thread was interrupted while waiting (the interrupt flag is restored)
     */
    public <T> T call(String what, Attempt<T> attempt, Classifier classifier) {
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(classifier, "classifier");
        long budgetMillis = budget.toMillis();
        long waited = 0;
        for (int n = 1; ; n++) {
            Failure failure;
            Exception cause;
            try {
                return attempt.call();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MetricSourceException(type, true, redact(what + " was interrupted"), redacted(e));
            } catch (Exception e) {
                cause = e;
                failure = Objects.requireNonNull(classifier.classify(e), "classifier returned null");
            }
            if (!failure.retryable()) {
                throw new MetricSourceException(
                        type, false, redact(what + " failed: " + failure.message()), redacted(cause));
            }
            Duration after = failure.retryAfter();
            long wait = after != null
                    ? Math.max(0, after.toMillis())
                    : Math.min(maxBackoff.toMillis(), baseBackoff.toMillis() << Math.min(n - 1, 20));
            if (n >= maxAttempts || waited + wait > budgetMillis) {
                String why = n >= maxAttempts
                        ? String.format(Locale.ROOT, "gave up after %d attempts", n)
                        : String.format(
                                Locale.ROOT,
                                "gave up after %d attempt%s: waiting %s more would exceed the %s retry budget",
                                n,
                                n == 1 ? "" : "s",
                                seconds(wait),
                                seconds(budgetMillis));
                throw new MetricSourceException(
                        type, true, redact(what + " failed: " + failure.message() + " (" + why + ")"), redacted(cause));
            }
            try {
                sleeper.sleep(Duration.ofMillis(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MetricSourceException(
                        type,
                        true,
                        redact(what + " failed: " + failure.message() + " (interrupted while waiting to retry)"),
                        redacted(cause));
            }
            waited += wait;
        }
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }

    private String redact(String text) {
        return Objects.requireNonNullElse(redactor.apply(text), "");
    }

    /** The failure's type and stack without its message chain, which may echo a request with credentials. */
    private Throwable redacted(Exception e) {
        return new RedactedCause(e.getClass().getName() + ": " + redact(String.valueOf(e.getMessage())), e);
    }

    private static final class RedactedCause extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RedactedCause(String message, Exception e) {
            super(message, null, false, true);
            setStackTrace(e.getStackTrace());
        }
    }

    /**
     * One try of a call.
     *
     * @param <T> what the call returns
     */
    @FunctionalInterface
    public interface Attempt<T> {
        /**
         * Makes the request once.
         *
         * @return the backend's answer
         * @throws Exception any failure; the {@link Classifier} decides what it means
         */
        T call() throws Exception;
    }

    /** What a failed try means; adapters know their backend's errors. */
    @FunctionalInterface
    public interface Classifier {
        /**
         * Classifies one failure.
         *
         * @param e what the attempt threw (never an {@link InterruptedException}: that ends the call)
         * @return the failure's meaning; must not be null
         */
        Failure classify(Exception e);
    }

    /** Waits between tries; {@link Thread#sleep} unless replaced (tests). */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits.
         *
         * @param duration how long, zero or positive
         * @throws InterruptedException if the thread is interrupted while waiting
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * A classified failure.
     *
     * @param retryable whether another try may succeed
     * @param retryAfter how long the backend asked to wait (throttling); null to back off exponentially
     * @param message what went wrong, for the exception's message (redacted before use)
     */
    public record Failure(boolean retryable, @Nullable Duration retryAfter, String message) {
        /**
         * Checks the message; the factories are the usual way in.
         *
         * @param retryable whether another try may succeed
         * @param retryAfter the backend's wait, or null
         * @param message what went wrong
         * @throws NullPointerException if {@code message} is null
         */
        public Failure {
            Objects.requireNonNull(message, "message");
        }

        /**
         * Another try cannot succeed: a bad request, refused credentials, an unexpected response.
         *
         * @param message what went wrong, e.g. {@code HTTP 403: access denied}
         * @return a failure that ends the call at once
         */
        public static Failure permanent(String message) {
            return new Failure(false, null, message);
        }

        /**
         * Another try may succeed after a backoff: a 5xx, a reset connection, a timeout, a truncated body.
         *
         * @param message what went wrong
         * @return a failure retried after an exponential backoff
         */
        public static Failure backOff(String message) {
            return new Failure(true, null, message);
        }

        /**
         * The backend throttled and said when to come back.
         *
         * @param wait how long the backend asked to wait (e.g. its {@code Retry-After}); a negative wait counts as 0
         * @param message what went wrong
         * @return a failure retried after {@code wait}, if the budget allows it
         */
        public static Failure retryAfter(Duration wait, String message) {
            return new Failure(true, Objects.requireNonNull(wait, "wait"), message);
        }
    }

    /** Builds a {@link Retry}. */
    public static final class Builder {
        private final String type;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration budget = DEFAULT_BUDGET;
        private Duration baseBackoff = DEFAULT_BASE_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
        private UnaryOperator<String> redactor = UnaryOperator.identity();

        private Builder(String type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        /**
         * Attempts per call including the first. Default {@value Retry#DEFAULT_MAX_ATTEMPTS}.
         *
         * @param maxAttempts at least 1; 1 disables retries
         * @return this builder
         * @throws IllegalArgumentException if {@code maxAttempts} is less than 1
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be ≥ 1, but was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Longest total wait between the attempts of one call. Default 60 s.
         *
         * @param budget zero or positive
         * @return this builder
         * @throws IllegalArgumentException if {@code budget} is negative
         */
        public Builder budget(Duration budget) {
            this.budget = nonNegative(budget, "budget");
            return this;
        }

        /**
         * First backoff after a transient failure and the longest one. Defaults 1 s and 30 s.
         *
         * @param base the first wait; doubles with each further attempt; zero or positive
         * @param max the longest single wait; zero or positive
         * @return this builder
         * @throws IllegalArgumentException if a duration is negative
         */
        public Builder backoff(Duration base, Duration max) {
            this.baseBackoff = nonNegative(base, "base backoff");
            this.maxBackoff = nonNegative(max, "max backoff");
            return this;
        }

        /**
         * What waits between tries. Default {@link Thread#sleep}.
         *
         * @param sleeper e.g. a test's recorder of waits
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Applied to every message and cause message before it leaves the call (removes credentials). Default: none.
         *
         * @param redactor returns the text with secrets replaced
         * @return this builder
         */
        public Builder redactor(UnaryOperator<String> redactor) {
            this.redactor = Objects.requireNonNull(redactor, "redactor");
            return this;
        }

        /**
         * The retry policy.
         *
         * @return a new, thread-safe {@link Retry}
         */
        public Retry build() {
            return new Retry(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, but was " + d);
            }
            return d;
        }
    }
}
