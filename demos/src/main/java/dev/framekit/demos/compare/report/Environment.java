package dev.framekit.demos.compare.report;

import java.time.LocalDate;

/**
 * Where a comparison ran: the figures mean little without the machine, JDK, date, the machine's
 * load, and whether the run had one CPU or all of them ({@code ranOn}, e.g. "one CPU (cpu 1 of 0-1)").
 */
public record Environment(String jdk, String os, int cpus, String cpu, double loadAverage, String date, String ranOn) {
    /** This machine now; {@code ranOn} says on which of its CPUs the comparison ran. */
    public static Environment current(String ranOn) {
        return new Environment(System.getProperty("java.vm.name") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), cpuModel(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                LocalDate.now().toString(), ranOn);
    }

    private static String cpuModel() {
        try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }

    /** One line for the top of a report. */
    public String describe() {
        return cpus + " CPUs (" + cpu + "), run on " + ranOn + ", " + os + ", " + jdk + ", " + date
                + (loadAverage >= 0 ? String.format(java.util.Locale.ROOT, ", load average %.2f at the end", loadAverage) : "");
    }
}
