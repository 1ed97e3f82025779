package dev.crmkit.jpa;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A conjunction of HQL conditions over the alias {@code r}, with their named parameters; parts whose value is
 * null are left out, as the query records' "null matches everything" asks.
 */
final class Filter {
    private final StringBuilder where = new StringBuilder("r.tenantId = :tenant");
    private final Map<String, Object> params = new LinkedHashMap<>();

    Filter(String tenantId) {
        params.put("tenant", tenantId);
    }

    /** Adds {@code condition} (which names parameter {@code :name}) unless {@code value} is null. */
    Filter and(String condition, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.put(name, value);
        }
        return this;
    }

    /** Binds one more parameter of a condition already added (one naming several parameters). */
    Filter with(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** Adds a condition without parameters. */
    Filter and(String condition) {
        where.append(" and ").append(condition);
        return this;
    }

    /** Case-insensitive match on the address parts, as {@code PersonFields.matchesLocation} in memory. */
    Filter location(String country, String region, String city) {
        return and("upper(r.address.country) = upper(:country)", "country", country)
                .and("upper(r.address.region) = upper(:region)", "region", region)
                .and("upper(r.address.city) = upper(:city)", "city", city);
    }

    String where() {
        return where.toString();
    }

    Map<String, Object> params() {
        return params;
    }
}
