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
package dev.plimsoll.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The formats a {@link Report} writes itself in.
 *
 * @since 0.1
 */
public enum ReportFormat {
    /** One self-contained HTML page with charts (uPlot inlined), readable offline. */
    HTML("html", "plimsoll-report.html"),
    /** The documented, versioned JSON schema ({@link JsonReport}). */
    JSON("json", "plimsoll-report.json"),
    /** Markdown for CI job summaries ({@code $GITHUB_STEP_SUMMARY}). */
    MARKDOWN("md", "plimsoll-report.md"),
    /** JUnit XML for CI test reporters: each gate and each finding at warning or above is a test case. */
    JUNIT("junit", "plimsoll-junit.xml");

    private final String id;
    private final String fileName;

    ReportFormat(String id, String fileName) {
        this.id = id;
        this.fileName = fileName;
    }

    /**
     * The format's name on command lines and in configuration.
     *
     * @return {@code html}, {@code json}, {@code md} or {@code junit}
     */
    public String id() {
        return id;
    }

    /**
     * The file name a report of this format gets in a report directory.
     *
     * @return e.g. {@code plimsoll-report.html}, {@code plimsoll-junit.xml}
     */
    public String fileName() {
        return fileName;
    }

    /**
     * The file extension of {@link #fileName()}.
     *
     * @return without the dot, e.g. {@code html}, {@code xml}
     */
    public String extension() {
        return fileName.substring(fileName.lastIndexOf('.') + 1);
    }

    /**
     * The format with this id (or enum name), case-insensitively.
     *
     * @param id e.g. {@code md} or {@code markdown}; surrounding blanks are ignored
     * @return the format
     * @throws IllegalArgumentException naming the known formats
     */
    public static ReportFormat ofId(String id) {
        String s = id.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.id.equals(s) || f.name().toLowerCase(Locale.ROOT).equals(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + id + "': this version writes "
                + Arrays.stream(values()).map(ReportFormat::id).toList());
    }

    /** Writes the report in this format; only the HTML report shows times in {@link ReportOptions#zone()}. */
    void write(Report report, Writer out, ReportOptions options) throws IOException {
        switch (this) {
            case HTML -> HtmlReport.write(report, out, options);
            case JSON -> JsonReport.write(report, out);
            case MARKDOWN -> MarkdownReport.write(report, out);
            case JUNIT -> JUnitReport.write(report, out);
        }
    }
}
