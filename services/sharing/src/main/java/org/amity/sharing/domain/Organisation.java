package org.amity.sharing.domain;

/** A partner organisation of the directory: its alias (as in Keycloak) and type. */
public record Organisation(String alias, String name, String type) {
}
