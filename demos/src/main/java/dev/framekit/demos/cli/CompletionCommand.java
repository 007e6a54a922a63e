package dev.framekit.demos.cli;

import dev.framekit.demos.options.Version;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code framekit completion bash}: prints the shell completion script picocli generates from the
 * command line itself (every command, option and {@code --framing} name), so it cannot drift from
 * the commands.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
            "Print a bash completion script for every framekit command and option.",
            "Load it with: source <(java -jar framekit.jar completion bash), with framekit an alias or script"
                    + " that runs the jar; zsh loads it after: autoload -U bashcompinit && bashcompinit."
        })
final class CompletionCommand implements Callable<Integer> {
    /** The shells picocli writes a script for. */
    static final class Shells implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("bash").iterator();
        }
    }

    @Parameters(paramLabel = "SHELL", completionCandidates = Shells.class,
            description = "The shell: ${COMPLETION-CANDIDATES} (zsh reads the bash script through bashcompinit).")
    String shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!shell.toLowerCase(Locale.ROOT).equals("bash")) {
            throw new ParameterException(spec.commandLine(), "'" + shell + "' is not a shell framekit writes a script"
                    + " for; use bash (zsh reads it through bashcompinit)");
        }
        spec.commandLine().getOut().print(AutoComplete.bash("framekit", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
