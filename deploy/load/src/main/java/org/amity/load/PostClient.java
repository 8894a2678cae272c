package org.amity.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

import javax.net.ssl.SSLSocketFactory;

/**
 * The load's POSTs: HTTP/1.1 on blocking sockets that are kept alive and reused, one call at a time on each (no
 * pipelining), on the caller's (virtual) thread. The JDK's {@code HttpClient} cost the tool 0.7-0.8 ms of CPU a call
 * at 500 calls a second, most of it in its asynchronous plumbing (selector registrations, completion stages); the
 * tool shares the two cores it measures, so what it spends is taken from the platform. Requests carry a
 * {@code Content-Length}; responses are read by their {@code Content-Length} or as chunks. A connection the server
 * closes, or a call that fails, is not reused; a failed POST is not retried (reports are not idempotent without
 * their key, and the ledger counts what was answered).
 */
final class PostClient implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 60_000;
    private static final int MAX_HEADER_LINE = 8_192;
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final String host;
    private final int port;
    private final boolean tls;
    private final String hostHeader;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    /** @param baseUrl {@code http://host:port} or {@code https://host:port} */
    PostClient(String baseUrl) {
        URI uri = URI.create(baseUrl);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) base URL: " + baseUrl);
        }
        this.tls = scheme.equals("https");
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        this.hostHeader = uri.getPort() > 0 ? host + ":" + port : host;
    }

    /**
     * POSTs a JSON body to {@code path} and returns the status and body.
     *
     * @param bearer the access token, or null for a call without one
     */
    Api.Response post(String path, String bearer, byte[] json) {
        byte[] request = request(path, bearer, json);
        Connection connection = idle.pollFirst();
        try {
            if (connection == null) {
                connection = open();
            }
            connection.out.write(request);
            connection.out.flush();
            Reply reply = read(connection.in);
            if (reply.keepAlive()) {
                idle.offerFirst(connection);
            } else {
                connection.close();
            }
            return new Api.Response(reply.status(), reply.body());
        } catch (IOException | RuntimeException e) {
            if (connection != null) {
                connection.close();
            }
            throw new Api.CallFailed("POST " + (tls ? "https://" : "http://") + hostHeader + path + " failed: " + e);
        }
    }

    /**
     * Opens connections until {@code count} wait idle, so that the first calls of a schedule do not each wait for a
     * connection of their own: a client of the platform keeps its connections open. Returns how many wait.
     */
    int warm(int count) {
        while (idle.size() < count) {
            try {
                idle.offerLast(open());
            } catch (IOException e) {
                break; // the calls will open their own, and fail if the platform is down
            }
        }
        return idle.size();
    }

    /** Open connections waiting for a call (for the tests). */
    int idleConnections() {
        return idle.size();
    }

    @Override
    public void close() {
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            c.close();
        }
    }

    private byte[] request(String path, String bearer, byte[] json) {
        StringBuilder head = new StringBuilder(160 + (bearer == null ? 0 : bearer.length()));
        head.append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(hostHeader)
                .append("\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ")
                .append(json.length).append("\r\n");
        if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[headBytes.length + json.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(json, 0, request, headBytes.length, json.length);
        return request;
    }

    private Connection open() throws IOException {
        Socket socket = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            return new Connection(socket, new BufferedInputStream(socket.getInputStream(), 16_384),
                    socket.getOutputStream());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    record Reply(int status, String body, boolean keepAlive) {
    }

    /** One response: status line, headers, body by length or chunks. */
    static Reply read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: " + Json.abbreviate(statusLine));
        }
        int status;
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("no status code in: " + Json.abbreviate(statusLine));
        }
        boolean keepAlive = statusLine.startsWith("HTTP/1.1");
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line: " + Json.abbreviate(header));
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.endsWith("chunked");
                case "connection" -> keepAlive = value.contains("keep-alive") || keepAlive && !value.contains("close");
                default -> { }
            }
        }
        byte[] body;
        if (chunked) {
            body = chunks(in);
        } else if (length >= 0) {
            body = exactly(in, length);
        } else if (status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else { // no length: the body runs to the end of the connection
            body = exactly(in, -1);
            keepAlive = false;
        }
        return new Reply(status, new String(body, StandardCharsets.UTF_8), keepAlive);
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int semicolon = size.indexOf(';');
            long n;
            try {
                n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunk size: " + Json.abbreviate(size));
            }
            if (n == 0) {
                while (!line(in).isEmpty()) { // trailers
                }
                return body.toByteArray();
            }
            if (body.size() + n > MAX_BODY) {
                throw new IOException("response body over " + MAX_BODY + " bytes");
            }
            body.writeBytes(exactly(in, n));
            if (!line(in).isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    /** {@code n} bytes, or with n < 0 everything to the end of the stream. */
    private static byte[] exactly(InputStream in, long n) throws IOException {
        if (n > MAX_BODY) {
            throw new IOException("response body over " + MAX_BODY + " bytes");
        }
        if (n < 0) {
            byte[] all = in.readNBytes(MAX_BODY + 1);
            if (all.length > MAX_BODY) {
                throw new IOException("response body over " + MAX_BODY + " bytes");
            }
            return all;
        }
        byte[] bytes = in.readNBytes((int) n);
        if (bytes.length < n) {
            throw new EOFException("connection closed after " + bytes.length + " of " + n + " body bytes");
        }
        return bytes;
    }

    /** A line without its CRLF (ISO-8859-1, as header bytes are). */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(line.isEmpty() ? "connection closed before a response"
                        : "connection closed in a header line");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_HEADER_LINE) {
                throw new IOException("header line over " + MAX_HEADER_LINE + " bytes");
            }
            line.append((char) b);
        }
    }

    private record Connection(Socket socket, InputStream in, OutputStream out) {
        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection that is being given up
            }
        }
    }
}
