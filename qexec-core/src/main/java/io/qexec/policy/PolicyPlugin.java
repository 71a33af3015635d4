package io.qexec.policy;

/**
 * A named split and/or merge policy provided by a plug-in: discovered with {@link java.util.ServiceLoader}
 * (list the implementation in {@code META-INF/services/io.qexec.policy.PolicyPlugin}), or declared in a
 * single {@code .java} file loaded with {@link PolicyRegistry#loadFile(java.nio.file.Path)}.
 */
public interface PolicyPlugin {

    /** The name the policies are registered under. */
    String name();

    /** The split policy, or {@code null} if the plug-in has none. */
    default SplitPolicy split() {
        return null;
    }

    /** The merge policy, or {@code null} if the plug-in has none. */
    default MergePolicy merge() {
        return null;
    }
}
