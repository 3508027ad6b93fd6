package dev.paved.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml read as Compose reads it with {@code --env-file}: anchors and merge keys
 * resolved by the YAML parser, then every {@code ${VAR}}, {@code ${VAR:-default}}, {@code
 * ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}}, {@code ${VAR:+alt}} and {@code
 * ${VAR+alt}} in a service's environment and volumes interpolated from the env file's values alone
 * (as in a shell that sets none of them). {@code $$} is a literal {@code $}.
 */
final class ComposeFile {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");
  static final Path ENV_EXAMPLE = ROOT.resolve(".env.example");

  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\$(?:(\\$)|\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

  private final Map<String, Object> services;
  private final Map<String, String> variables;

  private ComposeFile(Map<String, Object> services, Map<String, String> variables) {
    this.services = services;
    this.variables = variables;
  }

  /** The stack as {@code docker compose --env-file <envFile>} sees it. */
  static ComposeFile withEnvFile(Path envFile) {
    return new ComposeFile(map(load().get("services")), envFile(envFile));
  }

  /** The parsed file, before interpolation. */
  static Map<String, Object> load() {
    try {
      return map(new Yaml().load(Files.readString(COMPOSE_FILE)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of every variable the compose file reads ({@code ${NAME...}} or {@code $NAME}). */
  static Set<String> variablesRead() throws IOException {
    Set<String> names = new TreeSet<>();
    for (String line : Files.readAllLines(COMPOSE_FILE)) {
      if (line.strip().startsWith("#")) {
        continue;
      }
      Matcher matcher = VARIABLE.matcher(line);
      while (matcher.find()) {
        if (matcher.group(1) == null) {
          names.add(matcher.group(2) != null ? matcher.group(2) : matcher.group(5));
        }
      }
    }
    return names;
  }

  /**
   * The keys an env file sets ({@code KEY=value}, blank lines and {@code #} comments skipped;
   * quotes around the value dropped).
   */
  static Map<String, String> envFile(Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        int equals = trimmed.indexOf('=');
        if (equals < 1) {
          throw new IllegalArgumentException(file + ": not KEY=value: " + line);
        }
        String value = trimmed.substring(equals + 1).strip();
        if (value.length() >= 2
            && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
          value = value.substring(1, value.length() - 1);
        }
        values.put(trimmed.substring(0, equals).strip(), value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return values;
  }

  /** The service's environment, interpolated, in the file's order (merged keys first). */
  Map<String, String> environment(String service) {
    Map<String, String> environment = new LinkedHashMap<>();
    map(service(service).get("environment"))
        .forEach(
            (key, value) -> {
              // a bare KEY passes the shell's value; a shell that sets none passes nothing
              if (value != null) {
                environment.put(key, interpolate(scalar(value)));
              }
            });
    return environment;
  }

  /** The service's volumes ({@code source:target[:mode]}), interpolated. */
  List<String> volumes(String service) {
    List<String> volumes = new ArrayList<>();
    Object listed = service(service).get("volumes");
    if (listed instanceof List<?> list) {
      list.forEach(volume -> volumes.add(interpolate(scalar(volume))));
    }
    return volumes;
  }

  /**
   * The host side of the bind mount at {@code target} in the service, resolved against the compose
   * file's folder as Compose resolves a relative path.
   */
  Path bindMountSource(String service, String target) {
    for (String volume : volumes(service)) {
      String[] parts = volume.split(":");
      if (parts.length >= 2 && parts[1].equals(target)) {
        if (!parts[0].startsWith(".") && !parts[0].startsWith("/")) {
          throw new IllegalStateException(target + " is the named volume " + parts[0]);
        }
        return COMPOSE_FILE.getParent().resolve(parts[0]).normalize();
      }
    }
    throw new IllegalStateException(service + " mounts nothing at " + target);
  }

  String interpolate(String text) {
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(substitute(matcher)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private String substitute(Matcher matcher) {
    if (matcher.group(1) != null) {
      return "$";
    }
    if (matcher.group(5) != null) {
      return variables.getOrDefault(matcher.group(5), "");
    }
    String name = matcher.group(2);
    String operator = matcher.group(3);
    String word = matcher.group(4);
    if (word != null && word.contains("$")) {
      throw new IllegalArgumentException("nested interpolation is not read here: " + word);
    }
    String value = variables.get(name);
    boolean set = value != null;
    boolean setAndNotEmpty = set && !value.isEmpty();
    if (operator == null) {
      return set ? value : "";
    }
    return switch (operator) {
      case ":-" -> setAndNotEmpty ? value : word;
      case "-" -> set ? value : word;
      case ":+" -> setAndNotEmpty ? word : "";
      case "+" -> set ? word : "";
      case ":?", "?" -> {
        if (operator.equals(":?") ? !setAndNotEmpty : !set) {
          throw new IllegalArgumentException("required variable " + name + ": " + word);
        }
        yield value;
      }
      default -> throw new IllegalArgumentException("unknown interpolation " + operator);
    };
  }

  private Map<String, Object> service(String name) {
    Object service = services.get(name);
    if (service == null) {
      throw new IllegalArgumentException("no service " + name + " in " + COMPOSE_FILE);
    }
    return map(service);
  }

  /** A scalar as Compose passes it on: a string, or a number or boolean written out. */
  private static String scalar(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw new IllegalArgumentException("not a scalar: " + value);
    }
    return String.valueOf(value);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    if (!(node instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("not a mapping: " + node);
    }
    return (Map<String, Object>) node;
  }
}
