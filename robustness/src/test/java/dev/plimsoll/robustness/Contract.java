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
package dev.plimsoll.robustness;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exit-code contract every case must keep, whatever the input: a plausible result (0 pass, 1 a gate failed, 3
 * inconclusive) or a clear error (2: one line on stderr, {@code plimsoll: error: …}, naming the file, the line or field,
 * and the rule) — never a stack trace, a raw exception, exit 4 (internal error) or any other code, a hang, or a report
 * that is not valid JSON.
 */
final class Contract {
    /** What an outcome can be. */
    enum Verdict {
        PLAUSIBLE_RESULT,
        CLEAR_ERROR,
        FAILURE
    }

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(.*\\)\\s*$");
    private static final Pattern RAW_EXCEPTION = Pattern.compile(
            "\\b(?:java|javax|jakarta|sun|com\\.fasterxml|software\\.amazon|org\\.yaml|com\\.datadog|picocli)\\."
                    + "[\\w.$]*(?:Exception|Error)\\b");
    private static final ObjectMapper STRICT_JSON = new ObjectMapper();

    private Contract() {}

    static Verdict classify(Case.Outcome o, List<String> violations) {
        if (!violations.isEmpty()) {
            return Verdict.FAILURE;
        }
        return o.exit() == 2 ? Verdict.CLEAR_ERROR : Verdict.PLAUSIBLE_RESULT;
    }

    /** Every way the outcome breaks the contract; empty when it keeps it. */
    static List<String> violations(Case c, Case.Outcome o) {
        List<String> v = new ArrayList<>();
        if (o.timedOut()) {
            v.add("a hang: no answer within " + Runner.BOUND.toSeconds() + " s");
            return v;
        }
        if (o.exit() == -2) {
            v.add("PlimsollCommand.run threw instead of returning an exit code");
            return v;
        }
        if (o.exit() == 4) {
            v.add("exit 4 (internal error): " + firstLine(o.err()));
        } else if (o.exit() < 0 || o.exit() > 3) {
            v.add("exit " + o.exit() + ", outside the documented codes 0–3");
        }
        String both = o.out() + "\n" + o.err();
        if (STACK_FRAME.matcher(both).find() || both.contains("Exception in thread") || both.contains("\nCaused by:")) {
            v.add("a stack trace in the output");
        }
        // stdout may name exception classes that come from the input (JMeter's and Gatling's error classes)
        Matcher raw = RAW_EXCEPTION.matcher(o.err());
        if (raw.find()) {
            v.add("a raw exception class on stderr: " + raw.group());
        }
        if (!c.expectedExits.isEmpty() && !c.expectedExits.contains(o.exit())) {
            v.add("exit " + o.exit() + " where " + c.expectedExits + " was expected");
        }
        if (o.exit() == 2) {
            List<String> lines = o.err().lines().filter(l -> !l.isBlank()).toList();
            if (lines.size() != 1) {
                v.add("an error must be one line on stderr, but there were " + lines.size());
            }
            String line = lines.isEmpty() ? "" : lines.get(0);
            if (!line.startsWith("plimsoll: error: ")) {
                v.add("an error must start with 'plimsoll: error: ', but was '" + cut(line) + "'");
            }
            if (c.culprit != null && !line.contains(c.culprit)) {
                v.add("the error must name '" + c.culprit + "', but was '" + cut(line) + "'");
            }
            String rule = line.replace("plimsoll: error: ", "");
            if (c.culprit != null) {
                rule = rule.replace(c.culprit, "");
            }
            if (rule.strip().length() < 12) {
                v.add("the error must state a rule, but was '" + cut(line) + "'");
            }
            if (line.length() > 600 && c.args.stream().allMatch(a -> a.length() < 300)) {
                v.add("the error is " + line.length() + " characters long: a hostile input must not be echoed whole");
            }
        } else if (o.exit() >= 0 && o.exit() <= 3) {
            if (o.err().contains("plimsoll: error")) {
                v.add("an error on stderr with exit " + o.exit() + ": " + firstLine(o.err()));
            }
            if (o.out().isBlank()) {
                v.add("exit " + o.exit() + " with nothing on stdout");
            }
            Path json = o.dir().resolve("out").resolve("plimsoll-report.json");
            if (Files.exists(json)) {
                try {
                    STRICT_JSON.readTree(json.toFile());
                } catch (Exception e) {
                    v.add("the JSON report is not valid JSON: " + firstLine(String.valueOf(e.getMessage())));
                }
            }
        }
        return v;
    }

    static String firstLine(String s) {
        return cut(s.lines().filter(l -> !l.isBlank()).findFirst().orElse(""));
    }

    static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
