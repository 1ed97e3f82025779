package dev.crmkit.jpa;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.UserId;
import java.util.UUID;

/** Null-tolerant conversions between typed ids and column values. */
final class Ids {
    private Ids() {
    }

    static UUID uuid(EntityId id) {
        return id == null ? null : id.value();
    }

    static String user(UserId user) {
        return user == null ? null : user.value();
    }

    static UserId user(String value) {
        return value == null ? null : UserId.of(value);
    }
}
