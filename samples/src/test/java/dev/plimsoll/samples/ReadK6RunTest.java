package dev.plimsoll.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.ingest.k6.K6Reader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadK6RunTest {
    @Test
    void sampleShouldPrintTotalsPhasesAndTheBusiestSecond() throws URISyntaxException {
        Path smoke = Path.of(ReadK6RunTest.class.getResource("/smoke.json.gz").toURI());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ReadK6Run.print(K6Reader.create().read(smoke), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        // k6's summary of this run: 958 requests, http_req_failed 4.80 %
        assertThat(out).startsWith("958 requests, 4.80% failed").contains("steady    p95").contains("busiest second");
    }
}
