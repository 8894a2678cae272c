package org.amity.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Looks for cases whose first-contact deadline passed without contact, on a schedule, and records each
 * breach once ({@code ContactTargetMissed}): a case already marked is not picked again, and rows another
 * instance is working on are skipped.
 */
@ApplicationScoped
public class ContactDeadlineWatch {

    @Inject
    CaseService cases;

    @Scheduled(every = "${amity.case.contact-check-interval:1m}", delayed = "${amity.case.contact-check-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        int recorded = cases.recordMissedContactTargets();
        if (recorded > 0) {
            Log.infof("recorded %d missed contact target(s)", recorded);
        }
    }
}
