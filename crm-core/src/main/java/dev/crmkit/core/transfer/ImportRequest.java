package dev.crmkit.core.transfer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How to read one import file and what to do with its rows.
 *
 * <pre>{@code
 * crm.imports().run(ImportRequest.csv(ImportTarget.LEAD).dedupe(DedupePolicy.UPDATE_EMPTY), in);
 * }</pre>
 *
 * @param target   what each row becomes
 * @param format   CSV or vCard
 * @param mapping  which column fills which field (CSV only); default: by header
 * @param dedupe   what to do with a row that is a stored record again; default {@link DedupePolicy#SKIP}
 * @param encoding the file's character set; default UTF-8 (a byte-order mark is skipped); bytes that are not
 *                 valid in it are an error, never replaced
 * @param progress told after each batch; default nothing
 */
public record ImportRequest(ImportTarget target, ImportFormat format, ColumnMapping mapping, DedupePolicy dedupe,
                            Charset encoding, ImportProgress progress) {
    public ImportRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(format, "format");
        mapping = mapping == null ? ColumnMapping.byHeader() : mapping;
        dedupe = dedupe == null ? DedupePolicy.SKIP : dedupe;
        encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
        progress = progress == null ? ImportProgress.NONE : progress;
    }

    /** A CSV file of {@code target}s, columns by header, duplicates skipped. */
    public static ImportRequest csv(ImportTarget target) {
        return new ImportRequest(target, ImportFormat.CSV, ColumnMapping.byHeader(), DedupePolicy.SKIP,
                StandardCharsets.UTF_8, ImportProgress.NONE);
    }

    /** A vCard file of {@code target}s, duplicates skipped. */
    public static ImportRequest vcard(ImportTarget target) {
        return new ImportRequest(target, ImportFormat.VCARD, ColumnMapping.byHeader(), DedupePolicy.SKIP,
                StandardCharsets.UTF_8, ImportProgress.NONE);
    }

    public ImportRequest mapping(ColumnMapping value) {
        return new ImportRequest(target, format, value, dedupe, encoding, progress);
    }

    public ImportRequest dedupe(DedupePolicy value) {
        return new ImportRequest(target, format, mapping, value, encoding, progress);
    }

    public ImportRequest encoding(Charset value) {
        return new ImportRequest(target, format, mapping, dedupe, value, progress);
    }

    public ImportRequest progress(ImportProgress value) {
        return new ImportRequest(target, format, mapping, dedupe, encoding, value);
    }
}
