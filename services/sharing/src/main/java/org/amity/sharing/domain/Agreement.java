package org.amity.sharing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A data-sharing agreement with every field the ICO data sharing code asks for: parties and their controller roles
 * and lawful bases, direction of flow, purposes, why sharing is necessary, strands in scope, the data items allowed
 * at each level, the consent and safeguarding-override rules, retention, security, DPIA, review date, dates in
 * force, signatories and status. Immutable: every change is a new version (a referral names the version it was
 * shared under). It shares nothing until every party has signed and it is in force; nothing once it is suspended,
 * terminated or expired.
 */
public record Agreement(
        UUID id,
        int version,
        String title,
        Status status,
        List<Party> parties,
        List<Flow> flows,
        Set<String> purposes,
        String necessity,
        List<StrandScope> strands,
        Set<String> anonymisedItems,
        Set<String> identifiableItems,
        boolean identifiableRequiresConsent,
        boolean safeguardingOverridePermitted,
        boolean outcomesMayFlowBack,
        int retentionDays,
        String securityRequirements,
        String dpiaReference,
        LocalDate reviewDate,
        Instant effectiveFrom,
        Instant effectiveTo,
        Clauses clauses,
        Change lastChange) {

    public enum Status {
        DRAFT, ACTIVE, SUSPENDED, EXPIRED, TERMINATED
    }

    /**
     * A party: its organisation alias, its role ({@code joint-controller} or {@code separate-controller}), its lawful
     * basis (UK GDPR Art 6, Art 9 + DPA 2018 Sch 1, or DPA 2018 Part 3) and, once signed, its signature.
     */
    public record Party(String organisation, String controllerRole, String lawfulBasis, Signature signature) {
        Party signed(Signature by) {
            return new Party(organisation, controllerRole, lawfulBasis, by);
        }
    }

    /** Who signed for a party (the token subject of a signatory of that party's own organisation), and when. */
    public record Signature(String signatory, Instant signedAt) {
    }

    /** Data may flow from one party to another. */
    public record Flow(String from, String to) {
    }

    /** A strand in scope, optionally narrowed to one sub-category. */
    public record StrandScope(String code, String subCategory) {
    }

    /** The clauses the decision cites for each way of sharing. */
    public record Clauses(String anonymised, String identifiable, String safeguardingOverride) {
    }

    /** Who made this version, when and why. */
    public record Change(String by, String organisation, Instant at, String what) {
    }

    /** The terms an administrator drafts or edits; status, version and signatures are the lifecycle's business. */
    public record Terms(String title, List<Party> parties, List<Flow> flows, Set<String> purposes, String necessity,
            List<StrandScope> strands, Set<String> anonymisedItems, Set<String> identifiableItems,
            boolean identifiableRequiresConsent, boolean safeguardingOverridePermitted, boolean outcomesMayFlowBack,
            int retentionDays, String securityRequirements, String dpiaReference, LocalDate reviewDate,
            Instant effectiveFrom, Instant effectiveTo, Clauses clauses) {
    }

    /** A new draft, version 1; rejected with every problem when the terms are invalid. */
    public static Agreement draft(UUID id, Terms terms, Change change) {
        Agreement draft = fromTerms(id, 1, Status.DRAFT, terms, change);
        draft.requireValid();
        return draft;
    }

    /** A new version with edited terms; only a draft can be edited (signatures are cleared). */
    public Agreement edit(Terms terms, Change change) {
        requireStatus(Status.DRAFT, "only a draft can be edited; suspend or terminate it and draft a new agreement");
        Agreement edited = fromTerms(id, version + 1, Status.DRAFT, terms, change);
        edited.requireValid();
        return edited;
    }

    /** The party of the signatory's own organisation signs; the agreement becomes active when every party has. */
    public Agreement sign(String organisation, String signatory, Instant at) {
        requireStatus(Status.DRAFT, "only a draft is signed");
        Party party = party(organisation).orElseThrow(() -> AgreementRejected.conflict(
                "the organisation " + organisation + " is not a party to this agreement"));
        if (party.signature() != null) {
            throw AgreementRejected.conflict("the organisation " + organisation + " has already signed");
        }
        requireValid();
        List<Party> signed = parties.stream()
                .map(p -> p.organisation().equals(organisation) ? p.signed(new Signature(signatory, at)) : p).toList();
        boolean all = signed.stream().allMatch(p -> p.signature() != null);
        return with(all ? Status.ACTIVE : Status.DRAFT, signed,
                new Change(signatory, organisation, at, all ? "signed by every party: active" : "signed"));
    }

    public Agreement suspend(Change change) {
        requireStatus(Status.ACTIVE, "only an active agreement can be suspended");
        return with(Status.SUSPENDED, parties, change);
    }

    public Agreement resume(Change change) {
        requireStatus(Status.SUSPENDED, "only a suspended agreement can be resumed");
        return with(Status.ACTIVE, parties, change);
    }

    public Agreement terminate(Change change) {
        if (status == Status.TERMINATED || status == Status.EXPIRED) {
            throw AgreementRejected.conflict("the agreement is already " + status.name().toLowerCase());
        }
        return with(Status.TERMINATED, parties, change);
    }

    /** The expired version when the end date has passed and the agreement is not yet ended; empty otherwise (idempotent). */
    public Optional<Agreement> expireIfDue(Instant now) {
        boolean due = effectiveTo != null && !now.isBefore(effectiveTo);
        if (!due || status == Status.EXPIRED || status == Status.TERMINATED) {
            return Optional.empty();
        }
        return Optional.of(with(Status.EXPIRED, parties, new Change("system", null, now, "expired at its end date")));
    }

    /** True when it may share now: active (every party signed) and within its dates. */
    public boolean inForce(Instant now) {
        return status == Status.ACTIVE && !now.isBefore(effectiveFrom) && (effectiveTo == null || now.isBefore(effectiveTo));
    }

    public boolean allowsFlow(String from, String to) {
        return flows.contains(new Flow(from, to));
    }

    public boolean anonymisedAllowed() {
        return !anonymisedItems.isEmpty();
    }

    public boolean identifiableAllowed() {
        return !identifiableItems.isEmpty();
    }

    public boolean hasParty(String organisation) {
        return party(organisation).isPresent();
    }

    public Optional<Party> party(String organisation) {
        return parties.stream().filter(p -> p.organisation().equals(organisation)).findFirst();
    }

    /** The lawful basis the sending party relies on for a flow. */
    public String lawfulBasisOf(String organisation) {
        return party(organisation).map(Party::lawfulBasis).orElse(null);
    }

    /** True when one of the case's strands is in scope. */
    public boolean covers(List<CaseFacts.StrandCode> caseStrands) {
        return caseStrands.stream().anyMatch(s -> strands.stream().anyMatch(scope -> scope.code().equals(s.code())
                && (scope.subCategory() == null || scope.subCategory().equals(s.subCategory()))));
    }

    public Terms terms() {
        return new Terms(title, parties, flows, purposes, necessity, strands, anonymisedItems, identifiableItems,
                identifiableRequiresConsent, safeguardingOverridePermitted, outcomesMayFlowBack, retentionDays,
                securityRequirements, dpiaReference, reviewDate, effectiveFrom, effectiveTo, clauses);
    }

    /** Every problem with the terms, by JSON path; empty when valid. */
    public static List<Violation> problems(Terms t) {
        List<Violation> out = new ArrayList<>();
        if (blank(t.title())) {
            out.add(new Violation("$.title", "a title is required"));
        }
        List<Party> parties = t.parties() == null ? List.of() : t.parties();
        if (parties.size() < 2) {
            out.add(new Violation("$.parties", "an agreement needs at least two parties"));
        }
        if (parties.stream().map(Party::organisation).distinct().count() != parties.size()) {
            out.add(new Violation("$.parties", "each organisation is a party once"));
        }
        for (int i = 0; i < parties.size(); i++) {
            Party p = parties.get(i);
            if (blank(p.organisation())) {
                out.add(new Violation("$.parties[" + i + "].organisation", "the party's organisation is required"));
            }
            if (blank(p.lawfulBasis())) {
                out.add(new Violation("$.parties[" + i + "].lawfulBasis", "every party needs a lawful basis"));
            }
            if (!"joint-controller".equals(p.controllerRole()) && !"separate-controller".equals(p.controllerRole())) {
                out.add(new Violation("$.parties[" + i + "].controllerRole",
                        "must be joint-controller or separate-controller"));
            }
        }
        List<Flow> flows = t.flows() == null ? List.of() : t.flows();
        if (flows.isEmpty()) {
            out.add(new Violation("$.flows", "at least one direction of flow is required"));
        }
        for (int i = 0; i < flows.size(); i++) {
            Flow f = flows.get(i);
            if (parties.stream().noneMatch(p -> p.organisation() != null && p.organisation().equals(f.from()))
                    || parties.stream().noneMatch(p -> p.organisation() != null && p.organisation().equals(f.to()))) {
                out.add(new Violation("$.flows[" + i + "]", "both ends of a flow must be parties (a party is missing)"));
            } else if (f.from().equals(f.to())) {
                out.add(new Violation("$.flows[" + i + "]", "a flow goes from one party to another"));
            }
        }
        if (t.purposes() == null || t.purposes().isEmpty()) {
            out.add(new Violation("$.purposes", "at least one purpose is required"));
        }
        if (blank(t.necessity())) {
            out.add(new Violation("$.necessity", "say why sharing is necessary"));
        }
        if (t.strands() == null || t.strands().isEmpty()) {
            out.add(new Violation("$.strands", "at least one strand is in scope"));
        }
        Set<String> anonymised = t.anonymisedItems() == null ? Set.of() : t.anonymisedItems();
        Set<String> identifiable = t.identifiableItems() == null ? Set.of() : t.identifiableItems();
        if (anonymised.isEmpty() && identifiable.isEmpty()) {
            out.add(new Violation("$.anonymisedItems", "the agreement allows no data item at any level"));
        }
        anonymised.stream().filter(i -> !DataItems.known(i)).sorted()
                .forEach(i -> out.add(new Violation("$.anonymisedItems", "unknown data item " + i)));
        identifiable.stream().filter(i -> !DataItems.known(i)).sorted()
                .forEach(i -> out.add(new Violation("$.identifiableItems", "unknown data item " + i)));
        anonymised.stream().filter(DataItems.DIRECT_IDENTIFIERS::contains).sorted()
                .forEach(i -> out.add(new Violation("$.anonymisedItems", i + " is a direct identifier")));
        if (!identifiable.isEmpty() && !t.identifiableRequiresConsent() && !t.safeguardingOverridePermitted()) {
            out.add(new Violation("$.identifiableRequiresConsent",
                    "identifiable items need a consent rule or a safeguarding override rule"));
        }
        if (t.retentionDays() < 1) {
            out.add(new Violation("$.retentionDays", "the retention period at the recipient is required"));
        }
        if (blank(t.securityRequirements())) {
            out.add(new Violation("$.securityRequirements", "security requirements are required"));
        }
        if (blank(t.dpiaReference())) {
            out.add(new Violation("$.dpiaReference", "the DPIA reference is required"));
        }
        if (t.reviewDate() == null) {
            out.add(new Violation("$.reviewDate", "a review date is required"));
        }
        if (t.effectiveFrom() == null) {
            out.add(new Violation("$.effectiveFrom", "the date it takes effect is required"));
        } else if (t.effectiveTo() != null && !t.effectiveTo().isAfter(t.effectiveFrom())) {
            out.add(new Violation("$.effectiveTo", "the end must be after the start"));
        }
        Clauses c = t.clauses();
        if (c == null || (!anonymised.isEmpty() && blank(c.anonymised()))
                || (!identifiable.isEmpty() && blank(c.identifiable()))
                || (t.safeguardingOverridePermitted() && blank(c.safeguardingOverride()))) {
            out.add(new Violation("$.clauses", "name the clause for every way of sharing the agreement allows"));
        }
        return out;
    }

    private void requireValid() {
        List<Violation> found = problems(terms());
        if (!found.isEmpty()) {
            throw AgreementRejected.invalid(found);
        }
    }

    private void requireStatus(Status required, String message) {
        if (status != required) {
            throw AgreementRejected.conflict(message + " (it is " + status.name().toLowerCase() + ")");
        }
    }

    private Agreement with(Status next, List<Party> signedParties, Change change) {
        return new Agreement(id, version + 1, title, next, signedParties, flows, purposes, necessity, strands,
                anonymisedItems, identifiableItems, identifiableRequiresConsent, safeguardingOverridePermitted,
                outcomesMayFlowBack, retentionDays, securityRequirements, dpiaReference, reviewDate, effectiveFrom,
                effectiveTo, clauses, change);
    }

    private static Agreement fromTerms(UUID id, int version, Status status, Terms t, Change change) {
        List<Party> unsigned = t.parties() == null ? List.of()
                : t.parties().stream().map(p -> new Party(p.organisation(), p.controllerRole(), p.lawfulBasis(), null))
                        .toList();
        return new Agreement(id, version, t.title(), status, unsigned, nullToEmpty(t.flows()),
                t.purposes() == null ? Set.of() : Set.copyOf(t.purposes()), t.necessity(), nullToEmpty(t.strands()),
                t.anonymisedItems() == null ? Set.of() : Set.copyOf(t.anonymisedItems()),
                t.identifiableItems() == null ? Set.of() : Set.copyOf(t.identifiableItems()),
                t.identifiableRequiresConsent(), t.safeguardingOverridePermitted(), t.outcomesMayFlowBack(),
                t.retentionDays(), t.securityRequirements(), t.dpiaReference(), t.reviewDate(), t.effectiveFrom(),
                t.effectiveTo(), t.clauses(), change);
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
