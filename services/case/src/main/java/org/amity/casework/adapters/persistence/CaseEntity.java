package org.amity.casework.adapters.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/** Row of {@code case_file}. The victim's details only sealed, in {@code sealed_personal}. */
@Entity
@Table(name = "case_file")
public class CaseEntity {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false, unique = true)
    public UUID incidentId;

    @Column(name = "owner_organisation", nullable = false)
    public String ownerOrganisation;

    @Column(name = "owner_organisation_type", nullable = false)
    public String ownerOrganisationType;

    @Column(nullable = false)
    public String status;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "contact_due_by", nullable = false)
    public Instant contactDueBy;

    @Column(name = "occurred_from", nullable = false)
    public Instant occurredFrom;

    @Column(name = "occurred_to")
    public Instant occurredTo;

    @Column(nullable = false)
    public String district;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String strands;

    @Column(name = "incident_types", nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String incidentTypes;

    @Column(name = "crime_suspected", nullable = false)
    public boolean crimeSuspected;

    @Column(name = "perceived_by", nullable = false)
    public String perceivedBy;

    @Column(nullable = false)
    public boolean anonymous;

    @Column(name = "victim_age_band")
    public String victimAgeBand;

    @Column(name = "victim_subject_id")
    public UUID victimSubjectId;

    @Column(name = "sealed_personal", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String sealedPersonal;

    @Column(name = "statistics_key", nullable = false, unique = true)
    public UUID statisticsKey;

    @Column(nullable = false)
    public String classification;

    @Column(nullable = false)
    public boolean triaged;

    @Column(name = "risk_level")
    public String riskLevel;

    @Column(name = "assigned_to")
    public String assignedTo;

    @Column(name = "contacted_at")
    public Instant contactedAt;

    @Column(name = "contact_target_missed", nullable = false)
    public boolean contactTargetMissed;

    @Column(name = "outcome_scheme")
    public String outcomeScheme;

    @Column(name = "home_office_outcome")
    public Integer homeOfficeOutcome;

    @Column(name = "housing_outcome")
    public String housingOutcome;

    @Column(name = "repeat_victim", nullable = false)
    public boolean repeatVictim;

    @Column(name = "likely_duplicate", nullable = false)
    public boolean likelyDuplicate;

    @Column(name = "closed_at")
    public Instant closedAt;
}
