package dev.crmkit.core.sales;

import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Says in words what a revision changed, line by line (matched by product code), for the quote's history. Special
 * instructions are only said to be added, changed or removed: their text can be long and is on the quote itself.
 */
final class QuoteDiff {
    private QuoteDiff() {
    }

    static String describe(Quote before, @Nullable ContactId contact, BigDecimal taxRate, List<LineItem> lines,
                           @Nullable String specialInstructions) {
        List<String> changes = new ArrayList<>();
        Map<String, LineItem> old = byCode(before.pricing().lines());
        Map<String, LineItem> now = byCode(lines);
        now.forEach((code, line) -> {
            LineItem was = old.get(code);
            if (was == null) {
                changes.add("added " + line.quantity() + " x " + code);
                return;
            }
            if (was.quantity() != line.quantity()) {
                changes.add(code + " quantity " + was.quantity() + " -> " + line.quantity());
            }
            if (was.discountPercent().compareTo(line.discountPercent()) != 0) {
                changes.add(code + " discount " + was.discountPercent().toPlainString() + " -> "
                        + line.discountPercent().toPlainString() + " %");
            }
            if (!was.listPrice().equals(line.listPrice())) {
                changes.add(code + " list price " + was.listPrice() + " -> " + line.listPrice());
            }
            instructions(code + " special instructions", was.specialInstructions(), line.specialInstructions(),
                    changes);
        });
        old.keySet().stream().filter(code -> !now.containsKey(code)).forEach(code -> changes.add("removed " + code));
        if (before.pricing().taxRate().compareTo(taxRate) != 0) {
            changes.add("tax rate " + before.pricing().taxRate().toPlainString() + " -> " + taxRate.toPlainString()
                    + " %");
        }
        if (!Objects.equals(before.contact(), contact)) {
            changes.add("contact " + before.contact() + " -> " + contact);
        }
        instructions("order special instructions", before.terms().specialInstructions(), specialInstructions, changes);
        Money was = before.totals().total();
        Money total = QuoteTotals.of(before.pricing().currency(), lines, taxRate).total();
        changes.add(was.equals(total) ? "total unchanged " + total : "total " + was + " -> " + total);
        return String.join("; ", changes);
    }

    private static void instructions(String what, @Nullable String was, @Nullable String now, List<String> changes) {
        if (!Objects.equals(was, now)) {
            changes.add(what + (was == null ? " added" : now == null ? " removed" : " changed"));
        }
    }

    private static Map<String, LineItem> byCode(List<LineItem> lines) {
        Map<String, LineItem> m = new LinkedHashMap<>();
        for (LineItem l : lines) {
            m.putIfAbsent(l.productCode(), l);
        }
        return m;
    }
}
