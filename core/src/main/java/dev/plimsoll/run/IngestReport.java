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
package dev.plimsoll.run;

import java.util.List;
import java.util.stream.Stream;

/**
 * An account of what was read to build a run: nothing valid is ever dropped without a line here.
 *
 * @param files the files read, in order
 * @param lines lines read (records, for formats without lines)
 * @param samples samples recorded into the timeline
 * @param skippedLines malformed lines skipped under the lenient option
 * @param warnings what the reader noticed but accepted, e.g. a truncated last line; each names file and line
 * @since 0.1
 */
public record IngestReport(List<String> files, long lines, long samples, long skippedLines, List<String> warnings) {

    /**
     * Copies the lists.
     *
     * @param files file names, in the order read
     * @param lines lines or records read
     * @param samples samples recorded
     * @param skippedLines malformed lines skipped
     * @param warnings one line each
     */
    public IngestReport {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    /**
     * Nothing read, e.g. for a run built in memory.
     *
     * @return an account with no files, no counts and no warnings
     */
    public static IngestReport empty() {
        return new IngestReport(List.of(), 0, 0, 0, List.of());
    }

    /**
     * Both accounts together, as when a run is read from several files.
     *
     * @param o the account of what was read after this one
     * @return counts summed, files and warnings of this account followed by those of {@code o}
     */
    public IngestReport plus(IngestReport o) {
        return new IngestReport(
                concat(files, o.files),
                lines + o.lines,
                samples + o.samples,
                skippedLines + o.skippedLines,
                concat(warnings, o.warnings));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
