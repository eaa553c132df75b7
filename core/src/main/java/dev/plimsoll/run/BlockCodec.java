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
package dev.plimsoll.run;

import java.util.Arrays;

/** Variable-length integers and doubles in a byte array: the encoding of sealed bucket blocks. */
final class BlockCodec {
    private BlockCodec() {}

    /** A growable byte buffer. */
    static final class Out {
        private byte[] buf = new byte[512];
        private int n;

        void reset() {
            n = 0;
        }

        int size() {
            return n;
        }

        /** An unsigned LEB128 varint: 7 bits a byte, low first. */
        void varLong(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[n++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[n++] = (byte) v;
        }

        /** A signed value, zigzag-mapped so that small magnitudes stay short. */
        void zigzag(long v) {
            varLong((v << 1) ^ (v >> 63));
        }

        void rawDouble(double d) {
            ensure(8);
            long bits = Double.doubleToRawLongBits(d);
            for (int i = 0; i < 8; i++) {
                buf[n++] = (byte) (bits >>> (8 * i));
            }
        }

        /** Copies {@code other}'s bytes, length first. */
        void bytes(Out other) {
            varLong(other.n);
            ensure(other.n);
            System.arraycopy(other.buf, 0, buf, n, other.n);
            n += other.n;
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, n);
        }

        private void ensure(int more) {
            if (n + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
            }
        }
    }

    /** A cursor over encoded bytes. */
    static final class In {
        private final byte[] b;
        private int p;

        In(byte[] b) {
            this.b = b;
        }

        long varLong() {
            long v = 0;
            int shift = 0;
            while (true) {
                byte x = b[p++];
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) {
                    return v;
                }
                shift += 7;
            }
        }

        long zigzag() {
            long v = varLong();
            return (v >>> 1) ^ -(v & 1);
        }

        double rawDouble() {
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits |= (long) (b[p++] & 0xFF) << (8 * i);
            }
            return Double.longBitsToDouble(bits);
        }

        /** Skips a length-prefixed run of bytes written by {@link Out#bytes}. */
        void skipBytes() {
            int len = (int) varLong();
            p += len;
        }

        /** Reads the length of a run written by {@link Out#bytes}; the run's bytes follow. */
        int bytesLength() {
            return (int) varLong();
        }
    }

    /**
     * Whether a value is a whole number of millionths (k6 writes durations in ms with nanosecond resolution): then
     * {@code round(v × 10⁶)} as a varint is shorter than the 8 raw bytes and reads back bit for bit.
     */
    static boolean isMicroUnits(double v) {
        long m = Math.round(v * 1e6);
        return Math.abs(m) < (1L << 52) && Double.doubleToRawLongBits(m / 1e6) == Double.doubleToRawLongBits(v);
    }
}
