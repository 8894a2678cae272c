package org.amity.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * HTTP to the platform's reading side (feeds, lists, figures, readiness; the load's POSTs go through
 * {@link PostClient}): one client on virtual threads, and client-credentials tokens per organisation
 * ({@code <org>-api} / {@code <org>-api-secret}, the local-development secrets of the realm), renewed when 60 % of
 * their lifetime (five minutes) has passed, so that no request goes out with a token about to expire.
 */
final class Api {

    record Response(int status, String body) {
        JsonNode json() {
            return Json.read(body);
        }
    }

    static final class CallFailed extends RuntimeException {
        CallFailed(String message) {
            super(message);
        }
    }

    private record Token(String value, long renewAtNanos) {
    }

    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String tokenUrl;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    Api(String keycloakUrl) {
        this.tokenUrl = keycloakUrl + "/realms/amity/protocol/openid-connect/token";
    }

    String token(String organisation) {
        Token token = tokens.get(organisation);
        if (token != null && System.nanoTime() < token.renewAtNanos()) {
            return token.value();
        }
        synchronized (this) {
            token = tokens.get(organisation);
            if (token == null || System.nanoTime() >= token.renewAtNanos()) {
                token = fetchToken(organisation);
                tokens.put(organisation, token);
            }
            return token.value();
        }
    }

    private Token fetchToken(String organisation) {
        String client = organisation + "-api";
        String form = Map.of("grant_type", "client_credentials", "client_id", client,
                        "client_secret", client + "-secret").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Response response = send(HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.status() != 200) {
            throw new CallFailed("no token for " + client + " from " + tokenUrl + ": HTTP " + response.status() + " "
                    + Json.abbreviate(response.body()));
        }
        JsonNode json = response.json();
        long lifetime = json.path("expires_in").asLong(60);
        return new Token(json.path("access_token").asText(),
                System.nanoTime() + Duration.ofSeconds(lifetime).toNanos() * 6 / 10);
    }

    Response get(String url, String organisation) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(organisation)).GET().build());
    }

    /** 200 from a GET without a token ({@code /q/health/ready}). */
    boolean ready(String url) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build())
                    .status() == 200;
        } catch (CallFailed e) {
            return false;
        }
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new CallFailed(request.method() + " " + request.uri() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed(request.method() + " " + request.uri() + " interrupted");
        }
    }
}
