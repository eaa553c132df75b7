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
package dev.plimsoll.internal;

/**
 * Turns character ranges into canonical {@link String}s without allocating for ones seen before: tag values
 * and metric names repeat millions of times in a load test's output but take few distinct values.
 * Not thread-safe; give each reader thread its own pool. Bounded: past {@link #MAX_ENTRIES} distinct
 * values (e.g. unique URLs as request names), new values are returned uncached.
 */
public final class StringPool {
    /** Most distinct strings kept. */
    public static final int MAX_ENTRIES = 1 << 16;

    private String[] table = new String[256];
    private int[] hashes = new int[256];
    private int size;

    public String intern(char[] buf, int off, int len) {
        int h = 0;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + buf[i];
        }
        int mask = table.length - 1;
        int i = mix(h) & mask;
        while (true) {
            String s = table[i];
            if (s == null) {
                String created = new String(buf, off, len);
                if (size >= MAX_ENTRIES) {
                    return created;
                }
                table[i] = created;
                hashes[i] = h;
                if (++size * 2 > table.length) {
                    rehash();
                }
                return created;
            }
            if (hashes[i] == h && matches(s, buf, off, len)) {
                return s;
            }
            i = (i + 1) & mask;
        }
    }

    public String intern(String s) {
        return intern(s.toCharArray(), 0, s.length());
    }

    private static boolean matches(String s, char[] buf, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (s.charAt(k) != buf[off + k]) {
                return false;
            }
        }
        return true;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    private void rehash() {
        String[] old = table;
        int[] oldHashes = hashes;
        table = new String[old.length * 2];
        hashes = new int[old.length * 2];
        int mask = table.length - 1;
        for (int k = 0; k < old.length; k++) {
            if (old[k] != null) {
                int i = mix(oldHashes[k]) & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = old[k];
                hashes[i] = oldHashes[k];
            }
        }
    }
}
