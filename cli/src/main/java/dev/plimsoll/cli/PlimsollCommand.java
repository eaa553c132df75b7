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

import dev.plimsoll.error.PlimsollException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code plimsoll}: lays a load test's timeline over the infrastructure's telemetry.
 *
 * <p>Exit codes: 0 success (all gates pass), 1 a gate failed, 2 usage or input error.
 */
@Command(
        name = "plimsoll",
        mixinStandardHelpOptions = true,
        versionProvider = PlimsollCommand.Version.class,
        description = "Lays a load test's timeline over the infrastructure's telemetry and says where the system"
                + " started to sink.",
        subcommands = {DemoCommand.class, AnalyzeCommand.class, SummarizeCommand.class, CommandLine.HelpCommand.class})
public final class PlimsollCommand implements Runnable {
    /** Exit code of a usage or input error. */
    public static final int EXIT_INPUT_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new PlimsollCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof PlimsollException || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("plimsoll: error: " + e.getMessage());
                return EXIT_INPUT_ERROR;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PlimsollCommand.class.getPackage().getImplementationVersion();
            return new String[] {"plimsoll " + (v == null ? "(development build)" : v)};
        }
    }
}
