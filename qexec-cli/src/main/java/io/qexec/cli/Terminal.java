package io.qexec.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard error is an interactive terminal, so live progress may be drawn on it. */
final class Terminal {
    private Terminal() {
    }

    /**
     * True when stderr is a terminal: the {@code qexec} script sets {@code QEXEC_STDERR_TTY} to 1 or 0 from
     * {@code [ -t 2 ]}; without it, whether the JVM's console is a terminal.
     */
    static boolean stderrIsTerminal() {
        String fromScript = System.getenv("QEXEC_STDERR_TTY");
        if (fromScript != null) {
            return fromScript.equals("1");
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
