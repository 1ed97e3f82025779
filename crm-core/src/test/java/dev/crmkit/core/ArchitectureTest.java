package dev.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Package layering of crm-core's main sources, read from the source files: every {@code dev.crmkit.core} import and
 * fully qualified reference is an edge from the file's package to the package it names. The packages must form no
 * cycle, and each may use only packages below it in {@link #LAYERS}.
 */
class ArchitectureTest {
    private static final String ROOT = "dev.crmkit.core";
    private static final Path SOURCES = Path.of("src/main/java/dev/crmkit/core");

    /** crm-core's packages, lowest first; "" is the facade ({@code dev.crmkit.core} itself). */
    static final List<String> LAYERS = List.of("common", "spi", "context", "audit", "consent", "task", "sharing",
            "tracking", "customer", "sales", "service", "document", "lead", "segment", "events", "webhook", "email",
            "nurture", "automation", "privacy", "transfer", "storage", "memory", "internal", "");

    private static final Pattern REFERENCE =
            Pattern.compile("\\bdev\\.crmkit\\.core((?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]\\w*");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

    /** One use of package {@code to} by a file of package {@code from}. */
    record Edge(String from, String to, String file, String reference) {
    }

    @Test
    void packagesFormNoCycle() {
        List<Set<String>> cycles = cycles(graph(edges()));
        assertThat(cycles).as("package cycles in crm-core (strongly connected components)").isEmpty();
    }

    @Test
    void everyPackageUsesOnlyPackagesBelowIt() {
        List<Edge> edges = edges();
        assertThat(packages(edges)).as("every package of crm-core has a place in LAYERS").isSubsetOf(LAYERS);
        assertThat(wrongWay(edges)).as("imports against the layer order " + LAYERS).isEmpty();
    }

    /** NullAway checks only {@code @NullMarked} code, so a package without the marking would go unchecked silently. */
    @Test
    void everyPackageIsNullMarked() {
        List<String> unmarked = packages(edges()).stream().filter(p -> !nullMarked(p)).toList();
        assertThat(unmarked).as("crm-core packages whose package-info.java is not @NullMarked").isEmpty();
    }

    private static boolean nullMarked(String pkg) {
        Path info = (pkg.isEmpty() ? SOURCES : SOURCES.resolve(pkg.replace('.', '/'))).resolve("package-info.java");
        return Files.exists(info) && COMMENT.matcher(read(info)).replaceAll(" ").contains("@NullMarked");
    }

    /** Prints the numbers the design notes quote. */
    @Test
    void report() {
        List<Edge> edges = edges();
        List<Set<String>> cycles = cycles(graph(edges));
        System.out.println("crm-core packages: " + packages(edges).size() + ", package dependencies: "
                + graph(edges).values().stream().mapToInt(Set::size).sum());
        System.out.println("package cycles: " + cycles.size() + ", packages in the largest: "
                + cycles.stream().mapToInt(Set::size).max().orElse(0) + " " + cycles);
        List<String> wrong = wrongWay(edges);
        System.out.println("wrong-way package dependencies: " + wrong.size() + " " + wrong);
        for (String module : List.of("crm-core", "crm-reporting", "crm-persistence-jpa")) {
            Path main = Path.of("..", module, "src/main/java");
            if (Files.isDirectory(main)) {
                int[] counts = typeCounts(main);
                System.out.println(module + ": " + counts[0] + " public types of " + counts[1]);
            }
        }
    }

    static List<Edge> edges() {
        List<Edge> edges = new ArrayList<>();
        for (Path file : javaFiles(SOURCES)) {
            // Comments out first: a package-info's Javadoc comes before its package line.
            String code = COMMENT.matcher(read(file)).replaceAll(" ");
            Matcher p = PACKAGE.matcher(code);
            if (!p.find()) {
                throw new IllegalStateException("no package in " + file);
            }
            String from = relative(p.group(1));
            Matcher m = REFERENCE.matcher(code.substring(p.end()));
            while (m.find()) {
                String to = m.group(1).isEmpty() ? "" : m.group(1).substring(1);
                edges.add(new Edge(from, to, SOURCES.relativize(file).toString(), m.group()));
            }
            edges.add(new Edge(from, from, SOURCES.relativize(file).toString(), "package"));
        }
        return edges;
    }

    private static String relative(String pkg) {
        return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
    }

    static Set<String> packages(List<Edge> edges) {
        Set<String> all = new TreeSet<>();
        edges.forEach(e -> {
            all.add(e.from());
            all.add(e.to());
        });
        return all;
    }

    static Map<String, Set<String>> graph(List<Edge> edges) {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (Edge e : edges) {
            graph.computeIfAbsent(e.from(), k -> new TreeSet<>());
            graph.computeIfAbsent(e.to(), k -> new TreeSet<>());
            if (!e.from().equals(e.to())) {
                graph.get(e.from()).add(e.to());
            }
        }
        return graph;
    }

    /** Edges to a package not below the using one, as "file: reference (from -> to)", one per file and package. */
    static List<String> wrongWay(List<Edge> edges) {
        Set<String> wrong = new TreeSet<>();
        for (Edge e : edges) {
            if (!e.from().equals(e.to()) && LAYERS.indexOf(e.to()) >= LAYERS.indexOf(e.from())) {
                wrong.add(e.file() + ": " + e.reference() + " (" + name(e.from()) + " -> " + name(e.to()) + ")");
            }
        }
        return new ArrayList<>(wrong);
    }

    private static String name(String pkg) {
        return pkg.isEmpty() ? "(facade)" : pkg;
    }

    /** Strongly connected components of more than one package (Tarjan). */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> components = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, graph, index, low, stack, onStack, components);
            }
        }
        components.removeIf(c -> c.size() < 2);
        return components;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> components) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.get(v)) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, components);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(name(w));
            } while (!w.equals(v));
            components.add(component);
        }
    }

    private static final Pattern TYPE = Pattern.compile(
            "^\\s*((?:(?:public|protected|private|static|final|abstract|sealed|non-sealed|strictfp)\\s+)*)"
                    + "(?:class|interface|record|enum|@interface)\\s+[A-Z]\\w*", Pattern.MULTILINE);

    /** {public types, all types} declared in the sources under {@code root}, nested ones included. */
    static int[] typeCounts(Path root) {
        int[] counts = new int[2];
        for (Path file : javaFiles(root)) {
            Matcher m = TYPE.matcher(COMMENT.matcher(read(file)).replaceAll(" "));
            while (m.find()) {
                counts[1]++;
                if (m.group(1).contains("public")) {
                    counts[0]++;
                }
            }
        }
        return counts;
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
