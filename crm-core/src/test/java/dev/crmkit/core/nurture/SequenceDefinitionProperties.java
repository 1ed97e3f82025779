package dev.crmkit.core.nurture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crmkit.core.common.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Sequences as graphs, against a simple reference: a list of steps where each non-final step points at one or two
 * others is accepted exactly when, walking from the first step, no path comes back to a step and every step is
 * reached; an accepted one reads back from its JSON unchanged, and any text is a sequence or a
 * {@link ValidationException}.
 */
class SequenceDefinitionProperties {
    /** Step i: -1 for an end step, else the indexes of its successors (one for a wait, two for a branch). */
    @Provide
    Arbitrary<List<int[]>> graphs() {
        return Arbitraries.integers().between(1, 8).flatMap(n -> {
            Arbitrary<int[]> step = Arbitraries.oneOf(
                    Arbitraries.just(new int[] {-1}),
                    Arbitraries.integers().between(0, n - 1).map(a -> new int[] {a}),
                    Arbitraries.integers().between(0, n - 1).tuple2().map(t -> new int[] {t.get1(), t.get2()}));
            return step.list().ofSize(n);
        });
    }

    @Property(tries = 500)
    void aSequenceIsAcceptedExactlyWhenItsGraphIsAcyclicAndReachable(@ForAll("graphs") List<int[]> graph) {
        StringBuilder json = new StringBuilder("{\"name\":\"s\",\"steps\":[");
        for (int i = 0; i < graph.size(); i++) {
            int[] next = graph.get(i);
            json.append(i == 0 ? "" : ",").append("{\"id\":\"s").append(i).append('"');
            if (next[0] < 0) {
                json.append(",\"type\":\"end\"}");
            } else if (next.length == 1) {
                json.append(",\"type\":\"wait\",\"duration\":\"PT1H\",\"next\":\"s").append(next[0]).append("\"}");
            } else {
                json.append(",\"type\":\"branch\",\"when\":{\"scoreAbove\":10},\"then\":\"s").append(next[0])
                        .append("\",\"else\":\"s").append(next[1]).append("\"}");
            }
        }
        json.append("]}");
        Throwable refused = catchThrowable(() -> SequenceDefinition.fromJson(json.toString()));
        assertThat(refused == null).as(json.toString()).isEqualTo(acceptable(graph));
        if (refused == null) {
            SequenceDefinition read = SequenceDefinition.fromJson(json.toString());
            assertThat(SequenceDefinition.fromJson(read.toJson())).isEqualTo(read);
        } else {
            assertThat(refused).isInstanceOf(ValidationException.class);
        }
    }

    @Property(tries = 300)
    void anyTextIsASequenceOrAValidationException(@ForAll String text) {
        Throwable t = catchThrowable(() -> SequenceDefinition.fromJson(text));
        assertThat(t == null || t instanceof ValidationException).as("%s", t).isTrue();
    }

    /** The reference: repeated breadth-first walks, a cycle when a step reaches itself. */
    private static boolean acceptable(List<int[]> graph) {
        Set<Integer> reached = successorsOf(graph, 0, true);
        for (int s : reached) {
            if (successorsOf(graph, s, false).contains(s)) {
                return false;
            }
        }
        return reached.size() == graph.size();
    }

    private static Set<Integer> successorsOf(List<int[]> graph, int from, boolean includeFrom) {
        Set<Integer> seen = new HashSet<>();
        List<Integer> queue = new ArrayList<>();
        if (includeFrom) {
            seen.add(from);
        }
        queue.add(from);
        while (!queue.isEmpty()) {
            int s = queue.remove(0);
            for (int n : graph.get(s)) {
                if (n >= 0 && seen.add(n)) {
                    queue.add(n);
                }
            }
        }
        return seen;
    }
}
