package org.amity.sharing.adapters.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.amity.common.problem.ProblemException;
import org.amity.sharing.domain.Partner;
import org.amity.sharing.domain.SharingPorts;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * Keycloak through its admin client: a partner becomes an organisation of the realm with an {@code <alias>-api}
 * confidential client whose service account is a member of the organisation (so its tokens name it) and holds the
 * realm roles of the partner's type; its tokens carry the platform's audiences, like the realm's own clients.
 */
@ApplicationScoped
public class KeycloakPartners implements SharingPorts.IdentityProvider {

    static final List<String> AUDIENCES = List.of("amity-intake", "amity-case", "amity-sharing", "amity-analytics");

    @Inject
    Keycloak keycloak;

    @ConfigProperty(name = "amity.sharing.keycloak-realm", defaultValue = "amity")
    String realmName;

    RealmResource realm() {
        return keycloak.realm(realmName);
    }

    @Override
    public boolean exists(String alias) {
        return !realm().clients().findByClientId(alias + "-api").isEmpty()
                || realm().organizations().getAll().stream().anyMatch(o -> alias.equals(o.getAlias()));
    }

    @Override
    public SharingPorts.Credentials register(Partner partner, Set<String> roles) {
        OrganizationRepresentation organisation = new OrganizationRepresentation();
        organisation.setName(partner.name());
        organisation.setAlias(partner.alias());
        organisation.setEnabled(true);
        organisation.setDescription(partner.name() + " (" + partner.type() + ")");
        organisation.setAttributes(Map.of("type", List.of(partner.type())));
        OrganizationDomainRepresentation domain = new OrganizationDomainRepresentation();
        domain.setName(partner.domain());
        organisation.addDomain(domain);
        String organisationId = createdId("organisation " + partner.alias(),
                () -> realm().organizations().create(organisation));

        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(partner.clientId());
        client.setName(partner.name() + " (machine API)");
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setFullScopeAllowed(true);
        client.setDefaultClientScopes(List.of("basic", "roles", "profile", "email", "web-origins", "acr", "organization"));
        client.setProtocolMappers(AUDIENCES.stream().map(KeycloakPartners::audience).toList());
        String clientUuid = createdId("client " + partner.clientId(), () -> realm().clients().create(client));
        String serviceAccount = realm().clients().get(clientUuid).getServiceAccountUser().getId();
        List<RoleRepresentation> realmRoles = roles.stream().sorted()
                .map(r -> realm().roles().get(r).toRepresentation()).toList();
        realm().users().get(serviceAccount).roles().realmLevel().add(realmRoles);
        try (Response added = realm().organizations().get(organisationId).members().addMember(serviceAccount)) {
            if (added.getStatus() >= 300) {
                throw new IllegalStateException("Keycloak refused the membership: HTTP " + added.getStatus());
            }
        }
        String secret = realm().clients().get(clientUuid).generateNewSecret().getValue();
        return new SharingPorts.Credentials(partner.clientId(), secret);
    }

    /**
     * The id of what a create call made. Keycloak's refusal becomes a problem the caller can act on (409 when the
     * name or alias is taken there already) rather than an exception carrying a response that is closed by then.
     */
    private static String createdId(String what, Supplier<Response> create) {
        try (Response created = create.get()) {
            if (created.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                throw ProblemException.conflict(what + " exists in the identity provider already");
            }
            if (created.getStatus() != Response.Status.CREATED.getStatusCode()) {
                throw new IllegalStateException("the identity provider refused to create " + what + ": HTTP "
                        + created.getStatus());
            }
            return CreatedResponseUtil.getCreatedId(created);
        }
    }

    @Override
    public void disable(String alias) {
        realm().clients().findByClientId(alias + "-api").forEach(c -> {
            c.setEnabled(false);
            realm().clients().get(c.getId()).update(c);
        });
        realm().organizations().getAll().stream().filter(o -> alias.equals(o.getAlias())).forEach(o -> {
            o.setEnabled(false);
            try (Response updated = realm().organizations().get(o.getId()).update(o)) {
                if (updated.getStatus() >= 300) {
                    throw new IllegalStateException("Keycloak refused to disable the organisation: HTTP "
                            + updated.getStatus());
                }
            }
        });
    }

    static ProtocolMapperRepresentation audience(String audience) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("audience " + audience);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-audience-mapper");
        mapper.setConfig(Map.of("included.custom.audience", audience, "access.token.claim", "true",
                "id.token.claim", "false", "introspection.token.claim", "true", "lightweight.claim", "false"));
        return mapper;
    }
}
