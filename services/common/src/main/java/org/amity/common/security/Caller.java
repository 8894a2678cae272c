package org.amity.common.security;

import java.util.Set;

/**
 * Who is calling, as the validated access token says: their organisation (alias) and realm roles.
 * Never taken from a request body, header or parameter.
 *
 * @param subject      the token's subject (a user or a service account)
 * @param organisation the one organisation the caller acts for
 * @param roles        the caller's realm roles
 */
public record Caller(String subject, String organisation, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
