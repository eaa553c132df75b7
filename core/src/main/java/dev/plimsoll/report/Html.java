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

import dev.plimsoll.internal.HtmlText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Text for the HTML report: escaping and locale-independent numbers. */
final class Html {
    private Html() {}

    /** HTML-escapes text for element content and attribute values. */
    static String h(String s) {
        return HtmlText.escape(s);
    }

    /** Up to three decimals, trailing zeros dropped; {@code n/a} for NaN. */
    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    /** A fixed number of decimals; {@code n/a} for NaN. */
    static String fixed(double v, int decimals) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Milliseconds as a person reads them: {@code 0}, {@code 0.63}, {@code 8.25}, {@code 65.9}, {@code 250.3}, {@code 1 240}. */
    static String ms(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a < 0.005) {
            return "0";
        }
        return a >= 1000 ? count(Math.round(v)) : a >= 10 ? fixed(v, 1) : fixed(v, 2);
    }

    /** Milliseconds rounded as the findings' sentences round them: {@code 66}, {@code 256}, {@code 0.6}. */
    static String roundMs(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        return Math.abs(v) >= 10 ? count(Math.round(v)) : ms(v);
    }

    /** A count with thin-space thousands: {@code 33 813}. */
    static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v).replace(',', '\u202f');
    }

    /** A share in percent with two decimals: {@code 0.00 %}; {@code n/a} for NaN. */
    static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : fixed(100 * share, 2) + " %";
    }

    /** A duration in seconds as {@code 4 min 22 s}, {@code 1 h 0 min}, {@code 42 s}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
    }

    /**
     * A chart value for the page's JSON: three significant decimals at most, integers without a fraction, so that a
     * 1-hour run stays small; {@code null} for NaN.
     */
    static String compact(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        double a = Math.abs(v);
        int decimals = a >= 100 ? 1 : a >= 1 ? 2 : a >= 0.01 ? 4 : 6;
        double scale = Math.pow(10, decimals);
        double r = Math.round(v * scale) / scale;
        if (r == Math.rint(r) && Math.abs(r) < 1e15) {
            return Long.toString((long) r);
        }
        return BigDecimal.valueOf(r).stripTrailingZeros().toPlainString();
    }

    /** Epoch milliseconds as epoch seconds in plain notation: {@code 1795150950.5}. */
    static String seconds(long epochMillis) {
        return BigDecimal.valueOf(epochMillis, 3).stripTrailingZeros().toPlainString();
    }

    /** A resource next to this class, or in uPlot's webjar. */
    static String resource(String name) {
        try (InputStream in = Html.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path (plimsoll-core's resources, or"
                        + " the webjar org.webjars.npm:uplot)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
