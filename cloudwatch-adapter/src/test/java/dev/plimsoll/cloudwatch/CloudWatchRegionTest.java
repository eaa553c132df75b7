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
package dev.plimsoll.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plimsoll.source.MetricSourceException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A live source without a region anywhere says so in one line, not as the SDK's provider chain. */
class CloudWatchRegionTest {
    @TempDir
    Path dir;

    /** The SDK's region settings this test takes over: no profile file, no instance metadata, no aws.region. */
    private static final List<String> PROPERTIES =
            List.of("aws.region", "aws.configFile", "aws.sharedCredentialsFile", "aws.disableEc2Metadata");

    @Test
    void aSourceWithNoRegionAnywhereShouldSaySetTheRegion() {
        assumeTrue(System.getenv("AWS_REGION") == null, "AWS_REGION is set in this environment");
        Map<String, String> saved = new HashMap<>();
        PROPERTIES.forEach(p -> saved.put(p, System.getProperty(p)));
        try {
            System.clearProperty("aws.region");
            System.setProperty("aws.configFile", dir.resolve("no-config").toString());
            System.setProperty(
                    "aws.sharedCredentialsFile", dir.resolve("no-credentials").toString());
            System.setProperty("aws.disableEc2Metadata", "true");
            CloudWatchSourceConfig config = Map.of("cloudwatch.endpoint", "http://127.0.0.1:9")::get;

            assertThatThrownBy(() -> CloudWatchMetricSource.builder(config)
                            .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                            .build())
                    .isInstanceOf(MetricSourceException.class)
                    .hasMessage("cloudwatch: no AWS region: set the cloudwatch.region setting (plimsoll analyze"
                            + " --region REGION) or the AWS_REGION environment variable")
                    .satisfies(
                            e -> assertThat(e.getMessage()).doesNotContain("@").doesNotContain("software.amazon"));
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }
}
