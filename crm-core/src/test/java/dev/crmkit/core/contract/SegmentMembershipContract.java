package dev.crmkit.core.contract;

import dev.crmkit.core.common.AccountId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.GeoPoint;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactName;
import dev.crmkit.core.customer.ContactPoints;
import dev.crmkit.core.customer.LifecycleStage;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.lead.Identity;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.Origin;
import dev.crmkit.core.lead.Outcome;
import dev.crmkit.core.lead.Reach;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.Operator;
import dev.crmkit.core.segment.Segment;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Segment membership contract: for random leads, contacts, accounts, purchases and touchpoints and random criteria
 * trees, an adapter's {@code SegmentQueries} selects exactly the records a naive reference evaluation (written here,
 * independent of any adapter) selects, in creation order, page by page. Every storage adapter extends this class, so
 * membership is the same on all of them.
 */
public abstract class SegmentMembershipContract {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final List<Instant> TIMES = List.of(T0, T0.plusSeconds(60), T0.plusSeconds(3600),
            T0.plusSeconds(86_400), T0.plusSeconds(864_000));
    private static final List<Address> ADDRESSES = Arrays.asList(null, Address.of("Munich", "Bavaria", "DE"),
            Address.of("Nuremberg", "bavaria", "DE"), Address.of("Leeds", "Yorkshire", "GB"),
            Address.of(null, null, "FR"), Address.of("Munich", null, null),
            Address.of("Munich", "Bavaria", "DE").withGeo(new GeoPoint(48.1372, 11.5755)),
            Address.of("Nuremberg", "Bavaria", "DE").withGeo(new GeoPoint(49.4521, 11.0767)),
            Address.of("Leeds", null, "GB").withGeo(new GeoPoint(53.8008, -1.5491)),
            Address.of("Suva", null, "FJ").withGeo(new GeoPoint(-18.1416, 178.4419)),
            Address.of("Apia", null, "WS").withGeo(new GeoPoint(-13.8333, -171.75)));
    private static final List<UserId> OWNERS = Arrays.asList(null, UserId.of("rep-1"), UserId.of("rep-2"));
    private static final List<String> TAGS = List.of("vip", "q1", "churned");
    private static final List<Money> PRICES = List.of(Money.of("10.00", "EUR"), Money.of("2.50", "EUR"),
            Money.of("7.00", "USD"));

    /** The storage under test; each try writes into a tenant of its own. */
    protected abstract Storage storage();

    // ---- the generated world ------------------------------------------------------------------------------------

    /** Fields of one generated record, as the reference reads them. */
    record Person(int kind, int index, LeadStatus status, boolean spam, LifecycleStage stage, int score,
                  Address address, UserId owner, Set<String> tags, Instant createdAt, int accountIndex) {
        UUID uuid() {
            return new UUID(0x7000L + kind, index + 1L);
        }
    }

    /** A purchase by contact {@code contact} (or none) of account {@code account} (or none). */
    record Buy(int contact, int account, int quantity, Money price, Instant at) {
    }

    /** A touchpoint of a lead, contact and/or account (-1: none). */
    record Touch(int lead, int contact, int account, Instant at) {
    }

    record World(List<Person> leads, List<Person> contacts, List<Person> accounts, List<Buy> buys,
                 List<Touch> touches) {
    }

    record Case(World world, Criteria leadCriteria, Criteria contactCriteria, Criteria accountCriteria,
                int pageSize) {
    }

    @Provide
    protected Arbitrary<Case> cases() {
        return Combinators.combine(worlds(), criteria(SegmentTarget.LEAD, 3), criteria(SegmentTarget.CONTACT, 3),
                criteria(SegmentTarget.ACCOUNT, 3), Arbitraries.integers().between(1, 4)).as(Case::new);
    }

    private static Arbitrary<Person> people(int kind) {
        return Combinators.combine(Arbitraries.of(LeadStatus.class), Arbitraries.of(true, false, false, false, false),
                Arbitraries.of(LifecycleStage.class), Arbitraries.of(0, 10, 50, 90), Arbitraries.of(ADDRESSES),
                Arbitraries.of(OWNERS), Arbitraries.subsetOf(TAGS), Arbitraries.of(TIMES))
                // spam scores nothing
                .as((st, spam, stage, score, addr, owner, tags, at) -> new Person(kind, 0, st, spam, stage,
                        spam ? 0 : score, addr, owner, tags, at, -1));
    }

