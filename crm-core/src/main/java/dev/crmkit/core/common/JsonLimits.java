package dev.crmkit.core.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;

/**
 * Bounds for JSON that comes from outside (web forms, segment criteria, report definitions): the parser refuses a
 * document as soon as it passes one of them, before it allocates or recurses further, and a key given twice is
 * refused instead of the last one silently winning. {@link #parse} turns every such refusal, and malformed JSON,
 * into a {@link ValidationException} on the caller's field, never a parser exception or a
 * {@link StackOverflowError}. Immutable and thread-safe; build one per kind of document and share it.
 */
public final class JsonLimits {
    /** Digits of one JSON number: more than any count, id or amount these documents hold. */
    public static final int MAX_NUMBER = 100;
    /** Longest part of a parser message kept in a reason; the rest is cut. */
    private static final int MAX_DETAIL = 200;

    private final int maxLength;
    private final int maxDepth;
    private final int maxName;
    private final int maxString;
    private final long maxTokens;
    private final JsonFactory factory;

    /**
     * @param maxLength characters of the whole document
     * @param maxDepth  levels of nested objects and arrays
     * @param maxName   characters of one key
     * @param maxString characters of one string value
     * @param maxTokens tokens of the whole document (each key, value, bracket and brace is one)
     */
    /**
     * A factory for JSON CRMKit wrote itself (stored columns, outbox payloads), without the length bounds Jackson
     * applies by default (50,000-character names, 20 MB strings): text that was written must always read back, also
     * when an older version let longer text through or a newer Jackson narrows its defaults.
     */
    public static JsonFactory ownText() {
        return JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNameLength(Integer.MAX_VALUE)
                .maxStringLength(Integer.MAX_VALUE)
                .maxNumberLength(Integer.MAX_VALUE)
                .build()).build();
    }

    public JsonLimits(int maxLength, int maxDepth, int maxName, int maxString, long maxTokens) {
        this.maxLength = maxLength;
        this.maxDepth = maxDepth;
        this.maxName = maxName;
        this.maxString = maxString;
        this.maxTokens = maxTokens;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxLength)
                        .maxNestingDepth(maxDepth)
                        .maxNameLength(maxName)
                        .maxStringLength(maxString)
                        .maxNumberLength(MAX_NUMBER)
                        .maxTokenCount(maxTokens)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** The parser factory with these bounds, e.g. for {@code JsonMapper.builder(limits.factory())}. */
    public JsonFactory factory() {
        return factory;
    }

    public int maxLength() {
        return maxLength;
    }

    public int maxDepth() {
        return maxDepth;
    }

    public int maxName() {
        return maxName;
    }

    public int maxString() {
        return maxString;
    }

    public long maxTokens() {
        return maxTokens;
    }

    /** Reads a document from a parser that enforces the bounds. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(JsonParser parser) throws IOException;
    }

    /**
     * Reads {@code json} with {@code reader} on a parser with these bounds. Null, text longer than
     * {@link #maxLength()}, a bound passed, a repeated key or malformed JSON is a {@link ValidationException} on
     * {@code field}, its reason naming the bound or calling the text "not valid {@code what}"; a
     * {@link ValidationException} raised while reading (e.g. by a record's constructor) is rethrown as it is.
     */
    public <T> T parse(String field, String what, String json, Reader<T> reader) {
        if (json == null) {
            throw new ValidationException(field, "is required");
        }
        // Checked here as well as by the parser, which counts a short String's characters only at its end.
        if (json.length() > maxLength) {
            throw new ValidationException(field, "is longer than " + maxLength + " characters");
        }
        try (JsonParser parser = factory.createParser(json)) {
            return reader.read(parser);
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ValidationException v) {
                    throw v;
                }
            }
            throw new ValidationException(field, reason(e, what));
        }
    }

    private String reason(IOException e, String what) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException limit) {
                return bound(limit.getOriginalMessage());
            }
        }
        String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        detail = detail == null ? "" : detail;
        if (e instanceof JsonParseException && detail.startsWith("Duplicate field '")) {
            return "repeats the key '" + detail.substring("Duplicate field '".length(), detail.length() - 1) + "'";
        }
        if (detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "...";
        }
        return "is not valid " + what + (detail.isEmpty() ? "" : ": " + detail);
    }

    /** The reason for a passed bound, told by the start of Jackson's message (its wording since 2.15). */
    private String bound(String message) {
        String m = message == null ? "" : message;
        if (m.startsWith("Document nesting depth")) {
            return "nests deeper than " + maxDepth + " levels";
        }
        if (m.startsWith("Document length")) {
            return "is longer than " + maxLength + " characters";
        }
        if (m.startsWith("Name length")) {
            return "has a key longer than " + maxName + " characters";
        }
        if (m.startsWith("String value length")) {
            return "has a text value longer than " + maxString + " characters";
        }
        if (m.startsWith("Token count")) {
            return "has more than " + maxTokens + " keys, values and brackets";
        }
        if (m.startsWith("Number value length") || m.startsWith("BigDecimal scale")) {
            return "has a number longer than " + MAX_NUMBER + " digits or with a huge exponent";
        }
        return "is too large: " + m;
    }
}
