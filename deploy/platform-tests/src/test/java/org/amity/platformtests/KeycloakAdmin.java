package org.amity.platformtests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Just enough of Keycloak's admin and token endpoints for the token tests: probe clients made
 * for one test run, and tokens from any realm. Uses the local-dev bootstrap administrator.
 */
final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String keycloak;

    KeycloakAdmin(String keycloakUrl) {
        this.keycloak = keycloakUrl;
    }

    /** A token from the token endpoint of {@code realm}; the whole response as JSON. */
    JsonNode token(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 200);
    }

    String adminToken() {
        return token("master", Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                "password", "admin")).get("access_token").asText();
    }

    /** Creates a confidential client-credentials client in realm amity from a representation. */
    void createClient(Map<String, Object> representation) {
        try {
            send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/amity/clients"))
                    .header("Authorization", "Bearer " + adminToken())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(representation))), 201);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/amity" + path))
                .header("Authorization", "Bearer " + adminToken()).GET(), 200);
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
