package org.amity.sharing;

import java.util.Map;

import org.amity.platform.Infrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the Keycloak admin client at the test Keycloak (the same one {@link SharingTestResource} starts). */
@QuarkusTestResource(value = KeycloakAdminResource.class, restrictToAnnotatedClass = false)
public class KeycloakAdminResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.keycloak.admin-client.server-url", Infrastructure.forTests().keycloakUrl());
    }

    @Override
    public void stop() {
        // shared with every test class of the JVM
    }
}
