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
package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./plimsoll} launcher, run by bash with the real {@code java}: in a copy of the repository's
 * layout whose {@code cli/target/plimsoll.jar} is a probe printing the JVM options it was started with (so the launcher
 * finds the jar up to date and does not build).
 */
class LauncherTest {
    @TempDir
    Path root;

    /** Prints the JVM's input arguments, one per line, then the program arguments. */
    public static final class Probe {
        public static void main(String[] args) {
            ManagementFactory.getRuntimeMXBean().getInputArguments().forEach(a -> System.out.println("jvm " + a));
            for (String a : args) {
                System.out.println("arg " + a);
            }
        }
    }

    @BeforeEach
    void layout() throws IOException {
        Path launcher = Path.of("..", "plimsoll").toAbsolutePath().normalize();
        Files.copy(launcher, root.resolve("plimsoll"));
        root.resolve("plimsoll").toFile().setExecutable(true);
        Path jar = Files.createDirectories(root.resolve("cli/target")).resolve("plimsoll.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Probe.class.getName());
        String entry = Probe.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m);
                var in = Probe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(3600)));
    }

    private record Run(int code, String out, String err) {}

    private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd =
                new ArrayList<>(List.of("bash", root.resolve("plimsoll").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
        pb.environment().remove("PLIMSOLL_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    private Path file(String name, long bytes) throws IOException {
        Path f = root.resolve(name);
        try (var ch = java.nio.channels.FileChannel.open(
                f, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.position(bytes - 1);
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}));
        }
        return f;
    }

    @Test
    void launcherWhenTheInputIsSmallShouldUseC1AloneAndPassTheArguments() throws Exception {
        Path small = file("small.json", 10_000_000);

        Run r = run(Map.of(), "summarize", small.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("jvm -XX:TieredStopAtLevel=1", "jvm -XX:+UseParallelGC", "arg summarize", "arg " + small);
    }

    @Test
    void launcherWhenTheInputIsLargeOrStandardInputShouldKeepTieredCompilation() throws Exception {
        Path large = file("large.json", 1_100_000_000L); // sparse
        Path gz = file("large.json.gz", 50_000_000L); // counted at 25 times its size

        for (String input : List.of(large.toString(), gz.toString(), "-", "--load=" + large, "--k6=-")) {
            Run r = run(Map.of(), "analyze", input);

            assertThat(r.out())
                    .as(input)
                    .doesNotContain("TieredStopAtLevel")
                    .contains("jvm -XX:Tier4InvocationThreshold=50000");
        }
    }

    @Test
    void launcherShouldPassPlimsollJavaOptsAfterItsOwnAndRefuseOnesJavaRefuses() throws Exception {
        Run ok = run(Map.of("PLIMSOLL_JAVA_OPTS", "-Xmx96m"), "summarize");
        Run bad = run(Map.of("PLIMSOLL_JAVA_OPTS", "-Xfoo"), "summarize");

        assertThat(ok.out()).contains("jvm -Xmx96m");
        assertThat(ok.out().indexOf("jvm -Xmx96m")).isGreaterThan(ok.out().indexOf("jvm -XX:+UseParallelGC"));
        assertThat(bad.code()).isEqualTo(2); // not 1, a failed gate's
        assertThat(bad.err().strip())
                .isEqualTo("plimsoll: PLIMSOLL_JAVA_OPTS='-Xfoo' is refused by java: Unrecognized option: -Xfoo");
        assertThat(bad.out()).isEmpty();
    }
}
