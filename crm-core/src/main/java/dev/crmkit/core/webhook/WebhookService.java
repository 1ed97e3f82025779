package dev.crmkit.core.webhook;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.events.EventTypes;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Outbound webhooks of the actor's tenant: the endpoints committed events are POSTed to (see
 * {@link WebhookSubscriber} for what is sent and how it is signed), and what became of each event at each endpoint.
 * Every method needs the {@link Actor#ADMIN} role. Changes take the endpoint as it was read and fail with
 * {@link ConcurrentUpdateException} when it changed since.
 *
 * <p>Endpoint changes raise no domain events: an event carrying the endpoint would carry its secret to every
 * durable subscriber, webhooks included.
 */
public final class WebhookService {
    private final CrmContext<? extends WebhookTx> ctx;
    private final WebhookSubscriber subscriber;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public WebhookService(CrmContext<? extends WebhookTx> ctx, WebhookSubscriber subscriber) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
    }

    /** The validated settings of a {@link NewWebhook}. */
    private record Settings(URI url, WebhookSecret secret, Set<String> eventTypes, @Nullable String description) {
    }

    /**
     * Registers an enabled endpoint that receives the tenant's events of the wanted types committed from now on. A
     * URL that is not an absolute http(s) URL, a secret shorter than {@value WebhookLimits#SECRET_MIN_BYTES} bytes,
     * an unknown event type name or an over-long description are reported together in one
     * {@link ValidationException}, and nothing is stored.
     */
    public WebhookId register(NewWebhook webhook) {
        requireAdmin();
        Settings s = validate(webhook);
        return write(tx -> {
            WebhookEndpoint saved = tx.webhooks().save(new WebhookEndpoint(WebhookId.of(ctx.newId()), 0, s.url(),
                    s.secret(), s.eventTypes(), s.description(), true, null, ctx.now(), ctx.now()));
            return saved.id();
        });
    }

    /** The endpoint, or {@code NotFoundException}. */
    public WebhookEndpoint get(WebhookId id) {
        requireAdmin();
        Objects.requireNonNull(id, "id");
        return ctx.read(tx -> tx.webhooks().get(id));
    }

    /** The tenant's endpoints, oldest first. */
    public List<WebhookEndpoint> list() {
        requireAdmin();
        return ctx.read(tx -> tx.webhooks().list());
    }

    /**
     * Replaces the URL, secret, event types and description of {@code read} with {@code changed}'s (start from
     * {@link NewWebhook#from}); validated as {@link #register}. Whether it is enabled stays.
     */
    public WebhookEndpoint update(WebhookEndpoint read, NewWebhook changed) {
        requireAdmin();
        Objects.requireNonNull(read, "read");
        Settings s = validate(changed);
        return write(tx -> tx.webhooks().save(current(tx, read).with(s.url(), s.secret(), s.eventTypes(),
                s.description(), ctx.now())));
    }

    /** Makes {@code read} receive events again (those committed from now on, and retries still pending). */
    public WebhookEndpoint enable(WebhookEndpoint read) {
        requireAdmin();
        Objects.requireNonNull(read, "read");
        return write(tx -> {
            WebhookEndpoint stored = current(tx, read);
            return stored.enabled() ? stored : tx.webhooks().save(stored.enable(ctx.now()));
        });
    }

    /**
     * Stops all deliveries to {@code read}, pending retries included, for {@code reason} (null: "disabled by" the
     * acting user); at most {@value WebhookLimits#DISABLED_REASON} characters.
     */
    public WebhookEndpoint disable(WebhookEndpoint read, String reason) {
        requireAdmin();
        Objects.requireNonNull(read, "read");
        Validation v = new Validation();
        String why = Text.blankToNull(reason);
        v.maxLength("reason", why, WebhookLimits.DISABLED_REASON);
        v.throwIfInvalid();
        String text = why != null ? why : "disabled by " + ctx.user();
        return write(tx -> {
            WebhookEndpoint stored = current(tx, read);
            return tx.webhooks().save(stored.disable(text, ctx.now()));
        });
    }

    /** Deletes {@code read} and its delivery records; events pending for it are not sent. */
    public void delete(WebhookEndpoint read) {
        requireAdmin();
        Objects.requireNonNull(read, "read");
        write(tx -> {
            tx.webhooks().delete(current(tx, read));
            return null;
        });
    }

    /** What became of the events POSTed to endpoint {@code id}, the last attempted first. */
    public Page<WebhookDelivery> deliveries(WebhookId id, PageRequest page) {
        requireAdmin();
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(page, "page");
        return ctx.read(tx -> {
            tx.webhooks().get(id);
            return tx.webhooks().deliveries(id, page);
        });
    }

    private void requireAdmin() {
        ctx.actor().require(Actor.ADMIN, "manage webhooks");
    }

    /** A write whose commit makes this node's subscriber read the tenant's endpoints again. */
    private <T> T write(Function<WebhookTx, T> work) {
        TenantId tenant = ctx.actor().tenant();
        return ctx.write(tx -> {
            tx.afterCommit(() -> subscriber.endpointsChanged(tenant));
            return work.apply(tx);
        });
    }

    private static WebhookEndpoint current(WebhookTx tx, WebhookEndpoint read) {
        WebhookEndpoint stored = tx.webhooks().get(read.id());
        if (stored.version() != read.version()) {
            throw new ConcurrentUpdateException("Webhook", read.id(), read.version(), OptionalLong.of(stored.version()));
        }
        return stored;
    }

    private static Settings validate(NewWebhook webhook) {
        if (webhook == null) {
            throw new ValidationException("webhook", "is required");
        }
        Validation v = new Validation();
        URI url = url(v, webhook.url());
        WebhookSecret secret = v.attempt("secret", () -> new WebhookSecret(webhook.secret()));
        Set<String> types = new LinkedHashSet<>();
        for (String name : webhook.eventTypes()) {
            if (v.check(name != null && EventTypes.find(name).isPresent(), "eventTypes",
                    "unknown event type '" + name + "' (EventTypes.names() lists them)")) {
                types.add(name);
            }
        }
        String description = Text.blankToNull(webhook.description());
        v.maxLength("description", description, WebhookLimits.DESCRIPTION);
        v.throwIfInvalid();
        return new Settings(Validation.checked(url), Validation.checked(secret), types, description);
    }

    /**
     * An absolute http(s) URL with a host and no user info, that the JDK's HTTP client accepts. Reasons never quote
     * the input: a URL may carry a token.
     */
    private static @Nullable URI url(Validation v, String text) {
        String t = v.requireText("url", text);
        if (t == null || !v.maxLength("url", t, WebhookLimits.URL)) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(t);
        } catch (URISyntaxException e) {
            v.check(false, "url", "is not a valid URL");
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!v.check(uri.isAbsolute() && ("http".equals(scheme) || "https".equals(scheme)), "url",
                "must be an absolute http or https URL")) {
            return null;
        }
        if (!v.check(uri.getHost() != null, "url", "must name a host")
                || !v.check(uri.getRawUserInfo() == null, "url", "must not carry user info (user:password@)")) {
            return null;
        }
        try {
            HttpRequest.newBuilder(uri);
        } catch (IllegalArgumentException e) {
            v.check(false, "url", "is not a URL the HTTP client can call");
            return null;
        }
        return uri;
    }
}