    private static Arbitrary<World> worlds() {
        Arbitrary<List<Person>> leads = people(1).list().ofMinSize(3).ofMaxSize(10);
        Arbitrary<List<Person>> contacts = people(2).list().ofMinSize(3).ofMaxSize(10);
        Arbitrary<List<Person>> accounts = people(3).list().ofMinSize(2).ofMaxSize(6);
        Arbitrary<Integer> ref = Arbitraries.integers().between(-1, 9);
        Arbitrary<List<Buy>> buys = Combinators.combine(ref, ref, Arbitraries.integers().between(1, 3),
                Arbitraries.of(PRICES), Arbitraries.of(TIMES)).as(Buy::new).list().ofMaxSize(14);
        Arbitrary<List<Touch>> touches = Combinators.combine(ref, ref, ref, Arbitraries.of(TIMES)).as(Touch::new)
                .list().ofMaxSize(10);
        return Combinators.combine(leads, contacts, accounts, buys, touches, ref.list().ofSize(10))
                .as(SegmentMembershipContract::world);
    }

    /** Numbers the records, links contacts to accounts and drops references to records that were not generated. */
    private static World world(List<Person> leads, List<Person> contacts, List<Person> accounts, List<Buy> buys,
                               List<Touch> touches, List<Integer> contactAccounts) {
        List<Person> ls = numbered(leads, i -> -1);
        List<Person> cs = numbered(contacts, i -> valid(contactAccounts.get(i), accounts.size()));
        List<Person> as = numbered(accounts, i -> -1);
        List<Buy> bs = new ArrayList<>();
        for (Buy b : buys) {
            int contact = valid(b.contact(), cs.size());
            // A contact's purchase counts for the contact's account, as the customer service records it.
            int account = contact >= 0 ? cs.get(contact).accountIndex() : valid(b.account(), as.size());
            if (contact >= 0 || account >= 0) {
                bs.add(new Buy(contact, account, b.quantity(), b.price(), b.at()));
            }
        }
        List<Touch> ts = touches.stream().map(t -> new Touch(valid(t.lead(), ls.size()), valid(t.contact(),
                cs.size()), valid(t.account(), as.size()), t.at())).toList();
        return new World(ls, cs, as, bs, ts);
    }

