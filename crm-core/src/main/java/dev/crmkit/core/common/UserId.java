package dev.crmkit.core.common;

import java.util.Objects;

/** A user of the host application (a sales rep, a manager, an agent); CRMKit does not own user accounts. */
public record UserId(String value) {
    /** The longest user id, in characters. */
    public static final int MAX_LENGTH = 128;

    public static final UserId SYSTEM = new UserId("system");

    public UserId {
        Objects.requireNonNull(value, "user id");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new ValidationException("userId", "must be 1-128 characters, not blank");
        }
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
