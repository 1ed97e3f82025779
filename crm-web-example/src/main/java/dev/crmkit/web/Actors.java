package dev.crmkit.web;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import java.util.Set;

/** Who the example acts as: one tenant, its website (the system user) and one service agent. */
final class Actors {
    static final TenantId TENANT = TenantId.of("demo");
    /** The website: captures and tracking come from no person, so assignment rules deal the leads out. */
    static final Actor WEBSITE = new Actor(TENANT, UserId.SYSTEM, Set.of(Actor.MANAGER, Actor.ADMIN));
    /** The agent at the console and the marketer at the dashboard (no login in this example). */
    static final Actor AGENT = new Actor(TENANT, UserId.of("alex"), Set.of(Actor.MANAGER));

    private Actors() {
    }
}
