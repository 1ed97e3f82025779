package dev.crmkit.core.common;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Identifies a marketing campaign. */
public record CampaignId(UUID value) implements EntityId, Ref<CampaignId> {
    public CampaignId {
        Objects.requireNonNull(value, "CampaignId");
    }

    public static CampaignId of(UUID value) {
        return new CampaignId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static CampaignId parse(String text) {
        return new CampaignId(Ids.parse(text, "CampaignId"));
    }

    /** The id itself: a change passed an id applies to the record as stored now. */
    @Override
    public CampaignId id() {
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
