package dev.crmkit.core.memory;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.GeoCircle;
import dev.crmkit.core.common.GeoSearch;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.Operator;
import dev.crmkit.core.segment.SegmentField;
import dev.crmkit.core.segment.SegmentQueries;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.sharing.Visibility;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates segment criteria over one tenant's tables: a scan of the target's rows (segment evaluation is a query
 * over all of them), with last activity and purchase totals computed per candidate through the touchpoint and
 * purchase indexes, and only when the criteria use them.
 */
final class MemorySegmentQueries implements SegmentQueries {
    private static final Comparator<Object> ANY_ORDER = (a, b) -> 0;

    private final TenantTables tables;
    private final MemoryTx tx;

    MemorySegmentQueries(TenantTables tables, MemoryTx tx) {
        this.tables = tables;
        this.tx = tx;
    }

    @Override
    public Page<EntityId> members(SegmentTarget target, Criteria criteria, Visibility visibility, PageRequest page) {
        tx.checkOpen();
        Predicate<Row> test = compile(criteria);
        List<EntityId> ids = switch (target) {
            case LEAD -> leads().filter(tx.leads().seenBy(visibility)).filter(l -> test.test(row(l)))
                    .sorted(MemoryLeadRepository.ORDER).map(l -> (EntityId) l.id()).toList();
            case CONTACT -> tables.contacts.scan().filter(tx.contacts().seenBy(visibility))
                    .filter(c -> test.test(row(c))).sorted(MemoryContactRepository.ORDER)
                    .map(c -> (EntityId) c.id()).toList();
            case ACCOUNT -> tables.accounts.scan().filter(tx.accounts().seenBy(visibility))
                    .filter(a -> test.test(row(a)))
                    .sorted(Comparator.comparing(Account::createdAt).thenComparing(Account::id))
                    .map(a -> (EntityId) a.id()).toList();
        };
        return Page.of(ids, page);
    }

    @Override
    public long count(SegmentTarget target, Criteria criteria, Visibility visibility) {
        tx.checkOpen();
        Predicate<Row> test = compile(criteria);
        return switch (target) {
            case LEAD -> leads().filter(tx.leads().seenBy(visibility)).filter(l -> test.test(row(l))).count();
            case CONTACT -> tables.contacts.scan().filter(tx.contacts().seenBy(visibility))
                    .filter(c -> test.test(row(c))).count();
            case ACCOUNT -> tables.accounts.scan().filter(tx.accounts().seenBy(visibility))
                    .filter(a -> test.test(row(a))).count();
        };
    }

    @Override
    public boolean matches(SegmentTarget target, EntityId id, Criteria criteria) {
        tx.checkOpen();
        Predicate<Row> test = compile(criteria);
        return switch (target) {
            case LEAD -> tables.leads.find(LeadId.of(id.value()))
                    .filter(l -> l.status() != LeadStatus.MERGED && !l.spam()).map(l -> test.test(row(l)))
                    .orElse(false);
            case CONTACT -> tables.contacts.find(ContactId.of(id.value())).map(c -> test.test(row(c))).orElse(false);
            case ACCOUNT -> tables.accounts.find(AccountId.of(id.value())).map(a -> test.test(row(a))).orElse(false);
        };
    }

    private Stream<Lead> leads() {
        return tables.leads.scan().filter(l -> l.status() != LeadStatus.MERGED && !l.spam());
    }

    // ---- compiling criteria -------------------------------------------------------------------------------------

