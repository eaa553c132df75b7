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
package dev.plimsoll.history.internal;

import java.util.Arrays;

/**
 * A series' values as a JSON array of numbers, {@code null} for a gap: what the {@code point_values} column holds,
 * readable by SQLite's {@code json_each} and PostgreSQL's {@code jsonb_array_elements_text}. Numbers are written by
 * {@link Double#toString} (exact round trip; JSON allows its {@code 1.0E-4} form).
 */
public final class PointCodec {
    private PointCodec() {}

    /** The JSON array of {@code values}. */
    public static String encode(double[] values) {
        StringBuilder sb = new StringBuilder(values.length * 10 + 2).append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            double v = values[i];
            if (Double.isNaN(v)) {
                sb.append("null");
            } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                sb.append((long) v); // integers (counts, node numbers) without ".0"
            } else {
                sb.append(v);
            }
        }
        return sb.append(']').toString();
    }

    /**
     * The values of a JSON array written by {@link #encode} (or any JSON array of numbers and nulls).
     *
     * @throws IllegalArgumentException naming the position when the text is not such an array
     */
    public static double[] decode(String json) {
        int n = json.length();
        int i = skipSpace(json, 0);
        if (i >= n || json.charAt(i) != '[') {
            throw new IllegalArgumentException(
                    "point values must be a JSON array, but start with '" + json.substring(0, Math.min(20, n)) + "'");
        }
        double[] out = new double[16];
        int count = 0;
        i = skipSpace(json, i + 1);
        if (i < n && json.charAt(i) == ']') {
            return new double[0];
        }
        while (i < n) {
            int startOfValue = i;
            while (i < n && json.charAt(i) != ',' && json.charAt(i) != ']') {
                i++;
            }
            if (i >= n) {
                break;
            }
            String token = json.substring(startOfValue, i).strip();
            double v;
            if (token.equals("null")) {
                v = Double.NaN;
            } else {
                try {
                    v = Double.parseDouble(token);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("point " + count + " is not a number: '" + token + "'", e);
                }
            }
            if (count == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[count++] = v;
            if (json.charAt(i) == ']') {
                return Arrays.copyOf(out, count);
            }
            i = skipSpace(json, i + 1);
        }
        throw new IllegalArgumentException("point values end before their closing ']' after " + count + " points");
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
