package org.amity.casework.adapters.messaging;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.casework.domain.Case;
import org.amity.casework.domain.CaseChange;
import org.amity.casework.domain.CaseEvents;
import org.amity.casework.domain.Classification;
import org.amity.casework.domain.Consent;
import org.amity.casework.domain.Outcome;
import org.amity.casework.domain.WorkingDays;
import org.amity.common.messaging.Outbox;
import org.amity.contracts.ConsentChoice;
import org.amity.contracts.DataProtectionScope;
import org.amity.contracts.EventCodec;
import org.amity.contracts.Strand;
import org.amity.contracts.Topics;
import org.amity.contracts.casework.CaseActionRecorded;
import org.amity.contracts.casework.CaseAssigned;
import org.amity.contracts.casework.CaseClosed;
import org.amity.contracts.casework.CaseNoteAdded;
import org.amity.contracts.casework.CaseOpened;
import org.amity.contracts.casework.CaseOutcomeRecorded;
import org.amity.contracts.casework.CaseReopened;
import org.amity.contracts.casework.CaseStatisticsRecorded;
import org.amity.contracts.casework.CaseTriaged;
import org.amity.contracts.casework.ConsentRecorded;
import org.amity.contracts.casework.ConsentWithdrawn;
import org.amity.contracts.casework.ContactTargetMissed;
import org.amity.contracts.casework.LikelyDuplicateFlagged;
import org.amity.contracts.casework.RecipientOutcomeAttached;
import org.amity.contracts.casework.RepeatVictimisationLinked;
import org.amity.contracts.casework.RiskAssessed;
import org.amity.contracts.casework.VictimContacted;
import org.amity.contracts.personal.EncryptedPersonalData;

/** Translates case facts into contract events on the outbox: the case stream and the statistics stream. */
@ApplicationScoped
public class CaseEventPublisher implements CaseEvents {

    static final String SOURCE = "case";
    static final DataProtectionScope CASE_MANAGEMENT = DataProtectionScope.of("case-management", "uk-gdpr-6-1-e");

    @Inject
    Outbox outbox;

    @Override
    public void opened(Case opened, UUID correlationId) {
        CaseOpened data = new CaseOpened(opened.id(), opened.incidentId(), opened.ownerOrganisation(),
                opened.ownerOrganisationType(), opened.receivedAt(), opened.occurredFrom(), opened.occurredTo(),
                opened.district(), strands(opened.strands()), opened.incidentTypes(), opened.crimeSuspected(),
                opened.perceivedBy(), opened.anonymous(), opened.victimAgeBand(), opened.victimSubjectId(),
                opened.consents().stream().map(c -> new ConsentChoice(c.id(), c.version(), c.recipientOrganisation(),
                        c.recipientType(), c.purpose(), c.level(), c.method(), c.recordedBy(), c.givenAt())).toList(),
                opened.contactDueBy());
        List<EncryptedPersonalData> personal = opened.sealedPersonalData() == null ? List.of()
                : Arrays.asList(EventCodec.read(opened.sealedPersonalData().getBytes(StandardCharsets.UTF_8),
                        EncryptedPersonalData[].class));
        outbox.append(Topics.CASEWORK_CASE_V1, EventCodec.newEvent(CaseOpened.TYPE, CaseOpened.VERSION,
                opened.id().toString(), correlationId, SOURCE, CASE_MANAGEMENT, data, personal));
        statistics(opened, correlationId);
    }

