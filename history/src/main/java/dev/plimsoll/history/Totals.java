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
package dev.plimsoll.history;

/**
 * A run's totals, as the load tool's own summary gives them.
 *
 * @param requests requests sent
 * @param failedRequests requests that failed (k6's {@code http_req_failed})
 * @param iterations iterations completed
 * @param droppedIterations iterations an arrival-rate executor could not start (load-generator saturation)
 * @param maxVus largest number of virtual users at once
 * @param dataReceivedBytes bytes received
 * @param dataSentBytes bytes sent
 * @since 0.1
 */
public record Totals(
        long requests,
        long failedRequests,
        long iterations,
        long droppedIterations,
        int maxVus,
        long dataReceivedBytes,
        long dataSentBytes) {

    /**
     * Checks the counts.
     *
     * @param requests ≥ 0
     * @param failedRequests ≥ 0, at most {@code requests}
     * @param iterations ≥ 0
     * @param droppedIterations ≥ 0
     * @param maxVus ≥ 0
     * @param dataReceivedBytes bytes
     * @param dataSentBytes bytes
     * @throws IllegalArgumentException for a negative count or more failures than requests
     */
    public Totals {
        if (requests < 0 || failedRequests < 0 || iterations < 0 || droppedIterations < 0 || maxVus < 0) {
            throw new IllegalArgumentException("totals must not be negative, but were " + requests + " requests, "
                    + failedRequests + " failed, " + iterations + " iterations, " + droppedIterations + " dropped, "
                    + maxVus + " VUs");
        }
        if (failedRequests > requests) {
            throw new IllegalArgumentException(
                    "failed requests must not exceed requests, but were " + failedRequests + " of " + requests);
        }
    }

    /**
     * Totals of a run that sent nothing.
     *
     * @return all zero
     */
    public static Totals none() {
        return new Totals(0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Failed ÷ sent.
     *
     * @return a share 0–1; 0 (not NaN) when nothing was sent
     */
    public double errorRate() {
        return requests == 0 ? 0 : (double) failedRequests / requests;
    }
}
