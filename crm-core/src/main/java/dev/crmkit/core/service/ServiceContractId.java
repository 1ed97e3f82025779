package dev.crmkit.core.service;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.ValidationException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Identifies a service contract (entitlement) of an account. */
public record ServiceContractId(UUID value) implements EntityId, Ref<ServiceContractId> {
    public ServiceContractId {
        Objects.requireNonNull(value, "ServiceContractId");
    }

    public static ServiceContractId of(UUID value) {
        return new ServiceContractId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@code ValidationException}. */
    public static ServiceContractId parse(String text) {
        try {
            return new ServiceContractId(UUID.fromString(text.strip()));
        } catch (RuntimeException e) {
            throw new ValidationException("ServiceContractId", "is not a UUID: " + text);
        }
    }

    /** The id itself: a change passed an id applies to the record as stored now. */
    @Override
    public ServiceContractId id() {
        return this;
    }

    @Override
    public OptionalLong expectedVersion() {
        return OptionalLong.empty();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
