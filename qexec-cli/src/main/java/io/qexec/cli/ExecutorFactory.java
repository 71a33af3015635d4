package io.qexec.cli;

import io.qexec.executor.QuantumExecutor;

/**
 * Builds the executor a command runs on. The default uses the providers of the default configuration, the
 * built-in policies and an in-memory job store; a command that records runs durably supplies a factory that
 * sets {@link QuantumExecutor.Builder#jobStore} (and tests supply their own providers).
 */
@FunctionalInterface
interface ExecutorFactory {
    /** The default: {@code QuantumExecutor.builder().build()}. */
    ExecutorFactory DEFAULT = () -> QuantumExecutor.builder();

    /** A builder with everything but the job store set; the command may add one before building. */
    QuantumExecutor.Builder builder();
}
