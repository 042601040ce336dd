package org.vtpm.bench.socket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to start a Java program in a child JVM: {@code java [options] -jar JAR} or
 * {@code java [options] -cp CLASSPATH MAIN}, before the program's own arguments.
 */
record JavaCommand(List<String> prefix) {

    JavaCommand {
        prefix = List.copyOf(prefix);
    }

    /** The {@code java} of the running JVM. */
    static String currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static JavaCommand jar(List<String> jvmOptions, Path jar) {
        List<String> prefix = new ArrayList<>();
        prefix.add(currentJava());
        prefix.addAll(jvmOptions);
        prefix.add("-jar");
        prefix.add(Objects.requireNonNull(jar, "jar").toString());
        return new JavaCommand(prefix);
    }

    static JavaCommand main(List<String> jvmOptions, String classpath, String mainClass) {
        List<String> prefix = new ArrayList<>();
        prefix.add(currentJava());
        prefix.addAll(jvmOptions);
        prefix.add("-cp");
        prefix.add(Objects.requireNonNull(classpath, "classpath"));
        prefix.add(Objects.requireNonNull(mainClass, "mainClass"));
        return new JavaCommand(prefix);
    }

    List<String> with(List<String> arguments) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(arguments);
        return command;
    }

    /**
     * Writes an executable script that runs this command with the script's arguments. It
     * {@code exec}s Java, so the process started from the script keeps its PID: stopping that PID
     * and reading its CPU time reach the JVM itself.
     */
    Path writeLauncher(Path directory, String name) throws IOException {
        StringBuilder script = new StringBuilder("#!/bin/sh\nexec");
        for (String word : prefix) {
            script.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        script.append(" \"$@\"\n");
        Path launcher = directory.resolve(name);
        Files.writeString(launcher, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        return launcher;
    }
}
