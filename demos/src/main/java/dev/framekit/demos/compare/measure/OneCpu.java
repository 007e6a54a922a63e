package dev.framekit.demos.compare.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Moves every thread of this process onto one CPU while a comparison runs, and back onto the
 * CPUs it had afterwards, with the system's {@code taskset} (Linux only).
 *
 * <p>Why: on the 2-vCPU VMs compare was measured on, a streaming trial's two busy threads on two
 * vCPUs moved at rates that differed by up to 3x from one 100 ms trial to the next (0.8-3.5 GB/s
 * for the raw pump at 1 KiB, in one process, nothing else running). The rate followed how often
 * the two sides blocked on each other: windows with a context switch or more per megabyte were
 * the slow ones. With both sides on one CPU the rate is what moving the messages costs in total,
 * sender, receiver and kernel, and three runs' ratios agree far better (54 of 63 within ±15 % in
 * three quick runs, against 26 on two CPUs; with more rounds since, all of them: docs/performance.md). Threads started while pinned (a trial's receiver, Netty's event loops)
 * inherit the one CPU; {@link #close()} gives every thread back the original CPUs.
 */
public final class OneCpu implements AutoCloseable {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final String ALLOWED = "Cpus_allowed_list:";

    private final String original;
    private final int cpu;

    private OneCpu(String original, int cpu) {
        this.original = original;
        this.cpu = cpu;
    }

    /**
     * What pinning would do here: the CPU the run would have, or why it cannot be pinned (not
     * asked, not Linux, one CPU already, no {@code taskset} or not allowed to use it).
     */
    public record Plan(int cpu, String original, String problem) {
        /** The plan when the user asked for every CPU (--all-cpus). */
        public static Plan notAsked() {
            return new Plan(-1, null, "--all-cpus");
        }

        public boolean possible() {
            return problem == null;
        }

        /** How the report describes it, e.g. "one CPU (cpu 1 of 0-1)" or "all CPUs (--all-cpus)". */
        public String describe() {
            return possible() ? "one CPU (cpu " + cpu + " of " + original + ")" : "all CPUs (" + problem + ")";
        }
    }

    /**
     * Finds out whether and where the run can be pinned: runs {@code taskset} once, setting the
     * process's CPUs to what they are, to check that it is there and allowed to.
     */
    public static Plan plan() {
        Optional<String> allowed = allowedCpus();
        if (allowed.isEmpty()) {
            return new Plan(-1, null, "no " + STATUS + ": not Linux");
        }
        List<Integer> cpus = parse(allowed.get());
        if (cpus.isEmpty()) {
            return new Plan(-1, allowed.get(), "no CPU in " + STATUS);
        }
        if (cpus.size() == 1) {
            return new Plan(cpus.get(0), allowed.get(), null); // on one CPU already: nothing to move
        }
        int last = cpus.get(cpus.size() - 1);
        if (!taskset("-a", "-p", "-c", allowed.get(), Long.toString(ProcessHandle.current().pid()))) {
            return new Plan(-1, allowed.get(), "taskset is missing or may not set this process's CPUs");
        }
        return new Plan(last, allowed.get(), null);
    }

    /** Pins the whole process to the plan's CPU; a no-op if the plan is not possible. */
    public static OneCpu pin(Plan plan) throws IOException {
        if (!plan.possible()) {
            return new OneCpu(null, -1);
        }
        if (plan.original().equals(Integer.toString(plan.cpu()))) {
            return new OneCpu(null, plan.cpu());
        }
        setAffinity(Integer.toString(plan.cpu()));
        return new OneCpu(plan.original(), plan.cpu());
    }

    /** The CPU the process is pinned to, or -1 if it was not pinned. */
    public int cpu() {
        return cpu;
    }

    /** Gives every thread of the process its original CPUs back. */
    @Override
    public void close() throws IOException {
        if (original != null) {
            setAffinity(original);
        }
    }

    /** The CPUs this process may run on right now, as the kernel lists them (e.g. "0-1"). */
    static Optional<String> allowedCpus() {
        try {
            return Files.readAllLines(STATUS).stream().filter(l -> l.startsWith(ALLOWED))
                    .map(l -> l.substring(ALLOWED.length()).trim()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The CPUs of a list such as "0-3,6,8-9", in order. */
    public static List<Integer> parse(String list) {
        return java.util.Arrays.stream(list.split(",")).filter(s -> !s.isBlank()).flatMap(range -> {
            String[] ends = range.trim().split("-");
            int from = Integer.parseInt(ends[0]);
            int to = ends.length > 1 ? Integer.parseInt(ends[1]) : from;
            return java.util.stream.IntStream.rangeClosed(from, to).boxed();
        }).toList();
    }

    private static void setAffinity(String cpus) throws IOException {
        if (!taskset("-a", "-p", "-c", cpus, Long.toString(ProcessHandle.current().pid()))) {
            throw new IOException("taskset could not move the process to CPUs " + cpus);
        }
    }

    private static boolean taskset(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "taskset";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
