package org.amity.casework.domain;

import java.time.Instant;

/**
 * What a case worker searches by; null fields do not filter.
 *
 * @param contactDueBefore cases still waiting for first contact whose deadline is before this instant
 * @param overdue          true: open cases whose contact deadline has passed without contact (at {@code now})
 */
public record CaseFilter(CaseStatus status, String strand, String district, Instant contactDueBefore, Boolean overdue,
        RiskLevel risk, Boolean repeat, Instant now) {
}
