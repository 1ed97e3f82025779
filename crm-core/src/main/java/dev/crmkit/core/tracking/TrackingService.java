package dev.crmkit.core.tracking;

import dev.crmkit.core.CrmContext;

/** Prospect tracking: campaigns, ads, affiliate sites and touchpoints, recorded idempotently. */
public final class TrackingService {
    private final CrmContext ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public TrackingService(CrmContext ctx) {
        this.ctx = ctx;
    }
}
