package dev.crmkit.core.customer;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The optional demographic facts the demographic reports count; {@code ageBand} is set from the birth date when one
 * is known.
 */
public record Demographics(@Nullable LocalDate birthDate, @Nullable AgeBand ageBand, @Nullable Gender gender) {
    public static final Demographics NONE = new Demographics(null, null, null);
}
