package org.amity.platform.testing;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.amity.platform.Infrastructure;
import org.amity.platform.InfrastructureException;

/**
 * Access tokens from the test Keycloak ({@link Infrastructure#forTests()}), cached until shortly before they expire.
 *
 * <pre>{@code
 * given().auth().oauth2(Tokens.clientToken("west-kent-housing")) ...   // client credentials of west-kent-housing-api
 * given().auth().oauth2(Tokens.userToken("officer@kent-police")) ...   // password grant through amity-cli
 * }</pre>
 */
public final class Tokens {

    /** Password of every demo user in deploy/keycloak/amity-realm.json (development only). */
    public static final String DEMO_PASSWORD = "amity-demo";
    public static final String CLI_CLIENT = "amity-cli";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, long expiresAtMillis) {
    }

    private Tokens() {
    }

    /** Client-credentials token of {@code <organisationAlias>-api} (secret {@code <alias>-api-secret}). */
    public static String clientToken(String organisationAlias) {
        String clientId = organisationAlias + "-api";
        return cached("client:" + clientId, () -> Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", clientId + "-secret"));
    }

    /** Password-grant token of a demo user (password {@value #DEMO_PASSWORD}), e.g. {@code officer@kent-police}. */
    public static String userToken(String username) {
        return userToken(username, DEMO_PASSWORD);
    }

    public static String userToken(String username, String password) {
        return cached("user:" + username, () -> Map.of(
                "grant_type", "password",
                "client_id", CLI_CLIENT,
                "username", username,
                "password", password,
                "scope", "openid"));
    }

    /** Forgets cached tokens (e.g. after changing a user in Keycloak). */
    public static void clear() {
        CACHE.clear();
    }

    private interface Form {
        Map<String, String> fields();
    }

    private static String cached(String key, Form form) {
        Cached c = CACHE.get(key);
        if (c != null && System.currentTimeMillis() < c.expiresAtMillis()) {
            return c.token();
        }
        Cached fresh = fetch(form.fields());
        CACHE.put(key, fresh);
        return fresh.token();
    }

    private static Cached fetch(Map<String, String> fields) {
        String tokenUrl = Infrastructure.forTests().realmUrl() + "/protocol/openid-connect/token";
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest req = HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(resp.body());
            if (resp.statusCode() != 200 || !token.find()) {
                throw new InfrastructureException("token request for " + fields.get("client_id")
                        + (fields.containsKey("username") ? " / " + fields.get("username") : "")
                        + " failed: HTTP " + resp.statusCode() + " " + resp.body());
            }
            Matcher expires = EXPIRES_IN.matcher(resp.body());
            long lifetime = expires.find() ? Long.parseLong(expires.group(1)) : 60;
            // renew 30 s before expiry (at least half way through very short lifetimes)
            long margin = Math.min(30, lifetime / 2);
            return new Cached(token.group(1), System.currentTimeMillis() + (lifetime - margin) * 1000);
        } catch (IOException e) {
            throw new InfrastructureException("token request to " + tokenUrl + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while fetching a token");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
