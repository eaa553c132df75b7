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
package dev.plimsoll.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The reference of the throughput target, as a process of its own: a bare single-threaded Jackson token scan of a
 * k6 file ({@code nextToken()} over every token, the length of every string and field name read; gzip inflated on
 * the same thread). Prints tokens and lines.
 *
 * <p>Usage: {@code Scan FILE}.
 */
public final class Scan {
    private Scan() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Scan FILE");
            System.exit(2);
        }
        long[] r = IngestBench.scan(Path.of(args[0]));
        System.out.println(r[1] + " lines, " + r[0] + " bytes");
    }
}
