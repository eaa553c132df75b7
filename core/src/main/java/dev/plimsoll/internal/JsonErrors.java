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

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.ContentReference;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not API. A JSON parser's error said in our words, one short line: where ({@code line:column}) and what, without
 * Jackson's source descriptions ({@code [Source: REDACTED (`StreamReadFeature…` disabled); line: 94, column: 23]}),
 * class names or line breaks.
 */
public final class JsonErrors {
    private static final Pattern UNCLOSED =
            Pattern.compile("(?i)Unexpected end-of-input:? expected close marker for (array|object)"
                    + " \\(start marker at \\[.*?line: (\\d+), column: (\\d+)\\]\\)");
    private static final Pattern SOURCE = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");
    private static final Pattern SOURCE_WITHOUT_LINE = Pattern.compile("\\s*\\[Source: [^\\]]*\\]");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z]+(\\.[a-z]+)+\\.([A-Z]\\w*)(Exception|Error):?");
    private static final int MAX = 200;

    private JsonErrors() {}

    /**
     * Where the error is, as {@code :line:column} to append to a file name, or an empty string when unknown.
     *
     * @param e the parser's error
     * @return e.g. {@code :97:35}
     */
    public static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
    }

    /**
     * What is wrong, in words: e.g. {@code the JSON ends before the array opened at line 94, column 23 is closed
     * (is the file cut short?)}.
     *
     * @param e the parser's error
     * @return one line of at most about 200 characters
     */
    public static String problem(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        Matcher unclosed = UNCLOSED.matcher(m);
        if (unclosed.find()) {
            return "the JSON ends before the " + unclosed.group(1).toLowerCase(Locale.ROOT) + " opened at line "
                    + unclosed.group(2) + ", column " + unclosed.group(3) + " is closed (is the file cut short?)";
        }
        if (m.startsWith("Unexpected end-of-input")) {
            // "within/between Array entries" and the like name no start: the parser's context knows it
            if (e.getProcessor() instanceof JsonParser p) {
                JsonStreamContext c = p.getParsingContext();
                if (c != null && (c.inArray() || c.inObject())) {
                    JsonLocation start = c.startLocation(ContentReference.unknown());
                    if (start.getLineNr() > 0) {
                        return "the JSON ends before the " + (c.inArray() ? "array" : "object") + " opened at line "
                                + start.getLineNr() + ", column " + start.getColumnNr()
                                + " is closed (is the file cut short?)";
                    }
                }
            }
            return "the JSON ends in the middle of a value (is the file cut short?)";
        }
        m = SOURCE.matcher(m).replaceAll("line $1, column $2");
        m = SOURCE_WITHOUT_LINE.matcher(m).replaceAll("");
        m = CLASS_NAME.matcher(m.replaceAll("\\s*\\R\\s*", " ")).replaceAll("").strip();
        return m.length() > MAX ? m.substring(0, MAX) + "…" : m;
    }
}
