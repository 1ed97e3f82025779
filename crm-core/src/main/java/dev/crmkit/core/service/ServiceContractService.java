package dev.crmkit.core.service;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.service.ServiceEvent.ServiceContractSaved;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Service contracts and entitlements of accounts. */
public final class ServiceContractService {
    private final CrmContext<? extends ServiceTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public ServiceContractService(CrmContext<? extends ServiceTx> ctx) {
        this.ctx = ctx;
    }

    /** Creates a contract; every invalid field is reported at once. */
    public ServiceContract create(ContractTerms terms) {
        return save(null, terms);
    }

    /**
     * Replaces the terms of the contract {@code read}, the record they were computed from; cases opened before keep
     * the due times they got. When it changed since, nothing is written and this is a
     * {@code ConcurrentUpdateException}.
     */
    public ServiceContract update(ServiceContract read, ContractTerms terms) {
        return save(Objects.requireNonNull(read, "read"), terms);
    }

    /** As {@link #update(ServiceContract, ContractTerms)}, for a caller that kept the id and the version it read. */
    public ServiceContract update(ServiceContractId id, long expectedVersion, ContractTerms terms) {
        return save(Ref.of(id, expectedVersion), terms);
    }

    /** Creates ({@code ref} null) or replaces the contract {@code ref}. */
    private ServiceContract save(@Nullable Ref<ServiceContractId> ref, ContractTerms t) {
        Validation.argument("terms", t);
        return ctx.write(tx -> {
            ServiceContract old = ref == null ? null : tx.serviceContracts().current(ref);
            ServiceContractId id = ref == null ? null : ref.id();
            Validation v = new Validation();
            if (v.require("account", t.account()) != null) {
                v.check(tx.accounts().find(t.account()).isPresent(), "account", "no such account: " + t.account());
                v.check(old == null || old.account().equals(t.account()), "account", "cannot change");
            }
            String name = v.requireText("name", t.name());
            if (v.require("startDate", t.startDate()) != null && t.endDate() != null) {
                v.check(!t.endDate().isBefore(t.startDate()), "endDate", "must not be before the start date");
            }
            checkLevels(t, v);
            Set<String> codes = t.productCodes() == null ? Set.of() : t.productCodes().stream().map(Text::blankToNull)
                    .filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
            v.throwIfInvalid();
            Instant now = ctx.now();
            ServiceContract saved = tx.serviceContracts().save(new ServiceContract(
                    id == null ? ServiceContractId.of(ctx.newId()) : id, old == null ? 0 : old.version(),
                    t.account(), Validation.checked(name), t.startDate(), t.endDate(), t.products(), codes, t.levels(),
                    t.hours(),
                    old == null ? now : old.createdAt(), now));
            ctx.raise(new ServiceContractSaved(ctx.actor().tenant(), now, saved));
            return saved;
        });
    }

    private static void checkLevels(ContractTerms t, Validation v) {
        if (v.require("levels", t.levels()) == null) {
            return;
        }
        for (CasePriority p : CasePriority.values()) {
            ServiceLevel level = t.levels().get(p);
            String field = "levels." + p;
            if (level == null) {
                v.check(false, field, "is required");
            } else {
                v.check(positive(level.firstResponse()) && positive(level.resolution()), field,
                        "targets must be positive");
                v.check(level.firstResponse().compareTo(level.resolution()) <= 0, field,
                        "first response must not come after resolution");
            }
        }
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    public ServiceContract get(ServiceContractId id) {
        return ctx.read(tx -> tx.serviceContracts().get(id));
    }

    /** All contracts of the account, by start date. */
    public List<ServiceContract> ofAccount(AccountId account) {
        return ctx.read(tx -> tx.serviceContracts().findByAccount(account));
    }

    /** The account's contracts valid now, by start date. */
    public List<ServiceContract> activeFor(AccountId account) {
        Instant now = ctx.now();
        return ofAccount(account).stream().filter(c -> c.activeAt(now)).toList();
    }
}
