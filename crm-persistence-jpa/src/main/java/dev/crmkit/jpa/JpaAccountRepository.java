package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.GeoBox;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountRepository;
import dev.crmkit.core.sharing.Visibility;
import dev.crmkit.core.lead.BlockingKeys;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

final class JpaAccountRepository extends JpaRepository<AccountId, Account, AccountEntity>
        implements AccountRepository {
    /** {@code r.createdAt, r.id} in Java. */
    private static final Comparator<Account> IN_ORDER = Comparator.comparing(Account::createdAt).thenComparing(Account::id);
    private static final String MATCH_KEYS = "AccountMatchKeyRow";

    JpaAccountRepository(JpaTx tx) {
        super(tx, AccountEntity.class);
    }

    @Override
    AccountEntity toRow(Account account) {
        return AccountMapper.toRow(account);
    }

    @Override
    Account toDomain(AccountEntity row) {
        return AccountMapper.toAccount(row);
    }

    @Override
    void afterSave(Account account, boolean inserted) {
        KeyTables.replace(tx, "AccountTagRow", account.id().value(), account.tags(), inserted, AccountTagRow::new);
        KeyTables.replace(tx, MATCH_KEYS, account.id().value(), BlockingKeys.of(account), inserted,
                AccountMatchKeyRow::new);
    }

    @Override
    public List<Account> findByMatchKeys(Collection<String> keys) {
        return byMatchKeys(MATCH_KEYS, keys, "r.createdAt, r.id", IN_ORDER);
    }

    @Override
    public List<Account> findByNameKey(String nameKey) {
        return lookup("nameKey", nameKey, "r.createdAt, r.id");
    }

    @Override
    public List<Account> findWithin(GeoBox box) {
        return within(box, "r.createdAt, r.id");
    }

    @Override
    public Page<Account> list(Visibility visibility, PageRequest page) {
        return page(SeenBy.account(new Filter(tx.tenantId()), visibility), "r.nameKey asc nulls first, r.id", page);
    }
}
