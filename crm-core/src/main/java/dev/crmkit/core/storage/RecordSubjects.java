package dev.crmkit.core.storage;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.SubjectLookup;

/** Whether the record a task or calendar event is about exists, over the repositories of every capability. */
final class RecordSubjects implements SubjectLookup {
    private final StorageTx tx;

    RecordSubjects(StorageTx tx) {
        this.tx = tx;
    }

    @Override
    public boolean exists(Subject s) {
        return switch (s.kind()) {
            case LEAD -> tx.leads().find(LeadId.of(s.id())).isPresent();
            case CONTACT -> tx.contacts().find(ContactId.of(s.id())).isPresent();
            case ACCOUNT -> tx.accounts().find(AccountId.of(s.id())).isPresent();
            case OPPORTUNITY -> tx.opportunities().find(OpportunityId.of(s.id())).isPresent();
            case CASE -> tx.cases().find(CaseId.of(s.id())).isPresent();
        };
    }
}
