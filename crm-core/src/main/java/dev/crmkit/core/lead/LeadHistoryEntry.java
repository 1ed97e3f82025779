package dev.crmkit.core.lead;

import dev.crmkit.core.common.UserId;
import java.time.Instant;

/** One line of a lead's history: what happened, when, by whom. Merges carry the merged lead's lines over. */
public record LeadHistoryEntry(Instant at, UserId by, String action, String detail) {
}
