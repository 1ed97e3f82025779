package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.testkit.TestLeads;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class PeopleProperties {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final String[] COUNTRIES = {"GB", "FR", null};

    @Property(tries = 100)
    void pagesListEveryPersonOnceAndGroupCountsAddUpToTheTotal(
            @ForAll @Size(max = 8) List<LeadStatus> leadStatuses,
            @ForAll @IntRange(min = 0, max = 8) int contacts,
            @ForAll @IntRange(min = 1, max = 5) int pageSize,
            @ForAll GroupField field) {
        InMemoryStorage storage = InMemoryStorage.create();
        Crm crm = Crm.builder().storage(storage).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
        for (int i = 0; i < leadStatuses.size(); i++) {
            TestLeads.save(storage, TenantId.DEFAULT, "L", "Lead" + i, null, leadStatuses.get(i),
                    UserId.of("rep-" + i % 2), Address.of(null, null, COUNTRIES[i % 3]), T0.plusSeconds(i));
        }
        for (int i = 0; i < contacts; i++) {
            crm.contacts().create(ContactDetails.of(null, "C", "Contact" + i, null)
                    .withAddress(Address.of(null, null, COUNTRIES[i % 3])).withOwner(UserId.of("rep-" + i % 3)));
        }

        List<Person> walked = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        Page<Person> page;
        do {
            page = crm.contacts().people(PeopleQuery.all(), request);
            walked.addAll(page.items());
            request = request.next();
        } while (page.hasNext());

        long live = leadStatuses.stream().filter(s -> s != LeadStatus.CONVERTED && s != LeadStatus.MERGED).count();
        assertThat(page.total()).isEqualTo(live + contacts);
        assertThat(walked).hasSize((int) page.total());
        assertThat(new HashSet<>(walked)).hasSize(walked.size());
        Map<String, Long> counts = crm.contacts().countPeople(PeopleQuery.all(), field);
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(page.total());
    }
}
