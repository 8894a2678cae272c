package org.amity.casework;

import org.amity.platform.testing.AmityInfrastructureResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of the case service runs against the real PostgreSQL, Kafka and Keycloak. */
@QuarkusTestResource(value = AmityInfrastructureResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "casework"))
public class CaseTestResource {
}
