package dev.crmkit.core.lead;

import dev.crmkit.core.CrmContext;

/** Lead capture (by hand and from web forms), duplicate detection, merge, life cycle, scoring, assignment and conversion. */
public final class LeadService {
    private final CrmContext ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public LeadService(CrmContext ctx) {
        this.ctx = ctx;
    }
}
