package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.context.DeadLetter;
import dev.crmkit.core.context.DeliveryPolicy;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.tracking.CampaignDetails;
import dev.crmkit.core.webhook.NewWebhook;
import dev.crmkit.core.webhook.WebhookDelivery;
import dev.crmkit.core.webhook.WebhookDeliveryStatus;
import dev.crmkit.core.webhook.WebhookEndpoint;
import dev.crmkit.core.webhook.WebhookId;
import dev.crmkit.core.webhook.WebhookLimits;
import dev.crmkit.core.webhook.WebhookSettings;
import dev.crmkit.core.webhook.WebhookSignature;
import dev.crmkit.core.webhook.WebhookSubscriber;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outbound webhooks against real HTTP servers on 127.0.0.1: the documented body, headers and signature; filters;
 * retries with the outbox's backoff for the failed endpoints only; timeouts; dead letters; 410 Gone; validation and
 * roles. Time moves by the test's clock, so backoffs cost nothing; only the hanging server waits (300 ms a try).
 */
public abstract class WebhookContract extends ContractSupport {
    private static final DeliveryPolicy THREE_TRIES = new DeliveryPolicy(3, Duration.ofSeconds(10),
            Duration.ofMinutes(1), Duration.ofMinutes(5), 50);
    /** Generous: a loaded build machine may take a while to answer from 127.0.0.1. */
    private static final WebhookSettings PATIENT = new WebhookSettings(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(30));
    /** For the receiver that never answers. */
    private static final WebhookSettings HASTY = new WebhookSettings(Duration.ofSeconds(5), Duration.ofMillis(300),
            Duration.ofSeconds(30));
    private static final String SECRET = "s3cr3t-0f-a-receiver";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One POST as a receiver saw it. */
    private record Received(String method, String path, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /** A webhook receiver: a JDK HTTP server that answers the n-th request (from 1) with {@code answer(n)}. */
    private final class Receiver {
        final HttpServer server;
        final List<Received> got = new CopyOnWriteArrayList<>();
        volatile IntUnaryOperator answer;
        volatile boolean hangs;

        Receiver(IntUnaryOperator answer) throws IOException {
            this.answer = answer;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(serverThreads);
            server.createContext("/hook", this::handle);
            server.start();
            servers.add(server);
        }

        private void handle(HttpExchange exchange) throws IOException {
            try {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                got.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders(), body));
                if (hangs) {
                    release.await(30, TimeUnit.SECONDS);
                }
                exchange.sendResponseHeaders(answer.applyAsInt(got.size()), -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }
    }

    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    /** Hanging receivers wait for this; released after each test so the servers stop at once. */
    private final CountDownLatch release = new CountDownLatch(1);
    private ExecutorService serverThreads;
    /** The CRM under test: three tries 10 s then 20 s apart. */
    private Crm hooks;

    @BeforeEach
    void startHooks() {
        serverThreads = Executors.newCachedThreadPool();
        hooks = crmWith(THREE_TRIES, PATIENT);
    }

    @AfterEach
    void stopServers() {
        release.countDown();
        servers.forEach(s -> s.stop(0));
        serverThreads.shutdownNow();
    }

    private Receiver receiver(int status) throws IOException {
        return new Receiver(n -> status);
    }

    private WebhookId register(Receiver r, String... types) {
        return hooks.webhooks().register(NewWebhook.of(r.url(), SECRET).eventTypes(Set.of(types)));
    }

    private LeadId capture(String email) {
        return hooks.leads().capture(NewLead.of("Ada", "Lovelace", email));
    }

    private List<WebhookDelivery> deliveries(WebhookId id) {
        return hooks.webhooks().deliveries(id, PageRequest.first(50)).items();
    }

    private static String hmacHex(String key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEndpointGetsTheDocumentedBodyAndHeadersSignedWithItsSecret() throws Exception {
        Receiver erp = receiver(204);
        WebhookId id = register(erp, "LeadCaptured");
        LeadId lead = capture("ada@example.com");

        assertThat(hooks.events().backlog(WebhookSubscriber.NAME)).isEqualTo(1);
        hooks.events().dispatchDue();

        assertThat(erp.got).hasSize(1);
        Received post = erp.got.get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/hook");
        assertThat(post.header("Content-Type")).isEqualTo("application/json");
        assertThat(post.header("User-Agent")).isEqualTo("CRMKit-Webhooks");
        assertThat(post.header("CRMKit-Event-Type")).isEqualTo("LeadCaptured");
        String timestamp = post.header("CRMKit-Timestamp");
        assertThat(timestamp).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        assertThat(post.header("CRMKit-Signature")).as("recomputed here")
                .isEqualTo("v1=" + hmacHex(SECRET, timestamp + "." + post.body()));

        JsonNode body = post.json();
        assertThat(body.fieldNames()).toIterable()
                .containsExactly("id", "type", "occurredAt", "tenant", "aggregate", "attempt", "data");
        assertThat(body.get("id").asText()).isEqualTo(post.header("CRMKit-Event-Id"));
        assertThat(body.get("type").asText()).isEqualTo("LeadCaptured");
        assertThat(body.get("occurredAt").asText()).isEqualTo(START.toString());
        assertThat(body.get("tenant").asText()).isEqualTo(tenant.value());
        assertThat(body.get("aggregate").get("type").asText()).isEqualTo("Lead");
        assertThat(body.get("aggregate").get("id").asText()).isEqualTo(lead.toString());
        assertThat(body.get("attempt").asInt()).isEqualTo(1);
        assertThat(body.get("data").get("lead").get("id").asText()).isEqualTo(lead.toString());
        assertThat(body.get("data").get("lead").get("email").asText()).isEqualTo("ada@example.com");

        assertThat(WebhookSignature.verify(SECRET, timestamp, post.body(), post.header("CRMKit-Signature"),
                Duration.ofMinutes(5), clock.instant())).isTrue();
        assertThat(WebhookSignature.verify("another-secret-of-20", timestamp, post.body(),
                post.header("CRMKit-Signature"), Duration.ofMinutes(5), clock.instant())).as("other secret").isFalse();
        assertThat(WebhookSignature.verify(SECRET, timestamp, post.body().replace("Ada", "Eve"),
                post.header("CRMKit-Signature"), Duration.ofMinutes(5), clock.instant())).as("changed body").isFalse();
        assertThat(WebhookSignature.verify(SECRET, timestamp, post.body(), post.header("CRMKit-Signature"),
                Duration.ofMinutes(5), clock.instant().plus(Duration.ofMinutes(6)))).as("replayed later").isFalse();

        List<WebhookDelivery> records = deliveries(id);
        assertThat(records).hasSize(1);
        WebhookDelivery record = records.get(0);
        assertThat(record.eventId()).hasToString(post.header("CRMKit-Event-Id"));
        assertThat(record.eventType()).isEqualTo("LeadCaptured");
        assertThat(record.status()).isEqualTo(WebhookDeliveryStatus.DELIVERED);
        assertThat(record.statusCode()).isEqualTo(204);
        assertThat(record.error()).isNull();
        assertThat(record.attempts()).isEqualTo(1);
        assertThat(record.lastAttemptAt()).isEqualTo(clock.instant());
        assertThat(record.deliveredAt()).isEqualTo(clock.instant());
        assertThat(hooks.events().backlog(WebhookSubscriber.NAME)).isZero();
        assertThat(hooks.events().dispatchDue()).as("nothing left to send").isZero();
        assertThat(erp.got).hasSize(1);
    }

    @Test
    void anEndpointWhoseFilterDoesNotMatchGetsNothingAndNoEventIsStoredForIt() throws Exception {
        Receiver cases = receiver(200);
        Receiver everything = receiver(200);
        register(cases, "CaseOpened");
        register(everything);

        hooks.tracking().createCampaign(CampaignDetails.named("Spring", Channel.WEB));
        capture("ada@example.com");
        hooks.events().dispatchDue();

        assertThat(cases.got).isEmpty();
        assertThat(everything.got).extracting(r -> r.header("CRMKit-Event-Type"))
                .containsExactlyInAnyOrder("CampaignSaved", "LeadCaptured");
    }

    @Test
    void aTenantWithoutEnabledEndpointsStoresNoEventsForWebhooks() throws Exception {
        capture("ada@example.com");
        assertThat(hooks.events().backlog(WebhookSubscriber.NAME)).isZero();

        Receiver erp = receiver(200);
        WebhookEndpoint endpoint = hooks.webhooks().get(register(erp, "LeadCaptured"));
        capture("grace@example.com");
        assertThat(hooks.events().backlog(WebhookSubscriber.NAME)).as("seen at once on this node").isEqualTo(1);

        hooks.webhooks().disable(endpoint, "maintenance");
        capture("barbara@example.com");
        assertThat(hooks.events().backlog(WebhookSubscriber.NAME)).isEqualTo(1);
        hooks.events().dispatchDue();
        assertThat(erp.got).as("disabled before delivery").isEmpty();
    }

    @Test
    void aServerThatFailsTwiceThenSucceedsGetsTheEventOnTheThirdAttemptAfterBackoffAndOnlyOnce() throws Exception {
        Receiver flaky = new Receiver(n -> n <= 2 ? 500 : 200);
        WebhookId id = register(flaky, "LeadCaptured");
        capture("ada@example.com");

        hooks.events().dispatchDue();
        assertThat(flaky.got).hasSize(1);
        assertThat(deliveries(id)).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(WebhookDeliveryStatus.FAILED);
            assertThat(d.statusCode()).isEqualTo(500);
            assertThat(d.error()).isEqualTo("HTTP 500");
            assertThat(d.deliveredAt()).isNull();
        });

        clock.advance(Duration.ofSeconds(9));
        hooks.events().dispatchDue();
        assertThat(flaky.got).as("not before the first backoff (10 s)").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        hooks.events().dispatchDue();
        assertThat(flaky.got).hasSize(2);
        clock.advance(Duration.ofSeconds(19));
        hooks.events().dispatchDue();
        assertThat(flaky.got).as("not before the second backoff (20 s)").hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        hooks.events().dispatchDue();
        assertThat(flaky.got).hasSize(3);

        clock.advance(Duration.ofHours(1));
        hooks.events().dispatchDue();
        assertThat(flaky.got).as("delivered once: never sent again").hasSize(3);
        assertThat(flaky.got).extracting(r -> r.header("CRMKit-Event-Id")).containsOnly(
                flaky.got.get(0).header("CRMKit-Event-Id"));
        List<Integer> attempts = new ArrayList<>();
        for (Received r : flaky.got) {
            attempts.add(r.json().get("attempt").asInt());
        }
        assertThat(attempts).containsExactly(1, 2, 3);
        assertThat(flaky.got.get(2).header("CRMKit-Timestamp"))
                .isEqualTo(Long.toString(clock.instant().minus(Duration.ofHours(1)).getEpochSecond()));
        assertThat(deliveries(id)).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(WebhookDeliveryStatus.DELIVERED);
            assertThat(d.statusCode()).isEqualTo(200);
            assertThat(d.error()).isNull();
            assertThat(d.attempts()).isEqualTo(3);
        });
        assertThat(hooks.events().deadLetters(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void aServerThatHangsTimesOutIsRetriedAndEndsAsADeadLetter() throws Exception {
        Receiver stuck = receiver(200);
        stuck.hangs = true;
        WebhookId id = register(stuck, "LeadCaptured");
        capture("ada@example.com");
        Crm hasty = crmWith(THREE_TRIES, HASTY); // another node, sharing the outbox, that waits 300 ms for answers

        for (Duration wait : List.of(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(20))) {
            clock.advance(wait);
            long started = System.nanoTime();
            hasty.events().dispatchDue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the timeouts, not the server")
                    .isLessThan(Duration.ofSeconds(10));
        }

        assertThat(stuck.got).hasSize(3);
        assertThat(deliveries(id)).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(WebhookDeliveryStatus.FAILED);
            assertThat(d.statusCode()).isNull();
            assertThat(d.error()).contains("timed out");
            assertThat(d.attempts()).isEqualTo(3);
        });
        List<DeadLetter> dead = hooks.events().deadLetters(PageRequest.first(10)).items();
        assertThat(dead).singleElement().satisfies(letter -> {
            assertThat(letter.subscriber()).isEqualTo(WebhookSubscriber.NAME);
            assertThat(letter.attempts()).isEqualTo(3);
            assertThat(letter.event().type()).isEqualTo("LeadCaptured");
            assertThat(letter.lastError()).contains(id.toString()).contains("timed out")
                    .doesNotContain(SECRET).doesNotContain(stuck.url());
        });
        assertThat(hooks.events().backlog(WebhookSubscriber.NAME)).isZero();
        clock.advance(Duration.ofHours(1));
        hooks.events().dispatchDue();
        assertThat(stuck.got).as("a dead letter is not sent again").hasSize(3);
    }

    @Test
    void anEndpointThatAnswers410IsDisabledAndGetsNoLaterEvents() throws Exception {
        Receiver gone = receiver(410);
        WebhookId id = register(gone, "LeadCaptured");
        capture("ada@example.com");

        hooks.events().dispatchDue();
        assertThat(gone.got).hasSize(1);
        WebhookEndpoint endpoint = hooks.webhooks().get(id);
        assertThat(endpoint.enabled()).isFalse();
        assertThat(endpoint.disabledReason()).contains("410");
        assertThat(deliveries(id)).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(WebhookDeliveryStatus.GONE);
            assertThat(d.statusCode()).isEqualTo(410);
        });
        assertThat(hooks.events().deadLetters(PageRequest.first(10)).items()).as("done, not failed").isEmpty();
        assertThat(hooks.events().backlog(WebhookSubscriber.NAME)).isZero();

        capture("grace@example.com");
        assertThat(hooks.events().backlog(WebhookSubscriber.NAME)).as("no enabled endpoint wants it").isZero();
        hooks.events().dispatchDue();
        assertThat(gone.got).hasSize(1);

        gone.answer = n -> 200;
        hooks.webhooks().enable(endpoint);
        capture("barbara@example.com");
        hooks.events().dispatchDue();
        assertThat(gone.got).hasSize(2);
        assertThat(hooks.webhooks().get(id).enabled()).isTrue();
    }

    @Test
    void whenOneOfTwoEndpointsFailsTheHealthyOneGetsTheEventOnceAcrossRetries() throws Exception {
        Receiver healthy = receiver(200);
        Receiver broken = receiver(503);
        WebhookId healthyId = register(healthy, "LeadCaptured");
        WebhookId brokenId = register(broken, "LeadCaptured");
        capture("ada@example.com");

        for (Duration wait : List.of(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(20))) {
            clock.advance(wait);
            hooks.events().dispatchDue();
        }

        assertThat(healthy.got).hasSize(1);
        assertThat(broken.got).hasSize(3);
        assertThat(deliveries(healthyId)).singleElement().satisfies(d -> assertThat(d.attempts()).isEqualTo(1));
        assertThat(deliveries(brokenId)).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(WebhookDeliveryStatus.FAILED);
            assertThat(d.statusCode()).isEqualTo(503);
            assertThat(d.attempts()).isEqualTo(3);
        });
        DeadLetter letter = hooks.events().deadLetters(PageRequest.first(10)).items().get(0);
        assertThat(letter.lastError()).contains("1 of 1 webhook endpoints failed").contains(brokenId.toString())
                .doesNotContain(healthyId.toString());

        broken.answer = n -> 200;
        assertThat(hooks.events().retry(letter.event().eventId(), WebhookSubscriber.NAME)).isTrue();
        hooks.events().dispatchDue();
        assertThat(broken.got).hasSize(4);
        assertThat(broken.got.get(3).json().get("attempt").asInt()).as("counted per endpoint").isEqualTo(4);
        assertThat(healthy.got).as("still once").hasSize(1);
    }

    @Test
    void deletingAnEndpointStopsItsPendingRetriesAndItsRecords() throws Exception {
        Receiver broken = receiver(500);
        WebhookId id = register(broken, "LeadCaptured");
        capture("ada@example.com");
        hooks.events().dispatchDue();
        assertThat(broken.got).hasSize(1);

        hooks.webhooks().delete(hooks.webhooks().get(id));
        clock.advance(Duration.ofSeconds(10));
        hooks.events().dispatchDue();

        assertThat(broken.got).hasSize(1);
        assertThat(hooks.events().backlog(WebhookSubscriber.NAME)).isZero();
        assertThat(hooks.events().deadLetters(PageRequest.first(10)).items()).isEmpty();
        assertThatThrownBy(() -> hooks.webhooks().get(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> deliveries(id)).isInstanceOf(NotFoundException.class);
        assertThat(hooks.webhooks().list()).isEmpty();
    }

    @Test
    void anEndpointGetsOnlyEventsThatOccurredAfterItWasRegistered() throws Exception {
        Receiver first = receiver(500);
        register(first, "LeadCaptured");
        capture("ada@example.com");
        hooks.events().dispatchDue();

        clock.advance(Duration.ofSeconds(10));
        Receiver later = receiver(200);
        register(later, "LeadCaptured");
        hooks.events().dispatchDue();

        assertThat(first.got).as("retried").hasSize(2);
        assertThat(later.got).isEmpty();
    }

    @Test
    void anEndpointRegisteredOnAnotherNodeIsSeenOnceTheCacheTimeIsOver() throws Exception {
        Crm uncached = crmWith(THREE_TRIES, new WebhookSettings(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ZERO));
        uncached.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        Receiver erp = receiver(200);
        register(erp, "LeadCaptured"); // on the node "hooks": "uncached" is not told

        uncached.leads().capture(NewLead.of("Grace", "Hopper", "grace@example.com"));
        uncached.events().dispatchDue();

        assertThat(erp.got).hasSize(1);
        assertThat(erp.got.get(0).json().get("data").get("lead").get("email").asText())
                .isEqualTo("grace@example.com");
    }

    @Test
    void endpointsAreListedAndChangedFromTheVersionReadAndAStaleCopyIsRefused() throws Exception {
        Receiver erp = receiver(200);
        WebhookId id = hooks.webhooks().register(NewWebhook.of(erp.url(), SECRET).description("ERP orders"));
        WebhookEndpoint read = hooks.webhooks().get(id);
        assertThat(read.enabled()).isTrue();
        assertThat(read.disabledReason()).isNull();
        assertThat(read.eventTypes()).as("all types").isEmpty();
        assertThat(read.description()).isEqualTo("ERP orders");
        assertThat(read.createdAt()).isEqualTo(START);
        assertThat(read.secret().value()).isEqualTo(SECRET);

        clock.advance(Duration.ofMinutes(1));
        WebhookEndpoint changed = hooks.webhooks().update(read, NewWebhook.from(read)
                .eventTypes(Set.of("LeadCaptured", "LeadConverted")).description(null));
        assertThat(changed.version()).isEqualTo(read.version() + 1);
        assertThat(changed.eventTypes()).containsExactlyInAnyOrder("LeadCaptured", "LeadConverted");
        assertThat(changed.description()).isNull();
        assertThat(changed.secret()).isEqualTo(read.secret());
        assertThat(changed.updatedAt()).isEqualTo(clock.instant());
        assertThat(hooks.webhooks().get(id)).isEqualTo(changed);
        assertThat(hooks.webhooks().list()).containsExactly(changed);

        assertThatThrownBy(() -> hooks.webhooks().update(read, NewWebhook.from(read)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> hooks.webhooks().disable(read, null)).isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> hooks.webhooks().delete(read)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(hooks.webhooks().get(id)).isEqualTo(changed);

        WebhookEndpoint disabled = hooks.webhooks().disable(changed, null);
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.disabledReason()).isEqualTo("disabled by rep-1");
        WebhookId second = register(receiver(200));
        assertThat(hooks.webhooks().list()).extracting(WebhookEndpoint::id).containsExactly(id, second);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        String url = receiver(200).url();
        for (String bad : new String[] {"ftp://127.0.0.1/hook", "mailto:ops@example.com", "/hook", "127.0.0.1/hook",
                "http:///hook", "http://user:pw@127.0.0.1/hook", "http://127.0.0.1/a b", " ", null}) {
            assertThatThrownBy(() -> hooks.webhooks().register(NewWebhook.of(bad, SECRET)))
                    .as(bad).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(f -> f.field()).containsExactly("url"));
        }
        String fifteenBytes = "0123456789abcde";
        String fourteenBytesInSevenChars = "ééééééé";
        for (String bad : new String[] {fifteenBytes, fourteenBytesInSevenChars, "", null}) {
            assertThatThrownBy(() -> hooks.webhooks().register(NewWebhook.of(url, bad)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.errors()).extracting(f -> f.field()).containsExactly("secret");
                        if (bad != null && !bad.isEmpty()) {
                            assertThat(e.getMessage()).doesNotContain(bad);
                        }
                    });
        }
        assertThatThrownBy(() -> hooks.webhooks().register(NewWebhook.of(url, SECRET)
                .eventTypes(Set.of("LeadCaptured", "LeadTeleported"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).extracting(f -> f.field()).containsExactly("eventTypes");
                    assertThat(e.getMessage()).contains("LeadTeleported").doesNotContain("'LeadCaptured'");
                });
        assertThatThrownBy(() -> hooks.webhooks().register(NewWebhook.of("ftp://x", fifteenBytes)
                .eventTypes(Set.of("Nope")).description("d".repeat(501))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("url", "secret", "eventTypes", "description"));
        assertThat(hooks.webhooks().list()).isEmpty();

        WebhookId id = hooks.webhooks().register(NewWebhook.of(url, "éééééééé").description("d".repeat(500)));
        assertThat(hooks.webhooks().get(id).secret().value()).as("16 bytes in UTF-8").isEqualTo("éééééééé");
        WebhookEndpoint read = hooks.webhooks().get(id);
        assertThatThrownBy(() -> hooks.webhooks().update(read, NewWebhook.from(read).url("file:///etc/passwd")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("url")).isTrue());
        assertThat(hooks.webhooks().get(id)).isEqualTo(read);
    }

    @Test
    void valuesExactlyAtTheLimitsAreKeptIntactAndLongerOnesRefused() throws Exception {
        String base = receiver(200).url() + "?q=";
        String longestUrl = base + "a".repeat(WebhookLimits.URL - base.length());
        String longestSecret = "\uD83D\uDD11".repeat(WebhookLimits.SECRET / 2); // a key emoji: two UTF-16 units
        String longestDescription = "Grüße, 5 € ".repeat(50).substring(0, WebhookLimits.DESCRIPTION - 1) + "!";

        WebhookId id = hooks.webhooks().register(NewWebhook.of(longestUrl, longestSecret)
                .description(longestDescription));
        WebhookEndpoint stored = hooks.webhooks().get(id);
        assertThat(stored.url()).hasToString(longestUrl);
        assertThat(stored.secret().value()).isEqualTo(longestSecret);
        assertThat(stored.description()).isEqualTo(longestDescription);

        assertThatThrownBy(() -> hooks.webhooks().register(NewWebhook.of(longestUrl + "a", longestSecret + "x")
                .description(longestDescription + "x")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("url", "secret", "description"));
        assertThat(hooks.webhooks().list()).containsExactly(stored);
    }

    @Test
    void theSecretIsNeverShownInToString() throws Exception {
        NewWebhook entered = NewWebhook.of(receiver(200).url(), SECRET);
        WebhookEndpoint endpoint = hooks.webhooks().get(hooks.webhooks().register(entered));
        assertThat(entered.toString()).doesNotContain(SECRET);
        assertThat(endpoint.toString()).doesNotContain(SECRET).contains(endpoint.id().toString());
        assertThat(endpoint.secret().toString()).doesNotContain(SECRET);
    }

    @Test
    void onlyAdministratorsManageWebhooks() throws Exception {
        WebhookId id = register(receiver(200));
        Crm rep = hooks.as(new Actor(tenant, UserId.of("rep-2"), Set.of(Actor.MANAGER)));
        String url = receiver(200).url();

        assertThatThrownBy(() -> rep.webhooks().register(NewWebhook.of(url, SECRET)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rep.webhooks().list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rep.webhooks().get(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rep.webhooks().deliveries(id, PageRequest.first(10)))
                .isInstanceOf(AccessDeniedException.class);
        WebhookEndpoint read = hooks.webhooks().get(id);
        assertThatThrownBy(() -> rep.webhooks().disable(read, "no")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rep.webhooks().delete(read)).isInstanceOf(AccessDeniedException.class);
        assertThat(hooks.webhooks().list()).containsExactly(read);
    }
}
