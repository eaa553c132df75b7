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
package dev.plimsoll.ingest.jmeter;

import dev.plimsoll.ingest.LoadParseException;
import dev.plimsoll.run.IngestReport;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * One XML JTL file. Top-level {@code <httpSample>}/{@code <sample>} elements are samples; nested ones are
 * sub-results, not counted again — except the children of a transaction's parent sample, which are the
 * transaction's requests.
 */
final class JtlXml {
    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    private final String file;
    private final JtlSink sink;
    private final boolean lenient;
    private final List<String> warnings = new ArrayList<>();
    private long skipped;

    JtlXml(String file, JtlSink sink, boolean lenient) {
        this.file = file;
        this.sink = sink;
        this.lenient = lenient;
    }

    IngestReport read(InputStream in) throws IOException {
        EofTracking tracked = new EofTracking(in);
        XMLStreamReader x;
        int lastLine = 0;
        boolean closed = false;
        try {
            // decoded here, strictly: the JDK's parser would print "[Fatal Error]" to System.err on a malformed byte
            x = FACTORY.createXMLStreamReader(new java.io.InputStreamReader(
                    tracked,
                    java.nio.charset.StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)));
        } catch (XMLStreamException e) {
            throw new LoadParseException(file, 1, "not XML: " + e.getMessage(), e);
        }
        int depth = 0;
        boolean sawRoot = false;
        boolean inParentTransaction = false;
        try {
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    lastLine = x.getLocation().getLineNumber();
                    String name = x.getLocalName();
                    if (depth == 1) {
                        if (!name.equals("testResults")) {
                            throw new LoadParseException(
                                    file,
                                    lastLine,
                                    "expected a JTL's <testResults> root element, but found <" + name + ">");
                        }
                        sawRoot = true;
                    } else if (isSample(name) && depth == 2) {
                        inParentTransaction = false;
                        String rm = x.getAttributeValue(null, "rm");
                        if (JtlSink.isController(rm)) {
                            transaction(x);
                            inParentTransaction = true;
                        } else {
                            request(x);
                        }
                    } else if (isSample(name) && depth == 3 && inParentTransaction) {
                        request(x);
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    if (depth == 0) {
                        closed = true;
                    }
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? lastLine : e.getLocation().getLineNumber();
            if (tracked.eof && !closed && !tracked.endsWith("</testResults>")) {
                warnings.add(file + ":" + line + ": the file ends inside <testResults> (JMeter killed or still"
                        + " writing?): the " + sink.samples + " complete samples before it were read");
                return new IngestReport(List.of(file), line, sink.samples, skipped, warnings);
            }
            if (e.getNestedException() instanceof java.nio.charset.CharacterCodingException
                    || e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw new LoadParseException(file, line, "is not valid UTF-8 (JMeter writes UTF-8)", e);
            }
            throw new LoadParseException(file, line, "malformed XML: " + message(e), e);
        }
        if (!sawRoot) {
            throw new LoadParseException(file, 0, "no <testResults> element: not a JMeter XML JTL");
        }
        return new IngestReport(List.of(file), lastLine, sink.samples, skipped, warnings);
    }

    private static String message(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int i = m.indexOf("Message: ");
        return i >= 0 ? m.substring(i + 9) : m;
    }

    private static boolean isSample(String name) {
        return name.equals("httpSample") || name.equals("sample");
    }

    private void transaction(XMLStreamReader x) {
        int line = x.getLocation().getLineNumber();
        try {
            sink.transaction(attrLong(x, "ts", line, true), attrLong(x, "t", line, true));
        } catch (IllegalArgumentException e) {
            throw new LoadParseException(file, line, String.valueOf(e.getMessage()), e);
        }
    }

    private void request(XMLStreamReader x) {
        int line = x.getLocation().getLineNumber();
        try {
            String label = x.getAttributeValue(null, "lb");
            String rc = x.getAttributeValue(null, "rc");
            String s = x.getAttributeValue(null, "s");
            if (s == null || !(s.equals("true") || s.equals("false"))) {
                throw new LoadParseException(
                        file, line, "attribute s (success) must be true or false, but was " + quote(s));
            }
            int sc = JtlSink.count(attrLong(x, "sc", line, false));
            int ec = JtlSink.count(attrLong(x, "ec", line, false));
            sink.request(
                    attrLong(x, "ts", line, true),
                    attrLong(x, "t", line, true),
                    label == null ? "" : label,
                    rc == null ? "" : rc,
                    s.equals("true"),
                    attrLong(x, "lt", line, false),
                    attrLong(x, "ct", line, false),
                    attrLong(x, "by", line, false),
                    attrLong(x, "sby", line, false),
                    attrLong(x, "na", line, false),
                    sc < 0 ? 1 : sc,
                    Math.max(0, ec));
        } catch (LoadParseException | IllegalArgumentException problem) {
            LoadParseException e = problem instanceof LoadParseException lpe
                    ? lpe
                    : new LoadParseException(file, line, String.valueOf(problem.getMessage()), problem);
            if (!lenient) {
                throw e;
            }
            skipped++;
            if (warnings.size() < 20) {
                warnings.add("skipped " + e.getMessage());
            }
        }
    }

    private long attrLong(XMLStreamReader x, String name, int line, boolean required) {
        String v = x.getAttributeValue(null, name);
        if (v == null || v.isEmpty()) {
            if (required) {
                throw new LoadParseException(
                        file,
                        line < 0 ? x.getLocation().getLineNumber() : line,
                        "<" + x.getLocalName() + "> lacks attribute " + name
                                + (name.equals("ts") ? " (timeStamp)" : name.equals("t") ? " (elapsed)" : ""));
            }
            return -1;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new LoadParseException(
                    file,
                    line < 0 ? x.getLocation().getLineNumber() : line,
                    "attribute " + name + " must be an integer, but was " + quote(v));
        }
    }

    private static String quote(@Nullable String v) {
        return v == null ? "missing" : "'" + v + "'";
    }

    /** Tells whether the parser has read the stream to its end, and how the stream ended. */
    private static final class EofTracking extends java.io.FilterInputStream {
        private final byte[] tail = new byte[64];
        private long count;
        boolean eof;

        boolean endsWith(String end) {
            int n = (int) Math.min(count, tail.length);
            StringBuilder sb = new StringBuilder();
            for (long i = count - n; i < count; i++) {
                sb.append((char) (tail[(int) (i % tail.length)] & 0xff));
            }
            return sb.toString().strip().endsWith(end);
        }

        private void keep(byte[] b, int off, int n) {
            for (int i = Math.max(0, n - tail.length); i < n; i++) {
                tail[(int) ((count + i) % tail.length)] = b[off + i];
            }
            count += n;
        }

        EofTracking(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            eof |= b < 0;
            if (b >= 0) {
                keep(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            eof |= n < 0;
            if (n > 0) {
                keep(b, off, n);
            }
            return n;
        }
    }
}
