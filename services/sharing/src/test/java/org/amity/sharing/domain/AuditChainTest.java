package org.amity.sharing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The hash chain catches an edited, a deleted and a reordered entry. */
class AuditChainTest {

    static List<AuditEntry> chain(int n) {
        List<AuditEntry> out = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = AuditEntry.chain(i, Instant.parse("2026-11-20T12:00:00Z").plusSeconds(i),
                    new AuditEntry.Draft("VIEW", "user-" + i, "kent-police", UUID.randomUUID(), "west-kent-housing",
                            UUID.randomUUID(), "kent-police", "read the referral"), previous);
            out.add(e);
            previous = e.hash();
        }
        return out;
    }

    @Test
    void anUntouchedChainIsIntact() {
        List<AuditEntry> entries = chain(5);
        AuditChain.Verification v = AuditChain.verify(entries);
        assertThat(v.intact()).isTrue();
        assertThat(v.headHash()).isEqualTo(entries.get(4).hash());
    }

    @Test
    void catchesAnEditedEntry() {
        List<AuditEntry> entries = chain(5);
        AuditEntry e = entries.get(2);
        entries.set(2, new AuditEntry(e.sequence(), e.at(), e.action(), "someone-else", e.actorOrganisation(),
                e.caseId(), e.caseOwner(), e.referralId(), e.recipient(), e.why(), e.previousHash(), e.hash()));
        assertThat(AuditChain.verify(entries).firstBrokenSequence()).isEqualTo(3);
    }

    @Test
    void catchesADeletedEntry() {
        List<AuditEntry> entries = chain(5);
        entries.remove(1);
        assertThat(AuditChain.verify(entries).intact()).isFalse();
        assertThat(AuditChain.verify(entries).firstBrokenSequence()).isEqualTo(3);
    }

    @Test
    void catchesReorderedEntriesEvenWithTheirSequencesSwapped() {
        List<AuditEntry> entries = chain(5);
        AuditEntry a = entries.get(1);
        AuditEntry b = entries.get(2);
        entries.set(1, new AuditEntry(2, b.at(), b.action(), b.actor(), b.actorOrganisation(), b.caseId(), b.caseOwner(),
                b.referralId(), b.recipient(), b.why(), b.previousHash(), b.hash()));
        entries.set(2, new AuditEntry(3, a.at(), a.action(), a.actor(), a.actorOrganisation(), a.caseId(), a.caseOwner(),
                a.referralId(), a.recipient(), a.why(), a.previousHash(), a.hash()));
        assertThat(AuditChain.verify(entries).firstBrokenSequence()).isEqualTo(2);
    }

    @Test
    void catchesACutTailAndARehashedChainAgainstThePublishedHead() {
        List<AuditEntry> entries = chain(5);
        AuditChain.PublishedHead published = new AuditChain.PublishedHead(4, entries.get(3).hash());
        assertThat(AuditChain.verify(entries, Optional.of(published)).intact()).isTrue();

        List<AuditEntry> cut = new ArrayList<>(entries.subList(0, 3)); // links up by itself
        assertThat(AuditChain.verify(cut).intact()).isTrue();
        AuditChain.Verification afterCut = AuditChain.verify(cut, Optional.of(published));
        assertThat(afterCut.intact()).isFalse();
        assertThat(afterCut.firstBrokenSequence()).isEqualTo(4);

        List<AuditEntry> rehashed = chain(5); // other content, hashed anew from the genesis: consistent in itself
        assertThat(AuditChain.verify(rehashed).intact()).isTrue();
        assertThat(AuditChain.verify(rehashed, Optional.of(published)).firstBrokenSequence()).isEqualTo(4);
    }
}
