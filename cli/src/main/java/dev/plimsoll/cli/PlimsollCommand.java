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
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code plimsoll}: lays a load test's timeline over the infrastructure's telemetry.
 *
 * <p>Exit codes: 0 pass, 1 a gate failed (or a finding reached {@code --fail-on}), 2 usage or input error (the
 * message names the file, line or field, and the rule), 3 inconclusive (no evidence is not a pass), 4 internal error
 * (a bug or the JVM out of memory: one line, never a stack trace unless {@code PLIMSOLL_DEBUG} is {@code 1}, {@code true} or {@code yes}).
 */
@Command(
        name = "plimsoll",
        mixinStandardHelpOptions = true,
        versionProvider = PlimsollCommand.Version.class,
        description = "Lays a load test's timeline over the infrastructure's telemetry and says where the system"
                + " started to sink.",
        subcommands = {
            DemoCommand.class,
            AnalyzeCommand.class,
            SummarizeCommand.class,
            CompareCommand.class,
            HistoryCommand.class,
            CommandLine.HelpCommand.class
        })
public final class PlimsollCommand implements Runnable {
    /** Exit code of a usage or input error. */
    public static final int EXIT_INPUT_ERROR = 2;

    /** Exit code of an internal error: a bug, or the JVM out of memory. */
    public static final int EXIT_INTERNAL_ERROR = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The command line's entry point: exits with the code {@link #run} returns.
     *
     * @param args the command line, e.g. {@code analyze --load results.json.gz --cloudwatch-replay rec/cloudwatch}
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static {
        // the SQLite driver logs through SLF4J when it is on the class path (the AWS SDK brings the API): without a
        // provider SLF4J prints three warning lines on stderr at the first use; the CLI has nothing to log through it
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    /** The environment commands read (GITHUB_*, PGUSER/PGPASSWORD, PLIMSOLL_HISTORY); tests give their own. */
    private static final ThreadLocal<Function<String, @Nullable String>> ENVIRONMENT =
            ThreadLocal.withInitial(() -> System::getenv);

    /** The environment of the running command. */
    static Function<String, @Nullable String> environment() {
        return ENVIRONMENT.get();
    }

    /**
     * Runs the command line with the given streams and returns the exit code, without exiting the JVM.
     *
     * @param args the command line, without the program name
     * @param out receives reports, tables and help; not closed
     * @param err receives errors and progress; not closed
     * @return 0 pass, 1 a gate failed, 2 a usage or input error, 3 inconclusive, 4 an internal error
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System::getenv);
    }

    /** Runs the command line with the given streams and environment variables, and returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Function<String, @Nullable String> environment) {
        ENVIRONMENT.set(environment);
        try {
            return execute(args, out, err);
        } finally {
            ENVIRONMENT.remove();
        }
    }

    private static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new PlimsollCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, commandLine.getErr()));
        cli.setParameterExceptionHandler(PlimsollCommand::usageError);
        cli.registerConverter(Path.class, PlimsollCommand::path);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            return handle(e, err);
        }
    }

    /** A path option's value: never empty (an unset variable would otherwise mean the current directory). */
    static Path path(String value) {
        if (value.isBlank()) {
            throw new CommandLine.TypeConversionException("a path must not be empty");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("not a usable path (" + e.getReason() + ")");
        }
    }

    /** A usage error in one line, like any other input error, with where to look for the options. */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine c = e.getCommandLine();
        String message = String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
        c.getErr()
                .println("plimsoll: error: " + message + " ("
                        + c.getCommandSpec().qualifiedName() + " --help lists" + " the options)");
        return EXIT_INPUT_ERROR;
    }

    /** Whether a PLIMSOLL_DEBUG value turns debugging on: 1, true or yes, in any case. */
    static boolean debug(@Nullable String value) {
        return value != null
                && switch (value.strip().toLowerCase(Locale.ROOT)) {
                    case "1", "true", "yes" -> true;
                    default -> false;
                };
    }

    /** One line for a failure, never a stack trace (unless PLIMSOLL_DEBUG=1/true/yes), and the exit code it deserves. */
    static int handle(Throwable e, PrintWriter err) {
        if (debug(environment().apply("PLIMSOLL_DEBUG"))) {
            e.printStackTrace(err);
        }
        if (e instanceof PlimsollException || e instanceof IllegalArgumentException) {
            err.println("plimsoll: error: " + e.getMessage());
            return EXIT_INPUT_ERROR;
        }
        if (e instanceof UncheckedIOException u) {
            Throwable cause = u.getCause();
            err.println("plimsoll: error: " + (cause != null ? cause.getMessage() : u.getMessage()));
            return EXIT_INPUT_ERROR;
        }
        if (e instanceof OutOfMemoryError) {
            err.println("plimsoll: internal error: the JVM ran out of memory; give it more with"
                    + " PLIMSOLL_JAVA_OPTS=-Xmx2g and try again");
            return EXIT_INTERNAL_ERROR;
        }
        err.println("plimsoll: internal error: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + " — a bug: please report it with the command line (PLIMSOLL_DEBUG=1 prints the stack trace)");
        return EXIT_INTERNAL_ERROR;
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
