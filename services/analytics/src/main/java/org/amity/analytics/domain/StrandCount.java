package org.amity.analytics.domain;

/** Incidents counted for one strand and district; a multi-strand incident counts once in each of its strands. */
public record StrandCount(String strand, String district, long incidents) {
}
