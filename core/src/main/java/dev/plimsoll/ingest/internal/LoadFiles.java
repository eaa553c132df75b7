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
package dev.plimsoll.ingest.internal;

import dev.plimsoll.ingest.LoadParseException;
import dev.plimsoll.run.IngestReport;
import dev.plimsoll.run.RunTimeline;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Opening result files whether gzip-compressed or not, with a count of the bytes read for progress bars; I/O
 * failures said as a {@link LoadParseException} naming the file; the files of one run merged as load generators.
 */
public final class LoadFiles {
    private LoadFiles() {}

    /** The file's content, inflated when it starts with gzip's magic number. */
    public static InputStream open(Path file, LongConsumer progress) throws IOException {
        return open(Files.newInputStream(file), progress);
    }

    /**
     * A stream's content, inflated when it starts with gzip's magic number; {@code progress} is told the bytes read
     * from {@code raw} (compressed) so far. Closing the result closes {@code raw}, and so does a failure here.
     */
    public static InputStream open(InputStream raw, LongConsumer progress) throws IOException {
        InputStream in = new BufferedInputStream(new Counting(raw, progress), 1 << 16);
        try {
            in.mark(2);
            int a = in.read();
            int b = in.read();
            in.reset();
            if (a == 0x1f && b == 0x8b) {
                return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            }
            return in;
        } catch (IOException | RuntimeException e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
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

    /** Reading that may fail with an {@link IOException}. */
    @FunctionalInterface
    public interface Reading<T> {
        /** Reads. */
        T read() throws IOException;
    }

    /**
     * Runs {@code reading}; an {@link IOException}, also one wrapped in an {@link UncheckedIOException}, becomes a
     * {@link LoadParseException} naming {@code file} (line 0) and saying what went wrong in words.
     */
    public static <T> T reading(Path file, Reading<T> reading) {
        try {
            return reading.read();
        } catch (IOException e) {
            throw new LoadParseException(file.toString(), 0, describe(file, e), e);
        } catch (UncheckedIOException e) {
            // UncheckedIOException always carries its IOException
            throw new LoadParseException(
                    file.toString(), 0, describe(file, Objects.requireNonNull(e.getCause(), "cause")), e);
        }
    }

    /** Reads one file of a run into a timeline; I/O failures may be thrown, {@link #reading} says them. */
    @FunctionalInterface
    public interface FileReader {
        /** Reads {@code file} into {@code builder}; what was read. */
        IngestReport readInto(Path file, RunTimeline.Builder builder) throws IOException;
    }

    /** The timeline of a run's files and what was read of them. */
    public record Merged(RunTimeline timeline, IngestReport report) {}

    /**
     * Reads the files of one run, each into a timeline of its own (a load generator), and merges them: VUs summed.
     *
     * @param files at least one
     * @param tool the tool that wrote them, the timeline's source
     * @throws LoadParseException naming the file that cannot be read, or whose timeline cannot be merged with the
     *     ones before it
     * @throws IllegalArgumentException when {@code bucket} is not a valid bucket length
     */
    public static Merged readGenerators(List<Path> files, Duration bucket, String tool, FileReader reader) {
        RunTimeline.Builder merged = null;
        IngestReport report = IngestReport.empty();
        for (Path file : files) {
            RunTimeline.Builder b = RunTimeline.builder(bucket, tool);
            report = report.plus(reading(file, () -> reader.readInto(file, b)));
            try {
                merged = merged == null ? b : merged.mergeGenerator(b);
            } catch (IllegalArgumentException e) {
                throw new LoadParseException(file.toString(), 0, String.valueOf(e.getMessage()), e);
            }
        }
        return new Merged(Objects.requireNonNull(merged, "no files").build(), report);
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
