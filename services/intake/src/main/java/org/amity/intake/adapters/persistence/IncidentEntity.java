package org.amity.intake.adapters.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/** Row of {@code incident}. Personal data only in {@code sealed_personal}, each part under its subject's key. */
@Entity
@Table(name = "incident")
public class IncidentEntity {

    @Id
    public UUID id;

    @Column(name = "source_organisation", nullable = false)
    public String sourceOrganisation;

    @Column(name = "source_organisation_type", nullable = false)
    public String sourceOrganisationType;

    @Column(name = "source_reference")
    public String sourceReference;

    @Column(nullable = false)
    public String channel;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

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

    @Column(name = "victim_subject_id")
    public UUID victimSubjectId;

    @Column(name = "victim_age_band")
    public String victimAgeBand;

    @Column(name = "sealed_personal", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String sealedPersonal;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    @Column(name = "reporter_role")
    public String reporterRole;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "public_reference")
    public String publicReference;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String consents;
}
