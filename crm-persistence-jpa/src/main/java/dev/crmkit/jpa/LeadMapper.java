package dev.crmkit.jpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.crmkit.core.lead.FieldAgreement;
import dev.crmkit.core.lead.Identity;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadHistoryEntry;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.MatchField;
import dev.crmkit.core.lead.Origin;
import dev.crmkit.core.lead.Outcome;
import dev.crmkit.core.lead.Reach;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@link Lead} to {@link LeadEntity} and back. */
final class LeadMapper {
    private LeadMapper() {
    }

    static LeadEntity toRow(Lead l) {
        LeadEntity r = new LeadEntity();
        r.firstName = l.identity().firstName();
        r.lastName = l.identity().lastName();
        r.company = l.identity().company();
        r.title = l.identity().title();
        r.email = l.reach().email() == null ? null : l.reach().email().value();
        r.phone = l.reach().phone() == null ? null : l.reach().phone().value();
        r.unverifiedPhone = l.reach().unverifiedPhone();
        r.address = AddressColumns.of(l.reach().address());
        r.source = l.origin().source().name();
        Attribution a = l.origin().attribution();
        r.campaignId = Ids.uuid(a.campaign());
        r.adId = Ids.uuid(a.ad());
        r.affiliateId = Ids.uuid(a.affiliate());
        r.consentEmail = l.consent().emailMarketing();
        r.consentPhone = l.consent().phoneContact();
        r.consentPostal = l.consent().postalMail();
        r.consentTracking = l.consent().tracking();
        r.status = l.status().name();
        r.unqualifiedReason = l.outcome().unqualifiedReason();
        r.score = l.score();
        r.ownerId = Ids.user(l.owner());
        r.spam = l.spam();
        r.birthDate = l.identity().birthDate();
        r.duplicates = JsonColumns.objects(l.duplicates(), LeadMapper::duplicate);
        r.visitorIds = JsonColumns.strings(l.visitorIds());
        r.tags = JsonColumns.strings(l.tags());
        r.customFields = JsonColumns.stringMap(l.customFields());
        r.history = JsonColumns.objects(l.history(), h -> JsonColumns.object()
                .put("at", h.at() == null ? null : h.at().toString()).put("by", Ids.user(h.by()))
                .put("action", h.action()).put("detail", h.detail()));
        r.mergedInto = Ids.uuid(l.outcome().mergedInto());
        r.convertedAccount = Ids.uuid(l.outcome().convertedAccount());
        r.convertedContact = Ids.uuid(l.outcome().convertedContact());
        r.createdAt = l.createdAt();
        r.updatedAt = l.updatedAt();
        return r;
    }

    /** A match as JSON: its score, certainty and explanation too (rows stored before V12 have none of these). */
    private static ObjectNode duplicate(DuplicateMatch d) {
        ObjectNode n = JsonColumns.object().put("kind", d.kind().name()).put("id", d.id().toString())
                .put("reason", d.reason().name()).put("similarity", d.similarity()).put("score", d.score())
                .put("certainty", d.certainty().name());
        ArrayNode why = n.putArray("explanation");
        for (FieldAgreement f : d.explanation()) {
            why.addObject().put("field", f.field().name()).put("level", f.level().name()).put("weight", f.weight());
        }
        return n;
    }

    private static DuplicateMatch duplicate(JsonNode n) {
        List<FieldAgreement> why = new ArrayList<>();
        if (n.has("explanation")) {
            for (JsonNode f : n.get("explanation")) {
                why.add(new FieldAgreement(MatchField.valueOf(f.get("field").asText()),
                        FieldAgreement.Level.valueOf(f.get("level").asText()), f.get("weight").asDouble()));
            }
        }
        String certainty = JsonColumns.text(n, "certainty");
        return new DuplicateMatch(DuplicateMatch.Kind.valueOf(n.get("kind").asText()),
                UUID.fromString(n.get("id").asText()), DuplicateMatch.Reason.valueOf(n.get("reason").asText()),
                n.get("similarity").asDouble(), n.has("score") ? n.get("score").asDouble() : 0,
                certainty == null ? DuplicateMatch.Certainty.POSSIBLE : DuplicateMatch.Certainty.valueOf(certainty),
                why);
    }

    static Lead toLead(LeadEntity r) {
        return new Lead(LeadId.of(r.id), r.version,
                new Identity(r.firstName, r.lastName, r.company, r.title, r.birthDate),
                new Reach(r.email == null ? null : EmailAddress.of(r.email),
                        r.phone == null ? null : new PhoneNumber(r.phone), r.unverifiedPhone,
                        AddressColumns.toAddress(r.address)),
                new Origin(LeadSource.valueOf(r.source),
                        new Attribution(r.campaignId == null ? null : CampaignId.of(r.campaignId),
                                r.adId == null ? null : AdId.of(r.adId),
                                r.affiliateId == null ? null : AffiliateId.of(r.affiliateId))),
                new Consent(r.consentEmail, r.consentPhone, r.consentTracking, r.consentPostal),
                LeadStatus.valueOf(r.status),
                new Outcome(r.unqualifiedReason, r.mergedInto == null ? null : LeadId.of(r.mergedInto),
                        r.convertedAccount == null ? null : AccountId.of(r.convertedAccount),
                        r.convertedContact == null ? null : ContactId.of(r.convertedContact)),
                r.score, r.spam, Ids.user(r.ownerId),
                JsonColumns.objects(r.duplicates, LeadMapper::duplicate),
                JsonColumns.stringSet(r.visitorIds), JsonColumns.stringSet(r.tags),
                JsonColumns.stringMap(r.customFields),
                r.createdAt, r.updatedAt,
                JsonColumns.objects(r.history, n -> {
                    String at = JsonColumns.text(n, "at");
                    String by = JsonColumns.text(n, "by");
                    return new LeadHistoryEntry(at == null ? null : Instant.parse(at), Ids.user(by),
                            JsonColumns.text(n, "action"), JsonColumns.text(n, "detail"));
                }));
    }
}
