package dev.crmkit.reporting;

import static dev.crmkit.core.testkit.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.service.ArticleId;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.CaseStatus;
import dev.crmkit.core.service.Closure;
import dev.crmkit.core.service.EscalationKind;
import dev.crmkit.core.service.ServiceContractId;
import dev.crmkit.core.service.Targets;
import dev.crmkit.core.testkit.Samples;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SlaTest {
    /** The sample case: resolution due at(480), resolved at(240), under a contract. */
    private static Case sample() {
        return Samples.serviceCase(CaseId.of(UUID.randomUUID()), "CS-1", AccountId.of(UUID.randomUUID()), null,
                ServiceContractId.of(UUID.randomUUID()), ArticleId.of(UUID.randomUUID()));
    }

    private static Case with(Case c, Instant resolvedAt, Set<EscalationKind> escalations, Instant due) {
        Targets t = c.targets();
        return new Case(c.id(), c.version(), c.trackingNumber(), c.regarding(), c.triage(), c.subject(),
                c.description(), c.owner(), resolvedAt == null ? CaseStatus.IN_PROGRESS : CaseStatus.RESOLVED,
                new Targets(t.contract(), t.firstResponseDue(), due, t.firstRespondedAt()),
                new Closure(c.closure().resolution(), resolvedAt, null), escalations, c.articles(), c.feedback(),
                c.comments(), c.history(), c.createdAt(), c.updatedAt());
    }

    @Test
    void aCaseMeetsItsTargetWhenResolvedByTheDueTime() {
        Case c = sample();
        assertThat(FactLoader.sla(with(c, at(480), Set.of(), at(480)))).isEqualTo("MET");
        assertThat(FactLoader.sla(with(c, at(481), Set.of(), at(480)))).isEqualTo("MISSED");
        assertThat(FactLoader.sla(with(c, null, Set.of(), at(480)))).isEqualTo("OPEN");
        assertThat(FactLoader.sla(with(c, null, Set.of(EscalationKind.RESOLUTION), at(480)))).isEqualTo("MISSED");
        assertThat(FactLoader.sla(with(c, null, Set.of(EscalationKind.FIRST_RESPONSE), at(480)))).isEqualTo("OPEN");
        assertThat(FactLoader.sla(with(c, at(10), Set.of(), null))).isEqualTo("NO_TARGET");
    }
}
