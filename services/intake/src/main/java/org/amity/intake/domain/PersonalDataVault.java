package org.amity.intake.domain;

/**
 * Seals a report's personal account, one part per data subject under that subject's own key, and
 * opens it again. What it returns is opaque to the domain: it is stored and published as it is.
 */
public interface PersonalDataVault {

    /** Sealed parts, ready to store and to publish. */
    record Sealed(String parts) {
        public boolean isEmpty() {
            return parts == null;
        }
    }

    Sealed seal(PersonalAccount account);

    /** Seals many accounts at once (a batch): every subject's key is made in one go. Same order as given. */
    java.util.List<Sealed> sealAll(java.util.List<PersonalAccount> accounts);

    /** The account again; parts whose subject was erased (key destroyed) open as absent. */
    PersonalAccount open(Sealed sealed);
}
