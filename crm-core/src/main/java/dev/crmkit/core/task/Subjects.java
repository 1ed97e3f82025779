package dev.crmkit.core.task;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.spi.StorageTx;
import java.util.Locale;

/** Checks that a {@link Subject} points to an existing record, for tasks and calendar events alike. */
final class Subjects {
    private Subjects() {
    }

    static void check(StorageTx tx, Subject s, Validation v) {
        if (s == null) {
            return;
        }
        boolean exists = switch (s.kind()) {
            case LEAD -> tx.leads().find(LeadId.of(s.id())).isPresent();
            case CONTACT -> tx.contacts().find(ContactId.of(s.id())).isPresent();
            case ACCOUNT -> tx.accounts().find(AccountId.of(s.id())).isPresent();
            case OPPORTUNITY -> tx.opportunities().find(OpportunityId.of(s.id())).isPresent();
            case CASE -> tx.cases().find(CaseId.of(s.id())).isPresent();
        };
        v.check(exists, "subject", "no such " + s.kind().name().toLowerCase(Locale.ROOT) + ": " + s.id());
    }
}
