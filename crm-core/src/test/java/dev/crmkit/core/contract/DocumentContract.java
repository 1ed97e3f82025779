package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.document.Document;
import dev.crmkit.core.document.DocumentOwner;
import dev.crmkit.core.document.DocumentSettings;
import dev.crmkit.core.sales.NewOpportunity;
import dev.crmkit.core.sales.ProductDetails;
import dev.crmkit.core.sales.QuoteDraft;
import dev.crmkit.core.sales.QuoteItem;
import dev.crmkit.core.service.CustomerView;
import dev.crmkit.core.service.NewCase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Documents on records: stored by streaming, typed from their bytes, versioned, and deleted for good. */
public abstract class DocumentContract extends ContractSupport {
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
        'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};

    private AccountId account;
    private ContactId contact;
    private OpportunityId deal;

    @BeforeEach
    void records() {
        account = crm.accounts().create(AccountDetails.named("Analytical Ltd"));
        contact = crm.contacts().create(ContactDetails.of(account, "Ada", "Lovelace", "ada@example.com"));
        deal = crm.opportunities().create(NewOpportunity.of(account, "Engines", Money.of("100.00", "EUR"),
                LocalDate.of(2026, 3, 1)));
    }

    private static InputStream bytes(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void anAttachedDocumentKeepsItsBytesAndSaysWhatTheyAre() throws Exception {
        Document d = crm.documents().attach(DocumentOwner.of(account), "contract.pdf", null, bytes(PDF));

        assertThat(d.mediaType()).isEqualTo("application/pdf");
        assertThat(d.size()).isEqualTo(PDF.length);
        assertThat(d.sha256()).isEqualTo(sha256(PDF));
        assertThat(d.version()).isEqualTo(1);
        assertThat(d.createdBy()).isEqualTo(actor.user());
        assertThat(crm.documents().get(d.id())).isEqualTo(d);
        try (InputStream in = crm.documents().open(d.id())) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
        assertThat(crm.documents().of(DocumentOwner.of(account))).containsExactly(d);
    }

    @Test
    void aDocumentOfManyChunksComesBackByteForByte() throws Exception {
        byte[] big = new byte[600_000];
        new java.util.Random(7).nextBytes(big);
        Document d = crm.documents().attach(DocumentOwner.of(account), "scan.bin", null, bytes(big));
        assertThat(d.size()).isEqualTo(big.length);
        assertThat(d.sha256()).isEqualTo(sha256(big));
        try (InputStream in = crm.documents().open(d.id())) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
    }

    @Test
    void theTypeComesFromTheBytesNotTheNameAndADeclaredTypeMustMatchThem() {
        Document photo = crm.documents().attach(DocumentOwner.of(contact), "broken-part.pdf", null, bytes(PNG));
        assertThat(photo.mediaType()).isEqualTo("image/png");

        assertThatThrownBy(() -> crm.documents().attach(DocumentOwner.of(contact), "signed.pdf", "application/pdf",
                bytes(PNG))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("mediaType")).isTrue());
        assertThat(crm.documents().of(DocumentOwner.of(contact))).containsExactly(photo);
        assertThat(crm.documents().attach(DocumentOwner.of(contact), "signed.pdf", "application/pdf; version=1.4",
                bytes(PDF)).mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void theSameNameAgainIsTheNextVersionAndTheListingShowsTheLatest() {
        DocumentOwner owner = DocumentOwner.of(deal);
        Document first = crm.documents().attach(owner, "offer.pdf", null, bytes(PDF));
        Document second = crm.documents().attach(owner, "offer.pdf", null, bytes(PNG));
        Document other = crm.documents().attach(owner, "photo.png", null, bytes(PNG));

        assertThat(second.version()).isEqualTo(2);
        assertThat(crm.documents().of(owner)).containsExactlyInAnyOrder(second, other);
        assertThat(crm.documents().versions(owner, "offer.pdf")).containsExactly(second, first);
    }

    @Test
    void documentsGoOnAccountsContactsOpportunitiesQuotesAndCases() {
        ProductId engine = crm.products().create(ProductDetails.of("ENG-1", "Engine"));
        crm.products().createPriceBook("Europe", "EUR");
        crm.products().setListPrice(engine, Money.of("10.00", "EUR"));
        var quote = crm.quotes().create(deal, QuoteDraft.of(List.of(QuoteItem.of(engine, 1))));
        var supportCase = crm.cases().open(NewCase.from(contact, Channel.EMAIL, "Engine jams")).id();
        for (DocumentOwner owner : List.of(DocumentOwner.of(account), DocumentOwner.of(contact),
                DocumentOwner.of(deal), DocumentOwner.of(quote), DocumentOwner.of(supportCase))) {
            Document d = crm.documents().attach(owner, "file.pdf", null, bytes(PDF));
            assertThat(crm.documents().of(owner)).containsExactly(d);
        }
    }

    @Test
    void theAgentSeesTheDocumentsOfTheCallerTheirAccountAndTheirOpenCasesNewestFirst() {
        var supportCase = crm.cases().open(NewCase.from(contact, Channel.EMAIL, "Engine jams")).id();
        Document contract = crm.documents().attach(DocumentOwner.of(account), "contract.pdf", null, bytes(PDF));
        clock.advance(Duration.ofMinutes(1));
        crm.documents().attach(DocumentOwner.of(contact), "id.png", null, bytes(PNG));
        clock.advance(Duration.ofMinutes(1));
        Document idAgain = crm.documents().attach(DocumentOwner.of(contact), "id.png", null, bytes(PNG));
        clock.advance(Duration.ofMinutes(1));
        Document photo = crm.documents().attach(DocumentOwner.of(supportCase), "broken-part.png", null, bytes(PNG));
        crm.documents().attach(DocumentOwner.of(deal), "offer.pdf", null, bytes(PDF));

        CustomerView view = crm.agentView().byEmail("ada@example.com").orElseThrow();

        assertThat(crm.documents().of(view)).as("latest versions, newest first; the deal's are not the agent's")
                .containsExactly(photo, idAgain, contract);
    }

    @Test
    void aDocumentOverTheLimitIsRefusedAndNothingIsKept() {
        Crm small = crmWith(new DocumentSettings(100));
        byte[] big = Arrays.copyOf(PDF, 101);
        assertThatThrownBy(() -> small.documents().attach(DocumentOwner.of(account), "big.pdf", null, bytes(big)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("content")).isTrue());
        assertThat(small.documents().of(DocumentOwner.of(account))).isEmpty();
        assertThat(small.documents().attach(DocumentOwner.of(account), "ok.pdf", null,
                bytes(Arrays.copyOf(PDF, 100))).size()).isEqualTo(100);
    }

    @Test
    void badNamesAndMissingRecordsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> crm.documents().attach(DocumentOwner.of(account), " ", null, bytes(PDF)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("name")).isTrue());
        assertThatThrownBy(() -> crm.documents().attach(DocumentOwner.of(account), "../etc/passwd", null,
                bytes(PDF))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("name")).isTrue());
        assertThatThrownBy(() -> crm.documents().attach(DocumentOwner.of(account), "a\u0000b.pdf", null, bytes(PDF)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> crm.documents().attach(DocumentOwner.of(AccountId.of(java.util.UUID.randomUUID())),
                "x.pdf", null, bytes(PDF))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("owner")).isTrue());
    }

    @Test
    void deletingADocumentRemovesItsRecordAndItsBytesForGood() throws IOException {
        Document d = crm.documents().attach(DocumentOwner.of(account), "contract.pdf", null, bytes(PDF));
        Crm rep = crm.as(new Actor(tenant, UserId.of("rep-2"), Set.of()));
        assertThatThrownBy(() -> rep.documents().delete(d.id())).isInstanceOf(AccessDeniedException.class);

        assertThat(crm.documents().delete(d.id())).isTrue();

        assertThat(crm.documents().of(DocumentOwner.of(account))).isEmpty();
        assertThatThrownBy(() -> crm.documents().open(d.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> storage().documentStore().read(tenant, d.id().toString()).readAllBytes())
                .as("the bytes are gone from the store").isInstanceOf(IOException.class);
        assertThat(crm.documents().delete(d.id())).isFalse();
    }

    @Test
    void anotherTenantSeesNoneOfThem() {
        Document d = crm.documents().attach(DocumentOwner.of(account), "contract.pdf", null, bytes(PDF));
        Crm other = crm.as(new Actor(freshTenant(), actor.user(), actor.roles()));
        assertThatThrownBy(() -> other.documents().get(d.id())).isInstanceOf(NotFoundException.class);
        assertThat(other.documents().of(DocumentOwner.of(account))).isEmpty();
    }
}
