package dev.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Embedding" snippet, compiled and run as written, so it cannot rot. Imports are every package of
 * CRMKit on the class path (by wildcard, found by scanning it), plus {@code java.time} and {@code java.util}: the
 * snippet may use any public type by its simple name, wherever a refactoring puts it.
 */
class ReadmeEmbeddingTest {
    @TempDir
    Path classes;

    @Test
    void theEmbeddingSnippetCompilesAndRuns() throws Exception {
        String snippet = snippet(Files.readString(readme()));
        StringBuilder source = new StringBuilder();
        for (String p : crmKitPackages()) {
            source.append("import ").append(p).append(".*;\n");
        }
        source.append("import java.time.*;\nimport java.util.*;\n")
                .append("public class ReadmeSnippet {\n    public static void run() throws Exception {\n")
                .append(snippet).append("\n    }\n}\n");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
            JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///ReadmeSnippet.java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            boolean compiled = javac.getTask(errors, files, null,
                    List.of("-classpath", System.getProperty("java.class.path"), "-proc:none"), null,
                    List.of(unit)).call();
            assertThat(compiled).as("the README snippet compiles:%n%s%n%s", errors, source).isTrue();
        }

        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            loader.loadClass("ReadmeSnippet").getMethod("run").invoke(null);
        } finally {
            System.setOut(original);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        // Both leads (the form's and the typed one) reached the listener and, once dispatched, the durable subscriber.
        assertThat(out.lines().filter(l -> l.startsWith("new lead "))).hasSize(2);
        assertThat(out.lines().filter(l -> l.startsWith("welcome mail to "))).containsExactlyInAnyOrder(
                "welcome mail to grace@example.com", "welcome mail to ada@example.com");
    }

    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("crm-core"))) {
                return dir.resolve("README.md");
            }
        }
        throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }

    /** The first java block after the "## Embedding" heading. */
    private static String snippet(String readme) {
        int section = readme.indexOf("\n## Embedding");
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        int end = readme.indexOf("\n```", start);
        assertThat(section).isPositive();
        return readme.substring(start, end);
    }

    /** Every package under dev.crmkit holding a class, in directories and jars of the class path. */
    private static Set<String> crmKitPackages() throws IOException {
        Set<String> packages = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.map(path::relativize).map(Path::toString).forEach(name -> add(packages,
                            name.replace(File.separatorChar, '/')));
                }
            } else if (entry.endsWith(".jar") && path.getFileName().toString().startsWith("crm-")) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    jar.stream().forEach(e -> add(packages, e.getName()));
                }
            }
        }
        return packages;
    }

    private static void add(Set<String> packages, String name) {
        if (name.startsWith("dev/crmkit/") && name.endsWith(".class") && !name.contains("$")
                && name.lastIndexOf('/') > 0) {
            String p = name.substring(0, name.lastIndexOf('/')).replace('/', '.');
            if (!p.startsWith("dev.crmkit.examples")) {
                packages.add(p);
            }
        }
    }
}
