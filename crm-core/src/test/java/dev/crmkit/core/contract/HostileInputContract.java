package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.CaseStatus;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.tracking.TrackedActivity.AdClick;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Hostile input, the same for every adapter: each value {@link HostileValues} makes for each parameter of
 * {@link HostileCatalog} is either refused with a {@code ValidationException} naming exactly that field, with
 * nothing stored, or stored and read back exactly (or as the field's documented normal form); no input throws
 * anything else, and no input makes later reads of its tenant fail. The issue's own cases are examples below.
 */
public abstract class HostileInputContract extends ContractSupport {
    /** One run per storage: the catalog is large, and the JPA module compares the same run across adapters. */
    private static final Map<Storage, HostileRun> RUNS = new IdentityHashMap<>();

    /** The catalog's outcomes on {@code storage}, computed on first use. */
    public static synchronized HostileRun runOn(Storage storage) {
        return RUNS.computeIfAbsent(storage, s -> HostileRun.of(s, HostileCatalog.all()));
    }

    @Test
    void everyHostileInputIsRefusedNamingItsFieldOrStoredExactly() {
        HostileRun run = runOn(storage());
        System.out.printf("hostile inputs on %s: %d inputs over %d writes, %d tenants read afterwards,"
                        + " %d violations%n", storage().getClass().getSimpleName(), run.inputs(),
                HostileCatalog.all().size(), run.tenantsRead, run.violations.size());
        assertThat(run.inputs()).as("a few thousand inputs").isGreaterThan(1_500);
        assertThat(run.violations).as("breaches of the property (%d)", run.violations.size())
                .isEmpty();
    }

    // ---- the examples -------------------------------------------------------------------------------------

    private static void refusedNaming(Executable call, String field) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly(field));
    }

    @Test
    void aNulCharacterIsRefusedNamingTheFieldOnEveryAdapter() {
        refusedNaming(() -> crm.leads().capture(NewLead.of("Ada\u0000", "Lovelace", "ada@example.com")),
                "firstName");
        refusedNaming(() -> crm.leads().capture(NewLead.of("Ada", "Lovelace\uD800", "ada@example.com")),
                "lastName");
        assertThat(crm.leads().search(LeadQuery.all(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void aClickOutsideTheDocumentedTimeRangeIsRefusedAndReportsStillWork() {
        HostileFixture fx = new HostileFixture(crm);
        for (Instant at : List.of(Instant.MAX, Instant.MIN,
                LocalDate.of(0, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
                Instant.parse("1899-12-31T23:59:59Z"), Instant.parse("2200-01-01T00:00:00Z"))) {
            refusedNaming(() -> crm.tracking().record(new AdClick("click-" + at.getEpochSecond(), at, "visitor-1",
                    fx.adCode(), null, null)), "occurredAt");
        }
        assertThat(crm.tracking().record(new AdClick("late", Instant.parse("2199-12-31T23:59:59Z"), "visitor-1",
                fx.adCode(), null, null))).isTrue();
        assertThat(crm.tracking().touchpointsOfVisitor("visitor-1")).singleElement()
                .satisfies(t -> assertThat(t.occurredAt()).isEqualTo(Instant.parse("2199-12-31T23:59:59Z")));
        refusedNaming(() -> crm.tasks().create(NewTask.of("Call").dueAt(Instant.MAX)), "due");
        fx.readEverything();
    }

    @Test
    void aCaseAboutAnUnknownOrderOrProductIsRefusedNamingIt() {
        HostileFixture fx = new HostileFixture(crm);
        refusedNaming(() -> crm.cases().open(NewCase.from(fx.contact(), Channel.EMAIL, "Late")
                .withOrder(OrderId.of(UUID.randomUUID()))), "order");
        refusedNaming(() -> crm.cases().open(NewCase.from(fx.contact(), Channel.EMAIL, "Broken")
                .about(ProductId.of(UUID.randomUUID()), null)), "product");
        assertThat(crm.cases().ofContact(fx.contact())).isEmpty();
        Case known = crm.cases().open(NewCase.from(fx.contact(), Channel.EMAIL, "Broken").about(fx.product(), null));
        assertThat(known.regarding().product()).isEqualTo(fx.product());
    }

    @Test
    void resolvingACaseNeedsAResolution() {
        Case open = new HostileFixture(crm).newCase();
        refusedNaming(() -> crm.cases().resolve(open.id(), null), "resolution");
        refusedNaming(() -> crm.cases().resolve(open.id(), " \n "), "resolution");
        assertThat(crm.cases().get(open.id()).status()).isEqualTo(CaseStatus.NEW);
        assertThat(crm.cases().resolve(open.id(),
                "Replaced the part").closure().resolution()).isEqualTo("Replaced the part");
    }

    @Test
    void nullArgumentsOfTheWritesAreRefusedNamingTheParameter() {
        Map<String, Consumer<Void>> calls = new java.util.LinkedHashMap<>();
        calls.put("lead", x -> crm.leads().capture(null));
        calls.put("mapping", x -> crm.leads().captureForm(null, null));
        calls.put("details", x -> crm.accounts().create(null));
        calls.put("details ", x -> crm.contacts().create(null));
        calls.put("opportunity", x -> crm.opportunities().create(null));
        calls.put("details  ", x -> crm.products().create(null));
        calls.put("draft", x -> crm.quotes().create(new HostileFixture(crm).opportunity(), null));
        calls.put("case", x -> crm.cases().open(null));
        calls.put("task", x -> crm.tasks().create(null));
        calls.put("event", x -> crm.calendar().schedule(null));
        calls.put("draft ", x -> crm.knowledge().create(null));
        calls.put("purchase", x -> crm.customers().recordPurchase(null));
        calls.put("feedback", x -> crm.customers().recordFeedback(null));
        calls.put("details   ", x -> crm.tracking().createCampaign(null));
        calls.put("event ", x -> crm.tracking().record(null));
        calls.put("events", x -> crm.tracking().recordAll(null));
        calls.put("interaction", x -> crm.tracking().logCall(null));
        calls.put("criteria", x -> crm.segments().create("Everyone", dev.crmkit.core.segment.SegmentTarget.LEAD,
                null));
        List<String> wrong = calls.entrySet().stream().filter(e -> {
            try {
                e.getValue().accept(null);
                return true;
            } catch (ValidationException v) {
                return !v.hasErrorFor(e.getKey().strip());
            } catch (RuntimeException other) {
                return true;
            }
        }).map(Map.Entry::getKey).collect(Collectors.toList());
        assertThat(wrong).as("calls whose null argument was not a ValidationException naming it").isEmpty();
    }
}
