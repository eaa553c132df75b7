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

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.cli.PlimsollCommand;
import dev.plimsoll.test.LoopbackHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #11, "Secrets and paths": AWS keys ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY},
 * {@code AWS_SESSION_TOKEN}) and Datadog keys ({@code DD_API_KEY}, {@code DD_APP_KEY}) never appear in what
 * {@code plimsoll analyze --cloudwatch --datadog} prints (stdout, stderr, with and without {@code PLIMSOLL_DEBUG}),
 * logs (java.util.logging, anything written to {@code System.out}/{@code System.err}) or writes (every report format,
 * every file it leaves), including the error paths: live sources pointed at local servers on 127.0.0.1 that refuse
 * with 403, fail with 500 or answer 200 with garbage — each echoing the request's credentials back (the signature's
 * Credential scope and security token for AWS, the key headers for Datadog), as signature errors and some proxies do.
 *
 * <p>In-process, the AWS keys come from the SDK's system properties ({@code aws.accessKeyId}, …: the first link of its
 * default chain) and the Datadog keys from {@code --set} and from a settings file; in a forked JVM they come from the
 * environment variables themselves.
 */
class SecretsTest {
    // distinct, random-looking values that cannot occur by chance
    static final String ACCESS_KEY = "AKIAQ7XPLMSLL9K2V4ZR";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYPLMSLL4x9Q2zT";
    static final String SESSION_TOKEN =
            "IQoJb3JpZ2luX2VjEPLMSLLmFrZS1zZXNzaW9uLXRva2VuLWZvci1wbGltc29sbC10ZXN0cw8Xw2Q9rT1vLmN0b2tlbi0xMjM0NTY3ODkw";
    static final String DD_API = "8f3c2a9d1e7b4c6a5f0e9d8c7b6a5f4e";
    static final String DD_APP = "3e9a7c5b1d2f4e6a8c0b9d7e5f3a1c2b4d6e8f0a";
    static final List<String> SECRETS = List.of(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, DD_API, DD_APP);

    /** What the local servers answer: each echoes every header and the body of the request it got. */
    enum Answer {
        FORBIDDEN(403),
        SERVER_ERROR(500),
        GARBAGE(200);

        final int status;

        Answer(int status) {
            this.status = status;
        }
    }

    static LoopbackHttpServer cloudwatch;
    static LoopbackHttpServer datadog;
    static volatile Answer answer = Answer.FORBIDDEN;

    @TempDir
    Path dir;

    @BeforeAll
    static void servers() {
        cloudwatch = LoopbackHttpServer.start(r -> {
            String echo = echo(r);
            String body = answer == Answer.GARBAGE
                    ? "<GetMetricDataResponse><Unexpected>" + echo + "</Unexpected"
                    : "<ErrorResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><Error><Type>Sender"
                            + "</Type><Code>"
                            + (answer == Answer.FORBIDDEN ? "SignatureDoesNotMatch" : "InternalFailure")
                            + "</Code><Message>The request we got: " + xml(echo) + "</Message></Error><RequestId>"
                            + "1b2c3d4e</RequestId></ErrorResponse>";
            return LoopbackHttpServer.Response.of(answer.status, "text/xml", body);
        });
        datadog = LoopbackHttpServer.start(r -> {
            String echo = echo(r);
            String body = answer == Answer.GARBAGE
                    ? "{\"status\": \"ok\", \"series\": [{\"pointlist\": \"" + echo.replace("\"", "'")
                    : "{\"errors\":[\"Forbidden: the request we got: "
                            + echo.replace("\"", "'").replace("\n", " ") + "\"]}";
            return LoopbackHttpServer.Response.of(answer.status, "application/json", body);
        });
    }

    @AfterAll
    static void stop() {
        cloudwatch.close();
        datadog.close();
    }

