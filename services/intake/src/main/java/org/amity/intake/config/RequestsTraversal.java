package org.amity.intake.config;

import java.lang.annotation.ElementType;

import jakarta.inject.Singleton;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

/**
 * Bean Validation may read and cascade into every property. What this service validates are the requests it
 * receives, plain records with nothing lazy in them. With Hibernate ORM present, the default resolver asked the
 * persistence provider, property by property, whether each was loaded: 3.2 % of intake's CPU samples under load,
 * for an answer that is always yes (docs/figures.md, intake, session 20). Hibernate ORM's own validation of entities
 * before they are written brings its own resolver and does not use this one.
 */
@Singleton
public class RequestsTraversal implements TraversableResolver {

    @Override
    public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
            ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
            ElementType elementType) {
        return true;
    }
}
