package dev.crmkit.core.transfer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.MatchKeys;
import dev.crmkit.core.common.StorageException;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.AccountService;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.ContactService;
import dev.crmkit.core.lead.BatchCapture;
import dev.crmkit.core.lead.CaptureMemo;
import dev.crmkit.core.lead.DuplicateMatch.Certainty;
import dev.crmkit.core.lead.DuplicateMatch.Kind;
import dev.crmkit.core.lead.DuplicateMatch;
import dev.crmkit.core.lead.DuplicateService;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadService;
import dev.crmkit.core.lead.MatchedCaptures;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.transfer.RowOutcome.Action;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk import of leads, contacts and accounts from CSV and vCard files. The whole file is read and its columns
 * resolved before anything is written: a file too large, in the wrong encoding, with an unknown column or without a
 * name column is a {@code ValidationException} naming it, with nothing stored. Then every row is checked as the
 * lead, contact or account services check a record, and matched against what is stored (duplicate rules, the
 * {@code almostCertain} threshold); a bad row fails alone, with its errors named by column header, and the other
 * rows are imported, a batch of rows per transaction ({@link ImportSettings}). A row imported before (the same
 * content, in this or an earlier file) is skipped, so running the same file again creates nothing. Imported leads
 * have source {@code IMPORT}: a phone number that cannot be verified is kept as entered.
 */
public final class ImportService {
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    /**
     * The stored leads an import remembers between its batches ({@link CaptureMemo}): about 100 MB at most, for a
     * file of up to this many new people compared without reading an unchanged one twice.
     */
    private static final int MEMO_LEADS = 100_000;

    private final CrmContext<? extends TransferTx> ctx;
    private final LeadService leads;
    private final ContactService contacts;
    private final AccountService accounts;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public ImportService(CrmContext<? extends TransferTx> ctx) {
        this.ctx = ctx;
        this.leads = new LeadService(ctx);
        this.contacts = new ContactService(ctx);
        this.accounts = new AccountService(ctx);
    }

    /**
     * A dry run: what importing {@code file} would do with each row, and every row's errors, with nothing written.
     * Rows that repeat each other within the file are found; people that only look alike within the file are found
     * by the real import, which matches each row against the rows stored before it.
     */
    public ImportResult preview(ImportRequest request, InputStream file) {
        return run(request, file, true);
    }

    /** Imports {@code file}; see the class description. */
    public ImportResult run(ImportRequest request, InputStream file) {
        return run(request, file, false);
    }

    /** Keeps {@code mapping} under {@code name} (replacing one of that name) for the next file of this layout. */
    public SavedMapping saveMapping(String name, ImportTarget target, ColumnMapping mapping) {
        Validation v = new Validation();
        String n = v.requireText("name", name);
        v.maxLength("name", n, SavedMapping.MAX_NAME);
        v.singleLine("name", n);
        v.require("target", target);
        v.require("mapping", mapping);
        v.throwIfInvalid();
        SavedMapping saved = new SavedMapping(Validation.checked(n), target, mapping, ctx.user(), ctx.now());
        ctx.write(tx -> {
            tx.imports().saveMapping(saved);
            return null;
        });
        return saved;
    }

    /** The mapping saved under {@code name}, if any. */
    public Optional<SavedMapping> mapping(String name) {
        Validation.argument("name", name);
        return ctx.read(tx -> tx.imports().findMapping(name.strip()));
    }

    /** Every saved mapping, by name. */
    public List<SavedMapping> mappings() {
        return ctx.read(tx -> tx.imports().mappings());
    }

    private ImportResult run(ImportRequest request, InputStream file, boolean dryRun) {
        Validation.argument("request", request);
        Validation.argument("file", file);
        ImportSettings limits = ctx.setting(ImportSettings.class, ImportSettings::defaults);
        List<SourceRow> rows = ImportFile.read(request, file, limits);
        Run run = new Run(request, rows.size());
        if (!dryRun && request.target() == ImportTarget.LEAD && request.dedupe() != DedupePolicy.UPDATE_EMPTY
                && rows.size() > limits.batchRows() && ctx.writesMayLeaveThread()) {
            overlapped(run, rows, limits.batchRows());
        } else {
            for (int from = 0; from < rows.size(); from += limits.batchRows()) {
                List<SourceRow> batch = rows.subList(from, Math.min(rows.size(), from + limits.batchRows()));
                run.written(dryRun ? ctx.read(tx -> new Batch(run, true).plan(tx, batch, null).write(tx))
                        : ctx.write(tx -> new Batch(run, false).plan(tx, batch, null).write(tx)));
            }
        }
        ImportResult result = new ImportResult(dryRun, run.outcomes);
        LOG.info("{} of {} {} rows: {} created, {} updated, {} skipped, {} failed, {} duplicates",
                dryRun ? "dry run" : "import", rows.size(), request.target(), result.created(), result.updated(),
                result.skipped(), result.failed(), result.duplicates());
        return result;
    }

