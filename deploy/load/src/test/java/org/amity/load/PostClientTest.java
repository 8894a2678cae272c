package org.amity.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Against the JDK's own HTTP server on loopback, and a raw socket for replies it would not send. */
class PostClientTest {

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    private String start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/echo", exchange -> answer(exchange, 201, false, false));
        server.createContext("/chunked", exchange -> answer(exchange, 200, true, false));
        server.createContext("/close", exchange -> answer(exchange, 422, false, true));
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, int status, boolean chunked, boolean close) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        clientPorts.add(exchange.getRemoteAddress().getPort());
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth="
                + exchange.getRequestHeaders().getFirst("Authorization") + " type="
                + exchange.getRequestHeaders().getFirst("Content-Type") + " length="
                + exchange.getRequestHeaders().getFirst("Content-Length") + " body="
                + new String(body, StandardCharsets.UTF_8));
        if (close) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        byte[] reply = ("{\"got\":" + body.length + ",\"text\":\"" + "é".repeat(3000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, chunked ? 0 : reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void postsTheBodyWithItsTokenAndReusesTheConnection() throws IOException {
        try (PostClient client = new PostClient(start())) {
            Api.Response first = client.post("/echo", "tok-1", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
            Api.Response second = client.post("/echo", null, "{\"b\":22}".getBytes(StandardCharsets.UTF_8));

            assertThat(first.status()).isEqualTo(201);
            assertThat(first.json().path("got").asInt()).isEqualTo(7);
            assertThat(first.json().path("text").asText()).isEqualTo("é".repeat(3000));
            assertThat(second.json().path("got").asInt()).isEqualTo(8);
            assertThat(seen).containsExactly(
                    "POST /echo auth=Bearer tok-1 type=application/json length=7 body={\"a\":1}",
                    "POST /echo auth=null type=application/json length=8 body={\"b\":22}");
            assertThat(clientPorts).as("both calls on one kept-alive connection").hasSize(1);
            assertThat(client.idleConnections()).isEqualTo(1);
        }
    }

    @Test
    void connectionsOpenedAheadAreTheOnesTheCallsUse() throws IOException {
        try (PostClient client = new PostClient(start())) {
            assertThat(client.warm(3)).isEqualTo(3);
            assertThat(client.warm(2)).as("enough wait already").isEqualTo(3);

            for (int i = 0; i < 5; i++) {
                assertThat(client.post("/echo", null, "{}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
            }

            assertThat(client.idleConnections()).isEqualTo(3);
            assertThat(clientPorts).as("one call at a time: the most recently used connection again").hasSize(1);
        }
        try (PostClient nowhere = new PostClient("http://127.0.0.1:1")) {
            assertThat(nowhere.warm(4)).as("nothing listens: no connection, no failure").isZero();
        }
    }

    @Test
    void readsAChunkedBody() throws IOException {
        try (PostClient client = new PostClient(start())) {
            Api.Response response = client.post("/chunked", "t", new byte[1000]);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("got").asInt()).isEqualTo(1000);
            assertThat(response.json().path("text").asText()).hasSize(3000);
            assertThat(client.idleConnections()).isEqualTo(1);
        }
    }

    @Test
    void doesNotReuseAConnectionTheServerCloses() throws IOException {
        try (PostClient client = new PostClient(start())) {
            assertThat(client.post("/close", "t", new byte[3]).status()).isEqualTo(422);
            assertThat(client.idleConnections()).isZero();
            assertThat(client.post("/close", "t", new byte[3]).status()).isEqualTo(422);
            assertThat(clientPorts).hasSize(2);
        }
    }

    @Test
    void aMalformedOrCutReplyFailsTheCallAndDropsTheConnection() throws IOException {
        for (String reply : List.of("SMTP ready\r\n\r\n", "HTTP/1.1 201 Created\r\nContent-Length: 50\r\n\r\n{\"short\"",
                "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n")) {
            try (ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                    PostClient client = new PostClient("http://127.0.0.1:" + listener.getLocalPort())) {
                Thread.ofVirtual().start(() -> {
                    try (Socket socket = listener.accept()) {
                        readRequest(socket.getInputStream());
                        socket.getOutputStream().write(reply.getBytes(StandardCharsets.ISO_8859_1));
                    } catch (IOException ignored) {
                        // the test's assertion is on the client's side
                    }
                });
                assertThatThrownBy(() -> client.post("/x", "t", new byte[4])).isInstanceOf(Api.CallFailed.class)
                        .hasMessageContaining("POST http://127.0.0.1:" + listener.getLocalPort() + "/x failed");
                assertThat(client.idleConnections()).isZero();
            }
        }
    }

    @Test
    void aRefusedConnectionFailsTheCall() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (PostClient client = new PostClient("http://127.0.0.1:" + port)) {
            assertThatThrownBy(() -> client.post("/x", null, new byte[0])).isInstanceOf(Api.CallFailed.class);
        }
    }

    @Test
    void parsesChunkExtensionsTrailersAndABodyToTheEndOfTheStream() throws IOException {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nX-Trailer: y\r\n\r\n";
        var reply = PostClient.read(stream(chunked));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("Wikipedia");
        assertThat(reply.keepAlive()).isTrue();

        var toEnd = PostClient.read(stream("HTTP/1.1 500 Oops\r\nContent-Type: text/plain\r\n\r\nall of it"));
        assertThat(toEnd.status()).isEqualTo(500);
        assertThat(toEnd.body()).isEqualTo("all of it");
        assertThat(toEnd.keepAlive()).isFalse();

        var http10 = PostClient.read(stream("HTTP/1.0 204 No Content\r\n\r\n"));
        assertThat(http10.body()).isEmpty();
        assertThat(http10.keepAlive()).isFalse();
    }

    @Test
    void refusesABaseUrlItCannotUse() {
        assertThatThrownBy(() -> new PostClient("ftp://localhost:21")).isInstanceOf(IllegalArgumentException.class);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Headers up to the blank line, then Content-Length bytes. */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.append((char) b);
        }
        String lower = head.toString().toLowerCase();
        int at = lower.indexOf("content-length:");
        int length = at < 0 ? 0 : Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
        in.readNBytes(length);
    }
}
