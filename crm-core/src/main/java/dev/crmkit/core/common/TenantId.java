package dev.crmkit.core.common;

import java.util.Objects;
import java.util.regex.Pattern;

/** A tenant: the unit of data isolation. Single-tenant hosts use {@link #DEFAULT}. */
public record TenantId(String value) {
    /** The longest tenant id, in characters. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0," + (MAX_LENGTH - 1) + "}");

    public static final TenantId DEFAULT = new TenantId("default");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!VALID.matcher(value).matches()) {
            throw new ValidationException("tenant", "must be 1-" + MAX_LENGTH + " letters, digits, '.', '_' or '-'");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
