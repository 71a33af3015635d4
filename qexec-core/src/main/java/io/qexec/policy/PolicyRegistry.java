package io.qexec.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Split and merge policies by name. A name may hold a split, a merge, or both; registering one kind under a
 * name keeps the other kind already there.
 *
 * <p>Sources: instances and lambdas ({@link #registerSplit(String, SplitPolicy)}, {@link #registerMerge(String, MergePolicy)}), {@link PolicyPlugin}s found with
 * {@link ServiceLoader}, and single {@code .java} files compiled at load time ({@link #loadFile(Path)}). The
 * built-ins are described in {@link #withBuiltIns()}. Thread-safe.
 */
public final class PolicyRegistry {
    private final Map<String, SplitPolicy> splits = new ConcurrentHashMap<>();
    private final Map<String, MergePolicy> merges = new ConcurrentHashMap<>();

    private PolicyRegistry() {
    }

    /** A registry with no policy. */
    public static PolicyRegistry empty() {
        return new PolicyRegistry();
    }

    /**
     * A registry with the built-in policies and every {@link PolicyPlugin} on the class path.
     *
     * <p>Splits: {@code uniform} (shots spread evenly over all backends, totals exact, no zero-shot job),
     * {@code multiplier} (every backend runs all shots), {@code weighted} (data {@code weights}: map of
     * {@code provider/backend} to weight; largest-remainder rounding), {@code random} (data {@code seed}; every
     * backend at least one shot when there are enough), {@code round_robin} (circuit {@code i} runs all its shots
     * on backend {@code i mod n}).
     *
     * <p>Merges: {@code aggregate} (counts summed per circuit: {@code Map<Integer, SortedMap<String, Long>>}),
     * {@code simple_aggregate} (counts summed over everything, circuits mixed, as the original did:
     * {@code SortedMap<String, Long>}), {@code probabilities} (per-circuit normalised aggregate),
     * {@code tvd} and {@code hellinger} (data {@code reference}: {@code provider/backend}; per circuit, each
     * backend's distance to the reference), {@code majority} (per circuit, the outcome most backends rank
     * first). Every built-in merge skips jobs that did not complete and lists their ids in the output data
     * under {@code skipped_jobs}.
     */
    public static PolicyRegistry withBuiltIns() {
        PolicyRegistry r = new PolicyRegistry();
        BuiltInPolicies.registerAll(r);
        for (PolicyPlugin plugin : ServiceLoader.load(PolicyPlugin.class)) {
            r.register(plugin);
        }
        return r;
    }

    /** Registers a split under a name, keeping any merge of that name. */
    public PolicyRegistry registerSplit(String name, SplitPolicy split) {
        splits.put(checkName(name), java.util.Objects.requireNonNull(split, "split"));
        return this;
    }

    /** Registers a merge under a name, keeping any split of that name. */
    public PolicyRegistry registerMerge(String name, MergePolicy merge) {
        merges.put(checkName(name), java.util.Objects.requireNonNull(merge, "merge"));
        return this;
    }

    /**
     * Registers a plug-in's policies under its name.
     *
     * @throws IllegalArgumentException if it has neither a split nor a merge
     */
    public PolicyRegistry register(PolicyPlugin plugin) {
        SplitPolicy s = plugin.split();
        MergePolicy m = plugin.merge();
        if (s == null && m == null) {
            throw new IllegalArgumentException("policy plug-in '" + plugin.name() + "' has neither a split nor a merge");
        }
        if (s != null) {
            registerSplit(plugin.name(), s);
        }
        if (m != null) {
            registerMerge(plugin.name(), m);
        }
        return this;
    }

    /** The split registered under a name. */
    public Optional<SplitPolicy> findSplit(String name) {
        return Optional.ofNullable(splits.get(name));
    }

    /** The merge registered under a name. */
    public Optional<MergePolicy> findMerge(String name) {
        return Optional.ofNullable(merges.get(name));
    }

    /**
     * The split registered under a name.
     *
     * @throws IllegalArgumentException naming the policy and listing the known splits
     */
    public SplitPolicy split(String name) {
        return findSplit(name).orElseThrow(() -> new IllegalArgumentException("unknown split policy '" + name
                + "' (known: " + String.join(", ", new TreeSet<>(splits.keySet())) + ")"));
    }

    /**
     * The merge registered under a name.
     *
     * @throws IllegalArgumentException naming the policy and listing the known merges
     */
    public MergePolicy merge(String name) {
        return findMerge(name).orElseThrow(() -> new IllegalArgumentException("unknown merge policy '" + name
                + "' (known: " + String.join(", ", new TreeSet<>(merges.keySet())) + ")"));
    }

    /** Every name, with the kinds it holds ({@code split}, {@code merge}), sorted by name. */
    public Map<String, Set<String>> names() {
        Map<String, Set<String>> out = new TreeMap<>();
        splits.keySet().forEach(n -> out.computeIfAbsent(n, k -> new TreeSet<>()).add("split"));
        merges.keySet().forEach(n -> out.computeIfAbsent(n, k -> new TreeSet<>()).add("merge"));
        out.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Compiles one {@code .java} file with the JDK compiler and registers the policies it declares. The file
     * holds one public class with a public no-argument constructor that implements {@link PolicyPlugin} (the
     * policies go under its {@code name()}), or {@link SplitPolicy} and/or {@link MergePolicy} (they go under the
     * class name). The file is read, never modified or copied.
     *
     * @return the name the policies were registered under
     * @throws PolicyLoadException with every compile error ({@code file:line:column: message}), or the reason the
     *     class cannot be used
     */
    public String loadFile(Path javaFile) {
        PolicyFileCompiler.Loaded loaded = PolicyFileCompiler.load(javaFile);
        if (loaded.plugin() != null) {
            register(loaded.plugin());
            return loaded.plugin().name();
        }
        if (loaded.split() != null) {
            registerSplit(loaded.name(), loaded.split());
        }
        if (loaded.merge() != null) {
            registerMerge(loaded.name(), loaded.merge());
        }
        return loaded.name();
    }

    /**
     * Loads every {@code .java} file of a directory (not recursive), in name order.
     *
     * @return the names registered
     * @throws PolicyLoadException for the first file that fails
     */
    public List<String> loadDirectory(Path directory) {
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new PolicyLoadException("cannot list policy directory " + directory + ": " + e.getMessage(), List.of());
        }
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            names.add(loadFile(f));
        }
        return names;
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a policy name must not be empty");
        }
        return name;
    }
}
