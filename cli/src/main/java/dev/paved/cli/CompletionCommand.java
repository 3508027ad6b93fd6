package dev.paved.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A completion script for bash or zsh: commands and options from the command line's own model, and
 * template names, run ids and approvals asked of Paved as you type ({@code paved __complete}).
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a completion script: source <(paved completion bash)",
      "zsh: source <(paved completion zsh) (it loads zsh's bash completion support).",
      "Completes commands, options, template names and run ids (asked of Paved: sign in first)."
    })
final class CompletionCommand implements Callable<Integer> {

  /** Whose first word is a name Paved knows: the kind {@code paved __complete} lists. */
  static final Map<String, String> DYNAMIC =
      Map.ofEntries(
          Map.entry("create", "templates"),
          Map.entry("template", "templates"),
          Map.entry("run", "runs"),
          Map.entry("logs", "runs"),
          Map.entry("retry", "runs"),
          Map.entry("rollback", "runs"),
          Map.entry("cancel", "runs"),
          Map.entry("rerun", "runs"),
          Map.entry("approve", "approvals"),
          Map.entry("reject", "approvals"));

  private final Session session;

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh", defaultValue = "bash")
  String shell;

  CompletionCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    String script =
        switch (shell) {
          case "bash" -> bash(spec.parent().commandLine());
          case "zsh" -> zsh(spec.parent().commandLine());
          default ->
              throw new CliException(
                  "completion: bash or zsh, not '" + shell + "'", ExitCodes.INVALID);
        };
    session.out().print(script);
    session.out().flush();
    return ExitCodes.OK;
  }

  /** zsh runs the bash script through its bash completion support (bashcompinit). */
  static String zsh(CommandLine root) {
    return "#compdef paved\n"
        + "# paved completion for zsh: source <(paved completion zsh)\n"
        + "(( $+functions[compdef] )) || { autoload -U +X compinit && compinit }\n"
        + "autoload -U +X bashcompinit && bashcompinit\n"
        + bash(root);
  }

  /** The bash script. Names avoid zsh's special parameters (path, words), so zsh can run it too. */
  static String bash(CommandLine root) {
    Map<String, CommandLine> commands = new LinkedHashMap<>();
    collect("", root, commands);
    StringBuilder subcommands = new StringBuilder();
    StringBuilder options = new StringBuilder();
    StringBuilder valued = new StringBuilder();
    Map<String, List<String>> candidates = new LinkedHashMap<>();
    commands.forEach(
        (path, command) -> {
          List<String> names = new ArrayList<>();
          command
              .getSubcommands()
              .forEach(
                  (name, sub) -> {
                    if (!sub.getCommandSpec().usageMessage().hidden()) {
                      names.add(name);
                    }
                  });
          subcommands.append(arm(path, String.join(" ", names)));
          List<String> all = new ArrayList<>();
          List<String> taking = new ArrayList<>();
          for (OptionSpec option : command.getCommandSpec().options()) {
            if (option.hidden()) {
              continue;
            }
            all.addAll(List.of(option.names()));
            if (option.arity().max() > 0 && !option.interactive()) {
              taking.addAll(List.of(option.names()));
              if (option.completionCandidates() != null) {
                List<String> values = new ArrayList<>();
                option.completionCandidates().forEach(values::add);
                for (String name : option.names()) {
                  candidates.put(name, values);
                }
              }
            }
          }
          options.append(arm(path, String.join(" ", all)));
          valued.append(arm(path, String.join(" ", taking)));
        });
    return "# paved completion for bash: source <(paved completion bash)\n"
        + "_paved_subcommands() {\n  case \"$1\" in\n"
        + subcommands
        + "  esac\n}\n"
        + "_paved_options() {\n  case \"$1\" in\n"
        + options
        + "  esac\n}\n"
        + "_paved_valued() {\n  case \"$1\" in\n"
        + valued
        + "  esac\n}\n"
        + "_paved_values() {\n  case \"$1\" in\n"
        + candidates(candidates)
        + "  esac\n}\n"
        + "_paved_dynamic() {\n  case \"$1\" in\n"
        + dynamic()
        + "  esac\n}\n"
        + BODY;
  }

  private static final String BODY =
      """
      _paved() {
        # zsh (bashcompinit): arrays from 0, as in bash
        [ -n "${ZSH_VERSION:-}" ] && setopt localoptions ksharrays
        local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
        local cmdpath="" word i positional=0 skip=0
        for ((i = 1; i < COMP_CWORD; i++)); do
          word="${COMP_WORDS[i]}"
          if [ "$skip" = 1 ]; then skip=0; continue; fi
          case "$word" in
            -*=*) ;;
            -*) case " $(_paved_valued "$cmdpath") " in *" $word "*) skip=1 ;; esac ;;
            *)
              case " $(_paved_subcommands "$cmdpath") " in
                *" $word "*) cmdpath="${cmdpath:+$cmdpath }$word" ;;
                *) positional=$((positional + 1)) ;;
              esac
              ;;
          esac
        done
        COMPREPLY=()
        case " $(_paved_valued "$cmdpath") " in
          *" $prev "*)
            local values
            values="$(_paved_values "$prev")"
            if [ -n "$values" ]; then
              COMPREPLY=($(compgen -W "$values" -- "$cur"))
            else
              COMPREPLY=($(compgen -f -- "$cur"))
            fi
            return 0
            ;;
        esac
        if [[ "$cur" == -* ]]; then
          COMPREPLY=($(compgen -W "$(_paved_options "$cmdpath")" -- "$cur"))
          return 0
        fi
        local kind
        kind="$(_paved_dynamic "$cmdpath")"
        if [ -n "$kind" ] && [ "$positional" = 0 ]; then
          # asked of Paved; says nothing when not signed in or Paved is away
          COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" __complete "$kind" 2>/dev/null)" -- "$cur"))
          return 0
        fi
        if [ "$positional" = 0 ]; then
          COMPREPLY=($(compgen -W "$(_paved_subcommands "$cmdpath")" -- "$cur"))
        fi
        return 0
      }
      complete -F _paved paved ./paved
      """;

  private static String candidates(Map<String, List<String>> candidates) {
    StringBuilder arms = new StringBuilder();
    candidates.forEach((name, list) -> arms.append(arm(name, String.join(" ", list))));
    return arms.toString();
  }

  private static String dynamic() {
    StringBuilder arms = new StringBuilder();
    DYNAMIC.forEach((command, kind) -> arms.append(arm(command, kind)));
    return arms.toString();
  }

  private static String arm(String pattern, String words) {
    return "    \"" + pattern + "\") echo \"" + words + "\" ;;\n";
  }

  /** Every command by its path of names ("" for paved itself, "access request", ...). */
  private static void collect(String path, CommandLine command, Map<String, CommandLine> into) {
    into.put(path, command);
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!sub.getCommandSpec().usageMessage().hidden()) {
                collect(path.isEmpty() ? name : path + " " + name, sub, into);
              }
            });
  }
}
