package io.qexec.cli;

import io.qexec.remote.emulator.EmulatorFactory;
import io.qexec.remote.emulator.EmulatorOptions;
import io.qexec.remote.emulator.FaultSpec;
import io.qexec.remote.emulator.ProviderEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qexec emulate PROVIDER}: an offline stand-in for a cloud provider's API on 127.0.0.1. */
@Command(name = "emulate", mixinStandardHelpOptions = true,
        description = {"Serve a provider's documented REST API on 127.0.0.1, computing results with the embedded "
                + "simulators: an offline sandbox for pipelines and tests.",
            "Prints the base URL on standard output; point the provider at it with base_url in the config or "
                + "QEXEC_<PROVIDER>_BASE_URL. Runs until interrupted (Ctrl-C) or for --for seconds."})
final class EmulateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROVIDER", description = "ionq, braket or qbraid")
    String provider;

    @Option(names = "--port", defaultValue = "0", description = "port to listen on (default: a free one)")
    int port;

    @Option(names = "--latency", defaultValue = "0", paramLabel = "MS", description = "delay before every answer, in ms")
    long latencyMillis;

    @Option(names = "--job-seconds", defaultValue = "1", paramLabel = "S",
            description = "how long a job takes from submission to completion (default ${DEFAULT-VALUE})")
    double jobSeconds;

    @Option(names = "--faults", paramLabel = "SPEC",
            description = "faults to inject (see docs/providers.md), e.g. 429=1@0.1,503/submit@first1,drop@0.05")
    String faults;

    @Option(names = "--seed", defaultValue = "1", description = "seed for shots and random faults")
    long seed;

    @Option(names = "--for", paramLabel = "SECONDS", description = "stop after this many seconds")
    Double forSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        EmulatorFactory factory = EmulatorFactory.forProvider(provider).orElseThrow(() -> new UserError(
                "no emulator for provider '" + provider + "' (available: " + String.join(", ",
                        EmulatorFactory.available().stream().map(EmulatorFactory::provider).toList()) + ")",
                ExitCode.INVALID_INPUT));
        if (latencyMillis < 0 || jobSeconds < 0 || (forSeconds != null && forSeconds < 0)) {
            throw new UserError("--latency, --job-seconds and --for cannot be negative", ExitCode.INVALID_INPUT);
        }
        FaultSpec faultSpec;
        try {
            faultSpec = faults == null ? FaultSpec.none() : FaultSpec.parse(faults);
        } catch (IllegalArgumentException e) {
            throw new UserError("--faults: " + e.getMessage(), ExitCode.INVALID_INPUT);
        }
        EmulatorOptions options = new EmulatorOptions(port, Duration.ofMillis(latencyMillis), faultSpec,
                Duration.ofMillis(Math.round(jobSeconds * 1000)), seed);
        ProviderEmulator emulator;
        try {
            emulator = factory.start(options);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError("cannot start the " + factory.provider() + " emulator on port " + port + ": "
                    + e.getMessage(), ExitCode.PROVIDER_ERROR);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "qexec-emulate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println(emulator.baseUrl());
        out.flush();
        err.printf(Locale.ROOT, "%s emulator listening on %s; set QEXEC_%s_BASE_URL to it (any API key is accepted)%n",
                factory.provider(), emulator.baseUrl(), factory.provider().toUpperCase(Locale.ROOT));
        err.flush();
        if (forSeconds == null) {
            stopped.await();
            return ExitCode.INTERRUPTED;
        }
        stopped.await(Math.round(forSeconds * 1000), TimeUnit.MILLISECONDS);
        Runtime.getRuntime().removeShutdownHook(hook);
        err.printf(Locale.ROOT, "%s emulator stopped: %d submissions, %d cancellations, %d faults injected%n",
                factory.provider(), emulator.submissions(), emulator.cancellations(), emulator.injectedFaults());
        emulator.close();
        return ExitCode.OK;
    }
}
