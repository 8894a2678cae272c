package org.amity.contracts.casework;

import java.util.List;
import java.util.UUID;

/**
 * The victim of this case reported before within twelve months (matched by keyed hashes, never plaintext): the earlier cases are linked.
 * Schema: {@code schemas/casework/RepeatVictimisationLinked.v1.schema.json}.
 */
public record RepeatVictimisationLinked(
        UUID caseId,
        List<UUID> earlierCaseIds) {

    public static final String TYPE = "RepeatVictimisationLinked";
    public static final int VERSION = 1;
}
