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
package dev.plimsoll.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java snippet of the README compiles against the modules as built, with the imports it shows: a snippet a user
 * copies must work. A snippet that declares a type is compiled as a file; one that holds statements is compiled as the
 * body of a method (after its import lines) that may throw; its variables must be declared in the snippet itself.
 */
class ReadmeSnippetsTest {
    private static final Path README = Path.of("../README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TYPE = Pattern.compile(
            "^(public |final |abstract )*(class|record|interface|enum|@interface) (\\w+)", Pattern.MULTILINE);

    static List<String> snippets() throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(Files.readString(README, StandardCharsets.UTF_8));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetShouldCompile() throws IOException {
        List<String> snippets = snippets();
        assertThat(snippets).as("java snippets in the README").hasSizeGreaterThan(5);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            String snippet = snippets.get(i);
            String first = snippet.lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("import "))
                    .findFirst()
                    .orElse("");
            int n = i + 1;
            tests.add(DynamicTest.dynamicTest("snippet " + n + ": " + first.strip(), () -> compile(n, snippet)));
        }
        return tests.stream();
    }

    private static void compile(int n, String snippet) throws IOException {
        List<String> imports = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String line : snippet.lines().toList()) {
            (line.startsWith("import ") ? imports : body).add(line);
        }
        Matcher type = TYPE.matcher(String.join("\n", body));
        String className;
        String source;
        if (type.find()) {
            className = type.group(3);
            source = snippet;
        } else {
            className = "ReadmeSnippet" + n;
            source = String.join("\n", imports) + "\n\nclass " + className
                    + " {\n    void snippet() throws Exception {\n" + String.join("\n", body) + "\n    }\n}\n";
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory("readme-snippet");
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavaFileObject unit =
                    new SimpleJavaFileObject(
                            URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
                        @Override
                        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                            return source;
                        }
                    };
            StringWriter log = new StringWriter();
            boolean ok = javac.getTask(
                            log,
                            files,
                            diagnostics,
                            List.of(
                                    "-classpath",
                                    System.getProperty("java.class.path"),
                                    "-d",
                                    out.toString(),
                                    "-proc:none",
                                    "--release",
                                    "17"),
                            null,
                            List.of(unit))
                    .call();
            StringBuilder problems = new StringBuilder(log.toString());
            diagnostics
                    .getDiagnostics()
                    .forEach(d -> problems.append(d.getKind())
                            .append(" line ")
                            .append(d.getLineNumber())
                            .append(": ")
                            .append(d.getMessage(Locale.ROOT))
                            .append('\n'));
            assertThat(ok)
                    .as("README snippet %d does not compile:\n%s\n--- as compiled:\n%s", n, problems, source)
                    .isTrue();
        }
    }
}
