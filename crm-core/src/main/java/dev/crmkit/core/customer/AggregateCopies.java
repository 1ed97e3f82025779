package dev.crmkit.core.customer;

import java.time.Instant;

/** The few single-field changes services make to stored accounts and contacts, written once. */
final class AggregateCopies {
    private AggregateCopies() {
    }

    static Account withStage(Account a, LifecycleStage stage, Instant now) {
        return new Account(a.id(), a.version(), a.name(), a.industry(), a.size(), a.address(), a.website(), a.owner(),
                stage, a.tags(), a.nameKey(), a.createdAt(), now);
    }

    static Contact withStage(Contact c, LifecycleStage stage, Instant now) {
        return copy(c, c.keyDecisionMaker(), stage, now);
    }

    static Contact withKeyDecisionMaker(Contact c, boolean keyDecisionMaker, Instant now) {
        return copy(c, keyDecisionMaker, c.stage(), now);
    }

    private static Contact copy(Contact c, boolean keyDecisionMaker, LifecycleStage stage, Instant now) {
        return new Contact(c.id(), c.version(), c.account(), c.firstName(), c.lastName(), c.title(), c.email(),
                c.phone(), c.address(), c.birthDate(), c.ageBand(), c.gender(), c.roles(), keyDecisionMaker, stage,
                c.owner(), c.consent(), c.sourceLead(), c.tags(), c.nameKey(), c.createdAt(), now);
    }
}
