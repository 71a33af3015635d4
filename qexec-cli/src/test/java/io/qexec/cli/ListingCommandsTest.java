package io.qexec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qexec backends} and {@code qexec policies}. */
class ListingCommandsTest {

    @Test
    void backendsListsTheLocalBackendsInAnAlignedTable() {
        MainTest.Run r = MainTest.run("backends", "--provider", "local");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().findFirst()).hasValueSatisfying(h ->
                assertThat(h).startsWith("provider  backend").contains("status").contains("qubits").contains("queue"));
        assertThat(r.out()).containsPattern("local\\s+statevector\\s+online\\s+30\\s+simulator")
                .containsPattern("local\\s+fake_aria\\s+online\\s+25\\s+simulator\\s+-\\s+gpi,gpi2,ms");
        assertThat(r.out().lines()).allMatch(l -> l.length() <= 80);
    }

    @Test
    void backendsAsJson() throws IOException {
        MainTest.Run r = MainTest.run("backends", "--online", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertThat(rows.findValuesAsText("backend")).contains("statevector", "stabilizer", "fake_forte");
        JsonNode first = rows.get(0);
        assertThat(first.has("qubits") && first.has("native_gates") && first.has("simulator") && first.has("queue_depth")).isTrue();
    }

    @Test
    void anUnknownProviderGivesExitFourWithASuggestion() {
        MainTest.Run r = MainTest.run("backends", "--provider", "locl");
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("unknown provider 'locl'").contains("did you mean 'local'?");
    }

    @Test
    void policiesListsSplitsAndMergesWithADescription() {
        MainTest.Run r = MainTest.run("policies");
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("split\\s+uniform\\s+spread each circuit's shots evenly")
                .containsPattern("merge\\s+tvd\\s+per circuit, each backend's total variation distance");
        assertThat(r.out().lines()).allMatch(l -> l.length() <= 80);
    }

    @Test
    void policiesCanListAPolicyFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("Echo.java");
        Files.writeString(f, """
                import io.qexec.policy.*;
                public class Echo implements MergePolicy {
                    public MergeOutcome merge(MergeRequest r) { return new MergeOutcome(null, r.data()); }
                }
                """);
        MainTest.Run r = MainTest.run("policies", "--load", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("merge\\s+Echo\\s+plug-in policy");
        Files.writeString(f, "public class Echo { int x = ; }");
        assertThat(MainTest.run("policies", "--load", f.toString()).code()).isEqualTo(2);
    }
}
