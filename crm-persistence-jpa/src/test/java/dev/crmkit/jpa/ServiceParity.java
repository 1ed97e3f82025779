package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.contract.IdOrderContract;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.service.Article;
import dev.crmkit.core.service.ArticleId;
import dev.crmkit.core.service.ArticleStatus;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.CaseStatus;
import dev.crmkit.core.service.Closure;
import dev.crmkit.core.service.Regarding;
import dev.crmkit.core.service.ServiceContract;
import dev.crmkit.core.service.ServiceContractId;
import dev.crmkit.core.service.Targets;
import dev.crmkit.core.service.Triage;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.testkit.Samples;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The service repositories list what their contract leaves open as the in-memory adapter does: cases opened in the
 * same instant, contracts starting on the same day and articles created together come in its order (ties broken by
 * id, unsigned, as {@link dev.crmkit.core.common.EntityId#compare} orders them), and free text of any length the
 * services accept is stored whole.
 */
abstract class ServiceParity {
    protected abstract Storage storage();

    private final TenantId tenant = TenantId.of("service-parity-" + UUID.randomUUID().toString().substring(0, 8));
    private final InMemoryStorage memory = InMemoryStorage.create();
    private final AccountId account = AccountId.of(UUID.randomUUID());
    private final ContactId contact = ContactId.of(UUID.randomUUID());
    private final ArticleId article = ArticleId.of(UUID.randomUUID());

    private void saveInBoth(Function<StorageTx, Object> work) {
        memory.write(tenant, work);
        storage().write(tenant, work);
    }

    private <T> void assertSameIn(Function<StorageTx, List<T>> query) {
        List<T> expected = memory.read(tenant, query);
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(storage().read(tenant, query)).containsExactlyElementsOf(expected);
    }

    @Test
    void casesOpenedInTheSameInstantAreListedAsInMemory() {
        Case sample = Samples.serviceCase(CaseId.of(UUID.randomUUID()), "x", account, contact, null, article);
        List<UUID> ids = IdOrderContract.mixedIds(8);
        saveInBoth(tx -> {
            int n = 0;
            for (UUID id : ids) {
                n++;
                // Open, first response due at(60): overdue after it.
                tx.cases().save(new Case(CaseId.of(id), 0, "CS-" + n, new Regarding(account, contact, null, null, null),
                        new Triage(sample.triage().kind(), null, sample.triage().priority(), sample.triage().channel()),
                        "s", null, null, CaseStatus.NEW, new Targets(null, sample.targets().firstResponseDue(),
                                sample.targets().resolutionDue(), null),
                        null, null, sample.articles(), null, null, null, sample.createdAt(), sample.createdAt()));
            }
            return null;
        });
        assertSameIn(tx -> tx.cases().findByAccount(account));
        assertSameIn(tx -> tx.cases().findByContact(contact));
        assertSameIn(tx -> tx.cases().findByArticle(article));
        assertSameIn(tx -> tx.cases().findOpenDueBefore(sample.targets().resolutionDue().plusSeconds(1)));
    }

    @Test
    void contractsStartingOnTheSameDayAndArticlesCreatedTogetherAreListedAsInMemory() {
        ServiceContract contract = Samples.serviceContract(ServiceContractId.of(UUID.randomUUID()), account);
        Article sample = Samples.article(ArticleId.of(UUID.randomUUID()), "Jams", ArticleStatus.PUBLISHED);
        List<UUID> ids = IdOrderContract.mixedIds(8);
        saveInBoth(tx -> {
            for (UUID id : ids) {
                tx.serviceContracts().save(new ServiceContract(ServiceContractId.of(id), 0, account, "Gold",
                        contract.startDate(), null, null, null, contract.levels(), null, contract.createdAt(),
                        contract.updatedAt()));
                tx.articles().save(new Article(ArticleId.of(id), 0, "Jams", "body", null, sample.productCodes(),
                        ArticleStatus.DRAFT, 1, null, null, sample.createdAt(), sample.updatedAt(), null));
            }
            return null;
        });
        assertSameIn(tx -> tx.serviceContracts().findByAccount(account));
        assertSameIn(tx -> tx.articles().findByProductCode(sample.productCodes().iterator().next()));
    }

    @Test
    void freeTextOfAnyLengthIsStoredWhole() {
        String longText = "Ünïcode ✓ ".repeat(2000);
        Case sample = Samples.serviceCase(CaseId.of(UUID.randomUUID()), "CS-LONG", account, contact, null, article);
        Case c = new Case(sample.id(), 0, sample.trackingNumber(), new Regarding(account, contact,
                sample.regarding().product(), longText, sample.regarding().order()),
                new Triage(sample.triage().kind(), longText, sample.triage().priority(), sample.triage().channel()),
                longText, longText, sample.owner(), sample.status(), null, new Closure(longText, null, null), null,
                null, null, sample.comments(), sample.history(), sample.createdAt(), sample.updatedAt());
        Article a = new Article(ArticleId.of(UUID.randomUUID()), 0, longText, longText, null, null,
                ArticleStatus.PUBLISHED, 1, null, null, Instant.parse("2026-01-05T09:00:00Z"),
                Instant.parse("2026-01-05T09:00:00Z"), Instant.parse("2026-01-05T09:00:00Z"));
        storage().write(tenant, tx -> {
            tx.cases().save(c);
            tx.articles().save(a);
            return null;
        });
        assertThat(storage().read(tenant, (StorageTx tx) -> tx.cases().get(c.id()))).isEqualTo(c.withVersion(1));
        assertThat(storage().read(tenant, (StorageTx tx) -> tx.articles().get(a.id()))).isEqualTo(a.withVersion(1));
    }
}
