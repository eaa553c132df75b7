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
package dev.plimsoll.cloudwatch;

import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.FetchResult;
import dev.plimsoll.source.MetricQuery;
import dev.plimsoll.source.MetricSource;
import dev.plimsoll.source.MetricSourceException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Fetches series live from CloudWatch with {@code GetMetricData} through the AWS SDK v2: at most
 * {@value #MAX_QUERIES_PER_REQUEST} queries per request, windows split so that no request asks for more than
 * {@value #MAX_DATAPOINTS_PER_REQUEST} datapoints, {@code NextToken} pages merged by query, results sorted ascending
 * (a point sent twice counts once), {@code PartialData}, {@code InternalError} and messages reported in the coverage.
 *
 * <p>Faults: throttling, 5xx, network failures (connection refused or reset, a read past
 * {@code cloudwatch.read-timeout}) and bodies cut short are retried by the SDK's standard retry strategy, up to
 * {@code cloudwatch.max-attempts} attempts per request. A request that still fails ends the fetch: when nothing came
 * back at all, as a {@link MetricSourceException} ({@link MetricSourceException#isRetryable() retryable}, which the
 * analysis names as a gap of every query); otherwise the points that did come back are kept and the queries the
 * failed request held are marked incomplete in the coverage, with the failure as their message. Refused credentials
 * and bad requests are not retried and fail the fetch. Paging stops (and says so in the coverage) when CloudWatch
 * repeats a {@code NextToken} or sends {@value #MAX_EMPTY_PAGES} empty pages in a row.
 *
 * <pre>{@code
 * CloudWatchSourceConfig config = Map.of("cloudwatch.region", "eu-west-1", "cloudwatch.cluster", "shop-eks",
 *         "cloudwatch.load-balancer", "app/shop-alb/50dc6c495c0c9188")::get;
 * try (CloudWatchMetricSource cw = CloudWatchMetricSource.builder(config).build()) {
 *     FetchResult r = cw.fetch(CloudWatchSignals.defaults(config), run.window(), Duration.ofMinutes(1));
 * }
 * }</pre>
 *
 * <p>Thread-safe. Credentials come from the SDK's default chain (environment, profile, web identity/IRSA, container
 * and instance roles) and never appear in messages or exceptions.
 *
 * @since 0.1
 */
public final class CloudWatchMetricSource implements MetricSource {
    /** GetMetricData accepts at most 500 MetricDataQuery structures per call (API reference). */
    public static final int MAX_QUERIES_PER_REQUEST = 500;
    /** GetMetricData returns at most 100,800 datapoints per call (API reference). */
    public static final int MAX_DATAPOINTS_PER_REQUEST = 100_800;
    /** Access key ids (AKIA… long-term, ASIA… temporary, …) as they could appear in an echoed request. */
    private static final Pattern ACCESS_KEY_ID =
            Pattern.compile("\\b(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\\b");

    private final CloudWatchClient client;
    private final boolean ownsClient;
    private final Clock clock;
    private final List<MetricQuery> defaults;
    private final RememberingCredentials credentials;

    private CloudWatchMetricSource(
            CloudWatchClient client,
            boolean ownsClient,
            Clock clock,
            List<MetricQuery> defaults,
            RememberingCredentials credentials) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.clock = clock;
        this.defaults = List.copyOf(defaults);
        this.credentials = credentials;
    }

    /**
     * A builder for a source over {@code config}; the configuration is validated by {@link Builder#build()}.
     *
     * @param config the {@code cloudwatch.*} keys
     * @return a builder with an SDK client made from the configuration, unless one is given
     */
    public static Builder builder(CloudWatchSourceConfig config) {
        return new Builder(config);
    }

    /** 60 s: Container Insights and ALB metrics are published at one-minute resolution. */
    @Override
    public Duration defaultStep() {
        return Duration.ofSeconds(60);
    }

    @Override
    public String type() {
        return "cloudwatch";
    }

    /** {@link CloudWatchSignals#defaults} of the configuration. */
    @Override
    public List<MetricQuery> defaultQueries() {
        return defaults;
    }

    @Override
    public FetchResult fetch(List<MetricQuery> queries, TimeWindow window, Duration step) {
        return exchange(queries, window, step).result();
    }

    /** One GetMetricData request (all its pages) as sent and received, for recordings. */
    record Call(GetMetricDataRequest request, List<GetMetricDataResponse> pages) {}

    /** A fetch with the calls that made it. */
    record Exchange(FetchResult result, List<Call> calls) {}

    Exchange exchange(List<MetricQuery> queries, TimeWindow window, Duration step) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(step, "step");
        List<String> messages = new ArrayList<>();
        List<Planned> planned = plan(queries, window, step, clock.instant(), messages);
        List<Call> calls = new ArrayList<>();
        Map<String, Map<String, CloudWatchResults.Points>> byId = new LinkedHashMap<>();
        Map<String, List<String>> gaps = new LinkedHashMap<>();
        if (window.duration().isZero()) {
            // nothing to ask for: CloudWatch rejects StartTime == EndTime
            return new Exchange(CloudWatchResults.assemble(planned, window, byId, messages, gaps), calls);
        }
        MetricSourceException failure = null;
        boolean anyPage = false;
        for (List<Planned> batch : partition(planned, MAX_QUERIES_PER_REQUEST)) {
            long pointsPerWindow = 0;
            for (Planned p : batch) {
                pointsPerWindow += windowPoints(window, p.period);
            }
            int pieces =
                    (int) Math.max(1, (pointsPerWindow + MAX_DATAPOINTS_PER_REQUEST - 1) / MAX_DATAPOINTS_PER_REQUEST);
            int maxPeriod = batch.stream().mapToInt(p -> p.period).max().orElse(60);
            long piecePeriods = Math.max(1, windowPoints(window, maxPeriod) / pieces);
            List<MetricDataQuery> sdkQueries =
                    batch.stream().map(p -> Objects.requireNonNull(p.sdk)).toList();
            for (TimeWindow piece : CloudWatchQueries.split(window, maxPeriod, piecePeriods)) {
                if (failure != null) {
                    // each further request would spend its attempts failing too: name what was not fetched
                    String skipped = "not fetched for " + piece + ": an earlier request failed ("
                            + String.valueOf(failure.getMessage()).replaceFirst("^cloudwatch: ", "") + ")";
                    for (Planned p : batch) {
                        addGap(gaps, p.cwId(), skipped);
                    }
                    continue;
                }
                GetMetricDataRequest request = GetMetricDataRequest.builder()
                        .metricDataQueries(sdkQueries)
                        .startTime(piece.start())
                        .endTime(piece.end())
                        .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                        .build();
                Paged paged = call(request, byId, messages);
                calls.add(new Call(request, paged.pages()));
                anyPage |= !paged.pages().isEmpty();
                String gap = paged.stopped();
                MetricSourceException failed = paged.failure();
                if (failed != null) {
                    if (!failed.isRetryable()) {
                        throw failed; // a bad request or refused credentials: every other request would fail too
                    }
                    failure = failed;
                    gap = "GetMetricData for " + piece + " failed"
                            + (paged.pages().isEmpty()
                                    ? ""
                                    : " after " + paged.pages().size() + " page(s)") + ": "
                            + String.valueOf(failed.getMessage())
                                    .replaceFirst("^cloudwatch: GetMetricData failed: ", "");
                }
                if (gap != null) {
                    for (Planned p : batch) {
                        addGap(gaps, p.cwId(), gap);
                    }
                }
            }
        }
        if (failure != null && !anyPage) {
            throw failure; // nothing came back at all: the pipeline names the whole source as a gap
        }
        return new Exchange(CloudWatchResults.assemble(planned, window, byId, messages, gaps), calls);
    }

    private static void addGap(Map<String, List<String>> gaps, String cwId, String why) {
        List<String> g = gaps.computeIfAbsent(cwId, k -> new ArrayList<>());
        if (!g.contains(why)) {
            g.add(why);
        }
    }

    /** A query ready to send. */
    record Planned(
            MetricQuery query,
            CloudWatchQueries.Parsed parsed,
            String cwId,
            int period,
            @Nullable MetricDataQuery sdk) {}

    static List<Planned> plan(
            List<MetricQuery> queries, TimeWindow window, Duration step, Instant now, List<String> messages) {
        List<Planned> out = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < queries.size(); i++) {
            MetricQuery q = queries.get(i);
            if (!ids.add(q.id())) {
                throw new IllegalArgumentException(
                        "query ids must be unique within a fetch, but '" + q.id() + "' appears twice");
            }
            CloudWatchQueries.Parsed parsed = CloudWatchQueries.parse(q);
            int period;
            String pinned = q.hints().get("period");
            if (pinned != null) {
                period = Integer.parseInt(pinned);
            } else {
                CloudWatchQueries.PeriodChoice choice = CloudWatchQueries.choosePeriod(
                        step,
                        window.start(),
                        now,
                        Boolean.parseBoolean(q.hints().getOrDefault("high-resolution", "false")));
                period = choice.seconds();
                if (choice.note() != null && !messages.contains(choice.note())) {
                    messages.add(choice.note());
                }
            }
            String cwId = CloudWatchQueries.cloudWatchId(i, q.id());
            out.add(new Planned(q, parsed, cwId, period, CloudWatchQueries.toSdk(cwId, q, parsed, period)));
        }
        return out;
    }

    private static long windowPoints(TimeWindow w, int period) {
        return Math.max(1, (w.duration().toMillis() + period * 1000L - 1) / (period * 1000L));
    }

    private static <T> List<List<T>> partition(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return out;
    }

    /**
     * One request's pages: what came back, and why paging ended early — a failure after the SDK's retries, or the
     * loop guard (a repeated {@code NextToken}, or {@value #MAX_EMPTY_PAGES} pages in a row without a datapoint).
     */
    record Paged(
            List<GetMetricDataResponse> pages,
            @Nullable MetricSourceException failure,
            @Nullable String stopped) {}

    /** Pages in a row without a datapoint after which paging stops: a server looping on empty pages. */
    static final int MAX_EMPTY_PAGES = 20;

    private Paged call(
            GetMetricDataRequest request,
            Map<String, Map<String, CloudWatchResults.Points>> byId,
            List<String> messages) {
        List<GetMetricDataResponse> pages = new ArrayList<>();
        Map<CloudWatchResults.Points, StatusCode> status = new LinkedHashMap<>();
        Set<String> tokens = new HashSet<>();
        String token = null;
        int empty = 0;
        try {
            while (true) {
                GetMetricDataResponse page = client.getMetricData(
                        token == null
                                ? request
                                : request.toBuilder().nextToken(token).build());
                pages.add(page);
                CloudWatchResults.collect(page, byId, messages, status, this::redact);
                String next = page.nextToken();
                if (next == null || next.isEmpty()) {
                    return new Paged(pages, null, null);
                }
                // the SDK's paginator would follow a token that comes back forever; stop and say so
                if (!tokens.add(next)) {
                    return new Paged(
                            pages,
                            null,
                            "CloudWatch repeated a NextToken on page " + pages.size() + " of GetMetricData for "
                                    + window(request) + ": stopped paging, later datapoints may be missing");
                }
                boolean anyPoint = page.metricDataResults().stream()
                        .anyMatch(r -> !r.timestamps().isEmpty());
                empty = anyPoint ? 0 : empty + 1;
                if (empty >= MAX_EMPTY_PAGES) {
                    return new Paged(
                            pages,
                            null,
                            "CloudWatch returned " + empty + " pages in a row without datapoints for " + window(request)
                                    + ": stopped paging, later datapoints may be missing");
                }
                token = next;
            }
        } catch (SdkException e) {
            return new Paged(pages, translate(e), null);
        } finally {
            CloudWatchResults.settle(status);
        }
    }

    /** Whether the SDK failed reading a response body that ended early or broke off (not a service error). */
    static boolean isCutBody(Throwable t) {
        if (!(t instanceof SdkClientException)) {
            return false;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof XMLStreamException || c instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static TimeWindow window(GetMetricDataRequest r) {
        return new TimeWindow(r.startTime(), r.endTime());
    }

    /** The SDK's exception as a {@link MetricSourceException}, credentials redacted. */
    MetricSourceException translate(SdkException e) {
        if (e instanceof AwsServiceException ase) {
            int status = ase.statusCode();
            String code =
                    ase.awsErrorDetails() == null ? "" : ase.awsErrorDetails().errorCode();
            String msg = ase.awsErrorDetails() == null
                    ? ase.getMessage()
                    : ase.awsErrorDetails().errorMessage();
            boolean throttled = ase.isThrottlingException() || "Throttling".equals(code) || status == 429;
            boolean retryable = throttled || status >= 500;
            String text = "GetMetricData failed: HTTP " + status + " " + code + ": " + msg
                    + (throttled
                            ? " (throttled after the SDK's retries; try again later or lower the request rate)"
                            : status >= 500
                                    ? " (CloudWatch server error after the SDK's retries)"
                                    : status == 403
                                            ? " (check the credentials and the IAM permission cloudwatch:GetMetricData)"
                                            : "")
                    + (ase.requestId() == null ? "" : " [request id " + ase.requestId() + "]");
            return new MetricSourceException("cloudwatch", retryable, redact(text), new RedactedCause(e, this::redact));
        }
        // a client-side failure: connection refused or reset, a timeout, a body cut short or not parseable
        boolean retryable = e instanceof SdkClientException || e.retryable();
        return new MetricSourceException(
                "cloudwatch",
                retryable,
                redact("GetMetricData failed: " + e.getMessage() + (retryable ? " (after the SDK's retries)" : "")),
                new RedactedCause(e, this::redact));
    }

    /**
     * The text without credentials: the values this source signed requests with (access key id, secret key, session
     * token — a {@code SignatureDoesNotMatch} error quotes the canonical request, token included) and anything shaped
     * like an access key id.
     */
    String redact(@Nullable String text) {
        String t = text == null ? "" : text;
        for (String secret : credentials.seen()) {
            t = t.replace(secret, "****");
        }
        return ACCESS_KEY_ID.matcher(t).replaceAll("****");
    }

    static String redactKeyIds(@Nullable String text) {
        return text == null ? "" : ACCESS_KEY_ID.matcher(text).replaceAll("****");
    }

    /** Keeps the SDK exception's type and stack, not its message chain (which may echo a request). */
    private static final class RedactedCause extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RedactedCause(SdkException e, UnaryOperator<String> redact) {
            super(e.getClass().getName() + ": " + redact.apply(e.getMessage()), null, false, true);
            setStackTrace(e.getStackTrace());
        }
    }

    /**
     * The credentials provider the client signs with, remembering the values it handed out so that they can be
     * redacted from whatever the server or the SDK says (no extra resolution: it sees what signing resolved).
     */
    static final class RememberingCredentials implements AwsCredentialsProvider {
        private final @Nullable AwsCredentialsProvider delegate;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();

        RememberingCredentials(@Nullable AwsCredentialsProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            if (delegate == null) {
                throw SdkClientException.create("no credentials provider");
            }
            AwsCredentials c = delegate.resolveCredentials();
            remember(c.accessKeyId());
            remember(c.secretAccessKey());
            if (c instanceof AwsSessionCredentials session) {
                remember(session.sessionToken());
            }
            return c;
        }

        private void remember(@Nullable String value) {
            if (value != null && value.length() >= 8) {
                seen.add(value);
            }
        }

        Set<String> seen() {
            return seen;
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    /** Builds a source; the client, credentials and clock can be injected (tests, shared clients). */
    public static final class Builder {
        private final CloudWatchSourceConfig config;
        private @Nullable CloudWatchClient client;
        private @Nullable AwsCredentialsProvider credentials;
        private @Nullable BackoffStrategy backoff;
        private Clock clock = Clock.systemUTC();

        private Builder(CloudWatchSourceConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * Use this client (not closed by the source) instead of building one from the configuration.
         *
         * @param client a configured SDK client; its own retry, timeout and credential settings then apply
         * @return this builder
         */
        public Builder client(CloudWatchClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Credentials for the client built from the configuration; default: the SDK's default chain (or the
         * {@code cloudwatch.profile}).
         *
         * @param credentials the provider; its secrets are redacted from every message
         * @return this builder
         */
        public Builder credentials(AwsCredentialsProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * Backoff between retries of the client built from the configuration; default: the SDK's standard one.
         *
         * @param backoff used for throttling as well as for other retryable failures
         * @return this builder
         */
        public Builder backoff(BackoffStrategy backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /**
         * The clock that decides which periods CloudWatch still has (data age); default the UTC system clock.
         *
         * @param clock e.g. a fixed clock in tests
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The source.
         *
         * @return a new source; close it to close the client it built
         * @throws dev.plimsoll.source.ConfigurationException listing every configuration problem
         */
        public CloudWatchMetricSource build() {
            config.requireValid();
            if (client != null) {
                return new CloudWatchMetricSource(
                        client, false, clock, CloudWatchSignals.defaults(config), new RememberingCredentials(null));
            }
            var retry = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                    .maxAttempts(config.maxAttempts())
                    // a body cut short (a reset mid-body, a proxy's truncation) fails in the XML parser, which the
                    // standard strategy does not retry; another attempt usually gets the whole body
                    .retryOnException(CloudWatchMetricSource::isCutBody);
            if (backoff != null) {
                retry = retry.backoffStrategy(backoff).throttlingBackoffStrategy(backoff);
            }
            var strategy = retry.build();
            CloudWatchClientBuilder b = CloudWatchClient.builder()
                    .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(config.readTimeout()))
                    .overrideConfiguration(
                            o -> o.retryStrategy(strategy).apiCallAttemptTimeout(config.apiCallAttemptTimeout()));
            String region = config.region();
            String profile = config.profile();
            b.region(region != null ? Region.of(region) : regionFromChain(profile));
            if (config.endpoint() != null) {
                b.endpointOverride(config.endpoint());
            }
            RememberingCredentials remembering = new RememberingCredentials(
                    credentials != null
                            ? credentials
                            : profile != null
                                    ? ProfileCredentialsProvider.create(profile)
                                    : DefaultCredentialsProvider.builder().build());
            b.credentialsProvider(remembering);
            try {
                return new CloudWatchMetricSource(
                        b.build(), true, clock, CloudWatchSignals.defaults(config), remembering);
            } catch (SdkException e) {
                throw new MetricSourceException(
                        "cloudwatch",
                        false,
                        redactKeyIds("cannot create the CloudWatch client: " + e.getMessage()),
                        new RedactedCause(e, CloudWatchMetricSource::redactKeyIds));
            }
        }

        /**
         * The region of the SDK's chain (aws.region, AWS_REGION, the profile's region, instance metadata), said in
         * one line when there is none: the SDK's own message lists the providers with their object hashes.
         */
        private static Region regionFromChain(@Nullable String profile) {
            var chain = DefaultAwsRegionProviderChain.builder();
            if (profile != null) {
                chain.profileName(profile);
            }
            try {
                return chain.build().getRegion();
            } catch (SdkException e) {
                throw new MetricSourceException(
                        "cloudwatch",
                        false,
                        "no AWS region: set the cloudwatch.region setting (plimsoll analyze --region REGION) or the"
                                + " AWS_REGION environment variable",
                        new RedactedCause(e, CloudWatchMetricSource::redactKeyIds));
            }
        }
    }
}
