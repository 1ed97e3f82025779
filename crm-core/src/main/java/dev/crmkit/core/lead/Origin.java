package dev.crmkit.core.lead;

import java.util.Objects;

/** Where a lead came from: the channel that captured it and the campaign, ad and affiliate credited for it. */
public record Origin(LeadSource source, Attribution attribution) {
    public Origin {
        Objects.requireNonNull(source, "source");
        attribution = attribution == null ? Attribution.NONE : attribution;
    }

    /** Captured through {@code source}, credited to nobody. */
    public static Origin of(LeadSource source) {
        return new Origin(source, Attribution.NONE);
    }
}
