package org.amity.platform;

/** A component could not be started, reached or stopped; the message names the component and, if any, its log. */
public class InfrastructureException extends RuntimeException {

    public InfrastructureException(String message) {
        super(message);
    }

    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }
}