    @Override
    public void changed(Case after, CaseChange change, UUID correlationId) {
        UUID id = after.id();
        Object data = switch (change) {
            case CaseChange.Assigned c -> new CaseAssigned(id, c.assignedTo(), c.by(), c.at());
            case CaseChange.VictimContacted c -> new VictimContacted(id, c.contactedAt(), c.method(),
                    Boolean.TRUE.equals(c.targetMet()), c.by());
            case CaseChange.Triaged c -> new CaseTriaged(id, c.classification().code(), c.previous().code(),
                    strands(c.strands()), c.reclassified(), c.reason(), c.by(), c.at());
            case CaseChange.RiskAssessed c -> new RiskAssessed(id, c.level().code(),
                    c.previous() == null ? null : c.previous().code(), c.by(), c.at());
            case CaseChange.NoteAdded c -> new CaseNoteAdded(id, c.noteId(), c.author(), c.at());
            case CaseChange.ActionRecorded c -> new CaseActionRecorded(id, c.actionId(), c.action(), c.takenAt(), c.by());
            case CaseChange.OutcomeRecorded c -> new CaseOutcomeRecorded(id, c.outcome().scheme().code(),
                    c.outcome().homeOfficeOutcome(), c.outcome().housingOutcome(), c.by(), c.at());
            case CaseChange.Closed c -> new CaseClosed(id, c.reason(), c.by(), c.at());
            case CaseChange.Reopened c -> new CaseReopened(id, c.reason(), c.by(), c.at());
            case CaseChange.ContactTargetMissed c -> new ContactTargetMissed(id, c.dueBy(), c.detectedAt());
            case CaseChange.ConsentRecorded c -> consentRecorded(id, c.consent());
            case CaseChange.ConsentWithdrawn c -> consentWithdrawn(id, c.withdrawal());
            case CaseChange.RepeatLinked c -> new RepeatVictimisationLinked(id, c.earlierCases());
            case CaseChange.DuplicateFlagged c -> new LikelyDuplicateFlagged(id, c.otherCase());
            case CaseChange.RecipientOutcomeAttached c -> new RecipientOutcomeAttached(id, c.referralId(),
                    c.recipient(), c.agreementId(), c.agreementVersion(), c.outcome().scheme().code(),
                    c.outcome().homeOfficeOutcome(), c.outcome().housingOutcome(), c.at());
        };
        String type = data.getClass().getSimpleName();
        outbox.append(Topics.CASEWORK_CASE_V1, EventCodec.newEvent(type, 1, id.toString(), correlationId, SOURCE,
                scope(change), data, List.of()));
        if (change.changesStatistics()) {
            statistics(after, correlationId);
        }
    }

    /** A consent event names the consent it is about, so that the sharing service can rely on it or stop. */
    private static DataProtectionScope scope(CaseChange change) {
        return switch (change) {
            case CaseChange.ConsentRecorded c -> new DataProtectionScope("case-management", "uk-gdpr-6-1-e", null, null,
                    List.of(c.consent().id()));
            case CaseChange.ConsentWithdrawn c -> new DataProtectionScope("case-management", "uk-gdpr-6-1-e", null,
                    null, List.of(c.withdrawal().id()));
            default -> CASE_MANAGEMENT;
        };
    }

    private static ConsentRecorded consentRecorded(UUID caseId, Consent c) {
        return new ConsentRecorded(caseId, c.id(), c.version(), c.recipientOrganisation(), c.recipientType(),
                c.purpose(), c.level(), c.givenAt());
    }

    private static ConsentWithdrawn consentWithdrawn(UUID caseId, Consent c) {
        return new ConsentWithdrawn(caseId, c.id(), c.version(), c.recipientOrganisation(), c.recipientType(),
                c.purpose(), c.withdrawnAt());
    }

    /** The case's statistics facts as they stand now, under its pseudonymous key: codes, dates and flags only. */
    private void statistics(Case c, UUID correlationId) {
        Outcome outcome = c.work().outcome();
        Classification classification = c.work().classification();
        CaseStatisticsRecorded facts = new CaseStatisticsRecorded(c.statisticsKey(),
                LocalDate.ofInstant(c.receivedAt(), WorkingDays.UK), LocalDate.ofInstant(c.occurredFrom(), WorkingDays.UK),
                c.district(), strands(c.strands()), c.incidentTypes(), c.crimeSuspected(), c.ownerOrganisationType(),
                outcome == null ? null : outcome.homeOfficeOutcome(), c.work().repeatVictim(), c.contactTargetMet(),
                classification.code(), outcome == null ? null : outcome.housingOutcome(), c.work().likelyDuplicate(),
                c.ownerOrganisation());
        outbox.append(Topics.CASEWORK_CASE_STATISTICS_V1, EventCodec.newEvent(CaseStatisticsRecorded.TYPE,
                CaseStatisticsRecorded.VERSION, c.statisticsKey().toString(), correlationId, SOURCE,
                DataProtectionScope.of("statistics", "uk-gdpr-6-1-e"), facts, List.of()));
    }

    private static List<Strand> strands(List<Case.StrandCode> strands) {
        return strands.stream().map(s -> new Strand(s.code(), s.subCategory())).toList();
    }
}
