package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowcollections.withoutjfr.EveryPublicType;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library loads and runs where {@code jdk.jfr} is absent: in a runtime image linked from
 * {@code java.base} and the library alone, and on the module path of a full JDK limited to them.
 * The program, {@link EveryPublicType}, copies and writes every public type, so every detach site
 * and the retain path call the event facade.
 */
class RuntimeWithoutFlightRecorderTest {

    @Test
    void theProgramUsesEveryPublicTypeOfTheLibrary() throws IOException, URISyntaxException {
        Set<String> publicTypes;
        try (Stream<Path> files = Files.list(libraryClasses().resolve("dev/cowcollections"))) {
            publicTypes = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class"))
                    .map(name -> "dev.cowcollections." + name.substring(0, name.length() - ".class".length()))
                    .filter(RuntimeWithoutFlightRecorderTest::isPublic)
                    .collect(Collectors.toSet());
        }
        assertEquals(publicTypes, EveryPublicType.TYPES.stream().map(Class::getName).collect(Collectors.toSet()),
                "a new public type must join the program that runs without jdk.jfr");
    }

    @Test
    void runsInAnImageLinkedWithoutJdkJfr(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("image");
        ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow();
        StringWriter jlinkOutput = new StringWriter();
        int status = jlink.run(new PrintWriter(jlinkOutput), new PrintWriter(jlinkOutput),
                "--module-path", libraryClasses().toString(), "--add-modules", "dev.cowcollections",
                "--output", image.toString(), "--strip-debug", "--no-header-files", "--no-man-pages");
        assertEquals(0, status, jlinkOutput::toString);
        Path java = image.resolve("bin").resolve(isWindows() ? "java.exe" : "java");

        assertEquals(List.of("dev.cowcollections", "java.base"), modulesOf(java));
        assertProgramRunsWithoutFlightRecorder(List.of(java.toString(), "-cp", testClasses().toString()));
    }

    @Test
    void runsOnTheModulePathOfAJdkLimitedToJavaBase() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        assertProgramRunsWithoutFlightRecorder(List.of(java.toString(),
                "--module-path", libraryClasses().toString(),
                "--limit-modules", "dev.cowcollections", "--add-modules", "dev.cowcollections",
                "-cp", testClasses().toString()));
    }

    /**
     * Where {@code jdk.jfr} is present but nobody records, a program that copies and detaches
     * every type loads no event class and nothing of JFR's metadata or instrumentation: loading
     * an event class would make JFR register it, so the events wait for a recorder to start. Only
     * the listener that waits for it is loaded, with the classes of {@code jdk.jfr} it needs (these
     * include {@code jdk.jfr.Event} itself, which JFR's own support code names).
     */
    @Test
    void aProgramThatNeverRecordsRegistersNoEvent(@TempDir Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        Path classLog = dir.resolve("classes.log");
        List<String> command = List.of(java.toString(), "-Xlog:class+load=info:file=" + classLog,
                "-cp", libraryClasses() + File.pathSeparator + testClasses(), EveryPublicType.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertTrue(output.contains("jdk.jfr present: true"), output);

        List<String> loaded = Files.readAllLines(classLog).stream()
                .map(line -> line.replaceFirst("^.*\\[class,load\\] ", "").replaceFirst(" .*$", ""))
                .collect(Collectors.toList());
        assertTrue(loaded.contains("dev.cowcollections.RecorderStart"), "the library waits for a recorder to start");
        List<String> registration = loaded.stream()
                .filter(name -> name.endsWith("Event") && name.startsWith("dev.cowcollections.")
                        || name.startsWith("jdk.jfr.internal.MetadataRepository")
                        || name.startsWith("jdk.jfr.internal.EventHandler")
                        || name.startsWith("jdk.jfr.internal.handlers."))
                .collect(Collectors.toList());
        assertEquals(List.of(), registration);
    }

    /** Runs the program with {@code command}, and expects what it prints in this JVM, but for jdk.jfr. */
    private static void assertProgramRunsWithoutFlightRecorder(List<String> command) throws Exception {
        List<String> full = new ArrayList<>(command);
        full.add(EveryPublicType.class.getName());
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        String expected = outputInThisJvm().replace("jdk.jfr present: true", "jdk.jfr present: false");
        assertEquals(expected, output.replace(System.lineSeparator(), "\n"));
    }

    private static String outputInThisJvm() {
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream captured = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(captured);
            EveryPublicType.main(new String[0]);
        } finally {
            System.setOut(out);
        }
        String output = bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        assertTrue(output.contains("jdk.jfr present: true"), output);
        return output;
    }

    private static List<String> modulesOf(Path java) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(java.toString(), "--list-modules").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output.lines().map(line -> line.replaceFirst("@.*", "")).sorted().collect(Collectors.toList());
    }

    private static boolean isPublic(String className) {
        try {
            return Modifier.isPublic(Class.forName(className, false, CowList.class.getClassLoader()).getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static Path libraryClasses() throws URISyntaxException {
        return Path.of(CowList.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Path testClasses() throws URISyntaxException {
        return Path.of(EveryPublicType.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").startsWith("Windows");
    }
}
