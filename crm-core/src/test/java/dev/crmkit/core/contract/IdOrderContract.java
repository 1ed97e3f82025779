package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CalendarEventId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Versioned;
import dev.crmkit.core.customer.ContactQuery;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.service.ArticleId;
import dev.crmkit.core.service.ServiceContractId;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskStatus;
import dev.crmkit.core.testkit.Samples;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Ties on a list's sort key (same creation time, close date, name, ...) are broken by id in unsigned order
 * ({@link EntityId#compare}) on every adapter, pages included. The records get random version 7 ids, half of them
 * with the top bit set, so the signed order of {@link UUID#compareTo} would differ; one test captures leads through
 * a CRM whose {@code IdGenerator} hands out such ids.
 */
public abstract class IdOrderContract extends ContractSupport {
    private static final int N = 12;

    /**
     * {@code n} random UUIDs shaped like the library's version 7 ids, every other one with the sign bit set: signed
     * and unsigned order disagree. Version 7 because MariaDB's UUID type compares versions 1 to 5 segment-wise
     * reversed (see docs/design-notes.md, "One id order"): ids of those versions that tie on a sort key may come
     * in another order there.
     */
    public static List<UUID> mixedIds(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID u = UUID.randomUUID();
            long high = (u.getMostSignificantBits() & ~0xF000L) | 0x7000L;
            high = i % 2 == 0 ? high & Long.MAX_VALUE : high | Long.MIN_VALUE;
            ids.add(new UUID(high, u.getLeastSignificantBits()));
        }
        return ids;
    }

    static List<UUID> unsigned(List<UUID> ids) {
        List<UUID> sorted = ids.stream().sorted(EntityId::compare).toList();
        assertThat(sorted).as("the ids tell signed from unsigned order")
                .isNotEqualTo(ids.stream().sorted().toList());
        assertThat(sorted).as("unsigned order is text order")
                .isEqualTo(ids.stream().sorted(Comparator.comparing(UUID::toString)).toList());
        return sorted;
    }

    private <T> T write(Function<StorageTx, T> work) {
        return storage().write(tenant, work);
    }

    private <T> T read(Function<StorageTx, T> work) {
        return storage().read(tenant, work);
    }

    private static List<UUID> values(List<? extends EntityId> ids) {
        return ids.stream().map(EntityId::value).toList();
    }

    private static List<UUID> ids(List<? extends Versioned<?, ?>> rows) {
        return values(rows.stream().map(Versioned::id).toList());
    }

    /** Every page of size 5 in turn (the last cut across the boundary), concatenated. */
    private static <T> List<T> allPages(IntFunction<Page<T>> page) {
        List<T> all = new ArrayList<>();
        for (int p = 0; ; p++) {
            Page<T> items = page.apply(p);
            all.addAll(items.items());
            if (!items.hasNext()) {
                return all;
            }
        }
    }

    @Test
    void leadsAndContactsCreatedAtOneInstantPageByUnsignedId() {
        List<UUID> ids = mixedIds(N);
        AccountId account = AccountId.of(UUID.randomUUID());
        write(tx -> {
            for (int i = 0; i < N; i++) {
                tx.leads().save(Samples.lead(LeadId.of(ids.get(i)), "lead" + i + "@example.com"));
                tx.contacts().save(Samples.contact(ContactId.of(ids.get(i)), account, "c" + i + "@example.com"));
            }
            return null;
        });
        List<UUID> expected = unsigned(ids);
        read(tx -> {
            assertThat(values(allPages(p -> tx.leads().search(LeadQuery.all(), new PageRequest(p, 5))
                    .map(l -> l.id())))).isEqualTo(expected);
            assertThat(values(allPages(p -> tx.contacts().search(ContactQuery.all(), new PageRequest(p, 5))
                    .map(c -> c.id())))).isEqualTo(expected);
            assertThat(ids(tx.contacts().findByAccount(account))).isEqualTo(expected);
            assertThat(values(tx.leads().search(LeadQuery.all(), new PageRequest(1, 5)).items().stream()
                    .map(l -> l.id()).toList())).isEqualTo(expected.subList(5, 10));
            return null;
        });
    }

    @Test
    void leadsCapturedInOneInstantWithRandomIdsPageByUnsignedId() {
        Iterator<UUID> generated = mixedIds(N).iterator();
        Crm random = Crm.builder().storage(storage()).clock(clock).ids(generated::next).actor(actor).build();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            ids.add(random.leads().capture(NewLead.of("Ada", "Lovelace " + i, "ada" + i + "@example.com")).value());
        }
        assertThat(values(allPages(p -> random.leads().search(LeadQuery.all(), new PageRequest(p, 5))
                .map(l -> l.id())))).isEqualTo(ids.stream().sorted(EntityId::compare).toList());
    }

    @Test
    void accountsOfOneNamePageByUnsignedId() {
        List<UUID> ids = mixedIds(N);
        write(tx -> {
            ids.forEach(id -> tx.accounts().save(Samples.account(AccountId.of(id), "Same Name")));
            return null;
        });
        List<UUID> expected = unsigned(ids);
        read(tx -> {
            assertThat(values(allPages(p -> tx.accounts().list(new PageRequest(p, 5)).map(a -> a.id()))))
                    .isEqualTo(expected);
            assertThat(ids(tx.accounts().findByNameKey("same name"))).isEqualTo(expected);
            return null;
        });
    }

    @Test
    void segmentMembersCreatedAtOneInstantPageByUnsignedId() {
        List<UUID> ids = mixedIds(N);
        write(tx -> {
            for (int i = 0; i < N; i++) {
                tx.leads().save(Samples.lead(LeadId.of(ids.get(i)), "lead" + i + "@example.com"));
            }
            return null;
        });
        List<UUID> expected = unsigned(ids);
        read(tx -> {
            assertThat(values(allPages(p -> tx.segmentQueries().members(SegmentTarget.LEAD, Criteria.all(),
                    new PageRequest(p, 5))))).isEqualTo(expected);
            return null;
        });
    }

    @Test
    void touchpointsAtOneInstantListByUnsignedId() {
        List<UUID> ids = mixedIds(N);
        LeadId lead = LeadId.of(UUID.randomUUID());
        write(tx -> tx.touchpoints().insertAll(ids.stream()
                .map(id -> Samples.call(TouchpointId.of(id), lead, Samples.T0)).toList()));
        List<UUID> expected = unsigned(ids);
        read(tx -> {
            assertThat(values(tx.touchpoints().findByLead(lead).stream().map(t -> t.id()).toList()))
                    .isEqualTo(expected);
            return null;
        });
    }

    @Test
    void salesRecordsTiedOnTheirKeyListByUnsignedId() {
        List<UUID> ids = mixedIds(N);
        AccountId account = AccountId.of(UUID.randomUUID());
        ContactId contact = ContactId.of(UUID.randomUUID());
        OpportunityId opportunity = OpportunityId.of(UUID.randomUUID());
        ProductId product = ProductId.of(UUID.randomUUID());
        UserId owner = UserId.of("rep-7");
        write(tx -> {
            for (int i = 0; i < N; i++) {
                UUID id = ids.get(i);
                tx.opportunities().save(Samples.opportunity(OpportunityId.of(id), account, contact, owner));
                tx.quotes().save(Samples.quote(QuoteId.of(id), "Q-" + i, opportunity, account, contact, product));
                tx.orders().save(Samples.order(OrderId.of(id), "O-" + i, null, opportunity, account, contact,
                        product));
                tx.accountTeams().save(Samples.accountTeam(AccountId.of(id)));
            }
            return null;
        });
        List<UUID> expected = unsigned(ids);
        read(tx -> {
            assertThat(ids(tx.opportunities().findByAccount(account))).isEqualTo(expected);
            assertThat(ids(tx.opportunities().findByOwner(owner))).isEqualTo(expected);
            assertThat(ids(tx.quotes().findByOpportunity(opportunity))).isEqualTo(expected);
            assertThat(ids(tx.orders().findByAccount(account))).isEqualTo(expected);
            assertThat(ids(tx.accountTeams().findByMember(owner))).isEqualTo(expected);
            return null;
        });
    }

    @Test
    void tasksEventsAndCasesTiedOnTheirTimeListByUnsignedId() {
        List<UUID> ids = mixedIds(N);
        AccountId account = AccountId.of(UUID.randomUUID());
        ContactId contact = ContactId.of(UUID.randomUUID());
        Subject subject = Subject.of(account);
        ArticleId article = ArticleId.of(UUID.randomUUID());
        write(tx -> {
            for (int i = 0; i < N; i++) {
                UUID id = ids.get(i);
                Task done = Samples.task(TaskId.of(id), subject);
                tx.tasks().save(new Task(done.id(), 0, done.title(), null, subject, done.priority(), TaskStatus.OPEN,
                        done.due(), done.remindAt(), null, null, done.assignee(), done.createdBy(), null, done.createdAt(),
                        done.updatedAt(), null));
                tx.calendarEvents().save(Samples.calendarEvent(CalendarEventId.of(id), contact, subject));
                tx.cases().save(Samples.serviceCase(CaseId.of(id), "CS-2026-" + i, account, contact,
                        ServiceContractId.of(UUID.randomUUID()), article));
                tx.serviceContracts().save(Samples.serviceContract(ServiceContractId.of(id), account));
            }
            return null;
        });
        List<UUID> expected = unsigned(ids);
        read(tx -> {
            assertThat(ids(tx.tasks().findBySubject(subject))).isEqualTo(expected);
            assertThat(ids(tx.tasks().findOpenByAssignee(UserId.of("rep-7")))).isEqualTo(expected);
            assertThat(ids(tx.tasks().findPendingReminders(Samples.at(50)))).isEqualTo(expected);
            assertThat(ids(tx.calendarEvents().findBySubject(subject))).isEqualTo(expected);
            assertThat(ids(tx.calendarEvents().findByContact(contact))).isEqualTo(expected);
            assertThat(ids(tx.cases().findByAccount(account))).isEqualTo(expected);
            assertThat(ids(tx.cases().findByContact(contact))).isEqualTo(expected);
            assertThat(ids(tx.cases().findByArticle(article))).isEqualTo(expected);
            assertThat(ids(tx.serviceContracts().findByAccount(account))).isEqualTo(expected);
            return null;
        });
    }
}
