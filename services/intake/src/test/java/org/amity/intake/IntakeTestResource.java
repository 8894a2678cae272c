package org.amity.intake;

import org.amity.platform.testing.AmityInfrastructureResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of intake runs against the real PostgreSQL, Kafka and Keycloak. */
@QuarkusTestResource(value = AmityInfrastructureResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "intake"))
public class IntakeTestResource {
}
