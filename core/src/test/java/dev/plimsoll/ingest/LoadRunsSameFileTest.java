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
package dev.plimsoll.ingest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadRunsSameFileTest {
    @TempDir
    Path dir;

    private Path smoke() throws IOException, URISyntaxException {
        Path target = dir.resolve("smoke.json.gz");
        Files.copy(
                Path.of(getClass().getResource("/k6/smoke-rome/smoke.json.gz").toURI()), target);
        return target;
    }

    @Test
    void readFilesWhenTheSamePathIsGivenTwiceShouldRefuseNamingTheRule() throws Exception {
        Path smoke = smoke();

        assertThatThrownBy(() -> LoadRuns.read(List.of(smoke, smoke)))
                .isInstanceOf(LoadParseException.class)
                .hasMessage(smoke + ": is given twice: each result file of a run must be given once (a file read"
                        + " twice would count its requests and VUs twice)");
    }

    @Test
    void readFilesWhenOneFileIsGivenThroughALinkAndAnotherPathShouldRefuseNamingBoth() throws Exception {
        Path smoke = smoke();
        Path link = Files.createSymbolicLink(dir.resolve("link.json.gz"), smoke);
        Path roundabout = dir.resolve("sub").resolve("..").resolve("smoke.json.gz");
        Files.createDirectories(dir.resolve("sub"));

        assertThatThrownBy(() -> LoadRuns.read(List.of(smoke, link)))
                .isInstanceOf(LoadParseException.class)
                .hasMessageStartingWith(link + ": is the same file as " + smoke + ": ");
        assertThatThrownBy(() -> LoadRuns.read(List.of(smoke, roundabout)))
                .hasMessageStartingWith(roundabout + ": is the same file as " + smoke + ": ");
    }
}
