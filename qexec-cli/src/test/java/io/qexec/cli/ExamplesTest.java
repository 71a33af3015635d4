package io.qexec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every experiment file in {@code examples/} runs to completion with a report. */
class ExamplesTest {
    static final Path EXAMPLES = Path.of("..", "examples");

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void runs(Path example, @TempDir Path dir) throws IOException {
        Path report = dir.resolve("report.html");
        MainTest.Run r = MainTest.run("run", example.toString(), "-q", "--report", report.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("COMPLETED").doesNotContain("FAILED");
        assertThat(r.out().lines()).allMatch(l -> l.length() <= 80);
        assertThat(Files.readString(report)).contains("<svg class=\"histogram\"");
    }

    @Test
    void thePaperScenariosAreAmongThem() throws IOException {
        assertThat(examples()).extracting(p -> p.getFileName().toString())
                .contains("scenario1-benchmark.yaml", "scenario2-tvd.yaml", "uniform-devices.yaml", "parametric.yaml");
        assertThat(Files.readString(EXAMPLES.resolve("scenario2-tvd.yaml"))).contains("file: TvdCheck.java");
    }
}
