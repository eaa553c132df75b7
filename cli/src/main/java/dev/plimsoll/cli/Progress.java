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

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongConsumer;

/** A progress bar on stderr with MB/s, redrawn at most 5 times a second; silent when off. */
final class Progress implements LongConsumer {
    private static final long REDRAW_NANOS = 200_000_000L;
    private final PrintWriter err;
    private final boolean off;
    private final long total;
    private final long start = System.nanoTime();
    private long done;
    private long lastFileBytes;
    private long lastDraw;
    private boolean drawn;

    Progress(PrintWriter err, boolean off, long total) {
        this.err = err;
        this.off = off;
        this.total = total;
    }

    @Override
    public void accept(long fileBytes) {
        if (fileBytes < lastFileBytes) {
            lastFileBytes = 0; // the next file started
        }
        done += fileBytes - lastFileBytes;
        lastFileBytes = fileBytes;
        long now = System.nanoTime();
        if (off || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double share = total == 0 ? 0 : Math.min(1, (double) done / total);
        int width = 30;
        int filled = (int) Math.round(share * width);
        double mbps = done / 1e6 / Math.max(1e-9, (now - start) / 1e9);
        err.printf(
                Locale.ROOT,
                "\rreading [%s%s] %3.0f%% %6.1f MB/s",
                "#".repeat(filled),
                " ".repeat(width - filled),
                share * 100,
                mbps);
        err.flush();
        drawn = true;
    }

    /** Bytes read so far over all files (compressed bytes for gzip), counted also when the bar is off. */
    long bytes() {
        return done;
    }

    void done() {
        if (drawn) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }
}
