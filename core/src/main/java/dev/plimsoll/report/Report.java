package dev.plimsoll.report;

import dev.plimsoll.analysis.AnalysisResult;
import dev.plimsoll.gate.GateResult;
import java.util.List;
import java.util.Objects;

/**
 * Everything a report shows: the analysis, the gates' results and a title.
 *
 * @param title e.g. the run's name
 * @param result the analysis
 * @param gates results of the gates, in the order given
 * @since 0.1
 */
public record Report(String title, AnalysisResult result, List<GateResult> gates) {
    public Report {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(result, "result");
        gates = List.copyOf(gates);
    }

    /** Whether every gate passed (true without gates). */
    public boolean passed() {
        return gates.stream().allMatch(GateResult::passed);
    }
}
