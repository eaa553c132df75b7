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
package dev.plimsoll.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class SettingsTest {
    @LoadTest
    static final class Plain {}

    private static Settings of(Map<String, String> environment) {
        return Settings.of(
                Plain.class.getAnnotation(LoadTest.class),
                environment,
                new Properties(),
                SettingsTest.class.getClassLoader());
    }

    @Test
    void ofWhenTheEnvironmentHoldsOtherToolsPlimsollVariablesShouldIgnoreThem() {
        Settings s = of(Map.of(
                "PLIMSOLL_REQUIRE_BROWSER", "true",
                "PLIMSOLL_JAVA_OPTS", "-Xmx512m",
                "PLIMSOLL_HISTORY_URL", "jdbc:postgresql://db/perf",
                "PLIMSOLL_EXIT_CODE", "1",
                "PLIMSOLL_MAX_NODES", "5"));

        assertThat(s.maxNodes()).isEqualTo(5);
    }

    @Test
    void ofWhenAVariableMisspellsASettingShouldNameTheSetting() {
        assertThatThrownBy(() -> of(Map.of("PLIMSOLL_MAX_NODE", "5")))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("environment variable PLIMSOLL_MAX_NODE is not a Plimsoll setting")
                .hasMessageContaining("did you mean 'PLIMSOLL_MAX_NODES'?");
        assertThatThrownBy(() -> of(Map.of("PLIMSOLL_FAILON", "high")))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("did you mean 'PLIMSOLL_FAIL_ON'?");
    }
}
