package org.amity.casework.adapters.messaging;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.casework.domain.Case;
import org.amity.casework.domain.CaseEvents;
import org.amity.casework.domain.WorkingDays;
import org.amity.common.messaging.Outbox;
import org.amity.contracts.ConsentChoice;
import org.amity.contracts.DataProtectionScope;
import org.amity.contracts.EventCodec;
import org.amity.contracts.Strand;
import org.amity.contracts.Topics;
import org.amity.contracts.casework.CaseOpened;
import org.amity.contracts.casework.CaseStatisticsRecorded;
import org.amity.contracts.personal.EncryptedPersonalData;

/** Translates case facts into contract events on the outbox: the case stream and the statistics stream. */
@ApplicationScoped
public class CaseEventPublisher implements CaseEvents {

    static final String SOURCE = "case";

    @Inject
    Outbox outbox;

    @Override
    public void opened(Case opened, UUID correlationId) {
        List<Strand> strands = opened.strands().stream().map(s -> new Strand(s.code(), s.subCategory())).toList();
        CaseOpened data = new CaseOpened(opened.id(), opened.incidentId(), opened.ownerOrganisation(),
                opened.ownerOrganisationType(), opened.receivedAt(), opened.occurredFrom(), opened.occurredTo(),
                opened.district(), strands, opened.incidentTypes(), opened.crimeSuspected(), opened.perceivedBy(),
                opened.anonymous(), opened.victimAgeBand(), opened.victimSubjectId(),
                opened.consents().stream().map(c -> new ConsentChoice(c.id(), c.version(), c.recipientOrganisation(),
                        c.recipientType(), c.purpose(), c.level(), c.method(), c.recordedBy(), c.givenAt())).toList(),
                opened.contactDueBy());
        List<EncryptedPersonalData> personal = opened.sealedPersonalData() == null ? List.of()
                : Arrays.asList(EventCodec.read(opened.sealedPersonalData().getBytes(StandardCharsets.UTF_8),
                        EncryptedPersonalData[].class));
        outbox.append(Topics.CASEWORK_CASE_V1, EventCodec.newEvent(CaseOpened.TYPE, CaseOpened.VERSION,
                opened.id().toString(), correlationId, SOURCE,
                DataProtectionScope.of("case-management", "uk-gdpr-6-1-e"), data, personal));

        CaseStatisticsRecorded facts = new CaseStatisticsRecorded(opened.statisticsKey(),
                LocalDate.ofInstant(opened.receivedAt(), WorkingDays.UK),
                LocalDate.ofInstant(opened.occurredFrom(), WorkingDays.UK), opened.district(), strands,
                opened.incidentTypes(), opened.crimeSuspected(), opened.ownerOrganisationType(), null, false, null);
        outbox.append(Topics.CASEWORK_CASE_STATISTICS_V1, EventCodec.newEvent(CaseStatisticsRecorded.TYPE,
                CaseStatisticsRecorded.VERSION, opened.statisticsKey().toString(), correlationId, SOURCE,
                DataProtectionScope.of("statistics", "uk-gdpr-6-1-e"), facts, List.of()));
    }
}
