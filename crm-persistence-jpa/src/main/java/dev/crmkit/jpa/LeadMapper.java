package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.lead.Attribution;
import dev.crmkit.core.lead.DuplicateMatch;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadHistoryEntry;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import java.time.Instant;
import java.util.UUID;

/** {@link Lead} to {@link LeadEntity} and back. */
final class LeadMapper {
    private LeadMapper() {
    }

    static LeadEntity toRow(Lead l) {
        LeadEntity r = new LeadEntity();
        r.firstName = l.firstName();
        r.lastName = l.lastName();
        r.company = l.company();
        r.title = l.title();
        r.email = l.email() == null ? null : l.email().value();
        r.phone = l.phone() == null ? null : l.phone().value();
        r.address = AddressColumns.of(l.address());
        r.source = l.source().name();
        Attribution a = l.attribution();
        r.campaignId = Ids.uuid(a.campaign());
        r.adId = Ids.uuid(a.ad());
        r.affiliateId = Ids.uuid(a.affiliate());
        r.consentEmail = l.consent().emailMarketing();
        r.consentPhone = l.consent().phoneContact();
        r.consentTracking = l.consent().tracking();
        r.status = l.status().name();
        r.unqualifiedReason = l.unqualifiedReason();
        r.score = l.score();
        r.ownerId = Ids.user(l.owner());
        r.spam = l.spam();
        r.duplicates = JsonColumns.objects(l.duplicates(), d -> JsonColumns.object()
                .put("kind", d.kind().name()).put("id", d.id().toString())
                .put("reason", d.reason().name()).put("similarity", d.similarity()));
        r.visitorIds = JsonColumns.strings(l.visitorIds());
        r.tags = JsonColumns.strings(l.tags());
        r.customFields = JsonColumns.stringMap(l.customFields());
        r.history = JsonColumns.objects(l.history(), h -> JsonColumns.object()
                .put("at", h.at() == null ? null : h.at().toString()).put("by", Ids.user(h.by()))
                .put("action", h.action()).put("detail", h.detail()));
        r.nameKey = l.nameKey();
        r.mergedInto = Ids.uuid(l.mergedInto());
        r.convertedAccount = Ids.uuid(l.convertedAccount());
        r.convertedContact = Ids.uuid(l.convertedContact());
        r.createdAt = l.createdAt();
        r.updatedAt = l.updatedAt();
        return r;
    }

    static Lead toLead(LeadEntity r) {
        return new Lead(LeadId.of(r.id), r.version, r.firstName, r.lastName, r.company, r.title,
                r.email == null ? null : EmailAddress.of(r.email), r.phone == null ? null : new PhoneNumber(r.phone),
                AddressColumns.toAddress(r.address), LeadSource.valueOf(r.source),
                new Attribution(r.campaignId == null ? null : CampaignId.of(r.campaignId),
                        r.adId == null ? null : AdId.of(r.adId),
                        r.affiliateId == null ? null : AffiliateId.of(r.affiliateId)),
                new Consent(r.consentEmail, r.consentPhone, r.consentTracking), LeadStatus.valueOf(r.status),
                r.unqualifiedReason, r.score, Ids.user(r.ownerId), r.spam,
                JsonColumns.objects(r.duplicates, n -> new DuplicateMatch(
                        DuplicateMatch.Kind.valueOf(n.get("kind").asText()), UUID.fromString(n.get("id").asText()),
                        DuplicateMatch.Reason.valueOf(n.get("reason").asText()), n.get("similarity").asDouble())),
                JsonColumns.stringSet(r.visitorIds), JsonColumns.stringSet(r.tags),
                JsonColumns.stringMap(r.customFields),
                r.nameKey,
                r.mergedInto == null ? null : LeadId.of(r.mergedInto),
                r.convertedAccount == null ? null : AccountId.of(r.convertedAccount),
                r.convertedContact == null ? null : ContactId.of(r.convertedContact),
                r.createdAt, r.updatedAt,
                JsonColumns.objects(r.history, n -> {
                    String at = JsonColumns.text(n, "at");
                    String by = JsonColumns.text(n, "by");
                    return new LeadHistoryEntry(at == null ? null : Instant.parse(at), Ids.user(by),
                            JsonColumns.text(n, "action"), JsonColumns.text(n, "detail"));
                }));
    }
}
