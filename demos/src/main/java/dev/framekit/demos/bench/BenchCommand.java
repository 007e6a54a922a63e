package dev.framekit.demos.bench;

import dev.framekit.demos.options.Version;
import dev.framekit.framing.internal.ByteSearch;
import java.lang.module.ModuleFinder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
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
            "Benchmarks: DecodeBenchmark, EncodeBenchmark, LengthPrefixBaselineBenchmark, TrickleBenchmark, SelfOverlapBenchmark."
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

    /** JMH's results as the summary's rows, in JMH's order. */
    static List<BenchSummary.Row> rows(java.util.Collection<RunResult> results) {
        List<BenchSummary.Row> rows = new ArrayList<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            String benchmark = params.getBenchmark();
            int method = benchmark.lastIndexOf('.');
            int type = benchmark.lastIndexOf('.', method - 1);
            String parameters = params.getParamsKeys().stream().map(key -> key + "=" + params.getParam(key))
                    .collect(java.util.stream.Collectors.joining(" "));
            org.openjdk.jmh.results.Result<?> primary = result.getPrimaryResult();
            rows.add(new BenchSummary.Row(benchmark.substring(type + 1, method), benchmark.substring(method + 1), parameters,
                    params.getMode() == Mode.Throughput, primary.getScore(), primary.getScoreError(), primary.getScoreUnit()));
        }
        return rows;
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
                // The delimiter scan's Vector API edition, as the framekit launcher runs it.
                if (ModuleFinder.ofSystem().find(ByteSearch.VECTOR_MODULE).isPresent()) {
                    forkArguments.addAll(List.of("--add-modules", ByteSearch.VECTOR_MODULE));
                }
                builder.jvmArgsAppend(forkArguments.toArray(String[]::new));
            }
            org.openjdk.jmh.runner.options.Options built = builder.build();
            java.io.PrintStream shown = new java.io.PrintStream(new IncubatorWarningFilter(System.out), true,
                    java.nio.charset.StandardCharsets.UTF_8);
            java.util.Collection<RunResult> results = new Runner(built, org.openjdk.jmh.runner.format.OutputFormatFactory
                    .createFormatInstance(shown, built.verbosity().orElse(org.openjdk.jmh.runner.Defaults.VERBOSITY))).run();
            shown.flush();
            spec.commandLine().getOut().print(BenchSummary.render(rows(results)));
            spec.commandLine().getOut().flush();
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
