package dev.crmkit.core.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.context.EventEnvelope;
import dev.crmkit.core.context.EventSubscriber;
import dev.crmkit.core.context.TypeInterest;
import dev.crmkit.core.events.EventTypes;
import dev.crmkit.core.spi.StoragePort;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The durable subscriber that POSTs committed events to the webhook endpoints of their tenant
 * ({@link WebhookService}). {@code Crm.builder().build()} creates and registers it under {@value #NAME}; its
 * failures, retries and dead letters are the outbox's ({@code DeliveryPolicy}, {@code events().deadLetters}).
 *
 * <h2>What an endpoint receives</h2>
 * One {@code POST} per event to each enabled endpoint whose filter takes the event's type and that existed when the
 * event occurred, with the body
 * <pre>{@code
 * {
 *   "id": "0190f3c2-...",                    // the event's id: the same on every retry, the key to drop repeats
 *   "type": "LeadCaptured",                  // EventTypes.names()
 *   "occurredAt": "2026-01-05T09:00:00Z",    // ISO-8601, UTC
 *   "tenant": "acme",
 *   "aggregate": {"type": "Lead", "id": "0190f3c2-..."},   // the record it is about, or null
 *   "attempt": 1,                            // 1 on the first POST of this event to this endpoint, then 2, ...
 *   "data": { ... }                          // the event itself, as EventEnvelope.payload()
 * }
 * }</pre>
 * and the headers {@code Content-Type: application/json}, {@code User-Agent: CRMKit-Webhooks},
 * {@code CRMKit-Event-Id} (the id), {@code CRMKit-Event-Type} (the type), {@code CRMKit-Timestamp} (when it was sent,
 * epoch seconds) and {@code CRMKit-Signature: v1=<hex>}, the HMAC-SHA256 of {@code <timestamp>.<body>} under the
 * endpoint's secret ({@link WebhookSignature}). Fields may be added to the body and to {@code data}; receivers
 * ignore what they do not know.
 *
 * <h2>Answers</h2>
 * <ul>
 *   <li>2xx: delivered; this endpoint does not get the event again, also when the event is retried for another.</li>
 *   <li>410 Gone: the endpoint is disabled (with that reason) and gets nothing more until an administrator enables
 *   it; the event counts as done there.</li>
 *   <li>Anything else, no answer within {@link WebhookSettings#requestTimeout()}, or a network error: failed. After
 *   every due endpoint was tried (in parallel), the delivery throws and the outbox retries it with backoff, for the
 *   failed endpoints only; after {@code DeliveryPolicy.maxAttempts} it is a dead letter. Redirects are not
 *   followed.</li>
 * </ul>
 * Delivery is at least once: a crash between an endpoint's answer and storing it sends the event again, with the same
 * id. While one endpoint fails, the tenant's later events about the same record wait for all endpoints (the outbox
 * keeps commit order per record), until it recovers, is disabled or the event becomes a dead letter.
 *
 * <h2>Which events are stored for webhooks</h2>
 * {@link #accepts} stores an event only when an enabled endpoint of its tenant wants its type, from a per-tenant
 * cache of those types. Endpoint changes made through this node apply to the next write; changes made on another
 * node sharing the database apply here after {@link WebhookSettings#endpointCacheTtl()} at most. Until then this node
 * may store events no endpoint wants (sent to nobody) or, for a new endpoint or a wider filter, miss events committed
 * on it. Which endpoints an event goes to is decided again when it is delivered.
 */
public final class WebhookSubscriber implements EventSubscriber {
    /** The name deliveries are stored under: for {@code events().backlog}, {@code retry} and dead letters. */
    public static final String NAME = "crmkit.webhooks";
    public static final String USER_AGENT = "CRMKit-Webhooks";
    public static final String EVENT_ID_HEADER = "CRMKit-Event-Id";
    public static final String EVENT_TYPE_HEADER = "CRMKit-Event-Type";
    public static final String TIMESTAMP_HEADER = "CRMKit-Timestamp";
    public static final String SIGNATURE_HEADER = "CRMKit-Signature";

    private static final JsonFactory JSON = new JsonFactory();
    /** Beyond the HTTP client's own timeouts, for an answer whose body never ends. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final StoragePort<? extends WebhookTx> storage;
    private final Clock clock;
    private final WebhookSettings settings;
    private final TypeInterest interest;
    private volatile @Nullable HttpClient http;

    /** An endpoint due to get the event, and its record of earlier attempts (or null). */
    private record Target(WebhookEndpoint endpoint, @Nullable WebhookDelivery before) {
        int attempt() {
            return before == null ? 1 : before.attempts() + 1;
        }
    }

    private record Outcome(Target target, WebhookDeliveryStatus status, @Nullable Integer statusCode,
                           @Nullable String error) {
    }

    /** Created and registered by {@code Crm.builder().build()}; hosts do not create one. */
    public WebhookSubscriber(StoragePort<? extends WebhookTx> storage, Clock clock, WebhookSettings settings) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.interest = new TypeInterest(settings.endpointCacheTtl(), this::wanted);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Whether an enabled endpoint of {@code tenant} wants events of {@code type} (see the class comment). */
    @Override
    public boolean accepts(TenantId tenant, Class<? extends DomainEvent> type) {
        return interest.wants(tenant, EventTypes.nameOf(type));
    }

    private TypeInterest.Wanted wanted(TenantId tenant) {
        List<WebhookEndpoint> enabled = storage.read(tenant, tx -> tx.webhooks().list()).stream()
                .filter(WebhookEndpoint::enabled).toList();
        Set<String> types = new HashSet<>();
        enabled.forEach(e -> types.addAll(e.eventTypes()));
        return new TypeInterest.Wanted(enabled.stream().anyMatch(e -> e.eventTypes().isEmpty()), types);
    }

    /** Forgets what this node knows of the tenant's endpoints; the service calls it after each change commits. */
    void endpointsChanged(TenantId tenant) {
        interest.changed(tenant);
    }

    @Override
    public void deliver(EventEnvelope event) throws Exception {
        TenantId tenant = event.tenant();
        List<Target> targets = storage.read(tenant, tx -> {
            Map<WebhookId, WebhookDelivery> before = tx.webhooks().deliveriesOf(event.eventId()).stream()
                    .collect(Collectors.toMap(WebhookDelivery::endpoint, d -> d));
            List<Target> due = new ArrayList<>();
            for (WebhookEndpoint endpoint : tx.webhooks().list()) {
                WebhookDelivery previous = before.get(endpoint.id());
                if (endpoint.receives(event.type(), event.occurredAt()) && (previous == null || !previous.settled())) {
                    due.add(new Target(endpoint, previous));
                }
            }
            return due;
        });
        if (targets.isEmpty()) {
            return;
        }
        Instant sentAt = clock.instant();
        List<Outcome> outcomes = post(event, targets, sentAt);
        record(event, outcomes, sentAt);
        List<Outcome> failed = outcomes.stream().filter(o -> o.status() == WebhookDeliveryStatus.FAILED).toList();
        if (!failed.isEmpty()) {
            throw new WebhookDeliveryException(failed.size() + " of " + outcomes.size() + " webhook endpoints failed: "
                    + failed.stream().map(o -> o.target().endpoint().id() + " " + o.error())
                    .collect(Collectors.joining("; ")));
        }
    }

    /** Sends to every target at once, so one that hangs delays the others by no more than the timeouts. */
    private List<Outcome> post(EventEnvelope event, List<Target> targets, Instant sentAt) throws InterruptedException {
        HttpClient client = http();
        long timestamp = sentAt.getEpochSecond();
        List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>(targets.size());
        for (Target t : targets) {
            String body = body(event, t.attempt());
            HttpRequest request = HttpRequest.newBuilder(t.endpoint().url())
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header(EVENT_ID_HEADER, event.eventId().toString())
                    .header(EVENT_TYPE_HEADER, event.type())
                    .header(TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(SIGNATURE_HEADER, WebhookSignature.sign(t.endpoint().secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
        }
        long deadline = System.nanoTime() + settings.connectTimeout().plus(settings.requestTimeout()).plus(GRACE)
                .toNanos();
        List<Outcome> outcomes = new ArrayList<>(targets.size());
        try {
            for (int i = 0; i < targets.size(); i++) {
                outcomes.add(outcome(targets.get(i), calls.get(i), deadline));
            }
        } catch (InterruptedException e) {
            calls.forEach(c -> c.cancel(true));
            throw e;
        }
        return outcomes;
    }

    private Outcome outcome(Target target, CompletableFuture<HttpResponse<Void>> call, long deadline)
            throws InterruptedException {
        try {
            int status = call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(target, WebhookDeliveryStatus.DELIVERED, status, null);
            }
            if (status == 410) {
                return new Outcome(target, WebhookDeliveryStatus.GONE, status, null);
            }
            return new Outcome(target, WebhookDeliveryStatus.FAILED, status, "HTTP " + status
                    + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""));
        } catch (TimeoutException e) {
            call.cancel(true);
            return failed(target, "no complete answer within " + settings.connectTimeout().plus(settings
                    .requestTimeout()).plus(GRACE));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                return failed(target, "could not connect within " + settings.connectTimeout());
            }
            if (cause instanceof HttpTimeoutException) {
                return failed(target, "timed out: no answer within " + settings.requestTimeout());
            }
            return failed(target, cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
    }

    private static Outcome failed(Target target, String error) {
        return new Outcome(target, WebhookDeliveryStatus.FAILED, null, error);
    }

    /** Stores each endpoint's outcome and disables those that answered 410, in one write of the tenant. */
    private void record(EventEnvelope event, List<Outcome> outcomes, Instant sentAt) {
        Instant now = clock.instant();
        boolean gone = outcomes.stream().anyMatch(o -> o.status() == WebhookDeliveryStatus.GONE);
        storage.write(event.tenant(), tx -> {
            WebhookRepository repo = tx.webhooks();
            Map<WebhookId, WebhookEndpoint> current = new HashMap<>();
            repo.list().forEach(e -> current.put(e.id(), e));
            for (Outcome o : outcomes) {
                WebhookEndpoint endpoint = current.get(o.target().endpoint().id());
                if (endpoint == null) {
                    continue; // deleted while the POST was under way: its records went with it
                }
                repo.saveDelivery(new WebhookDelivery(event.eventId(), event.type(), endpoint.id(), o.status(),
                        o.statusCode(), o.error(), o.target().attempt(), sentAt,
                        o.status() == WebhookDeliveryStatus.DELIVERED ? now : null));
                if (o.status() == WebhookDeliveryStatus.GONE && endpoint.enabled()) {
                    repo.save(endpoint.disable("the endpoint answered 410 Gone at " + now, now));
                }
            }
            if (gone) {
                tx.afterCommit(() -> endpointsChanged(event.tenant()));
            }
            return null;
        });
    }

    /** The documented body; {@code data} is the stored payload as is. */
    static String body(EventEnvelope event, int attempt) {
        StringWriter out = new StringWriter(event.payload().length() + 256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", event.eventId().toString());
            g.writeStringField("type", event.type());
            g.writeStringField("occurredAt", event.occurredAt().toString());
            g.writeStringField("tenant", event.tenant().value());
            if (event.aggregateType() == null || event.aggregateType().isEmpty()) {
                g.writeNullField("aggregate");
            } else {
                g.writeObjectFieldStart("aggregate");
                g.writeStringField("type", event.aggregateType());
                g.writeStringField("id", event.aggregateId());
                g.writeEndObject();
            }
            g.writeNumberField("attempt", attempt);
            g.writeFieldName("data");
            g.writeRawValue(event.payload());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a webhook body", e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    // Made on first use: most CRMs (and every test one) never send a webhook, and each client keeps
                    // a selector thread.
                    client = HttpClient.newBuilder()
                            .connectTimeout(settings.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .version(HttpClient.Version.HTTP_1_1)
                            .build();
                    http = client;
                }
            }
        }
        return client;
    }
}
