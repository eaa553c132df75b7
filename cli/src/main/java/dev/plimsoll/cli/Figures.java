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

import dev.plimsoll.baseline.FigureChange;
import java.util.Locale;

/** Key figures and their changes as the terminal shows them. */
final class Figures {
    private Figures() {}

    /** A value in its unit: {@code 250.3 ms}, {@code 1.25 %} for a ratio, {@code -} when absent. */
    static String value(double v, String unit) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (unit.equals("ratio")) {
            return num(v * 100, "") + " %";
        }
        return num(v, "") + (unit.isEmpty() || unit.equals("count") ? "" : " " + unit);
    }

    /** {@code 250.3 ms vs 61.01 ms (+189.3 ms, +310.3 %)}. */
    static String change(FigureChange c) {
        StringBuilder sb =
                new StringBuilder(value(c.current(), c.unit())).append(" vs ").append(value(c.baseline(), c.unit()));
        if (!Double.isNaN(c.change())) {
            sb.append(" (").append(c.unit().equals("ratio") ? num(c.change() * 100, "+") + " pp" : signed(c));
            if (!Double.isNaN(c.relativeChange()) && !c.unit().equals("ratio")) {
                sb.append(", ").append(num(c.relativeChange() * 100, "+")).append(" %");
            }
            sb.append(')');
        }
        if (!Double.isNaN(c.pValue())) {
            sb.append(String.format(Locale.ROOT, ", p = %.2g", c.pValue()));
        }
        return sb.toString();
    }

    private static String signed(FigureChange c) {
        return num(c.change(), "+") + (c.unit().equals("count") ? "" : " " + c.unit());
    }

    /** One decimal from 100 up, two from 1, four below; trailing zeros dropped. */
    static String num(double v, String sign) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double x = Math.abs(v) < 5e-5 ? 0 : v; // no "-0" for a change that rounds to nothing
        double a = Math.abs(x);
        String s = String.format(Locale.ROOT, "%" + sign + (a >= 100 ? ".1f" : a >= 1 ? ".2f" : ".4f"), x);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
