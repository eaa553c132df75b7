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
 * JMeter integration: {@link dev.plimsoll.jmeter.PlimsollBackendListener}, a Backend Listener client that records a
 * test plan's samples into a Plimsoll run while the plan runs (JMeter GUI, CLI, or embedded in a Java harness) and
 * analyses it in-process when the plan ends. JMeter itself is a provided dependency: the listener runs inside it.
 */
@NullMarked
package dev.plimsoll.jmeter;

import org.jspecify.annotations.NullMarked;
