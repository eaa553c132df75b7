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
package dev.plimsoll;

import dev.plimsoll.baseline.BaselineComparator;
import dev.plimsoll.run.LoadRun;

/** The baseline hook test's run and comparator, for tests in other packages. */
public final class BaselineHookTestAccess {
    private BaselineHookTestAccess() {}

    public static LoadRun run() {
        return BaselineHookTest.run();
    }

    public static BaselineComparator fixedBaseline(double p95) {
        return new BaselineHookTest.FixedBaseline(p95);
    }
}
