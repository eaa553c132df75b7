package dev.plimsoll.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The real dataset shipped in the jar: k6 v0.49.0 output of a stress test (85 VUs) against an EKS-like service
 * whose backend saturates and whose cluster autoscaler adds nodes about two minutes late.
 */
final class DemoData {
    private static final String ROOT = "/dev/plimsoll/cli/demo/";
    private static final List<String> K6 = List.of("results.json.gz", "summary-export.json");

    private DemoData() {
    }

    /** The demo's k6 files, copied out of the jar into a temporary folder deleted on exit. */
    static List<Path> k6Files() {
        try {
            Path dir = Files.createTempDirectory("plimsoll-demo");
            dir.toFile().deleteOnExit();
            List<Path> out = new ArrayList<>();
            for (String name : K6) {
                Path target = dir.resolve(name);
                try (InputStream in = DemoData.class.getResourceAsStream(ROOT + name)) {
                    if (in == null) {
                        throw new IllegalStateException("demo data " + ROOT + name + " is missing from the jar");
                    }
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                target.toFile().deleteOnExit();
                out.add(target);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the demo data", e);
        }
    }
}
