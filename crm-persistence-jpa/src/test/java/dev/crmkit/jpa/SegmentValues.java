package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.LifecycleStage;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.storage.Storage;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Segment condition values reach the database as bound parameters, compared exactly: quotes, SQL and LIKE
 * metacharacters in a value neither break the query nor widen the match; case is ignored beyond ASCII too. (The membership property draws its values
 * from plain pools, so this is checked here.)
 */
abstract class SegmentValues {
    private static final String ODD_TAG = "50%_off\\";
    private static final String SQL_TAG = "x'); delete from crm_account; --";

    private final TenantId tenant = TenantId.of("values-" + UUID.randomUUID().toString().substring(0, 12));
    private final AccountId odd = AccountId.of(UUID.randomUUID());
    private final AccountId plain = AccountId.of(UUID.randomUUID());

    protected abstract Storage storage();

    @BeforeEach
    void accounts() {
        Instant t0 = Instant.parse("2026-01-05T09:00:00Z");
        storage().write(tenant, tx -> {
            tx.accounts().save(account(odd, Address.of("O'Brien's", null, "IE"), Set.of(ODD_TAG, SQL_TAG), t0));
            tx.accounts().save(account(plain, Address.of("München", null, "DE"), Set.of("50 off\\", "500off\\"),
                    t0.plusSeconds(1)));
            return null;
        });
    }

    private static Account account(AccountId id, Address address, Set<String> tags, Instant at) {
        return new Account(id, 0, "A " + id, null, null, address, null, UserId.of("rep-1"), LifecycleStage.CUSTOMER,
                tags, "a " + id, at, at);
    }

    @Test
    void oddValuesMatchExactlyAndOnlyThemselves() {
        assertThat(members(Criteria.field("city").eq("o'brien's"))).containsExactly(odd);
        assertThat(members(Criteria.field("tags").contains(ODD_TAG))).containsExactly(odd);
        assertThat(members(Criteria.field("tags").contains("50%"))).isEmpty();
        assertThat(members(Criteria.field("city").eq("MÜNCHEN"))).containsExactly(plain);
        assertThat(members(Criteria.not(Criteria.field("city").in("O'BRIEN'S", "x' or '1'='1"))))
                .containsExactly(plain);
    }

    @Test
    void aValueWrittenAsSqlIsJustAValue() {
        assertThat(members(Criteria.field("tags").contains(SQL_TAG))).containsExactly(odd);
        long accounts = storage().read(tenant, tx -> tx.segmentQueries().count(SegmentTarget.ACCOUNT,
                Criteria.all()));
        assertThat(accounts).isEqualTo(2);
    }

    private List<EntityId> members(Criteria criteria) {
        criteria.validate(SegmentTarget.ACCOUNT);
        return storage().read(tenant, tx -> tx.segmentQueries().members(SegmentTarget.ACCOUNT, criteria,
                PageRequest.first(10)).items());
    }
}
