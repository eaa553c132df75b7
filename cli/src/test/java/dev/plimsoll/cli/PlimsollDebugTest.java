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

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PLIMSOLL_DEBUG prints the stack trace of a failure; off, the failure is one line. */
class PlimsollDebugTest {
    @TempDir
    Path dir;

    private String stderr(String debug) throws IOException {
        Path bad = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        StringWriter err = new StringWriter();
        int code = PlimsollCommand.run(
                new String[] {"summarize", bad.toString()},
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true),
                Map.of("PLIMSOLL_DEBUG", debug)::get);
        assertThat(code).isEqualTo(2);
        return err.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "TRUE", "yes", "Yes", " 1 "})
    void debugOnShouldPrintTheStackTrace(String value) throws IOException {
        assertThat(stderr(value)).contains("\tat dev.plimsoll.").contains("plimsoll: error: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "false", "no", "", "off"})
    void debugOffShouldPrintOneLine(String value) throws IOException {
        assertThat(stderr(value)).startsWith("plimsoll: error: ").hasLineCount(1);
    }
}
