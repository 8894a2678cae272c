package org.amity.intake.domain;

/** How a report reached the platform. */
public enum Channel {
    /** An organisation's system pushed it (housing management system, reporting centre). */
    MACHINE_API,
    /** A member of the public or a third party used the online form. */
    PUBLIC_FORM,
    /** A member of staff entered it on someone's behalf. */
    STAFF_FORM
}
