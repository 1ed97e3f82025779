package dev.crmkit.core.memory;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.sales.OpportunityRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

final class MemoryOpportunityRepository extends MemoryRepository<OpportunityId, Opportunity>
        implements OpportunityRepository {
    static final Comparator<Opportunity> ORDER = Comparator.comparing(Opportunity::closeDate)
            .thenComparing(Opportunity::id);

    MemoryOpportunityRepository(MemoryTable<OpportunityId, Opportunity> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public List<Opportunity> findByAccount(AccountId account) {
        return lookup("account", account, ORDER);
    }

    @Override
    public List<Opportunity> findByOwner(UserId owner) {
        return lookup("owner", owner, ORDER);
    }

    /** One index hit per calendar month of the range (the "closeMonth" index), then the exact day filter. */
    @Override
    public List<Opportunity> findClosingBetween(LocalDate from, LocalDate until) {
        List<Opportunity> result = new ArrayList<>();
        if (!until.isAfter(from)) {
            return result;
        }
        YearMonth last = YearMonth.from(until.minusDays(1));
        for (YearMonth m = YearMonth.from(from); !m.isAfter(last); m = m.plusMonths(1)) {
            for (Opportunity o : lookup("closeMonth", m, ORDER)) {
                if (!o.closeDate().isBefore(from) && o.closeDate().isBefore(until)) {
                    result.add(o);
                }
            }
        }
        result.sort(ORDER);
        return result;
    }

    @Override
    public void forEachCreated(Instant from, Instant to, Consumer<? super Opportunity> visitor) {
        forEachBetween(Opportunity::createdAt, from, to, visitor);
    }
}
