package dev.crmkit.core.sales;

import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.ValidationException;
import java.util.Objects;

/**
 * One step of the sales process.
 *
 * @param probability default win probability in percent (0..100), copied onto an opportunity entering the stage
 * @param category    forecast category of opportunities in the stage
 */
public record SalesStage(String name, int probability, ForecastCategory category) {
    public SalesStage {
        name = Text.blankToNull(name);
        if (name == null) {
            throw new ValidationException("name", "is required");
        }
        if (probability < 0 || probability > 100) {
            throw new ValidationException("probability", "must be between 0 and 100");
        }
        Objects.requireNonNull(category, "category");
    }
}
