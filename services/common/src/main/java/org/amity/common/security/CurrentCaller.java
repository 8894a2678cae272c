package org.amity.common.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.amity.common.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The caller of the current request (a request-scoped bean: inject it anywhere, call {@link #get()}).
 * Reads the caller from the access token that Quarkus OIDC has already validated (issuer, signature,
 * expiry and audience). Keycloak puts the organisation in the {@code organization} claim, either as
 * an array of aliases or as an object keyed by alias; a caller must belong to exactly one.
 */
@RequestScoped
public class CurrentCaller {

    static final String ORGANISATION_CLAIM = "organization";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    private Caller caller;

    /** The caller; 401 when the request has no valid token, 403 when the token names no single organisation. */
    public Caller get() {
        if (caller == null) {
            caller = read();
        }
        return caller;
    }

    private Caller read() {
        if (identity.isAnonymous()) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        List<String> organisations = organisations(claim(ORGANISATION_CLAIM));
        if (organisations.size() != 1) {
            throw ProblemException.forbidden("the token must name exactly one organisation");
        }
        return new Caller(token.getSubject(), organisations.get(0), new HashSet<>(identity.getRoles()));
    }

    /**
     * A custom claim's value. Read from the parsed claims when the principal is the OIDC one:
     * {@code JsonWebToken.getClaim} first tries the name as a standard claim and pays for an exception
     * on every custom claim, on every request.
     */
    private Object claim(String name) {
        if (identity.getPrincipal() instanceof OidcJwtCallerPrincipal principal) {
            return principal.getClaims().getClaimValue(name);
        }
        return token.getClaim(name);
    }

    static List<String> organisations(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        } else if (claim instanceof JsonObject object) {
            out.addAll(object.keySet());
        } else if (claim instanceof JsonString s) {
            out.add(s.getString());
        } else if (claim instanceof String s) {
            out.add(s);
        } else if (claim instanceof Map<?, ?> map) {
            map.keySet().forEach(k -> out.add(String.valueOf(k)));
        } else if (claim instanceof Iterable<?> values) {
            values.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }
}
