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

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plimsoll demo}: the main job on the real dataset shipped in the jar. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Analyses the real dataset shipped with Plimsoll — a k6 stress test (85 VUs) against an"
                    + " EKS-like service whose backend saturates while the cluster autoscaler adds nodes, with the"
                    + " CloudWatch and Datadog responses recorded during it — and writes the reports."
        })
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "plimsoll-demo",
            description = "Where reports go." + " Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--gate", paramLabel = "EXPR", description = "Gates to try on the demo, e.g. scaling_lag<=150s.")
    List<String> gates = new ArrayList<>();

    @Option(
            names = "--timezone",
            paramLabel = "ZONE",
            description = "Zone of the times in the HTML report, as for analyze (the demo's k6 run wrote +01:00)."
                    + " Default: UTC.")
    @Nullable
    String timezone;

    @Override
    public Integer call() {
        DemoData demo = DemoData.unpack();
        // analyze's own option defaults (formats, lag budget, CPU threshold), not copies of them
        AnalyzeCommand analyze = new AnalyzeCommand();
        analyze.historyFromEnvironment = false; // the demo's run is not the user's: never into their history
        CommandLine cli = new CommandLine(analyze);
        cli.setOut(spec.commandLine().getOut());
        cli.setErr(spec.commandLine().getErr());
        List<String> args = new ArrayList<>(List.of(
                "--out",
                out.toString(),
                "--cloudwatch-replay",
                demo.cloudWatch().toString(),
                "--datadog-replay",
                demo.datadog().toString(),
                "--max-nodes",
                Integer.toString(DemoData.MAX_NODES),
                "--quiet"));
        gates.forEach(g -> args.addAll(List.of("--gate", g)));
        if (timezone != null) {
            args.addAll(List.of("--timezone", timezone));
        }
        cli.parseArgs(args.toArray(String[]::new));
        PrintWriter o = spec.commandLine().getOut();
        // the recorded run's own facts (its truth.json): the node group's bounds are not what the run reached
        o.println("demo: k6 stress test (85 VUs) on an EKS-like service whose node group may grow from 2 to 5 nodes"
                + " (2 at the start, a 3rd Ready during the run, a 4th only after it ended),"
                + " CloudWatch + Datadog recordings");
        return analyze.run(o, demo.k6Files(), "demo: backend saturation with node autoscaling");
    }
}
