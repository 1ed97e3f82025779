package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FeedbackId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.service.ArticleId;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.CaseComment;
import dev.crmkit.core.service.CaseHistoryEntry;
import dev.crmkit.core.service.CaseKind;
import dev.crmkit.core.service.CasePriority;
import dev.crmkit.core.service.CaseStatus;
import dev.crmkit.core.service.EscalationKind;
import dev.crmkit.core.service.ServiceContractId;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@link Case} to {@link CaseEntity} and back. */
final class CaseMapper {
    private CaseMapper() {
    }

    static CaseEntity toRow(Case c) {
        CaseEntity r = new CaseEntity();
        r.trackingNumber = c.trackingNumber();
        r.accountId = Ids.uuid(c.account());
        r.contactId = Ids.uuid(c.contact());
        r.productId = Ids.uuid(c.product());
        r.productCode = c.productCode();
        r.orderId = Ids.uuid(c.order());
        r.kind = c.kind().name();
        r.category = c.category();
        r.priority = c.priority().name();
        r.channel = c.channel().name();
        r.subject = c.subject();
        r.description = c.description();
        r.ownerId = Ids.user(c.owner());
        r.status = c.status().name();
        r.contractId = Ids.uuid(c.contract());
        r.firstResponseDue = c.firstResponseDue();
        r.resolutionDue = c.resolutionDue();
        r.firstRespondedAt = c.firstRespondedAt();
        r.resolvedAt = c.resolvedAt();
        r.resolution = c.resolution();
        r.closedAt = c.closedAt();
        r.escalations = JsonColumns.strings(c.escalations().stream().map(Enum::name).toList());
        r.articles = JsonColumns.strings(articleKeys(c));
        r.feedbackId = Ids.uuid(c.feedback());
        r.comments = JsonColumns.objects(c.comments(), m -> JsonColumns.object()
                .put("at", m.at().toString()).put("author", Ids.user(m.author()))
                .put("text", m.text()).put("toCustomer", m.toCustomer()));
        r.history = JsonColumns.objects(c.history(), h -> JsonColumns.object()
                .put("at", h.at().toString()).put("actor", Ids.user(h.actor()))
                .put("action", h.action()).put("detail", h.detail()));
        r.nextDue = nextDue(c);
        r.createdAt = c.createdAt();
        r.updatedAt = c.updatedAt();
        return r;
    }

    static Case toCase(CaseEntity r) {
        return new Case(CaseId.of(r.id), r.version, r.trackingNumber,
                r.accountId == null ? null : AccountId.of(r.accountId),
                r.contactId == null ? null : ContactId.of(r.contactId),
                r.productId == null ? null : ProductId.of(r.productId), r.productCode,
                r.orderId == null ? null : OrderId.of(r.orderId), CaseKind.valueOf(r.kind), r.category,
                CasePriority.valueOf(r.priority), Channel.valueOf(r.channel), r.subject, r.description,
                Ids.user(r.ownerId), CaseStatus.valueOf(r.status),
                r.contractId == null ? null : ServiceContractId.of(r.contractId), r.firstResponseDue,
                r.resolutionDue, r.firstRespondedAt, r.resolvedAt, r.resolution, r.closedAt,
                JsonColumns.stringSet(r.escalations).stream().map(EscalationKind::valueOf)
                        .collect(Collectors.toSet()),
                JsonColumns.stringSet(r.articles).stream().map(a -> ArticleId.of(UUID.fromString(a)))
                        .collect(Collectors.toSet()),
                r.feedbackId == null ? null : FeedbackId.of(r.feedbackId),
                JsonColumns.objects(r.comments, n -> new CaseComment(Instant.parse(n.get("at").asText()),
                        Ids.user(JsonColumns.text(n, "author")), n.get("text").asText(),
                        n.get("toCustomer").asBoolean())),
                JsonColumns.objects(r.history, n -> new CaseHistoryEntry(Instant.parse(n.get("at").asText()),
                        Ids.user(JsonColumns.text(n, "actor")), n.get("action").asText(),
                        JsonColumns.text(n, "detail"))),
                r.createdAt, r.updatedAt);
    }

    /** The linked articles as key values of {@code crm_case_article}. */
    static java.util.List<String> articleKeys(Case c) {
        return c.articles().stream().map(ArticleId::toString).toList();
    }

    /**
     * The earliest target the case has not met yet, or null when none is left: the first response while none was
     * given, and the resolution, for open cases only. A case is overdue at {@code t} exactly when this is before
     * {@code t}, which is the condition {@code findOpenDueBefore} asks for.
     */
    static Instant nextDue(Case c) {
        if (!c.status().isOpen()) {
            return null;
        }
        Instant first = c.firstRespondedAt() == null ? c.firstResponseDue() : null;
        Instant resolution = c.resolutionDue();
        if (first == null) {
            return resolution;
        }
        return resolution == null || first.isBefore(resolution) ? first : resolution;
    }
}
