package dev.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.memory.InMemoryStorage;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureMemoTest {
    @Test
    void aBatchRemembersTheLeadsItComparedAndStoredOnceItCommits() {
        try (Crm crm = Crm.builder().storage(InMemoryStorage.create()).build()) {
            LeadId stored = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
            CaptureMemo memo = CaptureMemo.upTo(10);

            LeadId added = crm.leads().captureAll(List.of(NewLead.of("Ada", "Lovelace", "ada.l@example.com")),
                    found -> true, memo).get(0).id();

            assertThat(memo.knowsAny(List.of(stored))).as("compared").isTrue();
            assertThat(memo.knowsAny(List.of(added))).as("stored").isTrue();
        }
    }

    @Test
    void aBatchWhoseTransactionRollsBackLeavesNothingInTheMemo() {
        try (Crm crm = Crm.builder().storage(InMemoryStorage.create()).build()) {
            LeadId stored = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
            CaptureMemo memo = CaptureMemo.upTo(10);

            assertThatThrownBy(() -> crm.leads().captureAll(List.of(NewLead.of("Ada", "Lovelace",
                    "ada.l@example.com")), found -> {
                        throw new IllegalStateException("the caller gives up");
                    }, memo)).hasMessageContaining("gives up");

            // what a rolled-back transaction read may be content that never committed (a host's own writes)
            assertThat(memo.knowsAny(List.of(stored))).isFalse();
        }
    }
}
