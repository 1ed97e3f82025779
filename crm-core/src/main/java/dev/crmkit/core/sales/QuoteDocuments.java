package dev.crmkit.core.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * Renders a quote for the customer: a JSON document (amounts as exact decimal strings) and a self-contained plain
 * HTML page with every text escaped.
 */
public final class QuoteDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QuoteDocuments() {
    }

    /** The quote as JSON; {@code account} and {@code contact} (nullable) give the customer's names. */
    public static String json(Quote q, @Nullable Account account, @Nullable Contact contact) {
        ObjectNode root = JSON.createObjectNode();
        root.put("number", q.number());
        root.put("revision", q.revision());
        root.put("status", q.status().name());
        root.put("currency", q.pricing().currency().getCurrencyCode());
        root.put("account", account == null ? null : account.name());
        root.put("contact", contact == null ? null : personName(contact));
        root.put("validUntil", q.terms().validUntil() == null ? null : q.terms().validUntil().toString());
        root.put("notes", q.terms().notes());
        root.put("specialInstructions", q.terms().specialInstructions());
        ArrayNode lines = root.putArray("lines");
        for (LineItem line : q.pricing().lines()) {
            ObjectNode l = lines.addObject();
            l.put("productCode", line.productCode());
            l.put("productName", line.productName());
            l.put("quantity", line.quantity());
            l.put("listPrice", amount(line.listPrice()));
            l.put("discountPercent", line.discountPercent().toPlainString());
            l.put("unitPrice", amount(line.unitPrice()));
            l.put("total", amount(line.total()));
            l.put("specialInstructions", line.specialInstructions());
        }
        QuoteTotals t = q.totals();
        ObjectNode totals = root.putObject("totals");
        totals.put("listTotal", amount(t.listTotal()));
        totals.put("discount", amount(t.discount()));
        totals.put("subtotal", amount(t.subtotal()));
        totals.put("taxRate", t.taxRate().toPlainString());
        totals.put("tax", amount(t.tax()));
        totals.put("total", amount(t.total()));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The quote as a plain HTML5 document. */
    public static String html(Quote q, @Nullable Account account, @Nullable Contact contact) {
        String cur = q.pricing().currency().getCurrencyCode();
        StringBuilder h = new StringBuilder(2048);
        h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Quote ")
                .append(esc(q.number())).append("</title></head>\n<body>\n<h1>Quote ").append(esc(q.number()))
                .append(" (revision ").append(q.revision()).append(")</h1>\n");
        if (account != null) {
            h.append("<p>For: ").append(esc(account.name()));
            if (contact != null) {
                h.append(", attn. ").append(esc(personName(contact)));
            }
            h.append("</p>\n");
        }
        if (q.terms().validUntil() != null) {
            h.append("<p>Valid until: ").append(q.terms().validUntil()).append("</p>\n");
        }
        h.append("<table>\n<tr><th>Code</th><th>Product</th><th>Quantity</th><th>List price</th>"
                + "<th>Discount %</th><th>Unit price</th><th>Total</th></tr>\n");
        for (LineItem line : q.pricing().lines()) {
            h.append("<tr><td>").append(esc(line.productCode())).append("</td><td>")
                    .append(esc(line.productName())).append("</td><td>").append(line.quantity())
                    .append("</td><td>").append(amount(line.listPrice())).append("</td><td>")
                    .append(line.discountPercent().toPlainString()).append("</td><td>")
                    .append(amount(line.unitPrice())).append("</td><td>").append(amount(line.total()))
                    .append("</td></tr>\n");
            if (line.specialInstructions() != null) {
                h.append("<tr><td></td><td colspan=\"6\">Special instructions: ")
                        .append(multiLine(line.specialInstructions())).append("</td></tr>\n");
            }
        }
        QuoteTotals t = q.totals();
        h.append("</table>\n<table>\n");
        row(h, "Subtotal", amount(t.subtotal()) + " " + cur);
        row(h, "Discount", amount(t.discount()) + " " + cur);
        row(h, "Tax (" + t.taxRate().toPlainString() + " %)", amount(t.tax()) + " " + cur);
        row(h, "Total", amount(t.total()) + " " + cur);
        h.append("</table>\n");
        if (q.terms().specialInstructions() != null) {
            h.append("<p>Special instructions: ").append(multiLine(q.terms().specialInstructions())).append("</p>\n");
        }
        if (q.terms().notes() != null) {
            h.append("<p>").append(esc(q.terms().notes())).append("</p>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><th>").append(esc(label)).append("</th><td>").append(value).append("</td></tr>\n");
    }

    private static String amount(Money m) {
        return m.amount().toPlainString();
    }

    private static String personName(Contact c) {
        return c.name().firstName() == null ? c.name().lastName() : c.name().firstName() + " " + c.name().lastName();
    }

    /** Escaped, each line break shown as one. */
    private static String multiLine(String text) {
        return esc(text).replaceAll("\\R", "<br>\n");
    }

    /** Escapes the characters HTML gives meaning to, in text and in attribute values. */
    static String esc(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
