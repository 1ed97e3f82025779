package dev.crmkit.core.customer;

import dev.crmkit.core.CrmContext;

/** Customer tracking: purchases, feedback, and the interaction timeline of an account or contact. */
public final class CustomerService {
    private final CrmContext ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public CustomerService(CrmContext ctx) {
        this.ctx = ctx;
    }
}
