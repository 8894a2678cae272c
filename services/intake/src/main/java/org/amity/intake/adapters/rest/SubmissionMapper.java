package org.amity.intake.adapters.rest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.amity.contracts.EventCodec;
import org.amity.contracts.TimeOrderedIds;
import org.amity.intake.application.IncidentService.Submission;
import org.amity.intake.domain.Consent;
import org.amity.intake.domain.Incident;
import org.amity.intake.domain.Perceiver;
import org.amity.intake.domain.PersonalAccount;
import org.amity.intake.domain.Reporter;
import org.amity.intake.domain.StrandChoice;
import org.amity.intake.domain.Victim;
import org.amity.intake.domain.Violation;

/** Request DTO to the application's submission: the draft, its idempotency key and its fingerprint. */
final class SubmissionMapper {

    static Submission toSubmission(IncidentRequest request, String idempotencyKey, String recordedBy,
            String consentMethod) {
        Optional<Victim> victim = Optional.ofNullable(request.victim()).map(v -> new Victim(TimeOrderedIds.next(),
                v.name(), v.email(), v.phone(), v.preferredContact(), v.dateOfBirth(), v.ageBand(),
                v.address() == null ? null : new Victim.Address(v.address().line1(), v.address().line2(),
                        v.address().town(), v.address().postcode()),
                v.tenancyReference(), v.accessibility() == null ? null : v.accessibility().interpreterLanguage(),
                v.accessibility() != null && Boolean.TRUE.equals(v.accessibility().textRelay())));
        Optional<Reporter> reporter = Optional.ofNullable(request.reporter()).map(r -> new Reporter(TimeOrderedIds.next(),
                r.name(), r.email(), r.phone(), r.role()));
        PersonalAccount personal = PersonalAccount.of(victim, reporter,
                Optional.ofNullable(request.perpetrator()).map(IncidentRequest.PerpetratorRequest::description),
                Optional.ofNullable(request.narrative()), Optional.ofNullable(request.postcode()));
        List<Consent> consents = request.consents() == null ? List.of() : request.consents().stream()
                .map(c -> new Consent(TimeOrderedIds.next(), c.recipientOrganisation(), c.recipientType(), c.purpose(),
                        c.level(), consentMethod == null ? c.method() : consentMethod, recordedBy, c.givenAt()))
                .toList();
        Incident.Draft draft = new Incident.Draft(request.sourceReference(), request.occurredAt(), request.occurredTo(),
                request.reportedAt(), request.district(),
                request.strands().stream().map(s -> new StrandChoice(s.code(), s.subCategory())).toList(),
                request.incidentTypes(), request.crimeSuspected(),
                Perceiver.valueOf(request.perceivedBy().toUpperCase()), personal, consents);
        return new Submission(draft, idempotencyKey, fingerprint(request));
    }

    /** Rules on the request as a whole that bean validation cannot state, as violations under {@code prefix}. */
    static List<Violation> crossFieldViolations(IncidentRequest request, String prefix) {
        List<Violation> found = new java.util.ArrayList<>();
        if (request.consents() != null) {
            for (int i = 0; i < request.consents().size(); i++) {
                IncidentRequest.ConsentRequest c = request.consents().get(i);
                if (c != null && (c.recipientOrganisation() == null) == (c.recipientType() == null)) {
                    found.add(new Violation(prefix + ".consents[" + i + "]",
                            "names a recipientOrganisation or a recipientType, not both or neither"));
                }
            }
        }
        if (request.victim() != null && request.victim().dateOfBirth() != null && request.victim().ageBand() != null) {
            found.add(new Violation(prefix + ".victim.ageBand", "give a date of birth or an age band, not both"));
        }
        return found;
    }

    /** SHA-256 of the request as received (field order fixed by the record), hex. */
    static String fingerprint(IncidentRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(EventCodec.bytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private SubmissionMapper() {
    }
}
