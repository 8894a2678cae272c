package org.amity.casework.domain;

import java.util.Set;

/**
 * Keyed hashes (HMAC with the installation's secret) of the victim's normalised identifiers, for finding
 * the same victim across organisations without comparing or storing plaintext.
 */
public interface VictimMatchKeys {

    /** The hashes of the victim in the sealed personal data; empty when there is no victim or it cannot be read. */
    Set<String> of(String sealedPersonalData);
}
