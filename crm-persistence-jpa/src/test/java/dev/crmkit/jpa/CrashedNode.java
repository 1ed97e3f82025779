package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A node that is killed: a child JVM on this test's class path, on the test database (for H2, a file both JVMs
 * open), read line by line and stopped with {@code destroyForcibly()} once the test has seen enough; then the
 * restarted node's storage on the same database.
 */
final class CrashedNode {
    private final TestDatabase database;
    private final Path dir;

    CrashedNode(TestDatabase database, Path dir) {
        this.database = database;
        this.dir = dir;
    }

    /** The database's URL; H2's test database lives in this JVM's memory, so the child and restart share a file. */
    String url() {
        return database.jdbcUrl() != null ? database.jdbcUrl()
                : "jdbc:h2:file:" + dir.resolve("crash").toAbsolutePath();
    }

    /**
     * Runs {@code main} with the URL and {@code args}, returns the lines it printed up to and including the first
     * that {@code enough} accepts (or all, if it ended first), and kills it.
     */
    List<String> runUntil(Class<?> main, Predicate<List<String>> enough, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), main.getName(), url()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
                if (enough.test(lines)) {
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return lines;
    }

    /** The restarted node's storage on the same database. */
    JpaStorage restart() {
        return database.jdbcUrl() != null ? JpaStorage.create(database.dataSource())
                : JpaStorage.embeddedH2(dir.resolve("crash"));
    }

    /** The lines starting with {@code prefix}, without it. */
    static List<String> after(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }
}
