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
package dev.plimsoll.analysis.internal;

import dev.plimsoll.align.AlignedRun;
import dev.plimsoll.analysis.Elasticity;
import dev.plimsoll.series.TimeSeries;
import dev.plimsoll.series.TimeWindow;
import dev.plimsoll.source.FetchedSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Measures {@link Elasticity} from the load, node CPU and the node count of a run. */
final class ElasticityMeter {
    private ElasticityMeter() {}

    /**
     * Measures elasticity over the run: one sample per CPU period inside the run, demand from the load and the
     * per-node capacity (the median of load per node scaled to the CPU threshold, over unsaturated samples with CPU
     * at least 10 %), supply from the node count held at the period's middle. Empty with fewer than 4 samples or 2
     * unsaturated ones.
     */
    static Optional<Elasticity> measure(AlignedRun ar, SaturationEpisodes scaling) {
        FetchedSeries cpuF = scaling.cpu();
        FetchedSeries nodesF = scaling.nodes();
        if (nodesF == null) {
            return Optional.empty();
        }
        TimeSeries cpu = cpuF.series();
        TimeSeries nodes = nodesF.series();
        double thr = scaling.thresholdPercent();
        TimeWindow run = ar.run().window();
        TimeSeries rps = ar.run().timeline().rps();
        double bucket = ar.run().timeline().bucket().toMillis();
        double p = cpuF.periodMillis();
        List<double[]> samples = new ArrayList<>(); // rps, cpu, nodes
        for (int i = 0; i < cpu.size(); i++) {
            double t = cpu.epochMilliAt(i);
            if (t < run.start().toEpochMilli() || t + p > run.end().toEpochMilli() || Double.isNaN(cpu.valueAt(i))) {
                continue;
            }
            double load = Samples.sum(rps, t, t + p, bucket) * 1000 / p;
            double n = Math.round(Samples.held(nodes, t + p / 2));
            if (!Double.isNaN(n) && n > 0) {
                samples.add(new double[] {load, cpu.valueAt(i), n});
            }
        }
        List<Double> perNode = new ArrayList<>();
        for (double[] s : samples) {
            if (s[1] >= 10 && s[1] < thr && s[0] > 0) {
                perNode.add(s[0] / s[2] / (s[1] / 100) * (thr / 100));
            }
        }
        if (perNode.size() < 2 || samples.size() < 4) {
            return Optional.empty();
        }
        perNode.sort(null);
        double capacity = perNode.get(perNode.size() / 2);
        double under = 0;
        double over = 0;
        int tsUnder = 0;
        int tsOver = 0;
        int supplyChanges = 0;
        int demandChanges = 0;
        double lastD = Double.NaN;
        double lastS = Double.NaN;
        for (double[] s : samples) {
            double d = Math.max(1, Math.ceil(s[0] / capacity));
            double sup = s[2];
            under += Math.max(d - sup, 0) / d;
            over += Math.max(sup - d, 0) / d;
            tsUnder += sup < d ? 1 : 0;
            tsOver += sup > d ? 1 : 0;
            supplyChanges += !Double.isNaN(lastS) && sup != lastS ? 1 : 0;
            demandChanges += !Double.isNaN(lastD) && d != lastD ? 1 : 0;
            lastD = d;
            lastS = sup;
        }
        int n = samples.size();
        double minutes = n * p / 60_000;
        return Optional.of(new Elasticity(
                under / n,
                over / n,
                (double) tsUnder / n,
                (double) tsOver / n,
                (supplyChanges - demandChanges) / minutes,
                capacity,
                n));
    }
}
