package dev.crmkit.core.testkit;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.lead.Identity;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.Origin;
import dev.crmkit.core.lead.Outcome;
import dev.crmkit.core.lead.Reach;
import dev.crmkit.core.storage.Storage;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Saves leads straight through the storage SPI, for suites that need leads without depending on lead capture
 * (another capability, with its own rules and contract suite).
 */
public final class TestLeads {
    private TestLeads() {
    }

    public static LeadId save(Storage storage, TenantId tenant, String firstName, String lastName, String email,
                              LeadStatus status, UserId owner, Address address, Instant createdAt) {
        Lead lead = new Lead(LeadId.of(UUID.randomUUID()), 0, new Identity(firstName, lastName, null, null, null),
                new Reach(email == null ? null : EmailAddress.of(email), null, null, address),
                Origin.of(LeadSource.WEB_FORM), null, status,
                // a merged or converted lead names what it became, as every lead in that status does
                new Outcome(null, status == LeadStatus.MERGED ? LeadId.of(UUID.randomUUID()) : null,
                        status == LeadStatus.CONVERTED ? AccountId.of(UUID.randomUUID()) : null,
                        status == LeadStatus.CONVERTED ? ContactId.of(UUID.randomUUID()) : null),
                0, false, owner, null, null, null, null, createdAt, createdAt, null);
        return storage.write(tenant, tx -> tx.leads().save(lead)).id();
    }

    /** A lead already converted into {@code contact} at {@code account}, known on the web as {@code visitorId}. */
    public static LeadId saveConverted(Storage storage, TenantId tenant, String visitorId, ContactId contact,
                                       AccountId account, Instant createdAt) {
        Lead lead = new Lead(LeadId.of(UUID.randomUUID()), 0, new Identity("Ada", "Lovelace", null, null, null),
                null, Origin.of(LeadSource.WEB_FORM), null, LeadStatus.CONVERTED,
                new Outcome(null, null, account, contact), 0, false, UserId.of("rep-1"), null, Set.of(visitorId), null,
                null, createdAt, createdAt, null);
        return storage.write(tenant, tx -> tx.leads().save(lead)).id();
    }

    public static LeadId save(Storage storage, TenantId tenant, String email, Instant createdAt) {
        return save(storage, tenant, "Ada", "Lovelace", email, LeadStatus.NEW, UserId.of("rep-1"), null, createdAt);
    }

    public static Lead find(Storage storage, TenantId tenant, LeadId id) {
        return storage.read(tenant, tx -> tx.leads().get(id));
    }
}