    private static String echo(LoopbackHttpServer.Request r) {
        StringBuilder sb = new StringBuilder(r.method() + " " + r.target() + "\n");
        r.headers()
                .forEach((k, v) ->
                        sb.append(k).append(": ").append(String.join(", ", v)).append('\n'));
        sb.append(r.bodyText());
        return sb.toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private List<String> sourceArgs(Path out) {
        return List.of(
                "analyze",
                "--load",
                seed("k6/smoke.ndjson"),
                "--cloudwatch",
                "--datadog",
                "--region",
                "eu-west-1",
                "--cluster",
                "shop-eks",
                "--load-balancer",
                "app/shop-alb/50dc6c495c0c9188",
                "--service",
                "shop-backend",
                "--set",
                "cloudwatch.endpoint=" + cloudwatch.uri(),
                "--set",
                "cloudwatch.max-attempts=2",
                "--set",
                "datadog.base-url=" + datadog.uri(),
                "--set",
                "datadog.max-attempts=2",
                "--set",
                "datadog.retry-budget=1s",
                "--gate",
                "scaling_lag<=150s",
                "--out",
                out.toString(),
                "--format",
                "html,json,md,junit");
    }

    static String seed(String name) {
        try {
            return Path.of(SecretsTest.class.getResource("/seeds/" + name).toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Answer.class)
    void keysOnTheCommandLineShouldNeverBePrintedLoggedOrWritten(Answer a) throws Exception {
        answer = a;
        List<String> args = new ArrayList<>(sourceArgs(dir.resolve("out")));
        args.addAll(List.of("--set", "datadog.api-key=" + DD_API, "--set", "datadog.app-key=" + DD_APP));
        String printed = inProcess(args);

        assertThat(cloudwatch.requests()).as("CloudWatch was asked").isNotEmpty();
        assertThat(datadog.requests()).as("Datadog was asked").isNotEmpty();
        assertThat(echoedCredentials())
                .as("the servers saw (and echoed) the credentials")
                .isTrue();
        assertThat(printed).as("both failures reached the user").contains("cloudwatch failed", "datadog failed");
        if (a != Answer.GARBAGE) {
            assertThat(printed).as("the echo reached the user, redacted").contains("The request we got");
        }
        assertNoSecrets("the output, logs and files of a " + a + " answer", printed + everyFile(dir));
    }

    @ParameterizedTest
    @EnumSource(Answer.class)
    void keysInASettingsFileShouldNeverBePrintedLoggedOrWritten(Answer a) throws Exception {
        answer = a;
        Path settings = Files.writeString(
                dir.resolve("plimsoll.yaml"), "datadog:\n  api-key: " + DD_API + "\n  app-key: " + DD_APP + "\n");
        List<String> args = new ArrayList<>(sourceArgs(dir.resolve("out")));
        args.addAll(List.of("--config", settings.toString()));
        String printed = inProcess(args);

        assertThat(datadog.requests()).as("Datadog was asked").isNotEmpty();
        // the settings file itself holds the keys, as the user wrote it; nothing else may
        Files.delete(settings);
        assertNoSecrets("the output, logs and files of a " + a + " answer", printed + everyFile(dir));
    }

    @ParameterizedTest
    @EnumSource(Answer.class)
    void keysFromTheEnvironmentShouldNeverBePrintedEvenWithDebugOn(Answer a) throws Exception {
        answer = a;
        for (boolean debug : new boolean[] {false, true}) {
            Path out = dir.resolve(debug ? "out-debug" : "out");
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    PlimsollCommand.class.getName()));
            cmd.addAll(sourceArgs(out));
            Map<String, String> env = new java.util.HashMap<>(Map.of(
                    "AWS_ACCESS_KEY_ID", ACCESS_KEY,
                    "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
                    "AWS_SESSION_TOKEN", SESSION_TOKEN,
                    "DD_API_KEY", DD_API,
                    "DD_APP_KEY", DD_APP));
            env.put("PLIMSOLL_DEBUG", Boolean.toString(debug));
            Case.Outcome o = Runner.fork(cmd, dir, env);

            assertThat(o.timedOut()).isFalse();
            assertThat(o.exit()).as(o.err()).isIn(0, 1, 2, 3);
            assertNoSecrets(
                    "the process's output (PLIMSOLL_DEBUG=" + debug + ") and files, " + a,
                    o.out() + o.err() + everyFile(out));
        }
        assertThat(echoedCredentials())
                .as("the servers saw (and echoed) the credentials")
                .isTrue();
    }

    /** Whether the servers received the credentials that their answers echo (else the test would prove nothing). */
    private static boolean echoedCredentials() {
        boolean aws = cloudwatch.requests().stream()
                .anyMatch(r -> String.valueOf(r.header("authorization")).contains(ACCESS_KEY)
                        && SESSION_TOKEN.equals(r.header("x-amz-security-token")));
        boolean dd = datadog.requests().stream()
                .anyMatch(r -> DD_API.equals(r.header("dd-api-key")) && DD_APP.equals(r.header("dd-application-key")));
        return aws && dd;
    }

    /**
     * Runs the CLI in-process with the AWS keys in the SDK's system properties, capturing its streams, the JVM's
     * {@code System.out}/{@code System.err} and every java.util.logging record at any level.
     */
    private static String inProcess(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        Logger root = Logger.getLogger("");
        StringBuilder logged = new StringBuilder();
        Handler handler = new Handler() {
            private final SimpleFormatter f = new SimpleFormatter();

            @Override
            public synchronized void publish(LogRecord r) {
                logged.append(f.format(r));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        // at the levels a user's default logging configuration lets through: turning up the JDK's HTTP client to FINE
        // logs every request header, credentials included, by the user's own choice
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        System.setProperty("aws.sessionToken", SESSION_TOKEN);
        int exit;
        try {
            System.setOut(new PrintStream(stray, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
            exit = PlimsollCommand.run(
                    args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            root.removeHandler(handler);
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            System.clearProperty("aws.sessionToken");
        }
        assertThat(exit).as("exit code; stderr: " + err).isIn(0, 1, 2, 3);
        return out + "\n" + err + "\n" + stray.toString(StandardCharsets.UTF_8) + "\n" + logged;
    }

    /** Every file under {@code root}, as text. */
    static String everyFile(Path root) throws IOException {
        if (!Files.exists(root)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                sb.append("\n--- ").append(f).append('\n');
                sb.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    /** Fails when {@code text} holds a secret, or any 12 consecutive characters of one (a cut-off echo). */
    static void assertNoSecrets(String where, String text) {
        for (String secret : SECRETS) {
            for (int i = 0; i + 12 <= secret.length(); i++) {
                String piece = secret.substring(i, i + 12);
                int at = text.indexOf(piece);
                if (at >= 0) {
                    throw new AssertionError(where + " hold part of a secret ('" + piece + "…'): "
                            + text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 100)));
                }
            }
        }
    }
}
