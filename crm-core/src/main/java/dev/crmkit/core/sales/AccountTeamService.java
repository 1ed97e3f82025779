package dev.crmkit.core.sales;

import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountService;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactService;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.sales.SalesEvent.AccountTeamChanged;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Account management: the team of reps working each account (with roles), the accounts a rep works, and one
 * overview per account (team, key decision makers, opportunities, orders, purchases, recent interactions). The
 * team may be changed by a manager or by the account's owner.
 */
public final class AccountTeamService {
    private final CrmContext<? extends SalesTx> ctx;
    private final CustomerService customers;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public AccountTeamService(CrmContext<? extends SalesTx> ctx) {
        this.ctx = ctx;
        this.customers = new CustomerService(ctx);
    }

    /** Adds {@code user} to the account's team in {@code role}, or changes the member's role. */
    public AccountTeam addMember(AccountId account, UserId user, String role) {
        Validation v = new Validation();
        v.require("user", user);
        String r = v.requireText("role", role);
        v.throwIfInvalid();
        return change(account, t -> t.with(user, Validation.checked(r), ctx.now()));
    }

    /** Removes {@code user} from the account's team; removing a non-member changes nothing. */
    public AccountTeam removeMember(AccountId account, UserId user) {
        Validation.argument("user", user);
        return change(account, t -> t.member(user).isPresent() ? t.without(user, ctx.now()) : t);
    }

    private AccountTeam change(AccountId account, UnaryOperator<AccountTeam> step) {
        return ctx.write(tx -> {
            Account a = AccountService.visible(ctx, tx, account);
            Actor actor = ctx.actor();
            if (!actor.hasRole(Actor.MANAGER) && !actor.user().equals(a.owner())) {
                throw new AccessDeniedException(actor.user() + " is neither a manager nor the owner of account "
                        + account + " and may not change its team");
            }
            AccountTeam current = current(tx, account);
            AccountTeam changed = step.apply(current);
            if (changed == current) {
                return current;
            }
            AccountTeam saved = tx.accountTeams().save(changed);
            ctx.raise(new AccountTeamChanged(actor.tenant(), ctx.now(), saved));
            return saved;
        });
    }

    private AccountTeam current(SalesTx tx, AccountId account) {
        return tx.accountTeams().find(account).orElseGet(() -> new AccountTeam(account, 0, List.of(), ctx.now()));
    }

    /** The account's team (empty when nobody was added); an unknown account is a {@code NotFoundException}. */
    public AccountTeam team(AccountId account) {
        return ctx.read(tx -> {
            AccountService.visible(ctx, tx, account);
            return current(tx, account);
        });
    }

    /** The accounts {@code user} works as a team member that the caller sees (ordered by account id). */
    public List<AccountId> accountsOf(UserId user) {
        return ctx.read(tx -> tx.accountTeams().findByMember(user).stream().map(AccountTeam::id)
                .filter(AccountService.seenAccounts(ctx, tx)).toList());
    }

    /** True when {@code user} owns the account or is on its team. */
    public boolean works(AccountId account, UserId user) {
        return ctx.read(tx -> user.equals(AccountService.visible(ctx, tx, account).owner())
                || tx.accountTeams().find(account).flatMap(t -> t.member(user)).isPresent());
    }

    /**
     * Everything about the account at once. {@code activity} selects the page of the interaction timeline (newest
     * first) included; the rest comes from one consistent read.
     */
    public AccountOverview overview(AccountId account, PageRequest activity) {
        AccountOverview base = ctx.read(tx -> {
            Account a = AccountService.visible(ctx, tx, account);
            List<Contact> deciders = ContactService.seen(ctx, tx, tx.contacts().findByAccount(account).stream()
                    .filter(Contact::keyDecisionMaker).toList());
            return new AccountOverview(a, current(tx, account).members(), deciders,
                    OpportunityService.seen(ctx, tx, tx.opportunities().findByAccount(account)),
                    tx.orders().findByAccount(account),
                    tx.purchases().findByAccount(account), Page.of(List.of(), activity));
        });
        // The timeline is the customer service's (its own read); the placeholder page above is replaced here.
        return new AccountOverview(base.account(), base.team(), base.keyDecisionMakers(), base.opportunities(),
                base.orders(), base.purchases(), customers.timeline(account, activity));
    }
}
