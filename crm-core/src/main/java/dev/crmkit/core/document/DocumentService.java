package dev.crmkit.core.document;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.DocumentId;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.StorageException;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.service.CustomerView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files attached to accounts, contacts, opportunities, quotes and cases: contracts, signed quotes, photos of a broken
 * part. The bytes go to the {@link DocumentStore} as they arrive (never held whole), counted against
 * {@link DocumentSettings#maxBytes}, hashed (SHA-256) and typed from their content; the record says which version of
 * which name on which record it is. Deleting removes both record and bytes.
 */
public final class DocumentService {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);
    private static final Comparator<Document> NEWEST_FIRST = Comparator.comparingInt(Document::version).reversed();

    private final CrmContext<? extends DocumentTx> ctx;
    private final DocumentStore store;

    public DocumentService(CrmContext<? extends DocumentTx> ctx, DocumentStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    /**
     * Stores {@code content} (read to its end, not closed) as the next version of {@code name} on {@code owner}.
     * When {@code declaredMediaType} is given, the detected type must be it (a {@code ValidationException} on
     * {@code mediaType} otherwise: a file whose bytes are not what it claims). A missing owner, a bad name, or content
     * over the size limit is a {@code ValidationException}; nothing is stored then.
     */
    public Document attach(DocumentOwner owner, String name, @Nullable String declaredMediaType, InputStream content) {
        Validation.argument("owner", owner);
        Validation.argument("content", content);
        Validation v = new Validation();
        String text = v.requireText("name", name);
        v.maxLength("name", text, Document.MAX_NAME);
        v.singleLine("name", text);
        v.check(text == null || !text.contains("/") && !text.contains("\\"), "name", "must not contain a path");
        v.maxLength("mediaType", declaredMediaType, Document.MAX_MEDIA_TYPE);
        v.throwIfInvalid();
        String clean = Validation.checked(text);
        // Checked before any byte is stored (a bad owner costs no upload) and again when the record is written.
        ctx.read(tx -> {
            requireOwner(tx, owner);
            return null;
        });
        DocumentId id = DocumentId.of(ctx.newId());
        String key = id.toString();
        Upload upload;
        try {
            upload = new Upload(content, ctx.setting(DocumentSettings.class, DocumentSettings::defaults).maxBytes());
            if (declaredMediaType != null && !sameType(declaredMediaType, upload.mediaType())) {
                throw new ValidationException("mediaType", "the content is " + upload.mediaType() + ", not "
                        + declaredMediaType);
            }
            store.write(ctx.actor().tenant(), key, upload);
        } catch (IOException e) {
            discard(key);
            throw new StorageException("could not store document " + clean + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            discard(key);
            throw e;
        }
        try {
            return ctx.write(tx -> {
                requireOwner(tx, owner);
                int version = tx.documents().ofOwner(owner).stream().filter(d -> d.name().equals(clean))
                        .mapToInt(Document::version).max().orElse(0) + 1;
                Document d = new Document(id, owner, clean, upload.mediaType(), upload.size(), upload.sha256(),
                        version, ctx.user(), ctx.now());
                tx.documents().insert(d);
                return d;
            });
        } catch (RuntimeException e) {
            discard(key);
            throw e;
        }
    }

    /** The latest version of each document on {@code owner}, by name. */
    public List<Document> of(DocumentOwner owner) {
        Validation.argument("owner", owner);
        return latest(ctx.read(tx -> tx.documents().ofOwner(owner)));
    }

    /** The latest version of each name among {@code documents}, in the order the names first come. */
    private static List<Document> latest(List<Document> documents) {
        Map<String, Document> latest = new LinkedHashMap<>();
        for (Document d : documents) {
            latest.merge(d.name(), d, (a, b) -> a.version() >= b.version() ? a : b);
        }
        return List.copyOf(latest.values());
    }

    /**
     * The documents an agent sees with a {@link CustomerView}: the latest version of each document on the caller's
     * contact, their account, the case looked up and the open cases, newest first, in one read.
     */
    public List<Document> of(CustomerView view) {
        Validation.argument("view", view);
        Set<DocumentOwner> owners = new LinkedHashSet<>();
        if (view.contact() != null) {
            owners.add(DocumentOwner.of(view.contact().id()));
        }
        if (view.account() != null) {
            owners.add(DocumentOwner.of(view.account().id()));
        }
        if (view.matchedCase() != null) {
            owners.add(DocumentOwner.of(view.matchedCase().id()));
        }
        view.openCases().forEach(c -> owners.add(DocumentOwner.of(c.id())));
        List<Document> all = new ArrayList<>();
        ctx.read(tx -> {
            owners.forEach(owner -> all.addAll(latest(tx.documents().ofOwner(owner))));
            return null;
        });
        all.sort(Comparator.comparing(Document::createdAt).reversed().thenComparing(d -> d.id().value()));
        return all;
    }

    /** Every version of {@code name} on {@code owner}, newest first. */
    public List<Document> versions(DocumentOwner owner, String name) {
        Validation.argument("owner", owner);
        Validation.lookup("name", name, false);
        List<Document> all = new ArrayList<>(ctx.read(tx -> tx.documents().ofOwner(owner)).stream()
                .filter(d -> d.name().equals(name)).toList());
        all.sort(NEWEST_FIRST);
        return all;
    }

    /** The document record, or {@code NotFoundException}. */
    public Document get(DocumentId id) {
        Validation.argument("id", id);
        return ctx.read(tx -> tx.documents().find(id)).orElseThrow(() -> new NotFoundException("Document", id));
    }

    /** The document's bytes, streamed from the store; the caller closes the stream. */
    public InputStream open(DocumentId id) {
        get(id);
        try {
            return store.read(ctx.actor().tenant(), id.toString());
        } catch (IOException e) {
            throw new StorageException("could not read document " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes this version for good: its record, then its bytes once the deletion committed. Its uploader or a
     * MANAGER may. Returns false when there was none.
     */
    public boolean delete(DocumentId id) {
        Validation.argument("id", id);
        boolean deleted = ctx.write(tx -> {
            Document d = tx.documents().find(id).orElse(null);
            if (d == null) {
                return false;
            }
            if (!d.createdBy().equals(ctx.user())) {
                ctx.actor().require(Actor.MANAGER, "delete another user's document");
            }
            return tx.documents().delete(id);
        });
        if (deleted) {
            discard(id.toString());
        }
        return deleted;
    }

    private void discard(String key) {
        try {
            store.delete(ctx.actor().tenant(), key);
        } catch (IOException | UncheckedIOException e) {
            LOG.error("could not remove the bytes of document {}; remove them from the store by hand", key, e);
        }
    }

    private static boolean sameType(String declared, String detected) {
        String base = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return base.equals(detected);
    }

    private static void requireOwner(DocumentTx tx, DocumentOwner owner) {
        boolean exists = switch (owner.kind()) {
            case ACCOUNT -> tx.accounts().find(AccountId.of(owner.id())).isPresent();
            case CONTACT -> tx.contacts().find(ContactId.of(owner.id())).isPresent();
            case OPPORTUNITY -> tx.opportunities().find(OpportunityId.of(owner.id())).isPresent();
            case QUOTE -> tx.quotes().find(QuoteId.of(owner.id())).isPresent();
            case CASE -> tx.cases().find(CaseId.of(owner.id())).isPresent();
        };
        if (!exists) {
            throw new ValidationException("owner", "no such " + owner.kind().name().toLowerCase(Locale.ROOT) + ": "
                    + owner.id());
        }
    }
}
