package dev.crmkit.core.nurture;

import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A tenant's stored nurture sequence. People are enrolled only while it is {@code active}. */
public record Sequence(SequenceId id, long version, SequenceDefinition definition, boolean active, Instant createdAt,
                       Instant updatedAt) implements Versioned<SequenceId, Sequence> {
    public Sequence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public String name() {
        return definition.name();
    }

    @Override
    public Sequence withVersion(long newVersion) {
        return new Sequence(id, newVersion, definition, active, createdAt, updatedAt);
    }

    Sequence activate(boolean on, Instant now) {
        return new Sequence(id, version, definition, on, createdAt, now);
    }
}
