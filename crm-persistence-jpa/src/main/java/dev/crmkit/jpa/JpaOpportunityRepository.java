package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.sales.OpportunityRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

final class JpaOpportunityRepository extends JpaRepository<OpportunityId, Opportunity, OpportunityEntity>
        implements OpportunityRepository {
    private static final String ORDER = "r.closeDate, r.id";

    JpaOpportunityRepository(JpaTx tx) {
        super(tx, OpportunityEntity.class);
    }

    @Override
    OpportunityEntity toRow(Opportunity opportunity) {
        return SalesMapper.toRow(opportunity);
    }

    @Override
    Opportunity toDomain(OpportunityEntity row) {
        return SalesMapper.toOpportunity(row);
    }

    @Override
    public List<Opportunity> findByAccount(AccountId account) {
        return lookup("accountId", account.value(), ORDER);
    }

    @Override
    public List<Opportunity> findByOwner(UserId owner) {
        return lookup("ownerId", owner.value(), ORDER);
    }

    /** A range scan of index crm_opportunity_close. */
    @Override
    public List<Opportunity> findClosingBetween(LocalDate from, LocalDate until) {
        if (!until.isAfter(from)) {
            return List.of();
        }
        return list(new Filter(tx.tenantId()).and("r.closeDate >= :from", "from", from)
                .and("r.closeDate < :until", "until", until), ORDER);
    }

    @Override
    public void forEachCreated(Instant from, Instant to, Consumer<? super Opportunity> visitor) {
        forEachBetween("createdAt", from, to, visitor);
    }
}
