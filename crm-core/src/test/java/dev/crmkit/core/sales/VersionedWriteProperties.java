package dev.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.customer.AccountDetails;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * Two writers each repeat "read the opportunity, write amount + 1 from that read" in any interleaving: a write is
 * refused exactly when the other writer wrote since its read, and the amount counts every accepted write, so no
 * update is lost whatever the order.
 */
class VersionedWriteProperties {
    private static final Money ONE = Money.of("1.00", "EUR");

    @Property(tries = 200)
    void theAmountCountsEveryAcceptedWriteAndOnlyStaleWritesAreRefused(
            @ForAll @Size(max = 40) List<Boolean> firstWriterActs) {
        Crm crm = Crm.builder().clock(Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC)).build();
        AccountId acme = crm.accounts().create(AccountDetails.named("Acme"));
        OpportunityId id = crm.opportunities().create(NewOpportunity.of(acme, "Engines", Money.of("0.00", "EUR"),
                LocalDate.of(2026, 3, 31)));
        Opportunity[] reads = new Opportunity[2];
        int accepted = 0;
        for (boolean first : firstWriterActs) {
            int w = first ? 0 : 1;
            if (reads[w] == null) {
                reads[w] = crm.opportunities().get(id);
                continue;
            }
            Opportunity read = reads[w];
            reads[w] = null;
            boolean otherWroteSince = crm.opportunities().get(id).version() != read.version();
            try {
                crm.opportunities().update(read, OpportunityDetails.of(read).withAmount(read.amount().plus(ONE)));
                assertThat(otherWroteSince).as("accepted a write from a stale read").isFalse();
                accepted++;
            } catch (ConcurrentUpdateException refused) {
                assertThat(otherWroteSince).as("refused a write from a current read").isTrue();
            }
        }
        Opportunity last = crm.opportunities().get(id);
        assertThat(last.amount()).isEqualTo(Money.of(accepted + ".00", "EUR"));
        assertThat(last.version()).isEqualTo(1 + accepted);
    }
}
