package dev.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.testkit.Samples;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class IdOrderProperties {
    @Provide
    Arbitrary<UUID> uuids() {
        Arbitrary<Long> halves = Arbitraries.oneOf(Arbitraries.longs(),
                Arbitraries.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L));
        return Combinators.combine(halves, halves).as(UUID::new);
    }

    @Provide
    Arbitrary<List<UUID>> distinctIds() {
        return uuids().list().ofMinSize(1).ofMaxSize(30).uniqueElements();
    }

    /** Ids order as unsigned 128-bit numbers, which is also the order of their canonical text. */
    @Property
    void idsCompareAsUnsignedNumbersAndAsText(@ForAll("uuids") UUID a, @ForAll("uuids") UUID b) {
        int expected = unsigned(a).compareTo(unsigned(b));
        assertThat(Integer.signum(EntityId.compare(a, b))).isEqualTo(expected);
        assertThat(Integer.signum(a.toString().compareTo(b.toString()))).isEqualTo(expected);
        assertThat(Integer.signum(LeadId.of(a).compareTo(AccountId.of(b)))).isEqualTo(expected);
    }

    /** Leads created at one instant page by id in that order in the in-memory adapter, across page boundaries. */
    @Property(tries = 100)
    void leadsCreatedAtOneInstantPageByUnsignedId(
            @ForAll("distinctIds") List<UUID> ids,
            @ForAll @IntRange(min = 1, max = 7) int pageSize) {
        Storage storage = InMemoryStorage.create();
        TenantId tenant = TenantId.of("t");
        storage.write(tenant, tx -> {
            for (int i = 0; i < ids.size(); i++) {
                tx.leads().save(Samples.lead(LeadId.of(ids.get(i)), "lead" + i + "@example.com"));
            }
            return null;
        });
        List<UUID> listed = new ArrayList<>();
        storage.read(tenant, tx -> {
            for (PageRequest p = PageRequest.first(pageSize); ; p = p.next()) {
                Page<Lead> page = tx.leads().search(LeadQuery.all(), p);
                page.items().forEach(l -> listed.add(l.id().value()));
                if (!page.hasNext()) {
                    return null;
                }
            }
        });
        assertThat(listed).isEqualTo(ids.stream().sorted(EntityId::compare).toList());
    }

    private static BigInteger unsigned(UUID u) {
        return new BigInteger(1, toBytes(u));
    }

    private static byte[] toBytes(UUID u) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (u.getMostSignificantBits() >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (u.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        return bytes;
    }
}
