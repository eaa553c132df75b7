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

import java.nio.charset.StandardCharsets;

/**
 * Turns UTF-8 byte ranges into canonical {@link String}s without allocating for ones seen before (metric names
 * and tag values repeat millions of times in a load test's output). Not thread-safe. Bounded: past
 * {@link StringPool#MAX_ENTRIES} distinct values new ones are returned uncached.
 */
public final class ByteStringPool {
    private byte[][] keys = new byte[256][];
    private String[] values = new String[256];
    private int[] hashes = new int[256];
    private int size;

    public String intern(byte[] buf, int off, int len) {
        int h = 0;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + buf[i];
        }
        int mask = keys.length - 1;
        int i = (h ^ (h >>> 16)) & mask;
        while (true) {
            byte[] k = keys[i];
            if (k == null) {
                String s = new String(buf, off, len, StandardCharsets.UTF_8);
                if (size >= StringPool.MAX_ENTRIES) {
                    return s;
                }
                keys[i] = java.util.Arrays.copyOfRange(buf, off, off + len);
                values[i] = s;
                hashes[i] = h;
                if (++size * 2 > keys.length) {
                    rehash();
                }
                return s;
            }
            if (hashes[i] == h && java.util.Arrays.equals(k, 0, k.length, buf, off, off + len)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
    }

    private void rehash() {
        byte[][] oldKeys = keys;
        String[] oldValues = values;
        int[] oldHashes = hashes;
        int n = oldKeys.length * 2;
        keys = new byte[n][];
        values = new String[n];
        hashes = new int[n];
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldKeys[k] != null) {
                int h = oldHashes[k];
                int i = (h ^ (h >>> 16)) & (n - 1);
                while (keys[i] != null) {
                    i = (i + 1) & (n - 1);
                }
                keys[i] = oldKeys[k];
                values[i] = oldValues[k];
                hashes[i] = h;
            }
        }
    }
}
