package dev.crmkit.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.customer.AccountDetails;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents kept as files in a directory the host names. */
class DirectoryDocumentStoreTest {
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void documentsAreFilesInTheDirectoryAndDeletingRemovesThem(@TempDir Path dir) throws Exception {
        Crm crm = Crm.builder().with(DocumentStore.directory(dir)).build();
        AccountId account = crm.accounts().create(AccountDetails.named("Analytical Ltd"));

        Document d = crm.documents().attach(DocumentOwner.of(account), "contract.pdf", null,
                new ByteArrayInputStream(PDF));

        assertThat(files(dir)).hasSize(1).allSatisfy(f -> assertThat(f.getFileName().toString())
                .isEqualTo(d.id().toString()));
        try (InputStream in = crm.documents().open(d.id())) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
        crm.documents().delete(d.id());
        assertThat(files(dir)).isEmpty();
    }

    @Test
    void anUploadRefusedHalfwayLeavesNoFileBehind(@TempDir Path dir) throws Exception {
        Crm crm = Crm.builder().with(DocumentStore.directory(dir)).with(new DocumentSettings(10)).build();
        AccountId account = crm.accounts().create(AccountDetails.named("Analytical Ltd"));
        try {
            crm.documents().attach(DocumentOwner.of(account), "big.pdf", null, new ByteArrayInputStream(PDF));
        } catch (RuntimeException expected) {
            // over the limit
        }
        assertThat(files(dir)).isEmpty();
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
