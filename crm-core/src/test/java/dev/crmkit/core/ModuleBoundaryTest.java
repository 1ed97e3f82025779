package dev.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module descriptor as a modular host meets it: a host module that requires {@code dev.crmkit.core} is compiled
 * against the built classes on the module path. The API compiles; reaching into {@code internal} does not.
 */
class ModuleBoundaryTest {
    private static final Path CLASSES = Path.of("target/classes");

    @TempDir
    Path dir;

    @Test
    void aModularHostCompilesAgainstTheApiAndTheInMemoryAdapter() throws IOException {
        List<String> errors = compileHost("""
                import dev.crmkit.core.Crm;
                import dev.crmkit.core.memory.InMemoryStorage;
                public class Host {
                    public static void main(String[] args) {
                        try (Crm crm = Crm.builder().storage(InMemoryStorage.create()).build()) {
                            System.out.println(crm.leads());
                        }
                    }
                }
                """);

        assertThat(errors).isEmpty();
    }

    @Test
    void aModularHostRunsOnTheModulePathWithEventsStoredAsJsonAndDelivered() throws Exception {
        List<String> errors = compileHost("""
                import dev.crmkit.core.Crm;
                import dev.crmkit.core.common.Actor;
                import dev.crmkit.core.context.EventSubscriber;
                import dev.crmkit.core.lead.LeadEvent;
                import dev.crmkit.core.lead.NewLead;
                import dev.crmkit.core.memory.InMemoryStorage;
                public class Host {
                    public static void main(String[] args) {
                        try (Crm crm = Crm.builder().storage(InMemoryStorage.create()).build()) {
                            Crm alice = crm.as(Actor.of("acme", "alice", Actor.MANAGER));
                            alice.events().register(EventSubscriber.of("welcome", LeadEvent.LeadCaptured.class,
                                    e -> System.out.println("delivered " + e.lead().reach().email())));
                            alice.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
                            alice.events().dispatchDue();
                        }
                    }
                }
                """);
        assertThat(errors).isEmpty();

        String java = ProcessHandle.current().info().command().orElseThrow();
        Process host = new ProcessBuilder(java, "--module-path", dir.resolve("out") + File.pathSeparator + modulePath(),
                "--module", "host/host.Host").redirectErrorStream(true).start();
        String output = new String(host.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(host.waitFor()).as(output).isZero();
        assertThat(output).contains("delivered ada@example.com");
    }

    @Test
    void aModularHostCannotReachTheContextBehindTheFacade() throws IOException {
        List<String> errors = compileHost("""
                import dev.crmkit.core.internal.Internal;
                public class Host {
                    static Object raw(Object crm) {
                        return Internal.context(crm);
                    }
                }
                """);

        assertThat(errors).anySatisfy(error -> assertThat(error)
                .contains("dev.crmkit.core.internal")
                .contains("not visible"));
    }

    @Test
    void onlyCrmKitsReportingModuleIsGivenTheInternalPackage() {
        ModuleDescriptor core = ModuleFinder.of(CLASSES).find("dev.crmkit.core")
                .map(ModuleReference::descriptor).orElseThrow();

        Map<String, Set<String>> qualified = core.exports().stream().filter(ModuleDescriptor.Exports::isQualified)
                .collect(Collectors.toMap(ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets));
        assertThat(qualified).containsExactly(Map.entry("dev.crmkit.core.internal", Set.of("dev.crmkit.reporting")));
        assertThat(core.opens()).isEmpty();
        assertThat(core.isOpen()).isFalse();
    }

    private List<String> compileHost(String hostSource) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("module-info.java"), "module host { requires dev.crmkit.core; }");
        Path host = Files.createDirectories(src.resolve("host")).resolve("Host.java");
        Files.writeString(host, "package host;\n" + hostSource);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("--module-path", modulePath(), "-d", dir.resolve("out").toString());
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(
                    src.resolve("module-info.java").toFile(), host.toFile());
            javac.getTask(null, files, diagnostics, options, null, units).call();
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    /** crm-core's classes and every jar on the test class path: javac resolves only what the host requires. */
    private static String modulePath() {
        List<String> path = new ArrayList<>();
        path.add(CLASSES.toAbsolutePath().toString());
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar"))
                .forEach(path::add);
        return String.join(File.pathSeparator, path);
    }
}
