package dev.plimsoll.run;

import java.util.List;

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

    public IngestReport {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    public static IngestReport empty() {
        return new IngestReport(List.of(), 0, 0, 0, List.of());
    }

    /** Both accounts together. */
    public IngestReport plus(IngestReport o) {
        return new IngestReport(concat(files, o.files), lines + o.lines, samples + o.samples,
                skippedLines + o.skippedLines, concat(warnings, o.warnings));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
