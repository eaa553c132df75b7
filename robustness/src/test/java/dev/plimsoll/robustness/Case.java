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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One hostile input: the files it is made of (written into a folder of its own), the command line that reads them,
 * what an error about it must name, and what a result must satisfy beyond the exit-code contract.
 *
 * <p>In {@link #args}, {@code @/x} stands for the file {@code x} in the case's folder and {@code @@/x} for the seed
 * {@code x} (read-only, shared by every case).
 */
final class Case {
    final String format;
    final String family;
    final String what;
    final Map<String, byte[]> files = new LinkedHashMap<>();
    final Set<String> directories = new LinkedHashSet<>();
    final List<String> args = new ArrayList<>();
    /** Text a clear error about this input must contain (a file name, a folder, an option); null: no demand. */
    String culprit;
    /** Checks beyond the contract; the default checks nothing more. */
    Oracle oracle = Oracle.NONE;
    /** When set, the exit code must be one of these (e.g. 2 where the input must be refused). */
    Set<Integer> expectedExits = Set.of();
    /** Fork a JVM with this heap for the case (size and overflow cases), else run in-process. */
    String forkedHeap;

    Case(String format, String family, String what) {
        this.format = format;
        this.family = family;
        this.what = what;
    }

    Case file(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    Case directory(String path) {
        directories.add(path);
        return this;
    }

    Case args(String... a) {
        args.addAll(List.of(a));
        return this;
    }

    Case culprit(String c) {
        this.culprit = c;
        return this;
    }

    Case oracle(Oracle o) {
        this.oracle = o;
        return this;
    }

    Case expectExit(Integer... codes) {
        this.expectedExits = Set.of(codes);
        return this;
    }

    Case forked(String heap) {
        this.forkedHeap = heap;
        return this;
    }

    /** The command line with {@code @/} and {@code @@/} resolved. */
    List<String> commandLine(Path dir, Path seeds) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            out.add(resolve(a, dir, seeds));
        }
        return out;
    }

    static String resolve(String a, Path dir, Path seeds) {
        if (a.startsWith("@@/")) {
            return seeds.resolve(a.substring(3)).toString();
        }
        if (a.startsWith("@/")) {
            return dir.resolve(a.substring(2)).toString();
        }
        int eq = a.indexOf("=@/");
        if (eq > 0) {
            return a.substring(0, eq + 1) + dir.resolve(a.substring(eq + 3));
        }
        eq = a.indexOf("=@@/");
        if (eq > 0) {
            return a.substring(0, eq + 1) + seeds.resolve(a.substring(eq + 4));
        }
        return a;
    }

    @Override
    public String toString() {
        return format + " · " + family + " · " + what;
    }

    /** What a result must satisfy beyond the contract; throws {@link AssertionError} naming what is wrong. */
    @FunctionalInterface
    interface Oracle {
        Oracle NONE = o -> {};

        void check(Outcome o) throws Exception;

        default Oracle and(Oracle next) {
            return o -> {
                check(o);
                next.check(o);
            };
        }
    }

    /** What a run of the CLI gave. */
    record Outcome(int exit, String out, String err, long millis, Path dir, boolean timedOut) {
        /** The case folder's file {@code name}. */
        Path file(String name) {
            return dir.resolve(name);
        }
    }
}
