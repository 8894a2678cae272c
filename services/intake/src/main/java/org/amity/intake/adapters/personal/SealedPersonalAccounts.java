package org.amity.intake.adapters.personal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.contracts.EventCodec;
import org.amity.contracts.personal.EncryptedPersonalData;
import org.amity.contracts.personal.NarrativeDetails;
import org.amity.contracts.personal.PerpetratorDetails;
import org.amity.contracts.personal.PersonalDataCipher;
import org.amity.contracts.personal.ReporterDetails;
import org.amity.contracts.personal.VictimDetails;
import org.amity.intake.domain.PersonalAccount;
import org.amity.intake.domain.PersonalDataVault;
import org.amity.intake.domain.Reporter;
import org.amity.intake.domain.Victim;

/** Seals a personal account into the contract's parts (victim, reporter, perpetrator, narrative) and back. */
@ApplicationScoped
public class SealedPersonalAccounts implements PersonalDataVault {

    @Inject
    PersonalDataCipher cipher;

    @Override
    public Sealed seal(PersonalAccount account) {
        return sealAll(List.of(account)).get(0);
    }

    @Override
    public List<Sealed> sealAll(List<PersonalAccount> accounts) {
        List<List<PersonalDataCipher.Plain>> plains = accounts.stream().map(SealedPersonalAccounts::plain).toList();
        List<EncryptedPersonalData> sealed = cipher.sealAll(plains.stream().flatMap(List::stream).toList());
        List<Sealed> out = new ArrayList<>(accounts.size());
        int next = 0;
        for (List<PersonalDataCipher.Plain> parts : plains) {
            List<EncryptedPersonalData> mine = sealed.subList(next, next + parts.size());
            next += parts.size();
            out.add(new Sealed(mine.isEmpty() ? null : new String(EventCodec.bytes(mine), StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static List<PersonalDataCipher.Plain> plain(PersonalAccount account) {
        List<PersonalDataCipher.Plain> parts = new ArrayList<>(4);
        account.victim().ifPresent(v -> parts.add(new PersonalDataCipher.Plain(v.subjectId(), VictimDetails.ROLE,
                EventCodec.bytes(new VictimDetails(v.name(), v.email(), v.phone(), v.preferredContact(),
                        v.dateOfBirth(), v.address() == null ? null : new VictimDetails.Address(v.address().line1(),
                                v.address().line2(), v.address().town(), v.address().postcode()),
                        v.tenancyReference(), v.interpreterLanguage(), v.textRelay())))));
        account.reporter().ifPresent(r -> parts.add(new PersonalDataCipher.Plain(r.subjectId(), ReporterDetails.ROLE,
                EventCodec.bytes(new ReporterDetails(r.name(), r.email(), r.phone(), r.role())))));
        account.perpetratorDescription().ifPresent(d -> parts.add(new PersonalDataCipher.Plain(
                account.perpetratorSubjectId(), PerpetratorDetails.ROLE, EventCodec.bytes(new PerpetratorDetails(d)))));
        if (account.narrativeSubjectId() != null) {
            parts.add(new PersonalDataCipher.Plain(account.narrativeSubjectId(), NarrativeDetails.ROLE, EventCodec.bytes(
                    new NarrativeDetails(account.narrative().orElse(null), account.postcode().orElse(null)))));
        }
        return parts;
    }

    @Override
    public PersonalAccount open(Sealed sealed) {
        if (sealed.isEmpty()) {
            return PersonalAccount.of(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        Optional<Victim> victim = Optional.empty();
        Optional<Reporter> reporter = Optional.empty();
        Optional<String> perpetrator = Optional.empty();
        UUID perpetratorSubject = null;
        Optional<String> narrative = Optional.empty();
        Optional<String> postcode = Optional.empty();
        UUID narrativeSubject = null;
        for (EncryptedPersonalData part : parts(sealed)) {
            Optional<byte[]> plain = cipher.open(part);
            switch (part.subjectRole()) {
                case VictimDetails.ROLE -> {
                    VictimDetails d = plain.map(b -> EventCodec.read(b, VictimDetails.class))
                            .orElse(new VictimDetails(null, null, null, null));
                    victim = Optional.of(new Victim(part.subjectId(), d.name(), d.email(), d.phone(),
                            d.preferredContact(), d.dateOfBirth(), null,
                            d.address() == null ? null : new Victim.Address(d.address().line1(), d.address().line2(),
                                    d.address().town(), d.address().postcode()),
                            d.tenancyReference(), d.interpreterLanguage(), Boolean.TRUE.equals(d.textRelay())));
                }
                case ReporterDetails.ROLE -> reporter = plain.map(b -> EventCodec.read(b, ReporterDetails.class))
                        .map(d -> new Reporter(part.subjectId(), d.name(), d.email(), d.phone(), d.role()));
                case PerpetratorDetails.ROLE -> {
                    perpetratorSubject = part.subjectId();
                    perpetrator = plain.map(b -> EventCodec.read(b, PerpetratorDetails.class).description());
                }
                case NarrativeDetails.ROLE -> {
                    narrativeSubject = part.subjectId();
                    Optional<NarrativeDetails> d = plain.map(b -> EventCodec.read(b, NarrativeDetails.class));
                    narrative = d.map(NarrativeDetails::narrative);
                    postcode = d.map(NarrativeDetails::postcode);
                }
                default -> throw new IllegalStateException("unknown personal part " + part.subjectRole());
            }
        }
        return new PersonalAccount(victim, reporter, perpetrator, perpetratorSubject, narrative, postcode,
                narrativeSubject);
    }

    /** The sealed parts as the contract's type, for the event. */
    public static List<EncryptedPersonalData> parts(Sealed sealed) {
        return sealed.isEmpty() ? List.of()
                : Arrays.asList(EventCodec.read(sealed.parts().getBytes(StandardCharsets.UTF_8),
                        EncryptedPersonalData[].class));
    }
}
