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
/**
 * The metric-source compatibility kit: {@link dev.plimsoll.test.MetricSourceCompatibilityKit}, the contract and fault
 * tests an adapter's test extends, {@link dev.plimsoll.test.Scenario scenarios} that say what a fake backend serves,
 * and {@link dev.plimsoll.test.LoopbackHttpServer}, the loopback HTTP server that fakes run on and that injects
 * {@link dev.plimsoll.test.Fault faults}.
 */
@NullMarked
package dev.plimsoll.test;

import org.jspecify.annotations.NullMarked;
