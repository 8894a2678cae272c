package org.amity.common.security;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;

/**
 * The identities Quarkus OIDC made from bearer tokens it verified, kept for a short while, so that a client that
 * sends the same access token with every request (a machine client keeps its token for the token's life) does not
 * pay for the RSA signature check and the claims parsing again on each one: they cost 14 % of intake's CPU per
 * report.
 *
 * <p>What is kept: the identity made from exactly this token string, after OIDC verified its signature, issuer,
 * audience and expiry. It is used again only for the same string, never after the token's own expiry, and never
 * longer than {@code amity.security.verified-token-ttl} (60 s) after the verification, so that a signing key taken
 * out of the realm's key set stops being accepted within that time (0, the default, turns the reuse off: a service
 * opts in). Anything else (another token, an expired entry,
 * a token without an expiry) goes to OIDC as before. The organisation and roles are still read from the token's
 * claims by {@link CurrentCaller}.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** How long after its verification a token's identity may be used again; zero: never. */
    @ConfigProperty(name = "amity.security.verified-token-ttl", defaultValue = "PT0S")
    Duration ttl;

    /** At most this many tokens are remembered; when full, the table is emptied. */
    @ConfigProperty(name = "amity.security.verified-tokens", defaultValue = "10000")
    int capacity;

    private record Entry(SecurityIdentity identity, long untilMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The identity verified before for this token string, with the current request's attributes; or null. */
    SecurityIdentity find(TokenAuthenticationRequest request) {
        String token = request.getToken().getToken();
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (System.currentTimeMillis() >= entry.untilMillis()) {
            entries.remove(token, entry);
            return null;
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(entry.identity());
        Object routingContext = request.getAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE);
        if (routingContext != null) {
            identity.addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, routingContext);
        }
        return identity.build();
    }

    /** Remembers an identity OIDC made from a bearer token, without the request it came with. */
    void remember(SecurityIdentity identity) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (ttl.isZero() || identity.isAnonymous() || credential == null || credential.getToken() == null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0
                || entries.containsKey(credential.getToken())) {
            return;
        }
        long now = System.currentTimeMillis();
        long until = Math.min(jwt.getExpirationTime() * 1000, now + ttl.toMillis());
        if (until <= now) {
            return;
        }
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.remove(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE);
        SecurityIdentity kept = QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles()).addCredentials(identity.getCredentials())
                .addPermissions(identity.getPermissions()).addAttributes(attributes).build();
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(credential.getToken(), new Entry(kept, until));
    }

    /** Tried before OIDC: answers with a remembered identity, or with nothing (OIDC then verifies the token). */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<TokenAuthenticationRequest> {

        @Inject
        VerifiedTokens tokens;

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        /** Before OIDC's provider, which has the default priority. */
        @Override
        public int priority() {
            return IdentityProvider.super.priority() + 1;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
                AuthenticationRequestContext context) {
            return Uni.createFrom().item(tokens.find(request));
        }
    }

    /** Runs after every other augmentor: remembers the identity OIDC made. */
    @ApplicationScoped
    public static class Recorder implements SecurityIdentityAugmentor {

        @Inject
        VerifiedTokens tokens;

        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            tokens.remember(identity);
            return Uni.createFrom().item(identity);
        }
    }
}
