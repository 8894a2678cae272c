package org.amity.casework.adapters.personal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.amity.casework.domain.Case;
import org.amity.casework.domain.CaseNotes;
import org.amity.contracts.EventCodec;
import org.amity.contracts.personal.EncryptedPersonalData;
import org.amity.contracts.personal.PersonalDataCipher;

/**
 * Notes sealed (AES-256-GCM) under the victim's key, or under a key of the case's own when the report is
 * anonymous, in {@code case_note}. Destroying the victim's key erases their notes with the rest.
 */
@ApplicationScoped
public class SealedCaseNotes implements CaseNotes {

    static final String ROLE = "note";

    @Inject
    EntityManager entityManager;

    @Inject
    PersonalDataCipher cipher;

    @Override
    public void add(Case owner, UUID noteId, String author, Instant addedAt, String text) {
        UUID subject = owner.victimSubjectId() != null ? owner.victimSubjectId() : owner.id();
        EncryptedPersonalData sealed = cipher.seal(subject, ROLE, text.getBytes(StandardCharsets.UTF_8));
        entityManager.createNativeQuery("insert into case_note (id, case_id, author, added_at, sealed) "
                + "values (:id, :caseId, :author, :addedAt, cast(:sealed as jsonb))")
                .setParameter("id", noteId).setParameter("caseId", owner.id()).setParameter("author", author)
                .setParameter("addedAt", Timestamp.from(addedAt))
                .setParameter("sealed", new String(EventCodec.bytes(sealed), StandardCharsets.UTF_8))
                .executeUpdate();
    }

    @Override
    public List<Note> of(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select id, author, added_at, sealed::text from case_note "
                + "where case_id = :caseId order by added_at, id").setParameter("caseId", caseId).getResultList();
        return rows.stream().map(r -> new Note((UUID) r[0], (String) r[1], instant(r[2]), open((String) r[3]))).toList();
    }

    private String open(String sealed) {
        EncryptedPersonalData part = EventCodec.read(sealed.getBytes(StandardCharsets.UTF_8), EncryptedPersonalData.class);
        return cipher.open(part).map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null);
    }

    static Instant instant(Object column) {
        return column instanceof Timestamp t ? t.toInstant() : column instanceof Instant i ? i
                : ((java.time.OffsetDateTime) column).toInstant();
    }
}
