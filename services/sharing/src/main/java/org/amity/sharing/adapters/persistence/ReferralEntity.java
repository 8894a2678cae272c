package org.amity.sharing.adapters.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/** Row of {@code referral}. The victim's details only sealed, and only for identifiable referrals. */
@Entity
@Table(name = "referral")
public class ReferralEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public int version;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public String recipient;

    @Column(name = "recipient_case_reference", nullable = false)
    public String recipientCaseReference;

    @Column(nullable = false)
    public String level;

    @Column(name = "agreement_id", nullable = false)
    public UUID agreementId;

    @Column(name = "agreement_version", nullable = false)
    public int agreementVersion;

    @Column(nullable = false)
    public String clause;

    @Column(name = "consent_id")
    public UUID consentId;

    @Column(name = "lawful_basis", nullable = false)
    public String lawfulBasis;

    @Column(name = "shared_at", nullable = false)
    public Instant sharedAt;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String view;

    @Column(name = "sealed_personal", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String sealedPersonal;
}
