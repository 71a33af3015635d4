package io.qexec.policy;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles a single policy source file into a private class loader and instantiates its class. */
final class PolicyFileCompiler {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    record Loaded(String name, PolicyPlugin plugin, SplitPolicy split, MergePolicy merge) {
    }

    private PolicyFileCompiler() {
    }

    static Loaded load(Path file) {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(".java")) {
            throw new PolicyLoadException("a policy file must be a .java file: " + file, List.of());
        }
        if (!Files.isRegularFile(file)) {
            throw new PolicyLoadException("policy file not found: " + file, List.of());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new PolicyLoadException("no Java compiler available: policy files need a JDK, not a JRE", List.of());
        }
        String className = fileName.substring(0, fileName.length() - ".java".length());
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new PolicyLoadException("cannot read policy file " + file + ": " + e.getMessage(), List.of());
        }
        Matcher pkg = PACKAGE.matcher(source);
        String qualified = pkg.find() ? pkg.group(1) + "." + className : className;
        Path out;
        try {
            out = Files.createTempDirectory("qexec-policy-");
        } catch (IOException e) {
            throw new PolicyLoadException("cannot create a directory for compiled policies: " + e.getMessage(), List.of());
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", classPath(), "-d", out.toString(), "-proc:none",
                    "--release", Integer.toString(Runtime.version().feature()));
            boolean ok = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file.toFile()))
                    .call();
            if (!ok) {
                List<String> problems = new ArrayList<>();
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        problems.add(file + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": "
                                + d.getMessage(Locale.ROOT));
                    }
                }
                throw new PolicyLoadException("policy file " + file + " does not compile", problems);
            }
        } catch (IOException e) {
            throw new PolicyLoadException("cannot compile policy file " + file + ": " + e.getMessage(), List.of());
        }
        Object instance;
        try {
            URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, PolicyRegistry.class.getClassLoader());
            Class<?> type = loader.loadClass(qualified);
            instance = type.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new PolicyLoadException("policy file " + file + " must declare a public class named " + className, List.of());
        } catch (NoSuchMethodException e) {
            throw new PolicyLoadException("policy class " + qualified + " needs a public no-argument constructor", List.of());
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            throw new PolicyLoadException("cannot instantiate policy class " + qualified + ": " + e, List.of());
        }
        if (instance instanceof PolicyPlugin plugin) {
            if (plugin.split() == null && plugin.merge() == null) {
                throw new PolicyLoadException("policy class " + qualified + " returns neither a split nor a merge", List.of());
            }
            return new Loaded(plugin.name(), plugin, null, null);
        }
        SplitPolicy split = instance instanceof SplitPolicy s ? s : null;
        MergePolicy merge = instance instanceof MergePolicy m ? m : null;
        if (split == null && merge == null) {
            throw new PolicyLoadException("policy class " + qualified + " implements none of PolicyPlugin, SplitPolicy,"
                    + " MergePolicy", List.of());
        }
        return new Loaded(className, null, split, merge);
    }

    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> anchor : List.of(PolicyRegistry.class, io.qexec.circuit.Circuit.class, io.qexec.sim.Simulator.class)) {
            try {
                var source = anchor.getProtectionDomain().getCodeSource();
                if (source != null) {
                    entries.add(Path.of(source.getLocation().toURI()).toString());
                }
            } catch (URISyntaxException | SecurityException e) {
                // fall back on the class path below
            }
        }
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
