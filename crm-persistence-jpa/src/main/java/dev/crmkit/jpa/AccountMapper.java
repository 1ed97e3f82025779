package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.CompanySize;
import dev.crmkit.core.customer.LifecycleStage;

/** {@link Account} to {@link AccountEntity} and back. */
final class AccountMapper {
    private AccountMapper() {
    }

    static AccountEntity toRow(Account a) {
        AccountEntity r = new AccountEntity();
        r.name = a.name();
        r.industry = a.industry();
        r.companySize = a.size() == null ? null : a.size().name();
        r.address = AddressColumns.of(a.address());
        r.website = a.website();
        r.ownerId = Ids.user(a.owner());
        r.stage = a.stage().name();
        r.tags = JsonColumns.strings(a.tags());
        r.nameKey = a.nameKey();
        r.createdAt = a.createdAt();
        r.updatedAt = a.updatedAt();
        return r;
    }

    static Account toAccount(AccountEntity r) {
        return new Account(AccountId.of(r.id), r.version, r.name, r.industry,
                r.companySize == null ? null : CompanySize.valueOf(r.companySize), AddressColumns.toAddress(r.address),
                r.website, Ids.user(r.ownerId), LifecycleStage.valueOf(r.stage), JsonColumns.stringSet(r.tags),
                r.nameKey, r.createdAt, r.updatedAt);
    }
}
