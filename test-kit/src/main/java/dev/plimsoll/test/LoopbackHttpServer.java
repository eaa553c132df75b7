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
package dev.plimsoll.test;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 server on 127.0.0.1 for an adapter's fake backend: the fake answers requests in its backend's wire
 * protocol ({@link Handler}), and the server injects {@link Fault faults} one per request, in the order they were
 * {@link #inject injected}, at the transport level (a delay past the client's timeout, a reset mid-body, a cut body)
 * or by asking the fake for its protocol's error answer (throttling, 5xx, 403).
 *
 * <p>Written on plain sockets rather than {@code com.sun.net.httpserver} so that a fault can do what a real network
 * does: send a reset in the middle of a body, or a body shorter than the one the backend meant. Keep-alive, chunked
 * request bodies and {@code Expect: 100-continue} are supported; a faulty response always closes its connection.
 *
 * <pre>{@code
 * try (LoopbackHttpServer server = LoopbackHttpServer.start(fake)) {
 *     server.inject(Fault.THROTTLED, Fault.RESET_MID_BODY);
 *     MetricSource source = ... server.uri() ...;
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class LoopbackHttpServer implements AutoCloseable {
    private static final int MAX_LINE = 64 * 1024;

    private final Handler handler;
    private final ServerSocket socket;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private volatile Duration slowDelay = Duration.ofSeconds(2);
    private volatile boolean closed;

    private LoopbackHttpServer(Handler handler) throws IOException {
        this.handler = handler;
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.connections = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-http-" + socket.getLocalPort());
            t.setDaemon(true);
            return t;
        });
        Thread acceptor = new Thread(this::accept, "loopback-http-accept-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts a server on an ephemeral loopback port.
     *
     * @param handler the fake backend; called from the server's threads
     * @return the running server; close it to stop
     * @throws UncheckedIOException when no port can be bound
     */
    public static LoopbackHttpServer start(Handler handler) {
        try {
            return new LoopbackHttpServer(Objects.requireNonNull(handler, "handler"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a loopback port", e);
        }
    }

    /**
     * A loopback address nothing listens on: connecting to it is refused. (A port that was bound and released; no
     * other process on this machine is expected to bind it in the milliseconds a test uses it.)
     *
     * @return {@code http://127.0.0.1:<port>} with a port nothing listens on
     * @throws UncheckedIOException when no port can be bound to find one
     */
    public static URI refusingUri() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }

    /**
     * The server's address.
     *
     * @return {@code http://127.0.0.1:<port>}, without a trailing slash
     */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /**
     * Faults for the next requests, one each, after those already queued.
     *
     * @param faults in the order the requests will get them; {@link Fault#NONE} lets one through
     * @return this server
     */
    public LoopbackHttpServer inject(Fault... faults) {
        return inject(List.of(faults));
    }

    /**
     * Faults for the next requests, one each, after those already queued.
     *
     * @param faults in the order the requests will get them
     * @return this server
     */
    public LoopbackHttpServer inject(List<Fault> faults) {
        this.faults.addAll(faults);
        return this;
    }

    /**
     * Faults injected but not used yet.
     *
     * @return zero once every injected fault met a request
     */
    public int pendingFaults() {
        return faults.size();
    }

    /**
     * How long a {@link Fault#SLOW} answer waits; set it past the client's timeout. Default 2 s.
     *
     * @param delay the wait before the answer is sent
     * @return this server
     */
    public LoopbackHttpServer slowDelay(Duration delay) {
        this.slowDelay = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /**
     * Every request received so far, in arrival order.
     *
     * @return a snapshot copy
     */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /**
     * Failures of the handler itself (answered 500): a broken fake, not a fault; tests should expect none.
     *
     * @return one line per failure, naming the request; a snapshot copy
     */
    public List<String> handlerErrors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                open.add(s);
                connections.execute(() -> serve(s));
            } catch (IOException e) {
                if (!closed) {
                    errors.add("accept failed: " + e);
                }
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(30_000);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = new BufferedOutputStream(s.getOutputStream());
            while (!closed) {
                Request request = read(in, out);
                if (request == null) {
                    return;
                }
                requests.add(request);
                Fault fault = Objects.requireNonNullElse(faults.poll(), Fault.NONE);
                Response response;
                try {
                    response = fault.isProtocolLevel() ? handler.fault(fault, request) : handler.handle(request);
                } catch (RuntimeException | IOException e) {
                    errors.add(request.method() + " " + request.target() + ": " + e);
                    response = Response.of(500, "text/plain", "fake backend failed: " + e);
                }
                boolean keepAlive = fault == Fault.NONE && !"close".equalsIgnoreCase(request.header("connection"));
                switch (fault) {
                    case SLOW -> {
                        Thread.sleep(slowDelay.toMillis());
                        write(out, response, response.body(), response.body().length, false);
                        return;
                    }
                    case RESET_MID_BODY -> {
                        byte[] b = response.body();
                        write(out, response, b, Math.max(1, b.length / 2), false, b.length);
                        s.setSoLinger(true, 0); // close() now sends RST, not FIN
                        return;
                    }
                    case TRUNCATED_BODY -> {
                        byte[] b = response.body();
                        write(out, response, b, b.length / 2, false);
                        return;
                    }
                    default -> {
                        write(out, response, response.body(), response.body().length, keepAlive);
                        if (!keepAlive) {
                            return;
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (its timeout, a reset): nothing to answer
        } finally {
            open.remove(s);
        }
    }

    private static void write(OutputStream out, Response r, byte[] body, int length, boolean keepAlive)
            throws IOException {
        write(out, r, body, length, keepAlive, length);
    }

    private static void write(
            OutputStream out, Response r, byte[] body, int length, boolean keepAlive, int declaredLength)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ")
                .append(r.status())
                .append(' ')
                .append(reason(r.status()))
                .append("\r\n");
        r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(declaredLength).append("\r\n");
        head.append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body, 0, Math.min(length, body.length));
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static @Nullable Request read(InputStream in, OutputStream out) throws IOException {
        String line = readLine(in);
        while (line != null && line.isEmpty()) {
            line = readLine(in); // tolerate a stray CRLF between requests
        }
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ", 3);
        if (parts.length < 2) {
            throw new IOException("not an HTTP request line: " + line);
        }
        Map<String, List<String>> headers = new TreeMap<>();
        for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
            int c = h.indexOf(':');
            if (c > 0) {
                headers.computeIfAbsent(h.substring(0, c).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(h.substring(c + 1).trim());
            }
        }
        if ("100-continue".equalsIgnoreCase(first(headers, "expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        byte[] body;
        String length = first(headers, "content-length");
        if ("chunked".equalsIgnoreCase(first(headers, "transfer-encoding"))) {
            body = readChunked(in);
        } else if (length != null) {
            body = readFully(in, Integer.parseInt(length.trim()));
        } else {
            body = new byte[0];
        }
        return new Request(parts[0], parts[1], headers, body);
    }

    private static @Nullable String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new EOFException("chunked body ended early");
            }
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            if (size == 0) {
                for (String t = readLine(in); t != null && !t.isEmpty(); t = readLine(in)) {
                    // trailers: ignored
                }
                return body.toByteArray();
            }
            body.write(readFully(in, size));
            readLine(in);
        }
    }

    private static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException("body ended after " + b.length + " of " + n + " bytes");
        }
        return b;
    }

    private static @Nullable String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] b = line.toByteArray();
                int n = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, n, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
            if (line.size() > MAX_LINE) {
                throw new IOException("header line longer than " + MAX_LINE + " bytes");
            }
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Stops accepting, closes every connection and interrupts answers still waiting ({@link Fault#SLOW}). */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        connections.shutdownNow();
        try {
            connections.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One request as received.
     *
     * @param method e.g. {@code POST}
     * @param target the request target: path and query, e.g. {@code /api/v1/query?from=1&to=2}
     * @param headers by lower-case name
     * @param body the body as sent (possibly compressed: see {@link #decodedBody()})
     */
    public record Request(String method, String target, Map<String, List<String>> headers, byte[] body) {
        /**
         * Copies the headers (names in lower case) and the body.
         *
         * @param method the method
         * @param target path and query
         * @param headers by name, any case
         * @param body the body as sent
         * @throws NullPointerException if a component is null
         */
        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(target, "target");
            Map<String, List<String>> h = new TreeMap<>();
            headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            headers = Collections.unmodifiableMap(h);
            body = body.clone();
        }

        /**
         * The path, without the query.
         *
         * @return e.g. {@code /api/v1/query}
         */
        public String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        /**
         * The first value of a header.
         *
         * @param name the header's name, any case
         * @return its first value, or null when absent
         */
        public @Nullable String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        /**
         * The decoded value of a query-string parameter.
         *
         * @param name the parameter's name, as decoded
         * @return its first value, URL-decoded; empty for a name without {@code =}; null when absent
         */
        public @Nullable String queryParameter(String name) {
            return formParameters(target.indexOf('?') < 0 ? "" : target.substring(target.indexOf('?') + 1))
                    .get(name);
        }

        /**
         * The body with its {@code Content-Encoding} (gzip, deflate) undone.
         *
         * @return a copy of the decoded bytes; the body as sent for another or no encoding
         * @throws UncheckedIOException when the body is not valid in its encoding
         */
        public byte[] decodedBody() {
            String encoding = header("content-encoding");
            try {
                if ("gzip".equalsIgnoreCase(encoding)) {
                    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                        return in.readAllBytes();
                    }
                }
                if ("deflate".equalsIgnoreCase(encoding)) {
                    try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(body))) {
                        return in.readAllBytes();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot decode a " + encoding + " body", e);
            }
            return body.clone();
        }

        /**
         * The decoded body as UTF-8 text.
         *
         * @return the text; malformed bytes replaced
         * @throws UncheckedIOException when the body is not valid in its encoding
         */
        public String bodyText() {
            return new String(decodedBody(), StandardCharsets.UTF_8);
        }

        /**
         * An {@code application/x-www-form-urlencoded} text as a map (first value of each name).
         *
         * @param text e.g. {@code Action=GetMetricData&Version=2010-08-01}
         * @return decoded names to their first decoded value, in order of appearance
         */
        public static Map<String, String> formParameters(String text) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                m.putIfAbsent(k, v);
            }
            return m;
        }

        /**
         * The body as sent.
         *
         * @return a copy; possibly compressed
         */
        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r
                    && method.equals(r.method)
                    && target.equals(r.target)
                    && headers.equals(r.headers)
                    && java.util.Arrays.equals(body, r.body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(method, target, headers, java.util.Arrays.hashCode(body));
        }

        @Override
        public String toString() {
            return method + " " + target + " (" + body.length + " bytes)";
        }
    }

    /**
     * One answer.
     *
     * @param status HTTP status
     * @param headers extra headers (the server adds {@code Content-Length} and {@code Connection})
     * @param body the body
     */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        /**
         * Copies the headers and the body.
         *
         * @param status HTTP status
         * @param headers extra headers, in order
         * @param body the body
         */
        public Response {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            body = body.clone();
        }

        /**
         * An answer with a text body of the given content type.
         *
         * @param status HTTP status, e.g. 200
         * @param contentType e.g. {@code application/json}
         * @param body the text, sent as UTF-8
         * @return the answer
         */
        public static Response of(int status, String contentType, String body) {
            return new Response(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * The same answer with one more header (or the header replaced).
         *
         * @param name e.g. {@code Retry-After}
         * @param value e.g. {@code 1}
         * @return a new answer
         */
        public Response withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Response(status, h, body);
        }

        /**
         * The body.
         *
         * @return a copy
         */
        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Response r
                    && status == r.status
                    && headers.equals(r.headers)
                    && java.util.Arrays.equals(body, r.body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, headers, java.util.Arrays.hashCode(body));
        }

        @Override
        public String toString() {
            return status + " (" + body.length + " bytes)";
        }
    }

    /** A fake backend: answers requests in its wire protocol. Called from several threads at once. */
    @FunctionalInterface
    public interface Handler {
        /**
         * The normal answer to a request.
         *
         * @param request the request as received
         * @return the answer; the server may still apply a transport-level fault to it
         * @throws IOException when the fake cannot answer (the server answers 500 and records a handler error)
         */
        Response handle(Request request) throws IOException;

        /**
         * The backend's own answer for a {@linkplain Fault#isProtocolLevel() protocol-level} fault: its throttling
         * error (with whatever headers say when to come back), a 5xx, a 403 — in its error format.
         *
         * @param fault {@link Fault#THROTTLED}, {@link Fault#SERVER_ERROR} or {@link Fault#FORBIDDEN}
         * @param request the request as received
         * @return the error answer
         * @throws UnsupportedOperationException by default: a fake that does not support protocol-level faults
         */
        default Response fault(Fault fault, Request request) {
            throw new UnsupportedOperationException("this fake does not answer " + fault);
        }
    }
}