    private static Predicate<Row> compile(Criteria c) {
        if (c instanceof Criteria.And and) {
            List<Predicate<Row>> parts = and.criteria().stream().map(MemorySegmentQueries::compile).toList();
            return r -> parts.stream().allMatch(p -> p.test(r));
        }
        if (c instanceof Criteria.Or or) {
            List<Predicate<Row>> parts = or.criteria().stream().map(MemorySegmentQueries::compile).toList();
            return r -> parts.stream().anyMatch(p -> p.test(r));
        }
        if (c instanceof Criteria.Not not) {
            return compile(not.criteria()).negate();
        }
        return condition((Criteria.Condition) c);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate<Row> condition(Criteria.Condition c) {
        SegmentField field = SegmentField.named(c.field()).orElseThrow(
                () -> new IllegalArgumentException("criteria not validated: unknown field " + c.field()));
        List<Object> values = c.values().stream().map(field::parse).toList();
        Operator op = c.op();
        if (op == Operator.IS_SET || op == Operator.IS_EMPTY) {
            boolean wanted = op == Operator.IS_SET;
            return r -> present(r.value(field)) == wanted;
        }
        if (op == Operator.NEAR) {
            GeoCircle circle = SegmentField.circle(c.values());
            return r -> circle.contains(GeoSearch.of(r.address));
        }
        Object first = values.get(0);
        if (field == SegmentField.PURCHASE_TOTAL) {
            Money limit = (Money) first;
            return r -> compare(op, r.purchaseTotal(limit.currency()).compareTo(limit.amount()));
        }
        return r -> {
            Object actual = r.value(field);
            if (actual == null || !present(actual)) {
                return false;
            }
            return switch (op) {
                case EQ -> actual.equals(first);
                case NE -> !actual.equals(first);
                case IN -> values.contains(actual);
                case CONTAINS -> ((Set<?>) actual).contains(first);
                default -> compare(op, ((Comparable) actual).compareTo(first));
            };
        };
    }

    private static boolean present(@Nullable Object value) {
        return value != null && !(value instanceof Set<?> s && s.isEmpty());
    }

    private static boolean compare(Operator op, int cmp) {
        return switch (op) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            default -> throw new IllegalArgumentException(op + " does not compare");
        };
    }

    // ---- field values per target --------------------------------------------------------------------------------

    private Row row(Lead l) {
        return new Row(l.status().name(), "PROSPECT", (long) l.score(), l.reach().address(), l.owner(), l.tags(),
                l.createdAt(), "lead", l.id(), false);
    }

    private Row row(Contact c) {
        return new Row(null, c.stage().name(), null, c.points().address(), c.owner(), c.tags(), c.createdAt(),
                "contact", c.id(), true);
    }

    private Row row(Account a) {
        return new Row(null, a.stage().name(), null, a.address(), a.owner(), a.tags(), a.createdAt(), "account",
                a.id(), true);
    }

    /**
     * Field values of one candidate, in the form {@link SegmentField#parse} gives condition values. Touchpoints and
     * purchases are looked up under {@code index} = {@code key} when a condition needs them.
     */
    private final class Row {
        private final @Nullable String status;
        private final String stage;
        private final @Nullable Long score;
        private final @Nullable Address address;
        private final @Nullable UserId owner;
        private final Set<String> tags;
        private final Instant createdAt;
        private final String index;
        private final Object key;
        private final boolean buys;

        Row(@Nullable String status, String stage, @Nullable Long score, @Nullable Address address,
            @Nullable UserId owner, Set<String> tags, Instant createdAt, String index, Object key, boolean buys) {
            this.status = status;
            this.stage = stage;
            this.score = score;
            this.address = address;
            this.owner = owner;
            this.tags = tags;
            this.createdAt = createdAt;
            this.index = index;
            this.key = key;
            this.buys = buys;
        }

        @Nullable Object value(SegmentField field) {
            return switch (field) {
                case STATUS -> status;
                case STAGE -> stage;
                case SCORE -> score;
                case COUNTRY -> lower(address == null ? null : address.country());
                case REGION -> lower(address == null ? null : address.region());
                case CITY -> lower(address == null ? null : address.city());
                case OWNER -> owner == null ? null : owner.value();
                case TAGS -> tags;
                case CREATED_AT -> createdAt;
                case LAST_ACTIVITY -> tables.touchpoints.lastOccurred(key);
                case PURCHASE_TOTAL -> throw new IllegalArgumentException("a purchase total needs a currency");
                case LOCATION -> GeoSearch.of(address);
            };
        }

        /** As a plain decimal, like SQL's sum: a total may leave the range a single {@link Money} amount has. */
        BigDecimal purchaseTotal(Currency currency) {
            BigDecimal total = BigDecimal.ZERO;
            for (Purchase p : buys ? lookup(tables.purchases) : List.<Purchase>of()) {
                if (p.unitPrice().currency().equals(currency)) {
                    total = total.add(p.unitPrice().amount().multiply(BigDecimal.valueOf(p.quantity())));
                }
            }
            return total;
        }

        @SuppressWarnings("unchecked")
        private <T> List<T> lookup(MemoryTable<?, T> table) {
            return table.lookup(index, key, (Comparator<? super T>) (Comparator<?>) ANY_ORDER);
        }
    }

    private static @Nullable String lower(@Nullable String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
