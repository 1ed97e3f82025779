package dev.crmkit.core;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.customer.AccountService;
import dev.crmkit.core.customer.ContactService;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.lead.LeadService;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.spi.IdGenerator;
import dev.crmkit.core.spi.Storage;
import dev.crmkit.core.tracking.TrackingService;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The entry point: one service per capability, all acting for one {@link Actor}. Thread-safe; build one per
 * application and derive per-user views with {@link #as(Actor)}.
 *
 * <pre>{@code
 * Crm crm = Crm.inMemory();
 * LeadId id = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
 * }</pre>
 */
public final class Crm implements AutoCloseable {
    private final CrmContext ctx;
    private final Storage storage;
    private final EventBus events;

    private final LeadService leads;
    private final TrackingService tracking;
    private final AccountService accounts;
    private final ContactService contacts;
    private final CustomerService customers;

    private Crm(CrmContext ctx, Storage storage, EventBus events) {
        this.ctx = ctx;
        this.storage = storage;
        this.events = events;
        this.leads = new LeadService(ctx);
        this.tracking = new TrackingService(ctx);
        this.accounts = new AccountService(ctx);
        this.contacts = new ContactService(ctx);
        this.customers = new CustomerService(ctx);
    }

    /** An in-memory CRM for the default actor: the one-line start for demos and tests. */
    public static Crm inMemory() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same CRM (storage, clock, settings, listeners) acting for {@code actor}. */
    public Crm as(Actor actor) {
        return new Crm(ctx.as(Objects.requireNonNull(actor, "actor")), storage, events);
    }

    public Actor actor() {
        return ctx.actor();
    }

    public LeadService leads() {
        return leads;
    }

    public TrackingService tracking() {
        return tracking;
    }

    public AccountService accounts() {
        return accounts;
    }

    public ContactService contacts() {
        return contacts;
    }

    /** Purchases, feedback and interaction timelines. */
    public CustomerService customers() {
        return customers;
    }

    /**
     * The context services are built on, acting for this facade's actor: for modules outside crm-core that add
     * services of their own (e.g. reporting), which take it as core services do.
     */
    public CrmContext context() {
        return ctx;
    }

    /** Subscribe here to domain events, published after each successful write. */
    public EventBus events() {
        return events;
    }

    /** Closes the storage. */
    @Override
    public void close() {
        storage.close();
    }

    /** Configures a {@link Crm}; every part has an embedded default. */
    public static final class Builder {
        private Storage storage;
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids;
        private Actor actor = Actor.system();
        private final Map<Class<?>, Object> settings = new HashMap<>();

        private Builder() {
        }

        /** Where data lives; default {@link InMemoryStorage}. */
        public Builder storage(Storage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /** The source of "now" for timestamps, reminders and score decay; default UTC system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where new ids come from; default time-ordered UUIDs from the clock. */
        public Builder ids(IdGenerator ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /** Who the built facade acts for; default {@link Actor#system()}. */
        public Builder actor(Actor actor) {
            this.actor = Objects.requireNonNull(actor, "actor");
            return this;
        }

        /** A configuration object (e.g. scoring rules), found by its class; replaces one of the same class. */
        public Builder with(Object setting) {
            settings.put(setting.getClass(), setting);
            return this;
        }

        public Crm build() {
            Storage s = storage != null ? storage : InMemoryStorage.create();
            IdGenerator g = ids != null ? ids : IdGenerator.timeOrdered(clock);
            EventBus bus = new EventBus();
            return new Crm(new CrmContext(s, actor, clock, g, bus, new CrmSettings(settings)), s, bus);
        }
    }
}
