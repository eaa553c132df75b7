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

import dev.plimsoll.cli.PlimsollCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs a {@link Case}: writes its files into a folder of its own, runs the CLI on them (in-process, or in a forked JVM
 * with a bounded heap), within a time bound.
 */
final class Runner {
    /** A case that has not answered in this time is a hang (the slowest case takes well under a second). */
    static final Duration BOUND = Duration.ofSeconds(30);

    private final Path root;
    private final Path seeds;
    private ExecutorService worker = newWorker();
    private int next;

    Runner(Path root, Path seeds) {
        this.root = root;
        this.seeds = seeds;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hostile-case");
            t.setDaemon(true);
            return t;
        });
    }

    /** The case's folder with its files written. */
    Path materialise(Case c) throws IOException {
        Path dir = root.resolve(String.format("%05d", next++));
        Files.createDirectories(dir);
        for (String d : c.directories) {
            Files.createDirectories(dir.resolve(d));
        }
        for (var e : c.files.entrySet()) {
            if (e.getValue() == null) {
                continue; // removed
            }
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
        return dir;
    }

    Case.Outcome run(Case c, Path dir) throws Exception {
        List<String> args = c.commandLine(dir, seeds);
        if (c.forkedHeap != null) {
            return fork(args, dir, c.forkedHeap);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        // what a library prints to the JVM's own streams reaches the user's terminal too: it counts as output
        java.io.ByteArrayOutputStream stray = new java.io.ByteArrayOutputStream();
        java.io.PrintStream oldOut = System.out;
        java.io.PrintStream oldErr = System.err;
        java.io.PrintStream capture = new java.io.PrintStream(stray, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        Future<Integer> f = worker.submit(() -> PlimsollCommand.run(
                args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true)));
        try {
            int exit = f.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            capture.flush();
            return new Case.Outcome(
                    exit,
                    out.toString(),
                    err + stray.toString(StandardCharsets.UTF_8),
                    (System.nanoTime() - start) / 1_000_000,
                    dir,
                    false);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker(); // the hung thread is abandoned (a daemon); the next cases get a fresh one
            return new Case.Outcome(-1, out.toString(), err.toString(), BOUND.toMillis(), dir, true);
        } catch (ExecutionException e) {
            // PlimsollCommand.run itself threw: the CLI's own guard failed
            StringWriter trace = new StringWriter();
            e.getCause().printStackTrace(new PrintWriter(trace));
            return new Case.Outcome(
                    -2,
                    out.toString(),
                    err + "\n[PlimsollCommand.run threw]\n" + trace,
                    (System.nanoTime() - start) / 1_000_000,
                    dir,
                    false);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The CLI as its own process: {@code java -Xmx<heap> -cp <this class path> PlimsollCommand args}. */
    static Case.Outcome fork(List<String> args, Path dir, String heap) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(PlimsollCommand.class.getName());
        cmd.addAll(args);
        return fork(cmd, dir, java.util.Map.of());
    }

    static Case.Outcome fork(List<String> cmd, Path dir, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(env);
        Path out = dir.resolve(".stdout");
        Path err = dir.resolve(".stderr");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        long start = System.nanoTime();
        Process p = pb.start();
        boolean done = p.waitFor(BOUND.toMillis() * 2, TimeUnit.MILLISECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        String o = Files.readString(out, StandardCharsets.UTF_8);
        String e = Files.readString(err, StandardCharsets.UTF_8);
        Files.delete(out);
        Files.delete(err);
        return new Case.Outcome(done ? p.exitValue() : -1, o, e, (System.nanoTime() - start) / 1_000_000, dir, !done);
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void close() {
        worker.shutdownNow();
    }
}
