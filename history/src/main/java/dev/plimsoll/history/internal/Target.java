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
package dev.plimsoll.history.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where a run history lives: a SQLite file or a PostgreSQL database, from what the user wrote.
 *
 * @param dialect SQLite or PostgreSQL
 * @param jdbcUrl the JDBC URL to connect to
 * @param file the SQLite file, {@code null} for PostgreSQL
 * @param redacted the URL as messages show it: passwords replaced by {@code ***}
 */
public record Target(
        Dialect dialect, String jdbcUrl, @Nullable Path file, String redacted) {

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("^(jdbc:postgresql://)([^/@?]*?):([^/@?]*)@");

    /**
     * The target of {@code url}: {@code jdbc:sqlite:PATH}, {@code jdbc:postgresql://HOST[:PORT]/DB[?…]},
     * {@code postgresql://…} or {@code postgres://…} (libpq style), or a plain file path (SQLite).
     *
     * @throws IllegalArgumentException for another JDBC URL or a blank one
     */
    public static Target parse(String url) {
        String u = url.strip();
        if (u.isEmpty()) {
            throw new IllegalArgumentException("the run history URL must not be blank");
        }
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            u = "jdbc:postgresql://" + u.substring(u.indexOf("://") + 3);
            lower = u.toLowerCase(Locale.ROOT);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return new Target(Dialect.POSTGRESQL, moveUserInfo(u), null, redact(u));
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            String rest = u.substring("jdbc:sqlite:".length());
            int q = rest.indexOf('?');
            String path = q < 0 ? rest : rest.substring(0, q);
            if (path.startsWith("file:")) {
                path = path.substring("file:".length());
            }
            if (path.isEmpty() || path.equals(":memory:")) {
                throw new IllegalArgumentException("the run history needs a SQLite file, but the URL names none: " + u);
            }
            return new Target(Dialect.SQLITE, "jdbc:sqlite:" + path, Path.of(path), "jdbc:sqlite:" + path);
        }
        if (lower.startsWith("jdbc:")) {
            throw new IllegalArgumentException(
                    "the run history supports jdbc:sqlite: and jdbc:postgresql: URLs, but was " + redact(u));
        }
        Path p = Path.of(u);
        return new Target(Dialect.SQLITE, "jdbc:sqlite:" + p, p, "jdbc:sqlite:" + p);
    }

    /** {@code url} with any password replaced by {@code ***}. */
    public static String redact(String url) {
        String r = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        Matcher m = USER_INFO.matcher(r);
        if (m.find()) {
            r = m.replaceFirst("$1$2:***@");
        }
        return r;
    }

    /**
     * The PostgreSQL driver does not read {@code user:password@host}: move them to parameters.
     */
    private static String moveUserInfo(String url) {
        Matcher m = USER_INFO.matcher(url);
        String rest;
        String user;
        String password;
        if (m.find()) {
            user = m.group(2);
            password = m.group(3);
            rest = url.substring(m.end());
        } else {
            Matcher u = Pattern.compile("^jdbc:postgresql://([^/@?:]+)@").matcher(url);
            if (!u.find()) {
                return url;
            }
            user = u.group(1);
            password = null;
            rest = url.substring(u.end());
        }
        StringBuilder sb = new StringBuilder("jdbc:postgresql://").append(rest);
        sb.append(rest.contains("?") ? '&' : '?').append("user=").append(user);
        if (password != null) {
            sb.append("&password=").append(password);
        }
        return sb.toString();
    }

    /** Whether the URL itself carries a user (then PGUSER is not used). */
    public boolean hasUser() {
        return jdbcUrl.matches("(?i).*[?&;]user=.*");
    }

    /** Whether the URL itself carries a password (then PGPASSWORD is not used). */
    public boolean hasPassword() {
        return jdbcUrl.matches("(?i).*[?&;]password=.*");
    }
}
