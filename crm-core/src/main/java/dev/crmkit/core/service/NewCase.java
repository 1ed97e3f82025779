package dev.crmkit.core.service;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A case to open. Required: a contact or an account (a contact implies its account), the channel and a subject.
 * Defaults: kind SUPPORT_REQUEST, priority MEDIUM, owner the acting user.
 */
public record NewCase(@Nullable ContactId contact, @Nullable AccountId account, @Nullable ProductId product,
                      @Nullable String productCode, @Nullable OrderId order, @Nullable CaseKind kind,
                      @Nullable String category, @Nullable CasePriority priority, Channel channel, String subject,
                      @Nullable String description, @Nullable UserId owner) {

    /** A support request from {@code contact} with the defaults above. */
    public static NewCase from(ContactId contact, Channel channel, String subject) {
        return new NewCase(contact, null, null, null, null, null, null, null, channel, subject, null, null);
    }

    public NewCase withAccount(AccountId value) {
        return new NewCase(contact, value, product, productCode, order, kind, category, priority, channel, subject,
                description, owner);
    }

    /** About a product, by catalog id and/or product code (either may be null). */
    public NewCase about(ProductId id, String code) {
        return new NewCase(contact, account, id, code, order, kind, category, priority, channel, subject, description,
                owner);
    }

    public NewCase withOrder(OrderId value) {
        return new NewCase(contact, account, product, productCode, value, kind, category, priority, channel, subject,
                description, owner);
    }

    public NewCase withKind(CaseKind value, String categoryName) {
        return new NewCase(contact, account, product, productCode, order, value, categoryName, priority, channel,
                subject, description, owner);
    }

    public NewCase withPriority(CasePriority value) {
        return new NewCase(contact, account, product, productCode, order, kind, category, value, channel, subject,
                description, owner);
    }

    public NewCase withDescription(String value) {
        return new NewCase(contact, account, product, productCode, order, kind, category, priority, channel, subject,
                value, owner);
    }

    public NewCase withOwner(UserId value) {
        return new NewCase(contact, account, product, productCode, order, kind, category, priority, channel, subject,
                description, value);
    }
}
