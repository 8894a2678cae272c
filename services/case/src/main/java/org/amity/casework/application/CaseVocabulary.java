package org.amity.casework.application;

import java.util.List;

import org.amity.casework.domain.CaseRuleBroken;

/**
 * The codes case workers choose from (configuration, {@code amity.case.*}): actions, and the reasons
 * for a reclassification, a closure and a reopening. Reasons are codes, not free text: they travel on
 * the case stream, which holds no personal data outside its sealed parts.
 */
public record CaseVocabulary(List<String> actions, List<String> reclassificationReasons, List<String> closingReasons,
        List<String> reopeningReasons) {

    public void requireAction(String action) {
        require("$.action", action, actions);
    }

    /** A reason is optional for a triage that confirms; when given, it must be one of the configured. */
    public void requireReclassificationReason(String reason) {
        if (reason != null) {
            require("$.reason", reason, reclassificationReasons);
        }
    }

    public void requireClosingReason(String reason) {
        require("$.reason", reason, closingReasons);
    }

    public void requireReopeningReason(String reason) {
        require("$.reason", reason, reopeningReasons);
    }

    private static void require(String field, String code, List<String> allowed) {
        if (!allowed.contains(code)) {
            throw CaseRuleBroken.value(field, "must be one of " + String.join(", ", allowed));
        }
    }
}
