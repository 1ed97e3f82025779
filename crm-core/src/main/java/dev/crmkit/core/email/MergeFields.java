package dev.crmkit.core.email;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.crmkit.core.common.Validation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The merge fields templates may use, and the template engine (JMustache): HTML bodies are compiled with HTML
 * escaping, subjects and text bodies without. Sections ({@code {{#field}}...{{/field}}}) over known fields are
 * allowed; partials are not.
 */
public final class MergeFields {
    /** Filled by the service from the recipient: the address the message goes to. */
    public static final String EMAIL = "email";
    /** Filled by the service in marketing templates: the signed link that unsubscribes without login. */
    public static final String UNSUBSCRIBE_URL = "unsubscribeUrl";
    /** Filled by the service in the opt-in confirmation (a transactional template). */
    public static final String CONFIRM_URL = "confirmUrl";
    /** Every template may use these; the caller gives the values, except {@link #EMAIL}. */
    public static final Set<String> STANDARD = Set.of(EMAIL, "firstName", "lastName", "company");

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Mustache.Compiler HTML = Mustache.compiler().escapeHTML(true).strictSections(true)
            .emptyStringIsFalse(true);
    private static final Mustache.Compiler PLAIN = Mustache.compiler().escapeHTML(false).strictSections(true)
            .emptyStringIsFalse(true);

    private MergeFields() {
    }

    /** The fields a template of {@code kind} declaring {@code custom} may use. */
    static Set<String> known(EmailKind kind, Set<String> custom) {
        Set<String> known = new TreeSet<>(STANDARD);
        known.add(kind == EmailKind.MARKETING ? UNSUBSCRIBE_URL : CONFIRM_URL);
        known.addAll(custom);
        return known;
    }

    /** Whether {@code name} may name a custom merge field. */
    static boolean validName(String name) {
        return name != null && name.length() <= EmailLimits.FIELD && NAME.matcher(name).matches();
    }

    /**
     * Compiles {@code source} (a template's {@code field}) and records under {@code field} every merge field it uses
     * that is not in {@code known}, and every syntax error; returns the fields it uses, or null when it is invalid.
     */
    static @Nullable Set<String> check(Validation v, String field, @Nullable String source, boolean html,
                                       Set<String> known) {
        Set<String> used = new LinkedHashSet<>();
        if (source == null) {
            return used;
        }
        Template template;
        try {
            template = compiled(source, html);
        } catch (MustacheException e) {
            v.check(false, field, "is not a valid template: " + e.getMessage());
            return null;
        }
        Set<String> unknown = new LinkedHashSet<>();
        boolean[] partial = {false};
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
            }

            @Override
            public void visitVariable(String name) {
                use(name);
            }

            @Override
            public boolean visitInclude(String name) {
                partial[0] = true;
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                use(name);
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                use(name);
                return true;
            }

            private void use(String name) {
                (known.contains(name) ? used : unknown).add(name);
            }
        });
        for (String name : unknown) {
            v.check(false, field, "unknown merge field '" + name + "' (known: " + String.join(", ", known) + ")");
        }
        v.check(!partial[0], field, "must not include partials ({{> name}})");
        return unknown.isEmpty() && !partial[0] ? used : null;
    }

    /** {@code source} merged with {@code values}, which hold every field it uses (see {@link #check}). */
    static String render(String source, boolean html, Map<String, String> values) {
        return compiled(source, html).execute(values);
    }

    /** Compiled templates, the most recently used kept: a nurture run renders one template for a page of people. */
    private static final Map<String, Template> COMPILED = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Template> eldest) {
                    return size() > 256;
                }
            });

    private static Template compiled(String source, boolean html) {
        String key = (html ? "h:" : "p:") + source;
        Template t = COMPILED.get(key);
        if (t == null) {
            t = (html ? HTML : PLAIN).compile(source); // a syntax error throws and caches nothing
            COMPILED.put(key, t);
        }
        return t;
    }
}
