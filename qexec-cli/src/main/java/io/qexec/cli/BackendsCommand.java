package io.qexec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qexec.provider.Backend;
import io.qexec.provider.StartupFailure;
import io.qexec.provider.VirtualProvider;
import io.qexec.report.TextTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qexec backends}: every configured provider's backends. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = {"List the backends of every configured provider: status, qubits, native gates, "
                + "simulator or hardware, queue depth.",
            "Providers that could not start are listed on stderr with the reason. Exit code 4 when a provider "
                    + "named with --provider is unknown or could not start."})
final class BackendsCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, json }

    @Option(names = "--online", description = "only backends that accept jobs now")
    boolean online;

    @Option(names = "--provider", paramLabel = "P", description = "only this provider's backends")
    String provider;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE})")
    Format format;

    @Spec
    CommandSpec spec;

    private final ExecutorFactory executors;

    BackendsCommand() {
        this(ExecutorFactory.DEFAULT);
    }

    BackendsCommand(ExecutorFactory executors) {
        this.executors = executors;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (var qe = executors.builder().build()) {
            VirtualProvider vp = qe.virtualProvider();
            if (provider != null) {
                try {
                    vp.requireProvider(provider);
                } catch (IllegalArgumentException e) {
                    throw new UserError(e.getMessage(), ExitCode.PROVIDER_ERROR);
                }
            }
            List<Backend> backends = new ArrayList<>();
            vp.backends(online).forEach((p, bs) -> {
                if (provider == null || provider.equals(p)) {
                    backends.addAll(bs.values());
                }
            });
            if (format == Format.json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Backend b : backends) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("provider", b.provider());
                    m.put("backend", b.name());
                    m.put("status", b.status().label());
                    m.put("qubits", b.numQubits());
                    m.put("native_gates", new java.util.TreeSet<>(b.nativeGates()));
                    m.put("simulator", b.simulator());
                    m.put("queue_depth", b.queueDepth().isPresent() ? b.queueDepth().getAsInt() : null);
                    m.put("device_profile", b.deviceProfile().orElse(null));
                    m.put("options", b.options().stream().map(o -> o.name()).toList());
                    rows.add(m);
                }
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            } else {
                List<List<String>> rows = new ArrayList<>();
                for (Backend b : backends) {
                    rows.add(List.of(b.provider(), b.name(), b.status().label(), Integer.toString(b.numQubits()),
                            b.simulator() ? "simulator" : "hardware",
                            b.queueDepth().isPresent() ? Integer.toString(b.queueDepth().getAsInt()) : "-",
                            b.nativeGates().isEmpty() ? "any" : String.join(",", new java.util.TreeSet<>(b.nativeGates()))));
                }
                out.print(TextTable.render(List.of("provider", "backend", "status", "qubits", "kind", "queue", "native gates"),
                        rows, 80));
            }
            for (StartupFailure f : vp.startupFailures()) {
                if (provider == null || provider.equals(f.provider())) {
                    err.println("qexec: provider '" + f.provider() + "' (" + f.type() + ") could not start: " + f.reason());
                }
            }
        }
        return ExitCode.OK;
    }
}
