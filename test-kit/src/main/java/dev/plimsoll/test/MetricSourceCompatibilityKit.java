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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.Coverage;
import dev.plimsoll.source.FetchResult;
import dev.plimsoll.source.FetchedSeries;
import dev.plimsoll.source.MetricQuery;
import dev.plimsoll.source.MetricSource;
import dev.plimsoll.source.MetricSourceException;
import dev.plimsoll.source.Signal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every {@link MetricSource} keeps, checked against the adapter's own fake backend: a local server that
 * speaks the backend's real wire protocol to the adapter's real client (Micrometer's
 * {@code MeterRegistryCompatibilityKit} idea). An adapter's test extends this class and says how to run its fake
 * ({@link #backend}), how to build its source against an endpoint ({@link #source}), how to write a query
 * ({@link #query}), its backend's limits and its retry settings; the kit describes what to serve ({@link Scenario}:
 * per query, the points in the order served, {@code NaN} for the backend's no-value marker) and which
 * {@link Fault faults} to inject, and checks what comes back.
 *
 * <pre>{@code
 * class AcmeCompatibilityTest extends MetricSourceCompatibilityKit {
 *     protected LoopbackHttpServer.Handler backend(Scenario scenario) { return new FakeAcme().serve(scenario); }
 *     protected MetricSource source(URI endpoint, Scenario scenario) {
 *         return AcmeMetricSource.builder(Map.of("acme.endpoint", endpoint.toString(), "acme.timeout", "300ms",
 *                 "acme.max-attempts", "3")::get).clock(Clock.fixed(scenario.now(), ZoneOffset.UTC)).build();
 *     }
 *     protected MetricQuery query(ServedSeries s) { return MetricQuery.of(s.id(), s.signal(), "acme.kit{q=" + s.id() + "}"); }
 *     ...
 * }
 * }</pre>
 *
 * <p>What the kit checks:
 * <ul>
 *   <li>series ascending, unique in time, one point per period on the window's grid, {@code NaN} for gaps and for
 *       the backend's no-value marker, values passed through exactly; points served out of order or twice come back
 *       once each;
 *   <li>one coverage entry per query (expected periods, present values); a query without data is a gap, not an
 *       error; an empty window gives empty series;
 *   <li>typed metadata (query id, signal, period) on every series; {@code type()} lower case and the
 *       {@code source} of every series;
 *   <li>windows and query lists over the backend's per-request {@link Limits} split into requests within them,
 *       without a point lost or doubled;
 *   <li>faults: one throttling answer, 5xx, slow answer, reset or cut body is retried through to the same result; the
 *       same fault on every attempt ends after at most {@link #maxAttempts()} requests as a retryable
 *       {@link MetricSourceException} or a gap named in the coverage; refused credentials are not retried; connection
 *       refused is a retryable {@link MetricSourceException}; a request failing after others succeeded keeps their
 *       points and names the gap; nothing but a {@link MetricSourceException} ever leaves {@code fetch};
 *   <li>the credentials ({@link #secrets()}) never appear in an exception (message, causes, stack), a coverage or
 *       result message, a series' tags, a log line or, where the adapter records, a recording.
 * </ul>
 *
 * <p>Keep the adapter's timeouts and backoffs short in {@link #source} (a few hundred milliseconds, a few
 * milliseconds): the kit waits for real timeouts.
 *
 * @since 0.1
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hang, not a performance check
public abstract class MetricSourceCompatibilityKit {
    /** Where the kit's windows start: a whole hour, so windows lie on every period's grid. */
    protected static final Instant T0 = Instant.parse("2026-11-26T05:00:00Z");
    /** The period the kit fetches at: one every backend keeps natively. */
    protected static final Duration PERIOD = Duration.ofSeconds(60);

    private static final List<Signal> SIGNALS =
            List.of(Signal.CUSTOM, Signal.NODE_COUNT, Signal.LB_REQUESTS, Signal.BACKEND_LATENCY);
    private final Random random = new Random(20_261_126L);

    @TempDir
    Path kitTemp;

    /**
     * The adapter's fake backend, serving {@code scenario} in the backend's wire protocol: per query (as
     * {@link #query} writes it), the scenario's points that fall inside each request's window, in the order given;
     * protocol-level {@link Fault faults} in the backend's own error format (a 403 that echoes the credentials it
     * received, as signature errors and some proxies do, makes the redaction checks bite).
     *
     * @param scenario what to serve
     * @return a handler for a {@link LoopbackHttpServer}; faults are injected by the server around it
     */
    protected abstract LoopbackHttpServer.Handler backend(Scenario scenario);

    /**
     * A source talking to {@code endpoint}, with its clock at {@link Scenario#now()}, credentials
     * {@link #secrets()}, at most {@link #maxAttempts()} attempts per request, a client timeout of
     * {@link #clientTimeout()} and short backoffs.
     *
     * @param endpoint the fake backend's address on 127.0.0.1, or an address where nothing listens
     * @param scenario what is served, for its clock
     * @return a new source; the kit closes it
     */
    protected abstract MetricSource source(URI endpoint, Scenario scenario);

    /**
     * The query that asks the backend for {@code series} (e.g. a metric named by the series' id).
     *
     * @param series one served series
     * @return a query whose {@link MetricQuery#id()} is the series' id and whose signal is the series' signal
     */
    protected abstract MetricQuery query(ServedSeries series);

    /**
     * The backend's per-request limits.
     *
     * @return the limits the adapter must split its requests by
     */
    protected abstract Limits limits();

    /**
     * What one request received by the fake asked for.
     *
     * @param request a request as the fake received it
     * @return its query ids and window; null for a request that is not a data query (a token exchange, a probe)
     */
    protected abstract @Nullable ObservedRequest observe(LoopbackHttpServer.Request request);

    /**
     * Attempts per request the source was given (including the first).
     *
     * @return at least 2, for the fault checks
     */
    protected abstract int maxAttempts();

    /**
     * The client timeout the source was given: a {@link Fault#SLOW} answer comes later than it.
     *
     * @return a few hundred milliseconds keeps the kit fast
     */
    protected abstract Duration clientTimeout();

    /**
     * Every credential value the source was given: none may appear in any output.
     *
     * @return API keys, secret keys, session tokens
     */
    protected abstract Collection<String> secrets();

    /**
     * Whether the adapter can record a fetch ({@link #record}); the redaction check then reads the recording.
     *
     * @return false by default
     */
    protected boolean records() {
        return false;
    }

    /**
     * Fetches and writes the adapter's recording of the fetch into {@code dir}. Override together with
     * {@link #records()}.
     *
     * @param source a source from {@link #source}
     * @param queries what to fetch
     * @param window the window
     * @param step the step
     * @param dir an empty folder for the recording
     * @throws UnsupportedOperationException unless overridden
     */
    protected void record(MetricSource source, List<MetricQuery> queries, TimeWindow window, Duration step, Path dir) {
        throw new UnsupportedOperationException("this adapter does not record");
    }

    // ---------------------------------------------------------------------------------------------- contract

    @Test
    @DisplayName("type() is a stable lower-case id, and every series names it as its source")
    void typeShouldBeLowerCaseAndTheSourceOfEverySeries() {
        Scenario s = Scenario.of(window(10), PERIOD, List.of(series("q0", 10, i -> true)));

        Outcome o = fetch(s);

        assertThat(o.type()).matches("[a-z][a-z0-9_-]*").isEqualTo(o.type().toLowerCase(Locale.ROOT));
        assertThat(o.result().series())
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.id().source()).isEqualTo(o.type()));
    }

    @Test
    @DisplayName("series are ascending, one point per period on the window's grid, gaps as NaN, values exact")
    void seriesShouldBeAscendingOnTheGridWithGapsAsNaN() {
        Set<Integer> holesA = Set.of(3, 4, 17);
        Set<Integer> holesB = Set.of(0, 29);
        Scenario s = Scenario.of(
                window(30),
                PERIOD,
                List.of(series("q0", 30, i -> !holesA.contains(i)), series("q1", 30, i -> !holesB.contains(i))));

        Outcome o = fetch(s);

        assertServedExactly(o.result(), s);
        TimeSeries a = only(o.result(), "q0").series();
        assertThat(a.valueAt(3)).isNaN();
        assertThat(a.valueAt(5)).isEqualTo(s.series().get(0).points().get(3).value());
        assertThat(only(o.result(), "q1").series().valueAt(0)).isNaN();
        assertThat(only(o.result(), "q1").series().valueAt(29)).isNaN();
    }

    @Test
    @DisplayName("points served out of order or twice come back once each, in order")
    void pointsOutOfOrderOrRepeatedShouldComeBackOnceInOrder() {
        ServedSeries clean = series("q0", 40, i -> i % 7 != 3);
        List<ServedPoint> messy = new ArrayList<>(clean.points());
        for (int i = 0; i < messy.size(); i += 5) {
            messy.add(messy.get(i)); // the same point again, as an overlapping page or window would send it
        }
        Collections.shuffle(messy, new Random(7));
        Scenario s = Scenario.of(window(40), PERIOD, List.of(new ServedSeries("q0", clean.signal(), messy)));

        Outcome o = fetch(s);

        assertServedExactly(o.result(), s);
    }

    @Test
    @DisplayName("values the backend marks as missing are NaN and do not count as present")
    void noValueMarkersShouldBeNaNAndNotPresent() {
        ServedSeries raw = series("q0", 20, i -> true);
        List<ServedPoint> points = new ArrayList<>();
        for (int i = 0; i < raw.points().size(); i++) {
            ServedPoint p = raw.points().get(i);
            points.add(i % 4 == 1 ? ServedPoint.of(p.time(), Double.NaN) : p);
        }
        Scenario s = Scenario.of(window(20), PERIOD, List.of(new ServedSeries("q0", raw.signal(), points)));

        Outcome o = fetch(s);

        assertServedExactly(o.result(), s);
        assertThat(coverage(o.result(), "q0").present()).isEqualTo(15);
    }

    @Test
    @DisplayName("coverage has one entry per query, in query order, with the periods expected and the values present")
    void coverageShouldHaveOneEntryPerQueryInOrder() {
        Scenario s = Scenario.of(
                window(12),
                PERIOD,
                List.of(
                        series("q0", 12, i -> true),
                        series("q1", 12, i -> i < 6),
                        series("q2", 12, i -> i % 3 == 0),
                        series("q3", 12, i -> i != 11)));

        Outcome o = fetch(s);

        List<String> ids = s.series().stream().map(ServedSeries::id).toList();
        assertThat(o.result().coverage().stream()
                        .map(Coverage::queryId)
                        .filter(ids::contains)
                        .toList())
                .as("coverage entries of the queries, in query order")
                .isEqualTo(ids);
        assertThat(ids.stream().map(id -> coverage(o.result(), id).present())).containsExactly(12, 6, 4, 11);
        assertThat(ids).allSatisfy(id -> {
            Coverage c = coverage(o.result(), id);
            assertThat(c.expected()).isEqualTo(12);
            assertThat(c.complete()).isTrue();
        });
    }

    @Test
    @DisplayName("a query without data in the window is covered with 0 present points, not an error")
    void aQueryWithoutDataShouldBeAGapNotAnError() {
        Scenario s = Scenario.of(
                window(15),
                PERIOD,
                List.of(series("q0", 15, i -> true), new ServedSeries("q1", Signal.CUSTOM, List.of())));

        Outcome o = fetch(s);

        Coverage c = coverage(o.result(), "q1");
        assertThat(c.present()).isZero();
        assertThat(c.expected()).isEqualTo(15);
        assertThat(o.result().series())
                .filteredOn(f -> f.queryId().equals("q1"))
                .allSatisfy(f -> assertThat(f.series().presentCount()).isZero());
        assertServedExactly(o.result(), s, "q0");
    }

    @Test
    @DisplayName("an empty window gives empty series and 0 expected points")
    void anEmptyWindowShouldGiveEmptySeries() {
        Scenario s = Scenario.of(new TimeWindow(T0, T0), PERIOD, List.of(series("q0", 0, i -> true)));

        Outcome o = fetch(s);

        assertThat(o.result().series())
                .allSatisfy(f -> assertThat(f.series().size()).isZero());
        Coverage c = coverage(o.result(), "q0");
        assertThat(c.expected()).isZero();
        assertThat(c.present()).isZero();
    }

    @Test
    @DisplayName("each series carries its query's id and signal and the period it was fetched at")
    void seriesShouldCarryTypedMetadata() {
        List<ServedSeries> served = new ArrayList<>();
        for (int q = 0; q < SIGNALS.size(); q++) {
            served.add(series("q" + q, 8, i -> true));
        }
        Scenario s = Scenario.of(window(8), PERIOD, served);

        Outcome o = fetch(s);

        for (ServedSeries want : served) {
            FetchedSeries f = only(o.result(), want.id());
            assertThat(f.signal()).as("signal of %s", want.id()).isEqualTo(want.signal());
            assertThat(f.period()).as("period of %s", want.id()).isEqualTo(PERIOD);
        }
    }

    @Test
    @DisplayName(
            "a window over the backend's point limits is split into requests within them, no point lost or doubled")
    void aWindowOverThePointLimitsShouldBeSplitWithoutLosingPoints() {
        Limits limits = limits();
        int points;
        int queries;
        if (limits.maxPointsPerSeries() != Limits.UNLIMITED) {
            points = (int) Math.min(50_000, 2 * limits.maxPointsPerSeries() + 7);
            queries = 2;
        } else if (limits.maxPointsPerRequest() != Limits.UNLIMITED) {
            points = (int) Math.min(10_080, limits.maxPointsPerRequest()); // a week of minutes
            queries = (int) Math.min(limits.maxQueriesPerRequest(), limits.maxPointsPerRequest() / points + 1);
        } else {
            Assumptions.abort("the backend has no per-request point limit: nothing to split");
            return;
        }
        List<ServedSeries> served = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            int salt = q;
            served.add(series("q" + q, points, i -> (i + salt) % 97 != 0));
        }
        Scenario s = Scenario.of(window(points), PERIOD, served);

        Outcome o = fetch(s);

        assertServedExactly(o.result(), s);
        assertThat(o.observed()).as("requests the backend received").hasSizeGreaterThanOrEqualTo(2);
        assertThat(o.observed()).as("every request within %s", limits).allMatch(limits::allows);
    }

    @Test
    @DisplayName("more queries than one request takes are batched, every query answered")
    void moreQueriesThanOneRequestTakesShouldBeBatched() {
        Scenario s = manyQueries();

        Outcome o = fetch(s);

        assertServedExactly(o.result(), s);
        assertThat(o.observed()).hasSizeGreaterThanOrEqualTo(2).allMatch(limits()::allows);
    }

    // ------------------------------------------------------------------------------------------------ faults

    @ParameterizedTest(name = "one {0}: retried, the same series and coverage as without it")
    @EnumSource(
            value = Fault.class,
            names = {"THROTTLED", "SERVER_ERROR", "SLOW", "RESET_MID_BODY", "TRUNCATED_BODY"})
    @DisplayName("one transient fault is retried through to the result a clean fetch gives")
    void oneTransientFaultShouldBeRetriedThrough(Fault fault) {
        Scenario s = small();
        Outcome clean = fetch(s);

        Outcome faulty = fetch(s, List.of(fault));

        assertThat(faulty.result().series()).isEqualTo(clean.result().series());
        assertThat(faulty.result().coverage()).isEqualTo(clean.result().coverage());
        assertThat(faulty.requests()).hasSize(clean.requests().size() + 1);
    }

    @Test
    @DisplayName("a burst of server errors shorter than the retry budget is retried through")
    void aBurstOfServerErrorsShouldBeRetriedThrough() {
        Scenario s = small();
        Outcome clean = fetch(s);

        Outcome faulty = fetch(s, repeat(Fault.SERVER_ERROR, maxAttempts() - 1));

        assertThat(faulty.result().series()).isEqualTo(clean.result().series());
        assertThat(faulty.requests()).hasSize(clean.requests().size() + maxAttempts() - 1);
    }

    @ParameterizedTest(name = "{0} on every attempt: a retryable failure after at most the attempts allowed")
    @EnumSource(
            value = Fault.class,
            names = {"THROTTLED", "SERVER_ERROR", "SLOW", "RESET_MID_BODY", "TRUNCATED_BODY"})
    @DisplayName("a fault on every attempt ends, within the retry budget, as a retryable failure or a named gap")
    void aPersistentFaultShouldEndAsARetryableFailureOrANamedGap(Fault fault) {
        Scenario s = small();

        Outcome o = fetch(s, repeat(fault, 4 * maxAttempts()));

        assertRetryableFailureOrNamedGap(o, s);
        assertThat(o.requests()).as("requests for one fetch of one request").hasSizeBetween(2, maxAttempts());
    }

    @Test
    @DisplayName("refused credentials (403) are not retried: a MetricSourceException that is not retryable")
    void refusedCredentialsShouldNotBeRetried() {
        Outcome o = fetch(small(), repeat(Fault.FORBIDDEN, 4 * maxAttempts()));

        assertThat(o.failure()).as("outcome of a 403").isInstanceOfSatisfying(MetricSourceException.class, e -> {
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.type()).isEqualTo(o.type());
        });
        assertThat(o.requests()).hasSize(1);
    }

    @Test
    @DisplayName("connection refused: a retryable MetricSourceException naming the source")
    void connectionRefusedShouldBeARetryableMetricSourceException() {
        Scenario s = small();

        Outcome o = fetch(s, LoopbackHttpServer.refusingUri(), null);

        assertThat(o.failure())
                .as("outcome of connection refused")
                .isInstanceOfSatisfying(MetricSourceException.class, e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.type()).isEqualTo(o.type());
                    assertThat(e.getMessage()).startsWith(o.type() + ": ");
                });
    }

    @Test
    @DisplayName(
            "a request failing after others succeeded: their points kept, the failed queries a gap named in the coverage")
    void aFailureAfterSuccessfulRequestsShouldKeepTheirPointsAndNameTheGap() {
        Scenario s = manyQueries();
        List<Fault> faults = new ArrayList<>(List.of(Fault.NONE));
        faults.addAll(repeat(Fault.SERVER_ERROR, 20 * maxAttempts()));

        Outcome o = fetch(s, faults);

        FetchResult r = o.result();
        int kept = 0;
        int gaps = 0;
        for (ServedSeries want : s.series()) {
            Coverage c = coverage(r, want.id());
            if (c.complete()) {
                assertServedExactly(r, s, want.id());
                kept++;
            } else {
                assertThat(c.messages())
                        .as("messages of the failed query %s", want.id())
                        .isNotEmpty();
                assertSubsetOfServed(r, s, want);
                gaps++;
            }
        }
        assertThat(kept).as("queries answered by the request that succeeded").isPositive();
        assertThat(gaps).as("queries of the requests that failed").isPositive();
    }

    @Test
    @DisplayName("credentials never appear in an exception, coverage, message, log or recording, echoed or not")
    void credentialsShouldNeverAppearEvenWhenTheBackendEchoesThem() throws IOException {
        // every fetch of the kit is checked for credentials (fetch() does it); this one adds a backend that echoes
        // them in its error (a 403 quoting the signed request) and the adapter's recording of a retried fetch
        assertThat(secrets()).as("the credentials the source was given").isNotEmpty();
        Scenario s = small();
        Outcome echoed = fetch(s, List.of(Fault.FORBIDDEN));
        assertThat(echoed.failure()).as("outcome of a 403").isInstanceOf(MetricSourceException.class);
        if (!records()) {
            return;
        }
        Path dir = kitTemp.resolve("recording");
        try (LoopbackHttpServer server = LoopbackHttpServer.start(backend(s));
                LogCapture logs = LogCapture.start()) {
            List<MetricQuery> queries = s.series().stream().map(this::query).toList();
            server.inject(Fault.FORBIDDEN);
            try (MetricSource source = source(server.uri(), s)) {
                try {
                    record(source, queries, s.window(), s.period(), dir.resolve("failed"));
                    fail("a recording over a 403 should fail");
                } catch (MetricSourceException e) {
                    assertNoSecrets("the exception of a failed recording", text(e));
                }
                server.inject(Fault.THROTTLED, Fault.SERVER_ERROR);
                record(source, queries, s.window(), s.period(), dir.resolve("retried"));
            }
            assertNoSecrets("the logs of recording", logs.text());
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertThat(all).as("recorded files").isNotEmpty();
        assertNoSecrets("the recording", all.toString());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * What one fetch gave and what the backend saw.
     *
     * @param type the source's {@code type()}
     * @param fetched what {@code fetch} returned, or null when it threw
     * @param failure what it threw, or null
     * @param requests every request the backend received
     * @param observed what the data requests among them asked for
     * @param logs what was logged meanwhile
     */
    protected record Outcome(
            String type,
            @Nullable FetchResult fetched,
            @Nullable RuntimeException failure,
            List<LoopbackHttpServer.Request> requests,
            List<ObservedRequest> observed,
            String logs) {
        /**
         * The result; fails the test (with the exception as its cause) when the fetch threw.
         *
         * @return what {@code fetch} returned
         * @throws AssertionError when the fetch threw
         */
        public FetchResult result() {
            if (fetched == null) {
                throw new AssertionError(
                        "the fetch failed after " + requests.size() + " request(s) instead of returning a result: "
                                + failure,
                        failure);
            }
            return fetched;
        }
    }

    /**
     * Serves {@code s} and fetches it from the adapter's source; checks the outcome for credentials.
     *
     * @param s what to serve and fetch
     * @return what came back and what the backend saw
     * @throws AssertionError when the fetch threw anything but a {@link MetricSourceException} or leaked a credential
     */
    protected final Outcome fetch(Scenario s) {
        return fetch(s, List.of());
    }

    /**
     * Serves {@code s} with {@code faults} (one per request, in order) and fetches it.
     *
     * @param s what to serve and fetch
     * @param faults one per request, in order; requests after the last fault are answered normally
     * @return what came back and what the backend saw
     * @throws AssertionError as {@link #fetch(Scenario)}, or when the fake backend itself failed
     */
    protected final Outcome fetch(Scenario s, List<Fault> faults) {
        try (LoopbackHttpServer server = LoopbackHttpServer.start(backend(s))) {
            server.slowDelay(clientTimeout().multipliedBy(3).plusMillis(200));
            server.inject(faults);
            Outcome o = fetch(s, server.uri(), server);
            assertThat(server.handlerErrors())
                    .as("failures of the fake backend itself")
                    .isEmpty();
            return o;
        }
    }

    /**
     * Fetches {@code s} from a source talking to {@code endpoint}.
     *
     * @param s what to fetch
     * @param endpoint where the source sends its requests
     * @param server the server listening there, for its requests; null when nothing listens
     * @return what came back and what the backend saw
     * @throws AssertionError as {@link #fetch(Scenario)}
     */
    protected final Outcome fetch(Scenario s, URI endpoint, @Nullable LoopbackHttpServer server) {
        List<MetricQuery> queries = s.series().stream().map(this::query).toList();
        FetchResult result = null;
        RuntimeException failure = null;
        String type;
        String logs;
        try (LogCapture capture = LogCapture.start()) {
            try (MetricSource source = source(endpoint, s)) {
                type = source.type();
                try {
                    result = source.fetch(queries, s.window(), s.period());
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            logs = capture.text();
        }
        List<LoopbackHttpServer.Request> requests = server == null ? List.of() : server.requests();
        List<ObservedRequest> observed = new ArrayList<>();
        for (LoopbackHttpServer.Request r : requests) {
            ObservedRequest seen = observe(r);
            if (seen != null) {
                observed.add(seen);
            }
        }
        if (failure != null && !(failure instanceof MetricSourceException)) {
            throw new AssertionError(
                    "fetch threw " + failure.getClass().getName() + ", not a MetricSourceException: " + failure,
                    failure);
        }
        Outcome o = new Outcome(type, result, failure, requests, observed, logs);
        assertNoSecrets(o);
        return o;
    }

    private void assertNoSecrets(Outcome o) {
        if (o.failure() != null) {
            assertNoSecrets("the exception (message, causes, stack)", text(o.failure()));
        }
        FetchResult r = o.fetched();
        if (r != null) {
            StringBuilder t = new StringBuilder();
            r.messages().forEach(m -> t.append(m).append('\n'));
            r.coverage().forEach(c -> t.append(c.queryId()).append(c.messages()).append('\n'));
            r.series().forEach(f -> t.append(f.id()).append('\n'));
            assertNoSecrets("the result's messages, coverage and series ids", t.toString());
        }
        assertNoSecrets("the logs", o.logs());
    }

    /**
     * Fails when {@code text} holds a credential, or 12 consecutive characters of one (a cut-off echo).
     *
     * @param where names the text in the failure message, e.g. {@code the logs}
     * @param text the text to search
     * @throws AssertionError naming where, how much of which position of a secret, and an excerpt
     */
    protected final void assertNoSecrets(String where, String text) {
        for (String secret : secrets()) {
            int k = Math.min(12, secret.length());
            for (int i = 0; i + k <= secret.length(); i++) {
                if (text.contains(secret.substring(i, i + k))) {
                    fail(
                            "%s show%s a credential (%d characters of it from position %d): %s",
                            where, where.endsWith("s") ? "" : "s", k, i, excerpt(text, secret.substring(i, i + k)));
                }
            }
        }
    }

    private static String excerpt(String text, String found) {
        int at = text.indexOf(found);
        return "…" + text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 80)) + "…";
    }

    private static String text(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private void assertRetryableFailureOrNamedGap(Outcome o, Scenario s) {
        if (o.failure() != null) {
            assertThat(o.failure()).isInstanceOfSatisfying(MetricSourceException.class, e -> {
                assertThat(e.isRetryable())
                        .as("isRetryable() of %s", e.getMessage())
                        .isTrue();
                assertThat(e.type()).isEqualTo(o.type());
            });
            return;
        }
        for (ServedSeries want : s.series()) {
            Coverage c = coverage(o.result(), want.id());
            assertThat(c.complete())
                    .as("coverage of %s after a failure", want.id())
                    .isFalse();
            assertThat(c.messages())
                    .as("messages of %s after a failure", want.id())
                    .isNotEmpty();
            assertSubsetOfServed(o.result(), s, want);
        }
    }

    /** Every value of the query's series is a value served at that time (no invented or misplaced point). */
    private static void assertSubsetOfServed(FetchResult r, Scenario s, ServedSeries want) {
        Map<Long, Double> served = values(s, want);
        for (FetchedSeries f : r.series()) {
            if (!f.queryId().equals(want.id())) {
                continue;
            }
            TimeSeries t = f.series();
            for (int i = 0; i < t.size(); i++) {
                double v = t.valueAt(i);
                if (!Double.isNaN(v)) {
                    assertThat(served.get(t.epochMilliAt(i)))
                            .as("value of %s at %s", want.id(), t.timeAt(i))
                            .isEqualTo(v);
                }
            }
        }
    }

    /**
     * Every query of {@code s} came back exactly as served.
     *
     * @param r what the fetch returned
     * @param s what was served
     * @throws AssertionError naming the query and the points that differ
     */
    protected final void assertServedExactly(FetchResult r, Scenario s) {
        for (ServedSeries want : s.series()) {
            assertServedExactly(r, s, want.id());
        }
    }

    /**
     * The query's one series lies on the window's grid, ascending, with each served value at its time, {@code NaN}
     * elsewhere, and its coverage counts them.
     *
     * @param r what the fetch returned
     * @param s what was served
     * @param id the query's id
     * @throws AssertionError naming up to ten points that differ, or the coverage count that does
     * @throws IllegalArgumentException if {@code s} has no series {@code id}
     */
    protected final void assertServedExactly(FetchResult r, Scenario s, String id) {
        ServedSeries want = s.series(id).orElseThrow(() -> new IllegalArgumentException("no series " + id));
        TimeSeries t = only(r, id).series();
        long p = s.period().toMillis();
        long first = s.firstPeriodMillis();
        int n = s.periods();
        assertThat(t.size())
                .as("points of %s: one per period of the window", id)
                .isEqualTo(n);
        Map<Long, Double> served = values(s, want);
        List<String> wrong = new ArrayList<>();
        int present = 0;
        for (int i = 0; i < n; i++) {
            long time = first + i * p;
            if (t.epochMilliAt(i) != time) {
                wrong.add("point " + i + " at " + t.timeAt(i) + ", not on the grid at " + Instant.ofEpochMilli(time));
            } else {
                Double v = served.get(time);
                double got = t.valueAt(i);
                if (v == null ? !Double.isNaN(got) : Double.compare(v, got) != 0) {
                    wrong.add(Instant.ofEpochMilli(time) + ": " + got + ", served " + (v == null ? "nothing" : v));
                }
                present += v == null ? 0 : 1;
            }
            if (wrong.size() >= 10) {
                break;
            }
        }
        assertThat(wrong)
                .as("points of %s that differ from what was served", id)
                .isEmpty();
        Coverage c = coverage(r, id);
        assertThat(c.expected()).as("expected points of %s", id).isEqualTo(n);
        assertThat(c.present()).as("present points of %s", id).isEqualTo(present);
    }

    /** The values served for a query inside the window, by time (the backend's no-value marker left out). */
    private static Map<Long, Double> values(Scenario s, ServedSeries want) {
        Map<Long, Double> served = new HashMap<>();
        for (ServedPoint sp : want.points()) {
            if (sp.hasValue() && s.window().contains(sp.time())) {
                served.put(sp.time().toEpochMilli(), sp.value());
            }
        }
        return served;
    }

    /**
     * The one series of a query.
     *
     * @param r a fetch result
     * @param id the query's id
     * @return its series
     * @throws AssertionError unless the query has exactly one series
     */
    protected static FetchedSeries only(FetchResult r, String id) {
        List<FetchedSeries> mine =
                r.series().stream().filter(f -> f.queryId().equals(id)).toList();
        assertThat(mine).as("series of query %s", id).hasSize(1);
        return mine.get(0);
    }

    /**
     * The one coverage entry of a query.
     *
     * @param r a fetch result
     * @param id the query's id
     * @return its coverage
     * @throws AssertionError unless the query has exactly one entry
     */
    protected static Coverage coverage(FetchResult r, String id) {
        List<Coverage> mine =
                r.coverage().stream().filter(c -> c.queryId().equals(id)).toList();
        assertThat(mine).as("coverage entries of query %s", id).hasSize(1);
        return mine.get(0);
    }

    /**
     * A window of whole periods from {@link #T0}.
     *
     * @param periods how many {@link #PERIOD}s
     * @return {@code [T0, T0 + periods × PERIOD)}
     */
    protected static TimeWindow window(int periods) {
        return TimeWindow.of(T0, PERIOD.multipliedBy(periods));
    }

    /**
     * A series of {@code n} periods from {@link #T0}, served ascending, with seeded random values where {@code sent}
     * holds and nothing elsewhere.
     *
     * @param id the query id; its digits pick the signal (so that the kit's series play several roles)
     * @param n periods
     * @param sent which periods (0-based) have a point
     * @return the series, values in [0, 1000) from the kit's seeded random numbers
     */
    protected final ServedSeries series(String id, int n, IntPredicate sent) {
        List<ServedPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double v = random.nextDouble() * 1000;
            if (sent.test(i)) {
                points.add(ServedPoint.of(T0.plus(PERIOD.multipliedBy(i)), v));
            }
        }
        int k = Integer.parseInt(id.replaceAll("\\D", "").isEmpty() ? "0" : id.replaceAll("\\D", ""));
        return new ServedSeries(id, SIGNALS.get(k % SIGNALS.size()), points);
    }

    /** One query, one request: 20 periods with a gap. */
    private Scenario small() {
        return Scenario.of(window(20), PERIOD, List.of(series("q0", 20, i -> i != 7)));
    }

    /** One query more than a request takes, 5 periods each. */
    private Scenario manyQueries() {
        int n = Math.min(limits().maxQueriesPerRequest() + 1, 2_000);
        List<ServedSeries> served = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            int salt = q;
            served.add(series("q" + q, 5, i -> (i + salt) % 5 != 0));
        }
        return Scenario.of(window(5), PERIOD, served);
    }

    private static List<Fault> repeat(Fault f, int n) {
        return Collections.nCopies(Math.max(0, n), f);
    }
}
