package dev.crmkit.core.lead;

import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.MatchKeys;
import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.UUID;

/** The two halves of a merge: what the surviving lead takes over, and how the duplicate is retired. */
final class LeadMerge {
    private LeadMerge() {
    }

    /** {@code keep} with {@code gone}'s values where it has none, both histories, and no match on {@code gone}. */
    static Lead absorb(Lead keep, Lead gone, Instant at, UserId by) {
        LeadDraft d = LeadDraft.from(keep);
        d.firstName = first(keep.firstName(), gone.firstName());
        d.lastName = first(keep.lastName(), gone.lastName());
        d.company = first(keep.company(), gone.company());
        d.title = first(keep.title(), gone.title());
        d.email = first(keep.email(), gone.email());
        d.phone = first(keep.phone(), gone.phone());
        d.unverifiedPhone = d.phone != null ? null : first(keep.unverifiedPhone(), gone.unverifiedPhone());
        d.address = first(keep.address(), gone.address());
        d.birthDate = first(keep.birthDate(), gone.birthDate());
        d.owner = first(keep.owner(), gone.owner());
        d.attribution = keep.attribution().isEmpty() ? gone.attribution() : keep.attribution();
        // Consent given on either record was given by the same person.
        d.consent = new Consent(keep.consent().emailMarketing() || gone.consent().emailMarketing(),
                keep.consent().phoneContact() || gone.consent().phoneContact(),
                keep.consent().tracking() || gone.consent().tracking());
        d.visitorIds.addAll(gone.visitorIds());
        d.tags.addAll(gone.tags());
        gone.customFields().forEach((k, v) -> {
            if (d.customFields.size() < LeadLimits.CUSTOM_FIELDS) {
                d.customFields.putIfAbsent(k, v); // the survivor's own first; a merge never leaves the limits
            }
        });
        UUID goneId = gone.id().value();
        d.duplicates.removeIf(m -> m.id().equals(goneId));
        gone.duplicates().stream()
                .filter(m -> !m.id().equals(keep.id().value()))
                .filter(m -> d.duplicates.stream().noneMatch(x -> x.id().equals(m.id())))
                .forEach(d.duplicates::add);
        d.nameKey = MatchKeys.person(d.firstName, d.lastName);
        d.history.addAll(gone.history());
        d.history.sort(LeadService.HISTORY_ORDER);
        return d.log(at, by, "MERGED", "absorbed lead " + gone.id()).build();
    }

    /** {@code gone} as MERGED into {@code survivor}. */
    static Lead retire(Lead gone, LeadId survivor, Instant at, UserId by) {
        Lead moved = gone.moveTo(LeadStatus.MERGED, null, at, by);
        LeadDraft d = LeadDraft.from(moved);
        d.mergedInto = survivor;
        d.visitorIds.clear();
        return d.log(at, by, "MERGED", "into lead " + survivor).build();
    }

    private static <T> T first(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
