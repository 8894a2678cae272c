package org.amity.contracts.sharing;

import java.time.Instant;

/**
 * The head of the sharing service's hash-chained audit log at a moment: a copy outside the service's database that
 * a verification compares against (an edited, deleted or truncated log no longer reaches this head).
 * Schema: {@code schemas/sharing/AuditChainHeadPublished.v1.schema.json}.
 */
public record AuditChainHeadPublished(
        long sequence,
        String hash,
        Instant publishedAt) {

    public static final String TYPE = "AuditChainHeadPublished";
    public static final int VERSION = 1;
}
