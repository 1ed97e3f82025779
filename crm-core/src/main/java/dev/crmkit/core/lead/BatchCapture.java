package dev.crmkit.core.lead;

import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.LeadId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link LeadService#captureAll} did with one lead.
 *
 * @param id         the stored lead, or null when it was refused or not stored
 * @param duplicates the leads and contacts it looks like, best first (also when it was not stored)
 * @param errors     why it was refused (field names as in {@link NewLead}); empty otherwise
 */
public record BatchCapture(@Nullable LeadId id, List<DuplicateMatch> duplicates, List<FieldError> errors) {
    public BatchCapture {
        duplicates = List.copyOf(duplicates);
        errors = List.copyOf(errors);
    }

    public boolean stored() {
        return id != null;
    }
}
