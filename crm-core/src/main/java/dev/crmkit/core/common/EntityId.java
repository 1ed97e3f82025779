package dev.crmkit.core.common;

import java.util.UUID;

/** A typed identifier wrapping a time-ordered UUID, so ids of different aggregates cannot be mixed up. */
public interface EntityId {
    UUID value();
}
