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
package dev.plimsoll.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.plimsoll.align.AlignedSeries;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A timeline as tidy rows: time, source, series, statistic, unit, value. */
final class TidyExport {
    static final List<String> COLUMNS = List.of("time", "source", "series", "statistic", "unit", "value");
    private static final JsonFactory JSON = new JsonFactory();

    private TidyExport() {}

    static void write(List<AlignedSeries> timeline, ExportFormat format, Writer out) throws IOException {
        if (format == ExportFormat.CSV) {
            out.write(String.join(",", COLUMNS));
            out.write('\n');
            for (AlignedSeries s : timeline) {
                String prefix = "," + csv(s.source()) + "," + csv(seriesName(s)) + "," + csv(s.statistic()) + ","
                        + csv(s.unit()) + ",";
                for (int i = 0; i < s.size(); i++) {
                    double v = s.valueAt(i);
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    out.write(time(s.timeAt(i)));
                    out.write(prefix);
                    out.write(number(v));
                    out.write('\n');
                }
            }
            out.flush();
            return;
        }
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (AlignedSeries s : timeline) {
                String name = seriesName(s);
                for (int i = 0; i < s.size(); i++) {
                    double v = s.valueAt(i);
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    g.writeStartObject();
                    g.writeStringField("time", time(s.timeAt(i)));
                    g.writeStringField("source", s.source());
                    g.writeStringField("series", name);
                    g.writeStringField("statistic", s.statistic());
                    g.writeStringField("unit", s.unit());
                    g.writeFieldName("value");
                    g.writeNumber(new BigDecimal(number(v)));
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
        }
    }

    /** The series' name with its tags, {@code name{k=v,k2=v2}}. */
    static String seriesName(AlignedSeries s) {
        if (s.tags().isEmpty()) {
            return s.name();
        }
        StringBuilder sb = new StringBuilder(s.name()).append('{');
        s.tags()
                .forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : ",")
                        .append(k)
                        .append('=')
                        .append(v));
        return sb.append('}').toString();
    }

    private static String time(Instant t) {
        return t.toString();
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
