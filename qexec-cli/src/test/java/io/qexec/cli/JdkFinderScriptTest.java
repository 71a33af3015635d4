package io.qexec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shell function that ./qexec, ./mvnw and .ci/run use to find a JDK >= 21. */
class JdkFinderScriptTest {
    private static final Path ROOT = Path.of(System.getProperty("qexec.root", "..")).toAbsolutePath().normalize();

    private record Outcome(int exitCode, String output) {
    }

    private static Outcome find(Map<String, String> env) throws IOException, InterruptedException {
        Path script = ROOT.resolve("scripts/find-jdk.sh");
        assumeTrue(Files.exists(script), "scripts/find-jdk.sh not found from " + ROOT);
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", ". \"$1\" && qexec_find_jdk && echo \"JAVA_HOME=$JAVA_HOME\"",
                "find-jdk", script.toString());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("HOME", System.getProperty("java.io.tmpdir"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(p.waitFor(), output);
    }

    @Test
    void acceptsTheRunningJdkGivenAsJavaHome() throws Exception {
        String home = System.getProperty("java.home");
        assumeTrue(Files.isExecutable(Path.of(home, "bin", "javac")), "the tests do not run on a full JDK");
        Outcome outcome = find(Map.of("JAVA_HOME", home, "QEXEC_JDK_DIRS", "/nonexistent/*"));
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.output()).contains("JAVA_HOME=" + home);
    }

    @Test
    void searchesTheInstallLocationsWhenJavaHomeIsTooOld() throws Exception {
        String home = System.getProperty("java.home");
        assumeTrue(Files.isExecutable(Path.of(home, "bin", "javac")), "the tests do not run on a full JDK");
        Path fakeOld = Files.createTempDirectory("old-jdk");
        Files.createDirectories(fakeOld.resolve("bin"));
        Path java = fakeOld.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"17.0.2\" 2022-01-18' >&2\n");
        Files.writeString(fakeOld.resolve("bin/javac"), "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        fakeOld.resolve("bin/javac").toFile().setExecutable(true);
        Outcome outcome = find(Map.of("JAVA_HOME", fakeOld.toString(), "QEXEC_JDK_DIRS", home));
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.output()).contains("JAVA_HOME=" + home);
    }

    @Test
    void saysClearlyWhenNoSuitableJdkExists() throws Exception {
        Outcome outcome = find(Map.of("QEXEC_JDK_DIRS", "/nonexistent/*", "PATH", "/nonexistent"));
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.output()).contains("needs a JDK 21 or newer, and none was found");
    }
}
