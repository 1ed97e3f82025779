package dev.crmkit.core.customer;

import dev.crmkit.core.CrmContext;

/** Accounts: create, update, find. */
public final class AccountService {
    private final CrmContext ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public AccountService(CrmContext ctx) {
        this.ctx = ctx;
    }
}
