package io.qexec.provider.local;

import java.util.ArrayList;
import java.util.List;

/**
 * The embedded simulators and device models the {@code local} provider offers by default. Each engine is one
 * line: {@code engines.add(new LocalEngine(new SomeSimulator(), maxQubits))}, and each device model one
 * {@code devices.add(...)}.
 */
final class LocalEngines {
    private LocalEngines() {
    }

    static List<LocalEngine> engines() {
        List<LocalEngine> engines = new ArrayList<>();
        return engines;
    }

    static List<LocalDevice> devices() {
        List<LocalDevice> devices = new ArrayList<>();
        return devices;
    }
}
