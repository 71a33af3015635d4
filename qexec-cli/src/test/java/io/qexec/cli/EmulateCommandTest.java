package io.qexec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class EmulateCommandTest {

    @Test
    void servesTheProvidersApiOnLoopbackForTheGivenTime() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> Main.commandLine(
                new PrintWriter(out, true), new PrintWriter(err, true)).execute("emulate", "ionq", "--for", "3"));
        String baseUrl = "";
        for (int i = 0; i < 200 && baseUrl.isEmpty(); i++) {
            Thread.sleep(25);
            baseUrl = out.toString().trim();
        }
        assertThat(baseUrl).startsWith("http://127.0.0.1:").endsWith("/v0.4");
        HttpResponse<String> backends = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/backends"))
                .header("Authorization", "apiKey test-key").timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(backends.statusCode()).isEqualTo(200);
        assertThat(backends.body()).contains("simulator");
        assertThat(code.get()).isZero();
        assertThat(err.toString()).contains("QEXEC_IONQ_BASE_URL").contains("0 submissions");
    }

    @Test
    void unknownProviderAndBadFaultsAreInvalidInput() {
        MainTest.Run unknown = MainTest.run("emulate", "dwave");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no emulator for provider 'dwave'").contains("ionq").contains("qbraid")
                .contains("braket");
        MainTest.Run faults = MainTest.run("emulate", "ionq", "--faults", "meteor@0.5", "--for", "0");
        assertThat(faults.code()).isEqualTo(2);
        assertThat(faults.err()).contains("--faults:");
    }
}
