package dev.paved.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A completion script for bash (zsh reads it too, after bashcompinit). */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a completion script: source <(paved completion bash)",
      "zsh: autoload -U +X bashcompinit && bashcompinit, then the same."
    })
final class CompletionCommand implements Callable<Integer> {

  private final Session session;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh", defaultValue = "bash")
  String shell;

  CompletionCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      throw new CliException("completion: bash or zsh, not '" + shell + "'", ExitCodes.INVALID);
    }
    session.out().print(AutoComplete.bash("paved", spec.parent().commandLine()));
    session.out().flush();
    return ExitCodes.OK;
  }
}
