package io.qexec.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qexec.result.JobError;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.result.JobTimings;
import io.qexec.result.MergedResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The console, JSON and HTML renderings of a run. */
class ReportRenderingTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    static JobResult completed(int circuit, String backend, Map<String, Long> counts) {
        long shots = counts.values().stream().mapToLong(Long::longValue).sum();
        return JobResult.pending(circuit, "c" + circuit, "job-" + circuit + "-" + backend, "local", backend, (int) shots)
                .withTimings(new JobTimings(T0, T0.plusMillis(5), T0.plusMillis(25)))
                .completed(new TreeMap<>(counts), List.of(), Map.of("method", "statevector"));
    }

    static RunSummary summary(List<JobResult> jobs, Optional<MergedResult> merged) {
        List<RunSummary.CircuitInfo> circuits = new ArrayList<>();
        jobs.stream().mapToInt(JobResult::circuitIndex).distinct().sorted()
                .forEach(i -> circuits.add(new RunSummary.CircuitInfo(i, "c" + i, 2, "ghz: 2")));
        return new RunSummary("demo <b>", "demo.yaml", "run-1", circuits, Map.of("split", "multiplier"), T0,
                Duration.ofMillis(1234), jobs, merged);
    }

    private static RunSummary sample() {
        JobResult failed = JobResult.pending(1, "c1", "job-f", "local", "fake_aria", 100)
                .failed(JobError.of(JobError.Kind.EXECUTION_FAILED, "the device model failed"));
        Map<Integer, Map<String, Double>> tvd = new TreeMap<>();
        tvd.put(0, new LinkedHashMap<>(Map.of("local/fake_aria", 0.0125)));
        return summary(List.of(completed(0, "statevector", Map.of("00", 510L, "11", 490L)),
                completed(0, "fake_aria", Map.of("00", 480L, "11", 470L, "01", 30L, "10", 20L)),
                completed(1, "statevector", Map.of("00", 100L)), failed),
                Optional.of(new MergedResult("tvd", tvd, Map.of(), Map.of(), null)));
    }

    @Test
    void consoleShowsEachJobWithItsTopOutcomesAndTheMergedValue() {
        String text = ResultsConsole.render(sample());
        assertThat(text).contains("demo <b>: 4 jobs (3 completed, 1 failed) in 1.23 s")
                .contains("circuit 0: c0 (2 qubits, ghz: 2)")
                .containsPattern("local/fake_aria\\s+COMPLETED\\s+1000\\s+00 0\\.480  11 0\\.470  01 0\\.030  10 0\\.020")
                .containsPattern("local/fake_aria\\s+FAILED\\s+100\\s+the device model failed")
                .containsPattern("circuit 0 \\(c0\\)\\s+local/fake_aria\\s+0\\.0125");
    }

    @Property(tries = 50)
    void consoleLinesFitIn80Columns(@ForAll @IntRange(min = 1, max = 30) int bits,
                                    @ForAll @StringLength(min = 1, max = 60) String backend,
                                    @ForAll @IntRange(min = 1, max = 40) int outcomes) {
        Map<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < outcomes; i++) {
            String b = Integer.toBinaryString(i);
            counts.put("0".repeat(Math.max(0, bits - b.length())) + b, (long) (i + 1));
        }
        String text = ResultsConsole.render(summary(List.of(completed(0, backend.replace('\n', ' '), counts)), Optional.empty()));
        assertThat(text.lines()).allMatch(l -> l.length() <= ResultsConsole.WIDTH);
    }

    @Test
    void jsonHasResultsByProviderAndBackendAndTheMerge() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ResultsJson.write(sample()));
        assertThat(root.get("format").asText()).isEqualTo(ResultsJson.FORMAT);
        JsonNode aria = root.at("/results/local/fake_aria/0");
        assertThat(aria.get("circuit").asText()).isEqualTo("c0");
        assertThat(aria.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(aria.get("shots").asInt()).isEqualTo(1000);
        assertThat(aria.at("/counts/01").asLong()).isEqualTo(30);
        assertThat(aria.at("/timings/run_ms").asDouble()).isEqualTo(20.0);
        JsonNode failed = root.at("/results/local/fake_aria/1");
        assertThat(failed.at("/error/kind").asText()).isEqualTo("EXECUTION_FAILED");
        assertThat(root.at("/merged/policy").asText()).isEqualTo("tvd");
        assertThat(root.at("/merged/value/0/local~1fake_aria").asDouble()).isEqualTo(0.0125);
        assertThat(root.at("/states/FAILED").asInt()).isEqualTo(1);
    }

    @Test
    void htmlIsSelfContainedWithAHistogramPerCircuitAndEscapedText() {
        String html = HtmlReport.render(sample());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>demo &lt;b&gt; · qexec report</title>")
                .doesNotContain("demo <b>").doesNotContain("<script").doesNotContain("<link")
                .doesNotContain("src=\"http").doesNotContain("href=\"http");
        assertThat(html.split("<svg class=\"histogram\"", -1)).hasSize(3);
        assertThat(html).contains("id=\"merged\"").contains("0.0125").contains("the device model failed")
                .contains("Without results (see the job table): local/fake_aria");
    }

    @Test
    void manyOutcomesAreCutToTheLargestPlusOther() {
        Map<String, Long> counts = new TreeMap<>();
        counts.put("00000", 480L);
        counts.put("11111", 470L);
        for (int i = 1; i < 31; i++) {
            String b = Integer.toBinaryString(i);
            counts.put("0".repeat(5 - b.length()) + b, 1L + (i % 2));
        }
        counts.remove("11111");
        counts.put("11111", 470L);
        Map<String, Map<String, Double>> groups = Histogram.groups(Map.of("a", counts), HtmlReport.TOP_OUTCOMES);
        assertThat(groups.get("a").keySet()).containsExactly("00000", "11111", Histogram.OTHER);
        assertThat(groups.get("a").values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aFewOutcomesAreAllDrawnEvenWhenRare() {
        Map<String, Map<String, Double>> groups = Histogram.groups(Map.of("a", Map.of("00", 999L, "01", 1L)), 16);
        assertThat(groups.get("a")).containsOnlyKeys("00", "01");
    }

    @Test
    void textTableWrapsTheLastColumnWithinTheWidth() {
        String t = TextTable.render(List.of("kind", "name", "description"),
                List.of(List.of("split", "uniform", "a long description ".repeat(6).strip())), 40);
        assertThat(t.lines()).allMatch(l -> l.length() <= 40);
        assertThat(t.lines().count()).isGreaterThan(4);
        assertThat(t).startsWith("kind   name     description");
    }
}
