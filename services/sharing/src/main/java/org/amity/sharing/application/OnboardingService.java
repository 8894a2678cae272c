package org.amity.sharing.application;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.amity.common.problem.ProblemException;
import org.amity.common.security.Caller;
import org.amity.sharing.domain.AuditEntry;
import org.amity.sharing.domain.Partner;
import org.amity.sharing.domain.SharingPorts;

import io.quarkus.logging.Log;

/**
 * Onboarding and offboarding partners: the identity provider gets the organisation, its API client and the roles of
 * its type; the directory gets the partner (so the sharing decision considers it). Keycloak is not transactional: it
 * is called first, and a failure to record the partner afterwards disables what was created. Only the organisation
 * that onboarded a partner offboards it.
 */
@ApplicationScoped
public class OnboardingService {

    @Inject
    SharingPorts.Directory directory;

    @Inject
    SharingPorts.IdentityProvider identity;

    @Inject
    SharingPorts.AuditLog log;

    @Inject
    Clock clock;

    @Transactional
    public SharingPorts.Credentials onboard(Partner partner, Caller caller) {
        var roles = Partner.rolesFor(partner.type());
        if (roles.isEmpty()) {
            throw ProblemException.invalid("$.type", "unknown organisation type " + partner.type());
        }
        if (directory.exists(partner.alias()) || identity.exists(partner.alias())) {
            throw ProblemException.conflict("an organisation " + partner.alias() + " already exists");
        }
        SharingPorts.Credentials credentials = identity.register(partner, roles);
        try {
            directory.add(partner, caller.organisation());
            audit("ORGANISATION_ONBOARDED", caller, partner.alias(), "onboarded as " + partner.type());
        } catch (RuntimeException e) {
            Log.warnf("recording partner %s failed; disabling it in Keycloak", partner.alias());
            identity.disable(partner.alias());
            throw e;
        }
        return credentials;
    }

    @Transactional
    public void offboard(String alias, Caller caller) {
        if (!directory.disable(alias, caller.organisation())) {
            throw ProblemException.notFound("partner " + alias + " onboarded by your organisation");
        }
        identity.disable(alias);
        audit("ORGANISATION_OFFBOARDED", caller, alias, "offboarded: API client and organisation disabled");
    }

    private void audit(String action, Caller caller, String alias, String why) {
        log.append(new AuditEntry.Draft(action, caller.subject(), caller.organisation(), null, null, null, alias, why),
                clock.instant());
    }
}
