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
package dev.plimsoll.cli;

import dev.plimsoll.history.RunHistory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The run history the commands use: {@code --history URL}, else {@code PLIMSOLL_HISTORY}, else
 * {@value RunHistory#DEFAULT_FILE} under the working directory. Messages show the URL without its password, and
 * anything printed about the store is scrubbed of the password (from the URL or {@code PGPASSWORD}) as well.
 */
final class HistoryStore {
    /** Environment variable naming the store when {@code --history} does not. */
    static final String VARIABLE = "PLIMSOLL_HISTORY";

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)[?&;]password=([^&;]*)");
    private static final Pattern USER_INFO = Pattern.compile("(?i)^(?:jdbc:)?postgres(?:ql)?://[^/@?]*?:([^/@?]*)@");

    private HistoryStore() {}

    /** The store's URL: the option's value, else {@code PLIMSOLL_HISTORY}, else the default file. */
    static String url(@Nullable String given) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        String env = PlimsollCommand.environment().apply(VARIABLE);
        return env != null && !env.isBlank() ? env.strip() : RunHistory.DEFAULT_FILE;
    }

    /** Whether {@code PLIMSOLL_HISTORY} names a store. */
    static boolean fromEnvironment() {
        String env = PlimsollCommand.environment().apply(VARIABLE);
        return env != null && !env.isBlank();
    }

    /** Opens the store, user and password defaulting to {@code PGUSER}/{@code PGPASSWORD} of the environment. */
    static RunHistory open(String url) {
        Function<String, @Nullable String> env = PlimsollCommand.environment();
        return RunHistory.builder(url).environment(env).open();
    }

    /**
     * Opens a store that must exist already (the commands that only read): a SQLite file that is not there is an
     * error naming it, not a new empty store.
     */
    static RunHistory openExisting(String url) {
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:postgresql:")
                && !lower.startsWith("postgresql:")
                && !lower.startsWith("postgres:")) {
            String path = lower.startsWith("jdbc:sqlite:") ? u.substring("jdbc:sqlite:".length()) : u;
            int q = path.indexOf('?');
            path = q < 0 ? path : path.substring(0, q);
            path = path.startsWith("file:") ? path.substring("file:".length()) : path;
            if (!path.isEmpty() && !Files.exists(Path.of(path))) {
                throw new IllegalArgumentException("there is no run history at " + path
                        + " (plimsoll analyze --history creates it; --history or PLIMSOLL_HISTORY names another)");
            }
        }
        return open(url);
    }

    /** {@code message} with every password the URL or PGPASSWORD carries replaced by {@code ***}. */
    static String scrub(@Nullable String message, String url) {
        String out = message == null ? "the run history failed" : message;
        for (String secret : secrets(url)) {
            out = out.replace(secret, "***");
        }
        return out;
    }

    private static List<String> secrets(String url) {
        List<String> out = new ArrayList<>();
        Matcher m = PASSWORD_PARAM.matcher(url);
        while (m.find()) {
            add(out, m.group(1));
        }
        Matcher u = USER_INFO.matcher(url.strip());
        if (u.find()) {
            add(out, u.group(1));
        }
        add(out, PlimsollCommand.environment().apply("PGPASSWORD"));
        return out;
    }

    private static void add(List<String> out, @Nullable String secret) {
        if (secret == null || secret.isEmpty() || secret.equals("***")) {
            return;
        }
        out.add(secret);
        try {
            String decoded = URLDecoder.decode(secret, StandardCharsets.UTF_8);
            if (!decoded.equals(secret)) {
                out.add(decoded);
            }
        } catch (IllegalArgumentException e) {
            // not URL-encoded: the raw form is enough
        }
    }
}
