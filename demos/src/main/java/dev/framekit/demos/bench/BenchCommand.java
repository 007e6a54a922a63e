package dev.framekit.demos.bench;

import dev.framekit.demos.options.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code framekit bench [pattern] [JMH options]}: the JMH microbenchmarks shipped in the jar.
 * Everything after {@code bench} goes to JMH as on its own command line (a regular expression
 * selects benchmarks; {@code -f 1 -wi 2 -i 3} shortens a run; {@code -lp} lists parameters);
 * without a pattern every framekit benchmark runs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
            "Run the JMH microbenchmarks of every framer's decode and encode against Netty's decoders.",
            "They run in memory, with DataInputStream and the one-byte-per-read trickle case as well.",
            "Arguments go to JMH, e.g.: bench Decode -f 1 -wi 2 -i 3   (a pattern, then JMH options).",
            "Benchmarks: DecodeBenchmark, EncodeBenchmark, LengthPrefixBaselineBenchmark, TrickleBenchmark."
        })
public final class BenchCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Spec
    CommandSpec spec;

    /** Runs bench in this JVM: the entry point of the JVM {@link UnsafeWarnings#rerunAllowing} starts. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() {
        try {
            CommandLineOptions options = new CommandLineOptions(arguments.toArray(String[]::new));
            if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams()
                    || options.shouldListProfilers() || options.shouldListResultFormats()) {
                org.openjdk.jmh.Main.main(arguments.toArray(String[]::new));
                return 0;
            }
            if (UnsafeWarnings.thisJvmWarns()) {
                return UnsafeWarnings.rerunAllowing(BenchCommand.class, arguments);
            }
            OptionsBuilder builder = new OptionsBuilder();
            builder.parent(options);
            if (options.getIncludes().isEmpty()) {
                builder.include(BenchCommand.class.getPackageName() + ".*");
            }
            if (!options.getJvm().hasValue()) { // forks run this JVM's java, whose release is known
                List<String> forkArguments = new ArrayList<>(options.getJvmArgsAppend().orElse(List.of()));
                forkArguments.addAll(UnsafeWarnings.toAppend(Runtime.version().feature(),
                        options.getJvmArgs().orElse(UnsafeWarnings.hostArguments())));
                builder.jvmArgsAppend(forkArguments.toArray(String[]::new));
            }
            new Runner(builder.build()).run();
            return 0;
        } catch (CommandLineOptionException e) {
            spec.commandLine().getErr().println("bench: " + e.getMessage());
            return 2;
        } catch (RunnerException e) {
            spec.commandLine().getErr().println("bench: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            spec.commandLine().getErr().println("bench: " + e);
            return 1;
        }
    }
}
