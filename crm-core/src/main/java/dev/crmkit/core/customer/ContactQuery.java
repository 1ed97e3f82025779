package dev.crmkit.core.customer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.UserId;
import org.jspecify.annotations.Nullable;

/** Filter for listing contacts; null parts match everything. Results are ordered by creation time, then id. */
public record ContactQuery(@Nullable LifecycleStage stage, @Nullable UserId owner, @Nullable AccountId account,
                           @Nullable String country, @Nullable String region, @Nullable String city,
                           @Nullable Boolean keyDecisionMaker, @Nullable String tag) {
    public static ContactQuery all() {
        return new ContactQuery(null, null, null, null, null, null, null, null);
    }

    public ContactQuery withStage(LifecycleStage s) {
        return new ContactQuery(s, owner, account, country, region, city, keyDecisionMaker, tag);
    }

    public ContactQuery withOwner(UserId o) {
        return new ContactQuery(stage, o, account, country, region, city, keyDecisionMaker, tag);
    }

    public ContactQuery withAccount(AccountId a) {
        return new ContactQuery(stage, owner, a, country, region, city, keyDecisionMaker, tag);
    }

    public ContactQuery withCountry(String c) {
        return new ContactQuery(stage, owner, account, c, region, city, keyDecisionMaker, tag);
    }
}
