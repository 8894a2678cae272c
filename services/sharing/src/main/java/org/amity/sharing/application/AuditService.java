package org.amity.sharing.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.amity.common.security.Caller;
import org.amity.sharing.domain.AuditChain;
import org.amity.sharing.domain.AuditEntry;
import org.amity.sharing.domain.SharingPorts;

import io.quarkus.scheduler.Scheduled;

/**
 * Reading and verifying the audit log: a data protection officer reads the trail of a case as far as it concerns
 * their organisation (owner, recipient or actor); anyone with the role can verify the chain. The chain head is
 * published to {@code sharing.audit.v1} at intervals, whenever it moved, so that a copy outside this database anchors
 * it (a truncated tail shows against the last published head).
 */
@ApplicationScoped
public class AuditService {

    @Inject
    SharingPorts.AuditLog log;

    @Inject
    SharingPorts.ReferralEvents events;

    @Inject
    Clock clock;

    @Transactional
    public List<AuditEntry> trail(UUID caseId, Caller caller) {
        return log.forCase(caseId, caller.organisation());
    }

    @Transactional
    public AuditChain.Verification verify() {
        return AuditChain.verify(log.all(), log.lastPublishedHead());
    }

    /** Publishes the head when it moved since the last publication; returns whether it published. */
    @Transactional
    public boolean publishHead() {
        var head = log.head();
        if (head.isEmpty()) {
            return false;
        }
        boolean moved = log.markHeadPublished(head.get(), clock.instant());
        if (moved) {
            events.auditHead(head.get(), clock.instant());
        }
        return moved;
    }

    @Scheduled(every = "${amity.sharing.audit-head-interval:1m}", delayed = "${amity.sharing.audit-head-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishOnSchedule() {
        publishHead();
    }
}
