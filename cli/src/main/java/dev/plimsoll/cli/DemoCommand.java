package dev.plimsoll.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code plimsoll demo}: the main job on the real dataset shipped in the jar. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Analyses the real dataset shipped with Plimsoll — a k6 stress test (85 VUs) against an"
                + " EKS-like service whose backend saturates while the cluster autoscaler adds nodes, with the"
                + " CloudWatch and Datadog responses recorded during it — and writes the reports."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "plimsoll-demo", description = "Where reports go."
            + " Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--gate", paramLabel = "EXPR", description = "Gates to try on the demo, e.g. scaling_lag<=150s.")
    java.util.List<String> gates = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        DemoData demo = DemoData.unpack();
        AnalyzeCommand analyze = new AnalyzeCommand();
        analyze.spec = spec;
        analyze.out = out;
        analyze.gates = gates;
        analyze.formats = java.util.List.of("html", "json", "md");
        analyze.lagBudget = java.time.Duration.ofSeconds(180);
        analyze.cpuThreshold = 70;
        PrintWriter o = spec.commandLine().getOut();
        o.println("demo: k6 stress test (85 VUs) on an EKS-like service, 2 → 5 nodes, CloudWatch + Datadog recordings");
        return analyze.run(o, demo.k6Files(), demo.cloudWatch(), demo.datadog(), DemoData.MAX_NODES,
                "demo: backend saturation with node autoscaling");
    }
}
