package org.amity.sharing.domain;

import java.util.List;
import java.util.Set;

/**
 * A partner organisation being onboarded: its alias (the Keycloak organisation and the {@code <alias>-api} client),
 * name, type, email domain, strands of interest and contact. Its type decides the realm roles of its API client.
 */
public record Partner(String alias, String name, String type, String domain, List<String> strands, String contact) {

    /** The realm roles an organisation of this type gets; an unknown type gets none (and is refused). */
    public static Set<String> rolesFor(String type) {
        return switch (type) {
            case "police" -> Set.of("incident-reporter", "case-worker", "referral-handler");
            case "housing-provider" -> Set.of("incident-reporter", "case-worker");
            case "third-party-reporting-centre" -> Set.of("incident-reporter", "referral-handler");
            case "support-charity" -> Set.of("referral-handler");
            case "local-authority" -> Set.of("analyst");
            default -> Set.of();
        };
    }

    public String clientId() {
        return alias + "-api";
    }
}