    /**
     * A lead import of several batches, each batch matched (reading only) while the one before it is written on
     * another thread: the database's work and ours overlap, as each waits for the other otherwise. A batch's new
     * leads take part in the next batch's matching while their write runs ({@link LeadService#matchAll}), and a
     * batch is written only once the one before it committed, so the outcomes are those of one batch after the
     * other. Only when the import runs in no transaction of the caller's (another thread would not share it), and
     * not for UPDATE_EMPTY: its fills change stored leads the next batch compares with, so it waits for them.
     */
    private void overlapped(Run run, List<SourceRow> rows, int batchRows) {
        ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "crmkit-import-writer");
            t.setDaemon(true);
            return t;
        });
        Future<Batch> writing = null;
        try {
            Batch inFlight = null;
            for (int from = 0; from < rows.size(); from += batchRows) {
                List<SourceRow> batch = rows.subList(from, Math.min(rows.size(), from + batchRows));
                MatchedCaptures flying = inFlight == null ? null : inFlight.matched;
                Batch planned = ctx.read(tx -> new Batch(run, false).plan(tx, batch, flying));
                run.handled.putAll(planned.handled);
                if (writing != null) {
                    run.written(done(writing));
                }
                writing = writer.submit(() -> ctx.write(planned::write));
                inFlight = planned;
            }
            if (writing != null) {
                run.written(done(writing));
            }
        } finally {
            writer.shutdown();
            if (writing != null && !writing.isDone()) {
                // Failed while a write ran: let it end (commit or roll back) rather than interrupt its statements.
                try {
                    writing.get();
                } catch (ExecutionException | RuntimeException e) {
                    LOG.debug("import write ended with {} after the import failed", e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The written batch, or what its write threw. */
    private static Batch done(Future<Batch> writing) {
        try {
            return writing.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new StorageException("import batch failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while an import batch was written", e);
        }
    }

    /** What an import run has done so far: the rows' outcomes, and the records of the rows it handled, by key. */
    private static final class Run {
        private final ImportRequest request;
        private final int total;
        private final CaptureMemo memo = CaptureMemo.upTo(MEMO_LEADS);
        private final Map<String, UUID> handled = new HashMap<>(); // row key → record, for rows repeated in the file
        private final List<RowOutcome> outcomes = new ArrayList<>();
        private int failed;

        Run(ImportRequest request, int total) {
            this.request = request;
            this.total = total;
        }

        void written(Batch done) {
            handled.putAll(done.handled);
            outcomes.addAll(done.outcomes);
            failed += (int) done.outcomes.stream().filter(o -> o.action() == Action.FAILED).count();
            request.progress().update(outcomes.size(), total, failed);
        }
    }

    /**
     * One transaction's rows: {@link #plan} classifies them and matches a lead import's new leads (reading only), and
     * {@link #write} stores what it decided. A fresh one per attempt: a storage may run a transaction's work again.
     */
    private final class Batch {
        private final ImportRequest request;
        private final Map<String, UUID> handledBefore;
        private final CaptureMemo memo;
        private final boolean dryRun;
        private final Map<String, UUID> handled = new HashMap<>();
        private final List<RowOutcome> outcomes = new ArrayList<>();
        private List<SourceRow> rows = List.of();
        private List<String> keys = List.of();
        private RowOutcome[] planned = new RowOutcome[0];
        private final List<Integer> pending = new ArrayList<>();
        private final Map<Integer, Integer> repeats = new LinkedHashMap<>(); // row → the earlier row it repeats
        /** The batch's new leads, matched together ({@code LeadService.matchAll}); null for other imports. */
        private @Nullable MatchedCaptures matched;
        /** Rows that are a stored lead under UPDATE_EMPTY: filled when written. Row → (lead, the stored lead). */
        private final Map<Integer, Map.Entry<NewLead, DuplicateMatch>> fills = new LinkedHashMap<>();

        Batch(Run run, boolean dryRun) {
            this.request = run.request;
            this.handledBefore = run.handled;
            this.memo = run.memo;
            this.dryRun = dryRun;
        }

        /**
         * Classifies {@code batch}'s rows and decides each one it can without writing: a lead import's new leads are
         * matched, with {@code inFlight} (the previous batch, perhaps not committed yet) as stored before them.
         * Other imports decide and write row by row, so for them this must run in the write transaction.
         */
        Batch plan(TransferTx tx, List<SourceRow> batch, @Nullable MatchedCaptures inFlight) {
            rows = batch;
            keys = rows.stream().map(r -> r.key(request.target())).toList();
            Map<String, ImportedRow> earlier = tx.imports().findRows(keys);
            planned = new RowOutcome[rows.size()];
            Map<String, Integer> firstInBatch = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                SourceRow row = rows.get(i);
                String key = keys.get(i);
                // A row repeating one of this file says so, whether or not that row's batch has committed yet.
                if (!row.errors().isEmpty()) {
                    planned[i] = failed(row, row.errors());
                } else if (handledBefore.containsKey(key)) {
                    planned[i] = skipped(row, handledBefore.get(key), "repeats an earlier row");
                } else if (earlier.containsKey(key)) {
                    planned[i] = skipped(row, earlier.get(key).record(), "imported before");
                } else if (firstInBatch.containsKey(key)) {
                    repeats.put(i, firstInBatch.get(key));
                } else {
                    firstInBatch.put(key, i);
                    pending.add(i);
                }
            }
            if (request.target() == ImportTarget.LEAD && !dryRun) {
                matchLeads(inFlight);
            } else {
                pending.forEach(i -> planned[i] = one(tx, rows.get(i)));
            }
            for (int i : pending) {
                if (planned[i].action() != Action.FAILED) {
                    handled.put(keys.get(i), planned[i].record());
                }
            }
            return this;
        }

        /** Stores what {@link #plan} decided: the matched leads, the filled ones, and the rows to remember. */
        Batch write(TransferTx tx) {
            RowOutcome[] out = planned.clone();
            if (matched != null) {
                leads.storeMatched(matched);
            }
            fills.forEach((i, fill) -> out[i] = fillLead(rows.get(i), fill.getKey(), leads.preview(fill.getKey()),
                    fill.getValue()));
            repeats.forEach((i, first) -> out[i] = out[first].action() == Action.FAILED
                    ? failed(rows.get(i), out[first].errors())
                    : skipped(rows.get(i), out[first].record(), "repeats an earlier row"));
            List<ImportedRow> remember = new ArrayList<>();
            for (int i : pending) {
                UUID record = out[i].record();
                if (!dryRun && record != null
                        && (out[i].action() == Action.CREATED || out[i].action() == Action.UPDATED)) {
                    remember.add(new ImportedRow(keys.get(i), request.target(), record, ctx.now()));
                }
            }
            if (!remember.isEmpty()) {
                tx.imports().insertRows(remember);
            }
            outcomes.clear();
            outcomes.addAll(List.of(out));
            return this;
        }

        /**
         * The batch's new lead rows matched together ({@code LeadService.matchAll}): their candidates read for the
         * whole batch, and stored together when written. A row that is a stored lead or contact is not stored
         * (unless FLAG); UPDATE_EMPTY then fills the stored lead when the batch is written.
         */
        private void matchLeads(@Nullable MatchedCaptures inFlight) {
            List<NewLead> in = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            for (int i : pending) {
                SourceRow row = rows.get(i);
                List<FieldError> errors = new ArrayList<>();
                NewLead lead = RowValues.lead(row, errors);
                if (errors.isEmpty()) {
                    in.add(lead);
                    at.add(i);
                } else {
                    planned[i] = failedAll(row, errors, () -> leads.preview(lead));
                }
            }
            MatchedCaptures found = leads.matchAll(in, dups -> request.dedupe() == DedupePolicy.FLAG
                    || almostCertain(dups, Kind.LEAD, Kind.CONTACT) == null, memo, inFlight);
            matched = found;
            List<BatchCapture> captured = found.outcomes();
            for (int k = 0; k < captured.size(); k++) {
                int i = at.get(k);
                SourceRow row = rows.get(i);
                BatchCapture c = captured.get(k);
                DuplicateMatch dup = almostCertain(c.duplicates(), Kind.LEAD, Kind.CONTACT);
                if (!c.errors().isEmpty()) {
                    planned[i] = failed(row, RowValues.inColumns(row, new ValidationException(c.errors())));
                } else if (c.id() != null) {
                    planned[i] = created(row, c.id().value(), dup);
                } else if (dup == null) {
                    // kept out as a duplicate of a record the importer does not see: not created twice, not named
                    planned[i] = skipped(row, (UUID) null, "duplicate of a record you do not see");
                } else {
                    planned[i] = skipped(row, dup, "duplicate");
                    if (request.dedupe() == DedupePolicy.UPDATE_EMPTY && dup.kind() == Kind.LEAD) {
                        fills.put(i, Map.entry(in.get(k), dup));
                    }
                }
            }
        }

        private RowOutcome one(TransferTx tx, SourceRow row) {
            List<FieldError> errors = new ArrayList<>();
            try {
                return switch (request.target()) {
                    case LEAD -> lead(tx, row, RowValues.lead(row, errors), errors);
                    case CONTACT -> contact(tx, row, RowValues.contact(row, null, errors), errors);
                    case ACCOUNT -> account(tx, row, RowValues.account(row, errors), errors);
                };
            } catch (ValidationException e) {
                List<FieldError> all = new ArrayList<>(errors);
                all.addAll(RowValues.inColumns(row, e));
                return failed(row, all);
            }
        }

        /** A lead row of a dry run (a real import captures its lead rows together: {@link #matchLeads}). */
        private RowOutcome lead(TransferTx tx, SourceRow row, NewLead in, List<FieldError> errors) {
            if (!errors.isEmpty()) {
                return failedAll(row, errors, () -> leads.preview(in));
            }
            Lead preview = leads.preview(in);
            DuplicateMatch dup = almostCertain(everyone().of(preview), Kind.LEAD, Kind.CONTACT);
            if (dup != null && !DuplicateService.seen(ctx, tx).test(dup)) {
                return unseen(row, () -> {
                    throw new IllegalStateException("a lead row is stored by matchLeads, never here");
                });
            }
            if (dup != null && request.dedupe() == DedupePolicy.UPDATE_EMPTY && dup.kind() == Kind.LEAD) {
                return fillLead(row, in, preview, dup);
            }
            if (dup != null && request.dedupe() != DedupePolicy.FLAG) {
                return skipped(row, dup, "duplicate");
            }
            return created(row, null, dup);
        }

        /** UPDATE_EMPTY for a row that is the stored lead {@code dup}; {@code preview} is the row as a lead. */
        private RowOutcome fillLead(SourceRow row, NewLead in, Lead preview, DuplicateMatch dup) {
            Lead stored = leads.get(LeadId.of(dup.id()));
            if (!Fill.leadFills(stored, preview)) {
                return skipped(row, dup, "nothing to fill");
            }
            if (!dryRun) {
                leads.fillEmpty(stored, in);
            }
            return new RowOutcome(row.number(), Action.UPDATED, dup.id(), dup.id(), null, List.of());
        }

        private RowOutcome contact(TransferTx tx, SourceRow row, ContactDetails in, List<FieldError> errors) {
            if (!errors.isEmpty()) {
                return failedAll(row, errors, () -> contacts.preview(in));
            }
            Contact preview = contacts.preview(in);
            DuplicateMatch dup = almostCertain(everyone().of(preview), Kind.CONTACT);
            if (dup != null && !DuplicateService.seen(ctx, tx).test(dup)) {
                return unseen(row, () -> contacts.create(withAccount(in, account(tx,
                        row.value(ImportField.COMPANY)))).value());
            }
            if (dup != null && request.dedupe() == DedupePolicy.UPDATE_EMPTY) {
                Contact stored = contacts.get(ContactId.of(dup.id()));
                ContactDetails filled = Fill.contact(stored, in);
                if (filled == null) {
                    return skipped(row, dup, "nothing to fill");
                }
                if (!dryRun) {
                    AccountId account = stored.account() != null ? stored.account()
                            : account(tx, row.value(ImportField.COMPANY));
                    contacts.update(stored, withAccount(filled, account));
                }
                return new RowOutcome(row.number(), Action.UPDATED, dup.id(), dup.id(), null, List.of());
            }
            if (dup != null && request.dedupe() == DedupePolicy.SKIP) {
                return skipped(row, dup, "duplicate");
            }
            UUID created = dryRun ? null : contacts.create(withAccount(in, account(tx,
                    row.value(ImportField.COMPANY)))).value();
            return created(row, created, dup);
        }

        private RowOutcome account(TransferTx tx, SourceRow row, AccountDetails in, List<FieldError> errors) {
            if (!errors.isEmpty()) {
                return failedAll(row, errors, () -> accounts.preview(in));
            }
            Account preview = accounts.preview(in);
            DuplicateMatch dup = almostCertain(everyone().of(preview), Kind.ACCOUNT);
            if (dup != null && !DuplicateService.seen(ctx, tx).test(dup)) {
                return unseen(row, () -> accounts.create(in).value());
            }
            if (dup != null && request.dedupe() == DedupePolicy.UPDATE_EMPTY) {
                Account stored = accounts.get(AccountId.of(dup.id()));
                AccountDetails filled = Fill.account(stored, in);
                if (filled == null) {
                    return skipped(row, dup, "nothing to fill");
                }
                if (!dryRun) {
                    accounts.update(stored, filled);
                }
                return new RowOutcome(row.number(), Action.UPDATED, dup.id(), dup.id(), null, List.of());
            }
            if (dup != null && request.dedupe() == DedupePolicy.SKIP) {
                return skipped(row, dup, "duplicate");
            }
            return created(row, dryRun ? null : accounts.create(in).value(), dup);
        }

        /** The account a contact row's company names: the oldest of that name, else a new one. */
        private @Nullable AccountId account(TransferTx tx, @Nullable String company) {
            if (company == null) {
                return null;
            }
            String key = MatchKeys.company(company);
            Optional<Account> found = key == null ? Optional.empty() : tx.accounts().findByNameKey(key).stream()
                    .min(Comparator.comparing(Account::createdAt).thenComparing(a -> a.id().value()));
            return found.map(Account::id).orElseGet(() -> accounts.create(AccountDetails.named(company)));
        }

        /**
         * A row that almost certainly is a record the importer does not see: skipped (not created twice, not filled,
         * not named) unless the import only flags duplicates, when {@code create} stores it unflagged.
         */
        private RowOutcome unseen(SourceRow row, Supplier<UUID> create) {
            if (request.dedupe() != DedupePolicy.FLAG) {
                return skipped(row, (UUID) null, "duplicate of a record you do not see");
            }
            return created(row, dryRun ? null : create.get(), null);
        }

        private RowOutcome created(SourceRow row, @Nullable UUID record, @Nullable DuplicateMatch dup) {
            return new RowOutcome(row.number(), Action.CREATED, record, dup == null ? null : dup.id(),
                    dup == null ? null : "flagged as a possible duplicate", List.of());
        }
    }

    private static ContactDetails withAccount(ContactDetails d, @Nullable AccountId account) {
        return new ContactDetails(account, d.firstName(), d.lastName(), d.title(), d.email(), d.phone(), d.address(),
                d.birthDate(), d.ageBand(), d.gender(), d.roles(), d.keyDecisionMaker(), d.owner(), d.consent(),
                d.tags());
    }

    /**
     * Duplicate matching over every record of the tenant, whoever imports: a row must not create a record twice
     * because its importer does not see the first one (the outcome then names no record).
     */
    private DuplicateService everyone() {
        return new DuplicateService(ctx.as(new Actor(ctx.actor().tenant(), UserId.SYSTEM, Set.of())));
    }

    private static @Nullable DuplicateMatch almostCertain(List<DuplicateMatch> found, Kind... kinds) {
        return found.stream().filter(m -> m.certainty() == Certainty.ALMOST_CERTAIN)
                .filter(m -> List.of(kinds).contains(m.kind())).findFirst().orElse(null);
    }

    private static RowOutcome skipped(SourceRow row, @Nullable UUID record, String note) {
        return new RowOutcome(row.number(), Action.SKIPPED, record, null, note, List.of());
    }

    private static RowOutcome skipped(SourceRow row, DuplicateMatch dup, String note) {
        return new RowOutcome(row.number(), Action.SKIPPED, dup.id(), dup.id(), note, List.of());
    }

    /** A row whose cells could not be read, with what the service finds wrong in the rest of it too. */
    private static RowOutcome failedAll(SourceRow row, List<FieldError> errors, Runnable preview) {
        List<FieldError> all = new ArrayList<>(errors);
        try {
            preview.run();
        } catch (ValidationException e) {
            RowValues.inColumns(row, e).stream().filter(f -> !all.contains(f)).forEach(all::add);
        }
        return failed(row, all);
    }

    private static RowOutcome failed(SourceRow row, List<FieldError> errors) {
        return new RowOutcome(row.number(), Action.FAILED, null, null, null, errors);
    }
}
