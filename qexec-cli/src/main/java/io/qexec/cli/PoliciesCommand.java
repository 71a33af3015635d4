package io.qexec.cli;

import io.qexec.policy.PolicyDescriptions;
import io.qexec.policy.PolicyLoadException;
import io.qexec.policy.PolicyRegistry;
import io.qexec.report.TextTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qexec policies}: every split and merge policy with a one-line description. */
@Command(name = "policies", mixinStandardHelpOptions = true,
        description = "List the split and merge policies (built-in, plug-ins, and --load'ed files) with what each does.")
final class PoliciesCommand implements Callable<Integer> {

    @Option(names = "--load", paramLabel = "FILE.java", description = "also compile and list the policies of this file")
    List<Path> files = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PolicyRegistry registry = PolicyRegistry.withBuiltIns();
        for (Path f : files) {
            try {
                registry.loadFile(f);
            } catch (PolicyLoadException e) {
                throw new UserError(e.getMessage(), ExitCode.INVALID_INPUT);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (PolicyDescriptions.Entry e : PolicyDescriptions.of(registry)) {
            rows.add(List.of(e.kind(), e.name(), e.description()));
        }
        spec.commandLine().getOut().print(TextTable.render(List.of("kind", "name", "description"), rows, 80));
        return ExitCode.OK;
    }
}
