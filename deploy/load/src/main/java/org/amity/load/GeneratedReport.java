package org.amity.load;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One generated report: the body intake receives and what the tool expects of it downstream.
 *
 * @param sequence           this run's number of the report, from 1
 * @param channel            how it is sent
 * @param sender             the organisation whose API client sends it; {@code null} for the public form
 * @param owner              the organisation that will own the case (for the public form, the one responsible for
 *                           the district: {@code kent-police} in the demo configuration)
 * @param victimName         unique in the run; {@code null} for an anonymous report
 * @param marker             written into the narrative: finds a public report (which answers no id) in intake's list
 * @param expectedRecipients organisations that must end up with exactly one live referral of it, under the seeded
 *                           demo agreements
 * @param body               the JSON body intake accepts
 */
record GeneratedReport(long sequence, Channel channel, String sender, String owner, String district,
        List<StrandMix.Strand> strands, boolean anonymous, String victimName, String marker,
        Set<String> expectedRecipients, Map<String, Object> body) {

    enum Channel {
        /** {@code POST /api/v1/incidents}: one report, answered with its id */
        SINGLE,
        /** {@code POST /api/v1/incidents/batch}: many in one call, answered with an id per item */
        BATCH,
        /** {@code POST /api/v1/public/reports}: no account, answered with a reference only */
        PUBLIC
    }

    /** Whether the county's analysts ({@code kent-community-safety}) count it: every district but Medway. */
    boolean countedByCountyAnalysts() {
        return Districts.inCounty(district);
    }

    /** The same without its body: what the ledger keeps of a sent report (a long run sends many). */
    GeneratedReport withoutBody() {
        return new GeneratedReport(sequence, channel, sender, owner, district, strands, anonymous, victimName, marker,
                expectedRecipients, Map.of());
    }

    boolean multiStrand() {
        return strands.size() > 1;
    }
}
