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
import dev.plimsoll.analysis.DetectionContext;
import dev.plimsoll.analysis.Detector;
import dev.plimsoll.finding.Evidence;
import dev.plimsoll.finding.Finding;
import dev.plimsoll.finding.Severity;
import dev.plimsoll.run.K6Metrics;
import dev.plimsoll.series.TimeSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * The capacity knee by the Universal Scalability Law, X(N) = λN / (1 + σ(N − 1) + κN(N − 1)), fitted over
 * concurrency N = active VUs and throughput X = requests per second per 5 s window. The fit is linear in
 * {@code N/X = 1/λ + (σ/λ)(N − 1) + (κ/λ) N(N − 1)} (ordinary least squares). Reported only when the fit is good
 * ({@value #MIN_R_SQUARED} R²), the coefficients are physical (σ, κ ≥ 0), and the knee
 * N_max = √((1 − σ)/κ) lies inside the concurrency the run reached — a knee extrapolated beyond the data is a guess.
 */
public final class KneeDetector implements Detector {
    static final double MIN_R_SQUARED = 0.9;
    static final int WINDOW_SECONDS = 5;

    @Override
    public String id() {
        return "capacity_knee";
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        return detect(ctx.run());
    }

    static List<Finding> detect(AlignedRun ar) {
        List<Finding> out = new ArrayList<>();
        TimeSeries vus = ar.run().timeline().vus();
        TimeSeries rps = ar.run().timeline().rps();
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i + WINDOW_SECONDS <= rps.size(); i += WINDOW_SECONDS) {
            double n = 0;
            double x = 0;
            int k = 0;
            for (int j = i; j < i + WINDOW_SECONDS; j++) {
                if (!Double.isNaN(vus.valueAt(j)) && !Double.isNaN(rps.valueAt(j))) {
                    n += vus.valueAt(j);
                    x += rps.valueAt(j);
                    k++;
                }
            }
            if (k > 0 && n / k >= 1 && x > 0) {
                points.add(new double[] {n / k, x / k});
            }
        }
        double nMaxSeen = points.stream().mapToDouble(p -> p[0]).max().orElse(0);
        long distinct =
                points.stream().mapToLong(p -> Math.round(p[0])).distinct().count();
        if (points.size() < 8 || distinct < 4) {
            return out;
        }
        double[] y = new double[points.size()];
        double[][] x = new double[points.size()][2];
        for (int i = 0; i < y.length; i++) {
            double n = points.get(i)[0];
            y[i] = n / points.get(i)[1];
            x[i][0] = n - 1;
            x[i][1] = n * (n - 1);
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        try {
            ols.newSampleData(y, x);
            double[] beta = ols.estimateRegressionParameters();
            double r2 = ols.calculateRSquared();
            double lambda = 1 / beta[0];
            double sigma = beta[1] * lambda;
            double kappa = beta[2] * lambda;
            if (!(lambda > 0) || sigma < 0 || kappa <= 0 || sigma >= 1 || r2 < MIN_R_SQUARED) {
                return out;
            }
            double nMax = Math.sqrt((1 - sigma) / kappa);
            if (nMax > nMaxSeen || nMax < 1) {
                return out;
            }
            double xMax = lambda * nMax / (1 + sigma * (nMax - 1) + kappa * nMax * (nMax - 1));
            out.add(new Finding.CapacityKnee(
                    Severity.INFO,
                    ar.run().window(),
                    String.format(
                            Locale.ROOT,
                            "throughput stops growing at about %.0f concurrent VUs (%.0f requests/s; USL σ=%.3f κ=%.5f, R²=%.2f)",
                            nMax,
                            xMax,
                            sigma,
                            kappa,
                            r2),
                    List.of(
                            new Evidence(
                                    "knee concurrency N_max",
                                    ClientSeries.id(ar.run(), K6Metrics.VUS),
                                    null,
                                    nMax,
                                    "count"),
                            new Evidence(
                                    "throughput at the knee",
                                    ClientSeries.id(ar.run(), K6Metrics.HTTP_REQS) + ".rate",
                                    null,
                                    xMax,
                                    "1/s")),
                    Math.min(0.95, r2),
                    sigma,
                    kappa,
                    lambda,
                    nMax,
                    r2));
        } catch (RuntimeException singular) {
            // a degenerate design (e.g. constant concurrency) has no knee to report
        }
        return out;
    }
}
