package org.amity.sharing.adapters.rest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.contracts.EventCodec;
import org.amity.contracts.personal.EncryptedPersonalData;
import org.amity.contracts.personal.PersonalDataCipher;
import org.amity.contracts.personal.VictimDetails;
import org.amity.sharing.domain.Referral;
import org.amity.sharing.domain.SharingLevel;

/** Turns a referral into what its recipient reads, opening the victim's sealed details only for identifiable ones. */
@ApplicationScoped
public class ReferralViews {

    @Inject
    PersonalDataCipher cipher;

    ReferralResponse response(Referral referral) {
        if (!referral.live() || referral.level() != SharingLevel.IDENTIFIABLE || referral.sealedPersonalData() == null) {
            return ReferralResponse.of(referral, null);
        }
        EncryptedPersonalData victimPart = Arrays.stream(EventCodec.read(
                referral.sealedPersonalData().getBytes(StandardCharsets.UTF_8), EncryptedPersonalData[].class))
                .filter(p -> VictimDetails.ROLE.equals(p.subjectRole())).findFirst().orElse(null);
        if (victimPart == null) {
            return ReferralResponse.of(referral, null);
        }
        ReferralResponse.Victim victim = cipher.open(victimPart)
                .map(bytes -> EventCodec.read(bytes, VictimDetails.class))
                .map(d -> new ReferralResponse.Victim(d.name(), d.email(), d.phone(), d.preferredContact(), null))
                .orElse(new ReferralResponse.Victim(null, null, null, null, true));
        return ReferralResponse.of(referral, victim);
    }
}
