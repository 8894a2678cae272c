package org.amity.sharing.domain;

/** How much of a case a recipient may see. */
public enum SharingLevel {
    /** Victim details included, with consent (or a permitted, justified safeguarding override). */
    IDENTIFIABLE,
    /** No direct identifiers: district, age band, dates to the day. */
    ANONYMISED,
    /** Nothing is shared. */
    NONE
}
