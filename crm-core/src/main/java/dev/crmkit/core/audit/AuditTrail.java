package dev.crmkit.core.audit;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.Versioned;
import dev.crmkit.core.context.WriteDecorator;
import dev.crmkit.core.spi.IdGenerator;
import dev.crmkit.core.spi.Repository;
import dev.crmkit.core.spi.Tx;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Records every aggregate a write saves or deletes, whatever the service: it hands the work a view of its transaction
 * whose repositories note each save (the fields that changed since the version the caller read, compared with the
 * copy the same transaction loaded or, failing that, the stored one) and append an {@link AuditEntry} in the same
 * transaction. A view rather than a call in each service: no save can forget it, and the 29 repositories stay as
 * adapters implement them. Made by {@code Crm.Builder}; hosts read the trail through {@link AuditService}.
 */
public final class AuditTrail implements WriteDecorator {
    private static final Set<String> LOADS = Set.of("find", "get", "current", "findAll");
    private static final StackWalker STACK = StackWalker.getInstance(Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE,
            StackWalker.Option.SHOW_HIDDEN_FRAMES), 16);
    /** Per class of work handed to a write, the service method it was written in, when that method is public. */
    private static final ClassValue<Site> SITES = new ClassValue<>() {
        @Override
        protected Site computeValue(Class<?> work) {
            return new Site(work);
        }
    };
    private static final Method FIND = find();
    private static final ClassValue<Class<?>[]> INTERFACES = new ClassValue<>() {
        @Override
        protected Class<?>[] computeValue(Class<?> type) {
            return Arrays.stream(type.getInterfaces()).filter(i -> Modifier.isPublic(i.getModifiers()))
                    .toArray(Class<?>[]::new);
        }
    };
    /** Per transaction class, whether it implements a default method of its interfaces itself. */
    private static final ClassValue<Map<Method, Boolean>> OVERRIDES = new ClassValue<>() {
        @Override
        protected Map<Method, Boolean> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private final Clock clock;
    private final IdGenerator ids;

    /**
     * A trail stamping entries with {@code clock}'s time. Entry ids are time-ordered UUIDs of its own: the ids the host
     * gives {@code Crm} are for its records, and an audited write must not use up one it expects a record to get.
     */
    public AuditTrail(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = entryIds(clock);
    }

    /**
     * UUIDv7 as {@link IdGenerator#timeOrdered}, with the random bits from {@link ThreadLocalRandom}: an entry id only
     * has to be unique, and a secure random number costs about a microsecond, as much as the rest of the entry.
     */
    private static IdGenerator entryIds(Clock clock) {
        AtomicLong last = new AtomicLong();
        return () -> {
            long state = last.updateAndGet(prev -> Math.max(prev + 1, clock.millis() << 12));
            long msb = ((state >>> 12) << 16) | 0x7000L | (state & 0x0FFF);
            long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X extends Tx> X decorate(X tx, Actor actor, Object work) {
        if (!(tx instanceof AuditTx audited) || Proxy.isProxyClass(tx.getClass())) {
            return tx; // a storage without a trail, or a write joining one already seen
        }
        return (X) Proxy.newProxyInstance(tx.getClass().getClassLoader(), INTERFACES.get(tx.getClass()),
                new Writes(tx, audited.audit(), actor, work.getClass()));
    }

    /**
     * Where a write's work was written: the class (a service) and, once known, its public method. Work written in a
     * public method always comes through that method, so one look at the stack names every later write of that work;
     * work written in a private helper that several public methods call is looked up on each write (a walk of the
     * stack costs a few microseconds, as much as the rest of an in-memory update).
     */
    private static final class Site {
        private final Class<?> work;
        private final Class<?> host;
        /** The names of the host's own public methods. */
        private final Set<String> api;
        private volatile @Nullable String known;
        private volatile boolean helper;

        Site(Class<?> work) {
            this.work = work;
            this.host = work.getNestHost();
            this.api = Arrays.stream(host.getMethods()).filter(m -> m.getDeclaringClass() == host)
                    .map(Method::getName).collect(Collectors.toUnmodifiableSet());
        }

        String operation() {
            String name = known;
            return name != null ? name : walk(!helper);
        }

        /**
         * Finds the work's own method on the stack (the frame the work's class calls: a lambda's body, named after
         * the method it was written in), then the nearest public method of the host from there on; with
         * {@code learn}, remembers the name when the work's method is itself public, else marks the site a helper.
         */
        private String walk(boolean learn) {
            String simple = host.getSimpleName();
            return STACK.walk(frames -> {
                StackWalker.StackFrame inner = null;
                boolean found = false;
                for (StackWalker.StackFrame f : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                    if (!found) {
                        if (f.getDeclaringClass() == work) {
                            found = true;
                            String body = inner == null ? "" : method(inner);
                            if (isPublic(body)) {
                                if (learn) {
                                    known = simple + "." + body;
                                }
                                return simple + "." + body;
                            }
                            if (learn) {
                                helper = true;
                            }
                        }
                        inner = f;
                    } else if (f.getDeclaringClass() == host && isPublic(method(f))) {
                        return simple + "." + method(f);
                    }
                }
                return simple + ".write";
            });
        }

        /** A frame's method, a lambda's body named by the method it was written in. */
        private static String method(StackWalker.StackFrame f) {
            String method = f.getMethodName();
            return method.startsWith("lambda$") ? method.substring("lambda$".length(), method.lastIndexOf('$'))
                    : method;
        }

        private boolean isPublic(String method) {
            return api.contains(method);
        }
    }

    /** The transaction's view: its repositories audited, everything else as the transaction has it. */
    private final class Writes implements InvocationHandler {
        private final Tx tx;
        private final AuditRepository log;
        private final Actor actor;
        private final Class<?> work;
        private final Map<Method, Object> repositories = new HashMap<>();
        /** The last copy of each aggregate this transaction loaded or saved, by id. */
        private final Map<Object, Versioned<?, ?>> seen = new HashMap<>();
        private @Nullable String operation;

        Writes(Tx tx, AuditRepository log, Actor actor, Class<?> work) {
            this.tx = tx;
            this.log = log;
            this.actor = actor;
            this.work = work;
        }

        @Override
        public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
            if (args == null && Repository.class.isAssignableFrom(method.getReturnType())) {
                Object repository = repositories.get(method);
                if (repository == null) {
                    Repository<?, ?> real = (Repository<?, ?>) Objects.requireNonNull(call(tx, method, null));
                    repository = Proxy.newProxyInstance(tx.getClass().getClassLoader(),
                            new Class<?>[] {method.getReturnType()}, new Audited(real, real.kind()));
                    repositories.put(method, repository);
                }
                return repository;
            }
            if (method.isDefault() && !OVERRIDES.get(tx.getClass()).computeIfAbsent(method, this::overridden)) {
                // a port built on the transaction (people, subjects) must save through the audited repositories
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return call(tx, method, args);
        }

        private boolean overridden(Method method) {
            try {
                return !tx.getClass().getMethod(method.getName(), method.getParameterTypes()).isDefault();
            } catch (NoSuchMethodException e) {
                return false;
            }
        }

        /** The public service method this write came through ({@code LeadService.assign}). */
        String operation() {
            if (operation == null) {
                String name = SITES.get(work).operation();
                operation = name.length() <= AuditEntry.MAX_OPERATION ? name
                        : name.substring(0, AuditEntry.MAX_OPERATION);
            }
            return operation;
        }

        void append(List<AuditEntry> entries) {
            if (!entries.isEmpty()) {
                log.append(entries);
            }
        }

        AuditEntry entry(String kind, Versioned<?, ?> record, AuditAction action, List<FieldChange> changes) {
            return new AuditEntry(ids.next(), kind, record.id().value(), record.version(), action, actor.user(),
                    clock.instant(), operation(), changes);
        }

        /** One repository, its saves and deletes recorded. */
        private final class Audited implements InvocationHandler {
            private final Repository<?, ?> repository;
            private final String kind;

            Audited(Repository<?, ?> repository, String kind) {
                this.repository = repository;
                this.kind = kind;
            }

            @Override
            public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
                String name = method.getName();
                if (args != null && args.length == 1) {
                    if (name.equals("save") && args[0] instanceof Versioned<?, ?> record) {
                        Versioned<?, ?> before = before(record);
                        Versioned<?, ?> saved = (Versioned<?, ?>) Objects.requireNonNull(
                                call(repository, method, args));
                        append(List.of(saved(before, record, saved)));
                        return saved;
                    }
                    if (name.equals("saveAll") && args[0] instanceof List<?> records) {
                        return saveAll(method, args, records);
                    }
                    if (name.equals("delete") && args[0] instanceof Versioned<?, ?> record) {
                        Object result = call(repository, method, args);
                        seen.remove(record.id());
                        append(List.of(entry(kind, record, AuditAction.DELETED, FieldDiff.held((Record) record))));
                        return result;
                    }
                }
                Object result = call(repository, method, args);
                if (LOADS.contains(name)) {
                    remember(result);
                }
                return result;
            }

            private Object saveAll(Method method, Object[] args, List<?> records) throws Throwable {
                List<Versioned<?, ?>> befores = new ArrayList<>(records.size());
                for (Object r : records) {
                    befores.add(before((Versioned<?, ?>) r));
                }
                List<?> saved = (List<?>) Objects.requireNonNull(call(repository, method, args));
                List<AuditEntry> entries = new ArrayList<>(saved.size());
                for (int i = 0; i < saved.size(); i++) {
                    entries.add(saved(befores.get(i), (Versioned<?, ?>) records.get(i),
                            (Versioned<?, ?>) saved.get(i)));
                }
                append(entries);
                return saved;
            }

            /** The copy {@code record} was computed from: as this transaction saw it, else as stored. */
            private @Nullable Versioned<?, ?> before(Versioned<?, ?> record) throws Throwable {
                if (record.version() == 0) {
                    return null;
                }
                Versioned<?, ?> known = seen.get(record.id());
                if (known != null && known.version() == record.version()) {
                    return known;
                }
                Optional<?> stored = (Optional<?>) Objects.requireNonNull(call(repository, FIND,
                        new Object[] {record.id()}));
                return stored.map(s -> (Versioned<?, ?>) s).filter(s -> s.version() == record.version())
                        .orElse(null);
            }

            private AuditEntry saved(@Nullable Versioned<?, ?> before, Versioned<?, ?> record,
                                     Versioned<?, ?> saved) {
                seen.put(saved.id(), saved);
                if (record.version() == 0) {
                    return entry(kind, saved, AuditAction.CREATED, List.of());
                }
                return entry(kind, saved, AuditAction.UPDATED, FieldDiff.between((Record) before, (Record) saved));
            }

            private void remember(@Nullable Object loaded) {
                if (loaded instanceof Versioned<?, ?> v) {
                    seen.put(v.id(), v);
                } else if (loaded instanceof Optional<?> o) {
                    o.ifPresent(this::remember);
                } else if (loaded instanceof Map<?, ?> m) {
                    m.values().forEach(this::remember);
                }
            }
        }
    }

    private static Method find() {
        try {
            return Repository.class.getMethod("find", EntityId.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static @Nullable Object call(Object target, Method method, Object @Nullable [] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
