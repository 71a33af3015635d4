package io.qexec.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
    @TempDir
    Path dir;

    @Test
    void compilesAFileWithDocCommentsAndRegistersBothKindsWithoutTouchingIt() throws Exception {
        String source = """
                /** A policy file with a leading documentation comment (the original corrupted such files). */
                package my.policies;

                import io.qexec.dispatch.Dispatch;
                import io.qexec.policy.*;

                /** Everything to the first backend; merge counts the jobs. */
                public class FirstOnly implements PolicyPlugin {
                    public String name() { return "first_only"; }
                    public SplitPolicy split() {
                        return req -> {
                            var t = req.targets().get(0);
                            return new SplitOutcome(Dispatch.builder().add(t.provider(), t.backend(), req.circuit(), req.shots()).build(), req.data());
                        };
                    }
                    public MergePolicy merge() { return req -> new MergeOutcome(req.jobs().size(), req.data()); }
                }
                """;
        Path file = dir.resolve("FirstOnly.java");
        Files.writeString(file, source);
        PolicyRegistry r = PolicyRegistry.empty();
        assertThat(r.loadFile(file)).isEqualTo("first_only");
        assertThat(r.names()).containsKey("first_only");
        SplitOutcome out = r.split("first_only").split(new SplitRequest(io.qexec.testkit.TestProviders.single(), 0, 9,
                Map.of("a", List.of("x", "y")), null, Map.of()));
        assertThat(out.dispatch().shotsByBackend()).isEqualTo(Map.of("a/x", 9L));
        assertThat(Files.readString(file)).isEqualTo(source);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @Test
    void aClassImplementingOnlyMergeIsRegisteredUnderItsName() throws Exception {
        Path file = dir.resolve("CountJobs.java");
        Files.writeString(file, """
                import io.qexec.policy.*;
                public class CountJobs implements MergePolicy {
                    public MergeOutcome merge(MergeRequest req) { return new MergeOutcome(req.jobs().size(), req.data()); }
                }
                """);
        PolicyRegistry r = PolicyRegistry.empty();
        r.registerSplit("CountJobs", req -> null);
        assertThat(r.loadFile(file)).isEqualTo("CountJobs");
        assertThat(r.names().get("CountJobs")).containsExactly("merge", "split");
    }

    @Test
    void compileErrorsAreReportedWithPositions() throws Exception {
        Path file = dir.resolve("Broken.java");
        Files.writeString(file, """
                import io.qexec.policy.*;
                public class Broken implements MergePolicy {
                    public MergeOutcome merge(MergeRequest req) { return nope; }
                }
                """);
        assertThatThrownBy(() -> PolicyRegistry.empty().loadFile(file))
                .isInstanceOfSatisfying(PolicyLoadException.class, e -> {
                    assertThat(e.getMessage()).contains("does not compile");
                    assertThat(e.problems()).singleElement().asString().contains("Broken.java:3:").contains("nope");
                });
    }

    @Test
    void unusableClassesAreExplained() throws Exception {
        Path none = dir.resolve("Nothing.java");
        Files.writeString(none, "public class Nothing { }");
        assertThatThrownBy(() -> PolicyRegistry.empty().loadFile(none)).hasMessageContaining("implements none of");
        Path ctor = dir.resolve("NeedsArg.java");
        Files.writeString(ctor, """
                import io.qexec.policy.*;
                public class NeedsArg implements MergePolicy {
                    public NeedsArg(int x) { }
                    public MergeOutcome merge(MergeRequest req) { return null; }
                }
                """);
        assertThatThrownBy(() -> PolicyRegistry.empty().loadFile(ctor)).hasMessageContaining("public no-argument constructor");
        assertThatThrownBy(() -> PolicyRegistry.empty().loadFile(dir.resolve("Missing.java"))).hasMessageContaining("not found");
        Path txt = dir.resolve("policy.txt");
        Files.writeString(txt, "x");
        assertThatThrownBy(() -> PolicyRegistry.empty().loadFile(txt)).hasMessageContaining("must be a .java file");
    }

    @Test
    void loadsADirectoryInNameOrder() throws Exception {
        Files.writeString(dir.resolve("B.java"), "import io.qexec.policy.*; public class B implements MergePolicy {"
                + " public MergeOutcome merge(MergeRequest r) { return null; } }");
        Files.writeString(dir.resolve("A.java"), "import io.qexec.policy.*; public class A implements MergePolicy {"
                + " public MergeOutcome merge(MergeRequest r) { return null; } }");
        assertThat(PolicyRegistry.empty().loadDirectory(dir)).containsExactly("A", "B");
    }
}
