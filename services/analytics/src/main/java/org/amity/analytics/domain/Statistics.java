package org.amity.analytics.domain;

import java.time.LocalDate;
import java.util.List;

/** The figures store: facts in, counts out. */
public interface Statistics {

    /** Records (or replaces) the facts of one case. */
    void record(CaseFacts facts);

    /** Incidents received in [from, to), per strand and district, optionally narrowed to one strand and/or district. */
    List<StrandCount> countByStrandAndDistrict(LocalDate from, LocalDate to, String strand, String district);
}