    private static List<Person> numbered(List<Person> people, Function<Integer, Integer> account) {
        List<Person> out = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            out.add(new Person(p.kind(), i, p.status(), p.spam(), p.stage(), p.score(), p.address(), p.owner(),
                    p.tags(), p.createdAt(), account.apply(i)));
        }
        return out;
    }

    private static int valid(int index, int size) {
        return index < size ? index : -1;
    }

    // ---- random criteria ----------------------------------------------------------------------------------------

    /** Condition values drawn from pools that overlap the data (also in other letter case) and miss it. */
    private static final Map<String, List<String>> VALUES = Map.ofEntries(
            Map.entry("status", List.of("NEW", "qualified", "WORKING", "MERGED", "Unqualified")),
            Map.entry("stage", List.of("PROSPECT", "customer")),
            Map.entry("country", List.of("DE", "de", "GB", "US")),
            Map.entry("region", List.of("Bavaria", "BAVARIA", "Yorkshire", "Tyrol")),
            Map.entry("city", List.of("Munich", "leeds", "Nuremberg", "Paris")),
            Map.entry("owner", List.of("rep-1", "rep-2", "rep-3")),
            Map.entry("score", List.of("0", "10", "49", "50", "90")),
            Map.entry("purchaseTotal", List.of("0.00 EUR", "10.00 EUR", "20.00 EUR", "25.00 EUR", "7.00 USD",
                    "14 USD")),
            Map.entry("lastActivity", TIMES.stream().map(Instant::toString).toList()),
            Map.entry("createdAt", TIMES.stream().map(Instant::toString).toList()),
            Map.entry("tags", TAGS),
            // Munich within 200 km (Nuremberg is ~150 km away), Leeds within 10 km, across the antimeridian from
            // Fiji to Samoa, and every position on earth.
            Map.entry("location", List.of("48.1372 11.5755 200", "53.8 -1.55 10", "-15 179.9 1000",
                    "0 0 20016")));

    private static final List<Operator> EQUALITY = List.of(Operator.EQ, Operator.NE, Operator.IN);
    private static final List<Operator> ORDERING = List.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE,
            Operator.GT, Operator.GE);
    private static final List<Operator> PRESENCE = List.of(Operator.IS_SET, Operator.IS_EMPTY);

    private static List<Operator> operators(String field) {
        return switch (field) {
            case "status", "stage" -> EQUALITY;
            case "country", "region", "city", "owner" -> concat(EQUALITY, PRESENCE);
            case "score", "purchaseTotal" -> ORDERING;
            case "lastActivity", "createdAt" -> concat(List.of(Operator.LT, Operator.LE, Operator.GT, Operator.GE),
                    PRESENCE);
            case "tags" -> concat(List.of(Operator.CONTAINS), PRESENCE);
            case "location" -> concat(List.of(Operator.NEAR), PRESENCE);
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static List<String> fields(SegmentTarget target) {
        List<String> common = List.of("stage", "country", "region", "city", "owner", "lastActivity", "tags",
                "createdAt", "location");
        return switch (target) {
            case LEAD -> concat(common, List.of("status", "score"));
            case CONTACT, ACCOUNT -> concat(common, List.of("purchaseTotal"));
        };
    }

    private static Arbitrary<Criteria> criteria(SegmentTarget target, int depth) {
        Arbitrary<Criteria> condition = Arbitraries.of(fields(target)).flatMap(field ->
                Arbitraries.of(operators(field)).flatMap(op -> {
                    Arbitrary<String> value = Arbitraries.of(VALUES.get(field));
                    Arbitrary<List<String>> values = switch (op) {
                        case IS_SET, IS_EMPTY -> Arbitraries.just(List.of());
                        case IN -> value.list().ofMinSize(1).ofMaxSize(3);
                        case NEAR -> value.map(v -> List.of(v.split(" ")));
                        default -> value.map(List::of);
                    };
                    return values.map(v -> (Criteria) new Criteria.Condition(field, op, v));
                }));
        if (depth == 0) {
            return condition;
        }
        Arbitrary<Criteria> child = criteria(target, depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(4, condition),
                Tuple.of(2, child.list().ofMaxSize(3).map(l -> (Criteria) new Criteria.And(l))),
                Tuple.of(2, child.list().ofMaxSize(3).map(l -> (Criteria) new Criteria.Or(l))),
                Tuple.of(1, child.map(x -> (Criteria) new Criteria.Not(x))));
    }

    // ---- the property -------------------------------------------------------------------------------------------

    @Property(tries = 300)
    public void membershipEqualsTheReferenceEvaluation(@ForAll("cases") Case c) {
        TenantId tenant = TenantId.of("seg-" + UUID.randomUUID().toString().substring(0, 18));
        store(tenant, c.world());
        check(tenant, SegmentTarget.LEAD, c.leadCriteria(), c);
        check(tenant, SegmentTarget.CONTACT, c.contactCriteria(), c);
        check(tenant, SegmentTarget.ACCOUNT, c.accountCriteria(), c);
    }

    private static String share(int matched, int of) {
        return of == 0 ? "no records" : matched == 0 ? "none" : matched == of ? "all" : "some";
    }

    /** Saved criteria come back from the adapter equal, and survive JSON (how a database adapter stores them). */
    @Property(tries = 200)
    public void savedCriteriaReadBackEqual(@ForAll("contactCriteria") Criteria criteria) {
        assertThat(Criteria.fromJson(criteria.toJson())).isEqualTo(criteria);
        TenantId tenant = TenantId.of("seg-" + UUID.randomUUID().toString().substring(0, 18));
        Segment segment = new Segment(SegmentId.of(UUID.randomUUID()), 0, "s", SegmentTarget.CONTACT, criteria,
                UserId.of("rep-1"), T0, T0);
        storage().write(tenant, tx -> tx.segments().save(segment));
        Segment stored = storage().read(tenant, tx -> tx.segments().get(segment.id()));
        assertThat(stored).isEqualTo(segment.withVersion(1));
    }

    @Provide
    protected Arbitrary<Criteria> contactCriteria() {
        return criteria(SegmentTarget.CONTACT, 3);
    }

    private void check(TenantId tenant, SegmentTarget target, Criteria criteria, Case c) {
        criteria.validate(target);
        List<UUID> expected = Reference.members(c.world(), target, criteria);
        int candidates = Reference.members(c.world(), target, Criteria.all()).size();
        // A property whose criteria always select everyone or no one would prove little: keep the mix in sight.
        Statistics.label(target.name()).collect(share(expected.size(), candidates));
        if (target == SegmentTarget.CONTACT) {
            Statistics.label(target.name()).coverage(cov -> cov.check("some").percentage(p -> p >= 25));
        }
        List<UUID> actual = new ArrayList<>();
        PageRequest page = PageRequest.first(c.pageSize());
        long total;
        while (true) {
            PageRequest p = page;
            Page<EntityId> got = storage().read(tenant, tx -> tx.segmentQueries().members(target, criteria, p));
            got.items().forEach(id -> actual.add(id.value()));
            total = got.total();
            if (!got.hasNext()) {
                break;
            }
            page = page.next();
        }
        long count = storage().read(tenant, tx -> tx.segmentQueries().count(target, criteria));
        assertThat(actual).as("%s members of %s", target, criteria.toJson()).containsExactlyElementsOf(expected);
        assertThat(total).isEqualTo(expected.size());
        assertThat(count).isEqualTo(expected.size());
    }

    private void store(TenantId tenant, World w) {
        storage().write(tenant, tx -> {
            for (Person a : w.accounts()) {
                tx.accounts().save(new Account(AccountId.of(a.uuid()), 0, "A" + a.index(), null, null, a.address(),
                        null, a.owner(), a.stage(), a.tags(), "a" + a.index(), a.createdAt(), a.createdAt()));
            }
            for (Person c : w.contacts()) {
                tx.contacts().save(new Contact(ContactId.of(c.uuid()), 0, accountId(w, c.accountIndex()),
                        new ContactName("C", "C" + c.index(), null), new ContactPoints(null, null, c.address()), null,
                        null, false, c.stage(), c.owner(), null, null, c.tags(), c.createdAt(), c.createdAt()));
            }
            for (Person l : w.leads()) {
                // Spam scores nothing, and a merged or converted lead names what it became: the states a lead
                // can be in.
                tx.leads().save(new Lead(LeadId.of(l.uuid()), 0,
                        new Identity("L", "L" + l.index(), null, null, null), new Reach(null, null, null, l.address()),
                        Origin.of(LeadSource.WEB_FORM), null, l.status(), new Outcome(null,
                        l.status() == LeadStatus.MERGED ? LeadId.of(new UUID(0x7300L, l.index())) : null,
                        l.status() == LeadStatus.CONVERTED ? AccountId.of(new UUID(0x7400L, l.index())) : null,
                        l.status() == LeadStatus.CONVERTED ? ContactId.of(new UUID(0x7500L, l.index())) : null),
                        l.score(), l.spam(), l.owner(), null, null, l.tags(), null, l.createdAt(), l.createdAt(),
                                null));
            }
            int n = 0;
            for (Buy b : w.buys()) {
                tx.purchases().save(new Purchase(PurchaseId.of(new UUID(0x7100L, ++n)), 0,
                        accountId(w, b.account()), b.contact() < 0 ? null
                        : ContactId.of(w.contacts().get(b.contact()).uuid()), "P", null, b.at(), b.quantity(),
                        b.price(), null, null, null, b.at()));
            }
            List<Touchpoint> touchpoints = new ArrayList<>();
            for (Touch t : w.touches()) {
                touchpoints.add(new Touchpoint(TouchpointId.of(new UUID(0x7200L, ++n)), TouchpointKind.PHONE_CALL,
                        t.at(), null, null, t.lead() < 0 ? null : LeadId.of(w.leads().get(t.lead()).uuid()),
                        t.contact() < 0 ? null : ContactId.of(w.contacts().get(t.contact()).uuid()),
                        accountId(w, t.account()), null, null, null, Channel.PHONE, 1, null, null, null, null, null,
                                null, null,
                        null, null));
            }
            tx.touchpoints().insertAll(touchpoints);
            return null;
        });
    }

    private static AccountId accountId(World w, int index) {
        return index < 0 ? null : AccountId.of(w.accounts().get(index).uuid());
    }

    // ---- the reference ------------------------------------------------------------------------------------------

    /** A direct reading of the criteria semantics over the generated lists; slow and obvious on purpose. */
    static final class Reference {
        private Reference() {
        }

        static List<UUID> members(World w, SegmentTarget target, Criteria criteria) {
            List<Person> candidates = switch (target) {
                case LEAD -> w.leads().stream().filter(l -> l.status() != LeadStatus.MERGED && !l.spam()).toList();
                case CONTACT -> w.contacts();
                case ACCOUNT -> w.accounts();
            };
            return candidates.stream().filter(p -> matches(w, target, p, criteria))
                    .sorted(Comparator.comparing(Person::createdAt).thenComparing(Person::uuid))
                    .map(Person::uuid).toList();
        }

        private static boolean matches(World w, SegmentTarget target, Person p, Criteria c) {
            if (c instanceof Criteria.And and) {
                return and.criteria().stream().allMatch(x -> matches(w, target, p, x));
            }
            if (c instanceof Criteria.Or or) {
                return or.criteria().stream().anyMatch(x -> matches(w, target, p, x));
            }
            if (c instanceof Criteria.Not not) {
                return !matches(w, target, p, not.criteria());
            }
            Criteria.Condition cond = (Criteria.Condition) c;
            String field = cond.field();
            List<String> values = cond.values();
            if (field.equals("purchaseTotal")) {
                String[] limit = values.get(0).split(" ");
                BigDecimal total = BigDecimal.ZERO;
                for (Buy b : w.buys()) {
                    boolean mine = target == SegmentTarget.CONTACT ? b.contact() == p.index()
                            : b.account() == p.index();
                    if (mine && b.price().currency().getCurrencyCode().equals(limit[1])) {
                        total = total.add(b.price().amount().multiply(BigDecimal.valueOf(b.quantity())));
                    }
                }
                return ordered(cond.op(), total.compareTo(new BigDecimal(limit[0])));
            }
            if (cond.op() == Operator.NEAR) {
                GeoPoint center = new GeoPoint(Double.parseDouble(values.get(0)), Double.parseDouble(values.get(1)));
                return p.address() != null && p.address().geo() != null
                        && center.distanceKm(p.address().geo()) <= Double.parseDouble(values.get(2));
            }
            Object raw = raw(w, target, p, field);
            boolean present = raw != null && !(raw instanceof Set<?> s && s.isEmpty());
            return switch (cond.op()) {
                case IS_SET -> present;
                case IS_EMPTY -> !present;
                case CONTAINS -> present && ((Set<?>) raw).contains(values.get(0));
                case IN -> present && values.stream().anyMatch(v -> same(field, raw, v));
                case EQ -> present && same(field, raw, values.get(0));
                case NE -> present && !same(field, raw, values.get(0));
                default -> present && ordered(cond.op(), compare(raw, values.get(0)));
            };
        }

        private static Object raw(World w, SegmentTarget target, Person p, String field) {
            Address a = p.address();
            return switch (field) {
                case "status" -> p.status().name();
                case "stage" -> target == SegmentTarget.LEAD ? "PROSPECT" : p.stage().name();
                case "country" -> a == null ? null : a.country();
                case "region" -> a == null ? null : a.region();
                case "city" -> a == null ? null : a.city();
                case "owner" -> p.owner() == null ? null : p.owner().value();
                case "score" -> p.score();
                case "tags" -> p.tags();
                case "createdAt" -> p.createdAt();
                case "location" -> a == null ? null : a.geo();
                case "lastActivity" -> w.touches().stream().filter(t -> switch (target) {
                    case LEAD -> t.lead() == p.index();
                    case CONTACT -> t.contact() == p.index();
                    case ACCOUNT -> t.account() == p.index();
                }).map(Touch::at).max(Comparator.naturalOrder()).orElse(null);
                default -> throw new IllegalArgumentException(field);
            };
        }

        private static boolean same(String field, Object raw, String value) {
            return field.equals("owner") ? raw.equals(value) : raw.toString().equalsIgnoreCase(value);
        }

        private static int compare(Object raw, String value) {
            if (raw instanceof Integer i) {
                return Long.compare(i, Long.parseLong(value));
            }
            return ((Instant) raw).compareTo(Instant.parse(value));
        }

        private static boolean ordered(Operator op, int cmp) {
            return switch (op) {
                case EQ -> cmp == 0;
                case NE -> cmp != 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
                default -> throw new IllegalArgumentException(op.name());
            };
        }
    }
}
