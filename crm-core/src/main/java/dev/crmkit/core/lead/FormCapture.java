package dev.crmkit.core.lead;

import dev.crmkit.core.common.LeadId;
import java.util.List;

/**
 * What capturing a web form did: the lead it stored, whether the honeypot marked it as spam (spam is stored for
 * audit but kept out of searches, scoring, assignment and duplicate matching), and the records it looks like.
 */
public record FormCapture(LeadId lead, boolean spam, List<DuplicateMatch> duplicates) {
    public FormCapture {
        duplicates = List.copyOf(duplicates);
    }
}
