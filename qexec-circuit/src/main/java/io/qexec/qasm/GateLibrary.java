package io.qexec.qasm;

import io.qexec.circuit.StandardGate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in include files: which names {@code qelib1.inc} and {@code stdgates.inc} bring into scope.
 * The gates themselves are the {@link StandardGate} library; no header file is read.
 */
final class GateLibrary {
    /** The Qiskit-extended OpenQASM 2 {@code qelib1.inc}. */
    static final Map<String, StandardGate> QELIB1 = names("u3", "u2", "u1", "cx", "id", "u0", "u", "p", "x", "y", "z", "h",
            "s", "sdg", "t", "tdg", "rx", "ry", "rz", "sx", "sxdg", "cz", "cy", "swap", "ch", "ccx", "cswap", "crx",
            "cry", "crz", "cu1", "cp", "cu3", "csx", "cu", "rxx", "rzz", "rccx", "rc3x", "c3x", "c3sqrtx", "c4x");

    /** OpenQASM 3's {@code stdgates.inc}. */
    static final Map<String, StandardGate> STDGATES = names("p", "x", "y", "z", "h", "s", "sdg", "t", "tdg", "sx", "rx", "ry",
            "rz", "cx", "cy", "cz", "cp", "crx", "cry", "crz", "ch", "swap", "ccx", "cswap", "cu", "CX", "phase",
            "cphase", "id", "u1", "u2", "u3");

    /** Always defined: {@code U} and {@code CX} (OpenQASM 2) and {@code gphase} (OpenQASM 3). */
    static final Map<String, StandardGate> BUILT_IN = names("U", "CX");

    private GateLibrary() {
    }

    private static Map<String, StandardGate> names(String... names) {
        Map<String, StandardGate> m = new LinkedHashMap<>();
        for (String n : names) {
            m.put(n, StandardGate.byName(n).orElseThrow(() -> new IllegalStateException("no library gate " + n)));
        }
        return Collections.unmodifiableMap(m);
    }

    /** The built-in include with this name, or null. */
    static Map<String, StandardGate> include(String fileName) {
        return switch (fileName) {
            case "qelib1.inc" -> QELIB1;
            case "stdgates.inc" -> STDGATES;
            default -> null;
        };
    }
}
