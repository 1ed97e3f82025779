package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.audit.AuditAction;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.audit.AuditSettings;
import dev.crmkit.core.audit.FieldChange;
import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.internal.Internal;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.sales.NewOpportunity;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.sales.OpportunityDetails;
import dev.crmkit.core.webhook.NewWebhook;
import dev.crmkit.core.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The audit trail: who changed which field of which record, from what to what, through which call. */
public abstract class AuditContract extends ContractSupport {
    private List<AuditEntry> history(EntityId id) {
        return crm.audit().history(id, PageRequest.first(100)).items();
    }

    private OpportunityId opportunity() {
        AccountId account = crm.accounts().create(AccountDetails.named("Analytical Engines"));
        return crm.opportunities().create(NewOpportunity.of(account, "Engine", Money.of("1000.00", "EUR"),
                LocalDate.parse("2026-03-01")));
    }

    @Test
    void anOpportunitysAmountAndOwnerChangedByAnotherRepLeaveOneEntryNamingEachFieldOldAndNew() {
        OpportunityId id = opportunity();
        crm.teams().create("Bob's", UserId.of("bob"), Set.of(actor.user()));
        Crm bob = as("bob", "MANAGER");
        Opportunity read = crm.opportunities().get(id);
        clock.advance(Duration.ofMinutes(5));
        bob.opportunities().update(read, OpportunityDetails.of(read).withAmount(Money.of("1.00", "EUR"))
                .withOwner(UserId.of("mallory")));

        List<AuditEntry> trail = history(id);
        assertThat(trail).extracting(AuditEntry::action).containsExactly(AuditAction.CREATED, AuditAction.UPDATED);
        AuditEntry created = trail.get(0);
        assertThat(created.actor()).isEqualTo(actor.user());
        assertThat(created.operation()).isEqualTo("OpportunityService.create");
        assertThat(created.recordType()).isEqualTo("Opportunity");
        AuditEntry changed = trail.get(1);
        assertThat(changed.actor()).isEqualTo(UserId.of("bob"));
        assertThat(changed.at()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(changed.operation()).isEqualTo("OpportunityService.update");
        assertThat(changed.version()).isEqualTo(read.version() + 1);
        assertThat(changed.changes()).containsExactlyInAnyOrder(
                new FieldChange("amount", "1000.00 EUR", "1.00 EUR"),
                new FieldChange("owner", actor.user().value(), "mallory"));
    }

    @Test
    void anAccountEditNamesTheNestedAddressFieldAndTheTagsItChanged() {
        AccountId id = crm.accounts().create(new AccountDetails("Analytical Engines", "Machinery", null,
                Address.of("London", null, "GB"), null, null, Set.of("vip")));
        Account read = crm.accounts().get(id);
        crm.accounts().update(read, new AccountDetails("Analytical Engines", "Machinery", null,
                Address.of("Manchester", null, "GB"), null, null, Set.of("vip", "north")));

        assertThat(history(id)).as("one helper writes both: each entry still names the public call")
                .extracting(AuditEntry::operation).containsExactly("AccountService.create", "AccountService.update");
        AuditEntry edit = history(id).get(1);
        assertThat(edit.change("address.city")).isEqualTo(new FieldChange("address.city", "London", "Manchester"));
        assertThat(edit.change("tags")).isEqualTo(new FieldChange("tags", "[\"vip\"]", "[\"north\",\"vip\"]"));
        assertThat(edit.change("name")).isNull();
        assertThat(edit.change("address.country")).isNull();
    }

    @Test
    void eachWriteOfALeadIsTracedThroughTheCallThatMadeIt() {
        LeadId id = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        crm.leads().fillEmpty(crm.leads().get(id), NewLead.of("Ada", "Lovelace", "ada@example.com")
                .company("Analytical Engines"));
        crm.leads().qualify(crm.leads().get(id));

        List<AuditEntry> trail = history(id);
        assertThat(trail).extracting(AuditEntry::operation)
                .containsExactly("LeadService.capture", "LeadService.fillEmpty", "LeadService.qualify");
        assertThat(trail).extracting(AuditEntry::version).containsExactly(1L, 2L, 3L);
        assertThat(trail.get(1).change("company")).isEqualTo(new FieldChange("company", null, "Analytical Engines"));
        assertThat(trail.get(2).change("status")).isEqualTo(new FieldChange("status", "NEW", "QUALIFIED"));
    }

    @Test
    void aWriteThatRollsBackLeavesNoEntry() {
        LeadId id = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        assertThatThrownBy(() -> Internal.context(crm).write(tx -> {
            Lead stored = tx.leads().get(id);
            tx.leads().save(stored.withVisitorIds(Set.of("visitor-1"), clock.instant()));
            throw new IllegalStateException("the host's check failed after the save");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(history(id)).extracting(AuditEntry::action).containsExactly(AuditAction.CREATED);
        assertThat(crm.leads().get(id).visitorIds()).isEmpty();
    }

    @Test
    void aDeletedRecordLeavesItsLastValuesButNeverASecret() {
        WebhookId id = crm.webhooks().register(NewWebhook.of("https://erp.example.com/hooks", "s3cr3t-0f-a-receiver")
                .description("ERP orders"));
        crm.webhooks().delete(crm.webhooks().get(id));

        AuditEntry deleted = history(id).get(1);
        assertThat(deleted.action()).isEqualTo(AuditAction.DELETED);
        assertThat(deleted.operation()).isEqualTo("WebhookService.delete");
        assertThat(deleted.change("description")).isEqualTo(new FieldChange("description", "ERP orders", null));
        assertThat(deleted.change("secret")).isEqualTo(new FieldChange("secret", "(secret)", null));
        assertThat(deleted.changes()).extracting(FieldChange::before).doesNotContain("s3cr3t-0f-a-receiver");
    }

    @Test
    void anActorsWritesAreListedByTimeWithinTheAskedWindow() {
        Crm bob = as("bob", "MANAGER", "ADMIN");
        LeadId first = bob.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        clock.advance(Duration.ofHours(1));
        crm.leads().capture(NewLead.of("Charles", "Babbage", "charles@example.com"));
        LeadId third = bob.leads().capture(NewLead.of("Mary", "Somerville", "mary@example.com"));
        clock.advance(Duration.ofHours(1));
        bob.leads().addTag(third, "vip");

        List<AuditEntry> bobs = crm.audit().byActor(UserId.of("bob"), START, START.plus(Duration.ofHours(2)),
                PageRequest.first(10)).items();
        assertThat(bobs).extracting(AuditEntry::recordId).containsExactly(first.value(), third.value());
        assertThat(crm.audit().byActor(UserId.of("bob"), START, START.plus(Duration.ofHours(3)),
                PageRequest.first(10)).total()).isEqualTo(3);
    }

    @Test
    void entriesOlderThanTheRetentionAreDeletedAndNoOthers() {
        Crm keeping = crmWith(AuditSettings.keepFor(Duration.ofDays(30)));
        LeadId old = keeping.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        clock.advance(Duration.ofDays(31));
        keeping.leads().addTag(old, "vip");

        assertThat(keeping.audit().deleteExpired()).isEqualTo(1);
        assertThat(history(old)).extracting(AuditEntry::action).containsExactly(AuditAction.UPDATED);
        assertThat(crm.audit().deleteExpired()).as("kept for ever by default").isZero();
    }

    @Test
    void onlyAnAdminReadsTheTrailAndAWindowMustEndAfterItStarts() {
        LeadId id = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        Crm manager = as("boss", "MANAGER");
        assertThatThrownBy(() -> manager.audit().history(id, PageRequest.first(10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> manager.audit().deleteExpired()).isInstanceOf(AccessDeniedException.class);
        Instant now = clock.instant();
        assertThatThrownBy(() -> crm.audit().byActor(actor.user(), now, now, PageRequest.first(10)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).anySatisfy(f -> assertThat(f.field()).isEqualTo("to")));
    }
}
