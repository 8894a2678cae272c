package org.amity.casework.adapters.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.amity.contracts.personal.VictimDetails;
import org.junit.jupiter.api.Test;

class KeyedVictimHashesTest {

    @Test
    void theSameIdentifiersWrittenDifferentlyNormaliseAlike() {
        assertThat(KeyedVictimHashes.phone("+44 7700 900123")).isEqualTo(KeyedVictimHashes.phone("07700-900123"))
                .isEqualTo(KeyedVictimHashes.phone("0044 (0)7700900123".replace("(0)", "")));
        assertThat(KeyedVictimHashes.name("  O'Brien,  Zoë ")).isEqualTo("obrien zoe");
        assertThat(KeyedVictimHashes.postcode("tn13 1aa")).isEqualTo("TN131AA");
    }

    @Test
    void aNameAloneIsNoIdentifier() {
        assertThat(KeyedVictimHashes.identifiers(new VictimDetails("Jane Smith", null, null, null))).isEmpty();
        assertThat(KeyedVictimHashes.identifiers(new VictimDetails("Jane Smith", "Jane@Example.org ", null, null,
                LocalDate.of(1990, 5, 1), new VictimDetails.Address("1 Row", null, null, "TN13 1AA"), null, null, null)))
                .containsExactly("email:jane@example.org", "name-dob:jane smith|1990-05-01",
                        "name-postcode:jane smith|TN131AA");
    }
}
