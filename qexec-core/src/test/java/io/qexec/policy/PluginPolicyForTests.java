package io.qexec.policy;

/** A policy plug-in registered through META-INF/services in the test resources. */
public final class PluginPolicyForTests implements PolicyPlugin {
    @Override
    public String name() {
        return "plugged";
    }

    @Override
    public MergePolicy merge() {
        return request -> new MergeOutcome("plugged:" + request.jobs().size(), request.data());
    }
}
