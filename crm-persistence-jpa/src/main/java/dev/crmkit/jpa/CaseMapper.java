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
import dev.crmkit.core.service.Closure;
import dev.crmkit.core.service.EscalationKind;
import dev.crmkit.core.service.Regarding;
import dev.crmkit.core.service.ServiceContractId;
import dev.crmkit.core.service.Targets;
import dev.crmkit.core.service.Triage;
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
        r.accountId = Ids.uuid(c.regarding().account());
        r.contactId = Ids.uuid(c.regarding().contact());
        r.productId = Ids.uuid(c.regarding().product());
        r.productCode = c.regarding().productCode();
        r.orderId = Ids.uuid(c.regarding().order());
        r.kind = c.triage().kind().name();
        r.category = c.triage().category();
        r.priority = c.triage().priority().name();
        r.channel = c.triage().channel().name();
        r.subject = c.subject();
        r.description = c.description();
        r.ownerId = Ids.user(c.owner());
        r.status = c.status().name();
        r.contractId = Ids.uuid(c.targets().contract());
        r.firstResponseDue = c.targets().firstResponseDue();
        r.resolutionDue = c.targets().resolutionDue();
        r.firstRespondedAt = c.targets().firstRespondedAt();
        r.resolvedAt = c.closure().resolvedAt();
        r.resolution = c.closure().resolution();
        r.closedAt = c.closure().closedAt();
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
                new Regarding(r.accountId == null ? null : AccountId.of(r.accountId),
                        r.contactId == null ? null : ContactId.of(r.contactId),
                        r.productId == null ? null : ProductId.of(r.productId), r.productCode,
                        r.orderId == null ? null : OrderId.of(r.orderId)),
                new Triage(CaseKind.valueOf(r.kind), r.category, CasePriority.valueOf(r.priority),
                        Channel.valueOf(r.channel)),
                r.subject, r.description, Ids.user(r.ownerId), CaseStatus.valueOf(r.status),
                new Targets(r.contractId == null ? null : ServiceContractId.of(r.contractId), r.firstResponseDue,
                        r.resolutionDue, r.firstRespondedAt),
                new Closure(r.resolution, r.resolvedAt, r.closedAt),
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
        Instant first = c.targets().firstRespondedAt() == null ? c.targets().firstResponseDue() : null;
        Instant resolution = c.targets().resolutionDue();
        if (first == null) {
            return resolution;
        }
        return resolution == null || first.isBefore(resolution) ? first : resolution;
    }
}
