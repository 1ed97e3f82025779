package dev.crmkit.core.customer;

import dev.crmkit.core.common.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Filter for finding people, leads and contacts together; null parts match everything.
 *
 * @param kind          only leads or only contacts
 * @param stage         PROSPECT (open leads and prospect contacts) or CUSTOMER (customer contacts)
 * @param qualification a lead status name ({@code NEW}, {@code QUALIFIED}, ...) to find leads, or a lifecycle stage
 *                      name to find contacts. Without one, converted and merged leads are left out: they live on as
 *                      contacts or other leads
 * @param owner         the owning rep
 */
public record PeopleQuery(Person.@Nullable Kind kind, @Nullable LifecycleStage stage, @Nullable String qualification,
                          @Nullable UserId owner, @Nullable String country, @Nullable String region,
                          @Nullable String city) {

    public static PeopleQuery all() {
        return new PeopleQuery(null, null, null, null, null, null, null);
    }

    public PeopleQuery withKind(Person.Kind k) {
        return new PeopleQuery(k, stage, qualification, owner, country, region, city);
    }

    public PeopleQuery withStage(LifecycleStage s) {
        return new PeopleQuery(kind, s, qualification, owner, country, region, city);
    }

    public PeopleQuery withQualification(String q) {
        return new PeopleQuery(kind, stage, q, owner, country, region, city);
    }

    public PeopleQuery withOwner(UserId o) {
        return new PeopleQuery(kind, stage, qualification, o, country, region, city);
    }

    public PeopleQuery withLocation(String countryCode, String regionName, String cityName) {
        return new PeopleQuery(kind, stage, qualification, owner, countryCode, regionName, cityName);
    }
}
