package dev.crmkit.core.customer;

import dev.crmkit.core.CrmContext;

/** Contacts, and finding and grouping people (leads and contacts) by stage, location, qualification and owner. */
public final class ContactService {
    private final CrmContext ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public ContactService(CrmContext ctx) {
        this.ctx = ctx;
    }
}
