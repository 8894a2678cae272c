package org.amity.common.messaging;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.JDBCConnectionException;

/** Tells a failure of the infrastructure (try again later) from a failure of the event (dead-letter it). */
final class Failures {

    private Failures() {
    }

    /**
     * True when the database could not be reached (connection refused or lost, server shutting down or
     * starting): retrying the same work later can succeed, so the event is not at fault.
     */
    static boolean isDatabaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** The chain of exception types, never their messages (a message may quote personal data). */
    static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null && out.length() < 500; t = t.getCause() == t ? null : t.getCause()) {
            out.append(out.isEmpty() ? "" : " < ").append(t.getClass().getName());
        }
        return out.toString();
    }
}
