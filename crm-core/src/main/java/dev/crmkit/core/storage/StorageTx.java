package dev.crmkit.core.storage;

import dev.crmkit.core.audit.AuditTx;
import dev.crmkit.core.customer.PeopleDirectory;
import dev.crmkit.core.lead.LeadPeople;
import dev.crmkit.core.service.ServiceTx;
import dev.crmkit.core.sharing.OwnedRecords;
import dev.crmkit.core.task.SubjectLookup;
import dev.crmkit.core.tracking.TrackedPeople;
import dev.crmkit.core.transfer.TransferTx;
import dev.crmkit.core.webhook.WebhookTx;

/**
 * One open transaction for one tenant: a repository per aggregate. Valid only inside the storage call. Adapters
 * implement this; the repositories are declared by each capability's view ({@code TrackingTx}, {@code CustomerTx},
 * {@code SalesTx}, {@code ServiceTx}, {@code TaskTx}, {@code LeadTx}, {@code SegmentTx}, {@code WebhookTx},
 * {@code EmailTx}, {@code AutomationTx}) so that a capability sees only itself and the capabilities below it. The
 * lookups a lower capability needs from a higher one (tracking and contacts reaching leads, tasks checking their
 * subjects) are ports it declares and this interface supplies.
 */
public interface StorageTx extends TransferTx, ServiceTx, WebhookTx, AuditTx {
    @Override
    default TrackedPeople trackedPeople() {
        return new LeadPeople(this);
    }

    @Override
    default PeopleDirectory peopleDirectory() {
        return new LeadPeople(this);
    }

    @Override
    default OwnedRecords ownedRecords() {
        return new RecordOwners(this);
    }

    @Override
    default SubjectLookup subjects() {
        return new RecordSubjects(this);
    }
}
