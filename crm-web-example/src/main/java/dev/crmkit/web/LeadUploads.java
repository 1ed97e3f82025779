package dev.crmkit.web;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.transfer.ImportRequest;
import dev.crmkit.core.transfer.ImportResult;
import dev.crmkit.core.transfer.ImportTarget;
import dev.crmkit.core.transfer.RowOutcome;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Background CSV lead imports with their progress, through CRMKit's import API: the file is first checked by a dry
 * run (a file in another encoding or with a column nobody knows is refused on the upload page, nothing stored), then
 * imported in the background while the page polls its progress; a bad row is reported with its number and column and
 * stores nothing, the other rows go in, and uploading the same file again creates nothing new.
 */
final class LeadUploads {
    /** What a running or finished upload reports. */
    record Progress(int total, int done, long created, long skipped, int failed, List<String> errors,
                    boolean finished) {
        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("total", total);
            m.put("done", done);
            m.put("created", created);
            m.put("skipped", skipped);
            m.put("failed", failed);
            m.put("errors", errors);
            m.put("finished", finished);
            return m;
        }
    }

    private final Crm crm;
    private final Map<String, Progress> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lead-upload");
        t.setDaemon(true);
        return t;
    });

    LeadUploads(Crm crm) {
        this.crm = crm;
    }

    /**
     * Checks the file with a dry run and starts importing it; returns the job id. A file-level problem (encoding,
     * an unknown column, no name column) is the {@code ValidationException} of the dry run.
     */
    String start(byte[] content) {
        ImportRequest request = ImportRequest.csv(ImportTarget.LEAD);
        ImportResult preview = crm.imports().preview(request, new ByteArrayInputStream(content));
        int total = preview.rows().size();
        String job = UUID.randomUUID().toString();
        jobs.put(job, new Progress(total, 0, 0, 0, 0, List.of(), false));
        worker.submit(() -> {
            ImportResult result = crm.imports().run(request.progress((done, all, failed) ->
                    jobs.put(job, new Progress(all, done, 0, 0, failed, List.of(), false))),
                    new ByteArrayInputStream(content));
            jobs.put(job, new Progress(total, total, result.created(), result.skipped(), (int) result.failed(),
                    errors(result), true));
        });
        return job;
    }

    Optional<Progress> progress(String job) {
        return Optional.ofNullable(jobs.get(job));
    }

    private static List<String> errors(ImportResult result) {
        List<String> errors = new ArrayList<>();
        for (RowOutcome row : result.rows()) {
            for (FieldError error : row.errors()) {
                errors.add("row " + row.row() + ": " + error.field() + ": " + error.reason());
            }
        }
        return errors;
    }
}
