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
package dev.plimsoll.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Wraps a load test: a test method that takes a {@link LoadTestRecorder} parameter records its load through it (in-JVM
 * requests, or a load tool's output file it attaches; other methods of the class run as plain tests); after the test
 * Plimsoll waits for the cloud's data, fetches it, analyses the run ({@code dev.plimsoll.LoadTestAnalysis}), writes
 * {@code <reportDir>/<class>/<method>.{html,json,md}}, prints the report's path and fails the test when the verdict is
 * {@code fail} (a gate failed, or a finding reached {@link #failOn()}) or {@code inconclusive} (unless
 * {@link #allowInconclusive()}).
 *
 * <pre>{@code
 * @LoadTest(sources = {"cloudwatch", "datadog"}, cluster = "shop-eks", loadBalancer = "app/shop-alb/50dc6c495c0c9188",
 *         service = "shop-backend", maxNodes = 5, ingestionDelay = "5m",
 *         gates = {"scaling_lag<=150s", "client_p95<500ms"})
 * class CheckoutLoadTest {
 *     @Test
 *     void checkoutHoldsAt200Rps(LoadTestRecorder recorder) throws Exception {
 *         Process k6 = new ProcessBuilder("k6", "run", "--out", "json=target/k6.json.gz", "checkout.js").start();
 *         k6.waitFor();
 *         recorder.attach(Path.of("target/k6.json.gz"));
 *     }
 * }
 * }</pre>
 *
 * <p>Offline (CI without cloud access), replay recorded responses through the sources' own settings:
 * {@code @LoadTest(sources = {"cloudwatch", "datadog"}, properties = {"cloudwatch.replay=classpath:rec/cloudwatch",
 * "datadog.replay=classpath:rec/datadog"})}.
 *
 * <p>Every attribute can also come from a system property ({@code -Dplimsoll.max-nodes=5}), an environment variable
 * ({@code PLIMSOLL_MAX_NODES=5}) or {@code plimsoll.properties} on the test class path ({@code plimsoll.max-nodes=5}),
 * in that order; the annotation wins. Source settings ({@code cloudwatch.region}, {@code datadog.site}, …) come from
 * the same places and pass through to the sources. An unknown key in any of them is an error naming the nearest known
 * key.
 *
 * @since 0.1
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LoadTestExtension.class)
public @interface LoadTest {
    /**
     * Gates, e.g. {@code scaling_lag<=150s}; a failed gate fails the test. Key {@code gates} ({@code ;}-separated).
     *
     * @return gate expressions; default none
     */
    String[] gates() default {};

    /**
     * Sources by type: {@code cloudwatch}, {@code datadog} (live, or replayed with {@code <type>.replay}).
     *
     * @return source types; default none: the client side only
     */
    String[] sources() default {};

    /**
     * Source settings as {@code key=value}, e.g. {@code cloudwatch.region=eu-west-1} or
     * {@code datadog.replay=classpath:recordings/datadog}; each key is {@code <source type>.<setting>}.
     *
     * @return {@code key=value} pairs; default none
     */
    String[] properties() default {};

    /**
     * EKS cluster name (Container Insights {@code ClusterName}, Datadog {@code kube_cluster_name}).
     *
     * @return the cluster name; default none, which binds no cluster signals
     */
    String cluster() default "";

    /**
     * ALB dimension {@code app/<name>/<id>}.
     *
     * @return the load balancer dimension; default none
     */
    String loadBalancer() default "";

    /**
     * Kubernetes / APM service.
     *
     * @return the service name; default none
     */
    String service() default "";

    /**
     * The node group's maximum (0 = unknown). Key {@code max-nodes}.
     *
     * @return the maximum node count, or 0
     */
    int maxNodes() default 0;

    /**
     * Fail the test when a finding reaches this severity: {@code info}, {@code warning}, {@code high}, or
     * {@code none}; default {@code high}. Key {@code fail-on}.
     *
     * @return a severity, {@code none}, or empty for the default {@code high}
     */
    String failOn() default "";

    /**
     * Accept an inconclusive verdict (the sources did not cover the run for what a gate or finding needs) instead of
     * failing the test; default false: no evidence is not a pass. Key {@code allow-inconclusive}.
     *
     * @return true to pass an inconclusive run
     */
    boolean allowInconclusive() default false;

    /**
     * Longest wait for the cloud's data to cover the run (polled, not slept), e.g. {@code 5m}. Key
     * {@code ingestion-delay}.
     *
     * @return a duration such as {@code 90s} or {@code 5m}; default none: one fetch right after the test
     */
    String ingestionDelay() default "";

    /**
     * Where reports go; default {@code target/plimsoll}. Key {@code report-dir}.
     *
     * @return a folder, relative to the working directory; empty for {@code target/plimsoll}
     */
    String reportDir() default "";

    /**
     * Keep the run in a run history (needs {@code dev.plimsoll:plimsoll-history} on the test class path): a SQLite
     * file ({@code jdbc:sqlite:PATH} or a path) or {@code jdbc:postgresql://HOST/DB} (user and password in the URL or
     * {@code PGUSER}/{@code PGPASSWORD}); {@code default} for {@code .plimsoll/history.db}. The run is saved with the
     * label {@code test=<class>.<method>}, the {@link #labels()}, and in GitHub Actions {@code commit}, {@code branch},
     * {@code github_run_id}, {@code repository}. Key {@code history}.
     *
     * @return a store URL, {@code default}, or empty for no history
     */
    String history() default "";

    /**
     * Compare the run with baseline runs of the history: {@code last}, {@code last-passing}, a run id, or
     * {@code label:k=v[,n=5]}, among the runs of the same test (label {@code test}); implies {@link #history()}
     * ({@code .plimsoll/history.db} when not set). Regressions become findings at {@code warning}: fail the test on
     * them with {@code failOn = "warning"} or the gate {@code regressions==0}; gates such as
     * {@code client_p95_change<10%} compare with the baseline. Without a baseline run yet (the first run), those gates
     * are inconclusive. Key {@code baseline}.
     *
     * @return a baseline selector, or empty for no comparison
     */
    String baseline() default "";

    /**
     * Labels of the run in the history, {@code key=value}. Key {@code labels} ({@code ,}-separated).
     *
     * @return {@code key=value} pairs; default none
     */
    String[] labels() default {};
}
