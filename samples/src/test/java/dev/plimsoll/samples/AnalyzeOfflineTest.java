package dev.plimsoll.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AnalyzeOfflineTest {
    @Test
    void theRecordedClientBoundRunShouldBlameTheGenerator() throws URISyntaxException {
        Path dir = Path.of(AnalyzeOfflineTest.class.getResource("/S4_client_bound").toURI());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        var result = AnalyzeOffline.analyze(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(result.bottleneck()).isEqualTo("load_generator");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("bottleneck: load_generator")
                .contains("load_generator_saturation: the load generator dropped 5512 iterations");
    }
}
