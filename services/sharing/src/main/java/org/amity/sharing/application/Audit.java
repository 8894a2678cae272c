package org.amity.sharing.application;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.amity.common.security.Caller;
import org.amity.sharing.domain.AuditEntry;
import org.amity.sharing.domain.CaseFacts;
import org.amity.sharing.domain.Referral;
import org.amity.sharing.domain.SafeguardingOverride;
import org.amity.sharing.domain.SharingPorts;

/** Writes the audit log (DPA 2018 s.62) in the caller's transaction: who, when, why and to whom; never personal data. */
@ApplicationScoped
public class Audit {

    public static final String SYSTEM = "system";

    @Inject
    SharingPorts.AuditLog log;

    @Inject
    Clock clock;

    /** Runs the work and writes the entries it appends together when it returns (see {@code AuditLog.collecting}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void collecting(Runnable work) {
        log.collecting(work);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void referral(String action, Caller caller, Referral r, String why) {
        log.append(new AuditEntry.Draft(action, caller == null ? SYSTEM : caller.subject(),
                caller == null ? null : caller.organisation(), r.caseId(), r.ownerOrganisation(), r.id(), r.recipient(),
                why), clock.instant());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void caseDecision(UUID caseId, String owner, String recipient, String why) {
        log.append(new AuditEntry.Draft("DECISION", SYSTEM, null, caseId, owner, null, recipient, why), clock.instant());
    }

    /** A safeguarding override, audited as such (not consent): its justification and lawful basis are the why. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void override(CaseFacts facts, SafeguardingOverride o, Caller caller) {
        log.append(new AuditEntry.Draft("SAFEGUARDING_OVERRIDE", caller.subject(), caller.organisation(),
                facts.caseId(), facts.ownerOrganisation(), null, o.recipient(), "override " + o.id() + "; lawful basis "
                        + o.lawfulBasis() + "; justification: " + o.justification()), clock.instant());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void agreement(String action, String actor, String organisation, UUID agreementId, int version, String why) {
        log.append(new AuditEntry.Draft(action, actor, organisation, null, null, null, null,
                "agreement " + agreementId + " v" + version + ": " + why), clock.instant());
    }
}
