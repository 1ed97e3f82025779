package dev.crmkit.core.sales;

import dev.crmkit.core.common.Page;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.customer.TimelineEntry;
import java.util.List;

/**
 * What a rep sees of an account at once: its team, key decision makers, opportunities, orders, purchase history
 * and the newest interactions (the account's timeline from customer tracking).
 */
public record AccountOverview(Account account, List<TeamMember> team, List<Contact> keyDecisionMakers,
                              List<Opportunity> opportunities, List<Order> orders, List<Purchase> purchases,
                              Page<TimelineEntry> recentActivity) {
    public AccountOverview {
        team = List.copyOf(team);
        keyDecisionMakers = List.copyOf(keyDecisionMakers);
        opportunities = List.copyOf(opportunities);
        orders = List.copyOf(orders);
        purchases = List.copyOf(purchases);
    }
}
