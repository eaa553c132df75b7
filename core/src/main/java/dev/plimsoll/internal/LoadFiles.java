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
package dev.plimsoll.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/** Opening result files whether gzip-compressed or not, with a count of the bytes read for progress bars. */
public final class LoadFiles {
    private LoadFiles() {}

    /** The file's content, inflated when it starts with gzip's magic number. */
    public static InputStream open(Path file, LongConsumer progress) throws IOException {
        InputStream raw = new BufferedInputStream(new Counting(Files.newInputStream(file), progress), 1 << 16);
        raw.mark(2);
        int a = raw.read();
        int b = raw.read();
        raw.reset();
        if (a == 0x1f && b == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        }
        return raw;
    }

    /**
     * What went wrong reading a result file, as a rule a user can act on: no exception class names, the gzip and
     * file-system cases said in words.
     */
    public static String describe(@Nullable Path file, IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "file does not exist";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "cannot be read (permission denied)";
        }
        if (file != null && Files.isDirectory(file)) {
            return "is a directory, not a load-test result file";
        }
        if (e instanceof java.io.EOFException) {
            return "gzip data is truncated or corrupt (" + e.getMessage()
                    + "); was the file copied before the load tool finished" + " writing it?";
        }
        if (e instanceof java.util.zip.ZipException) {
            return "gzip data is truncated or corrupt (" + e.getMessage() + ")";
        }
        return "cannot be read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /** The first {@code n} bytes of the (inflated) content, fewer when the file is shorter. */
    public static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = open(file, l -> {})) {
            return in.readNBytes(n);
        }
    }

    private static final class Counting extends java.io.FilterInputStream {
        private final LongConsumer progress;
        private long count;

        Counting(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.accept(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count += n;
                progress.accept(count);
            }
            return n;
        }
    }
}
