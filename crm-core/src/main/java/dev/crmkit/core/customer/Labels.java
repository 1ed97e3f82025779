package dev.crmkit.core.customer;

import dev.crmkit.core.common.Text;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Tags and roles as stored: trimmed, blanks dropped, so {@code " vip"} and {@code "vip"} are one tag. */
final class Labels {
    private Labels() {
    }

    static Set<String> clean(Collection<String> labels) {
        if (labels == null) {
            return Set.of();
        }
        return labels.stream().map(Text::blankToNull).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
