/**
 * JMH benchmarks for Quantum Executor. They are compiled by {@code ./mvnw verify} but run only through
 * {@code bench/run.sh}; figures and commands are recorded in {@code docs/performance.md}.
 */
package io.qexec.bench;
