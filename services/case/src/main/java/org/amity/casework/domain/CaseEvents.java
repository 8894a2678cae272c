package org.amity.casework.domain;

import java.util.UUID;

/** Publishes what happened to cases; called inside the transaction that stores the change. */
public interface CaseEvents {

    /** The case was opened: the case fact (with the sealed victim) and its statistics facts. */
    void opened(Case opened, UUID correlationId);

    /** The case changed: the fact on the case stream, and the statistics facts when they change with it. */
    void changed(Case after, CaseChange change, UUID correlationId);
}
