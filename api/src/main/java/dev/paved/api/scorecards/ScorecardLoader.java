package dev.paved.api.scorecards;

import dev.paved.api.catalog.CatalogEntities;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one scorecard file (docs/scorecards.md has the shape) and checks it whole: every problem is
 * reported with the file and line, and a file with any problem is refused.
 */
final class ScorecardLoader {

  private static final Pattern ID = Pattern.compile("[a-z0-9]([-a-z0-9_.]{0,61}[a-z0-9])?");
  private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']+)'");

  private final RuleCompiler compiler;
  private final Set<String> factNames;

  ScorecardLoader(RuleCompiler compiler, Set<String> factNames) {
    this.compiler = compiler;
    this.factNames = factNames;
  }

  /** A loaded scorecard, or the refusal with its problems. */
  record Result(Scorecard scorecard, RefusedScorecard refused) {}

  Result load(String file, String text) {
    List<String> problems = new ArrayList<>();
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      root = new Yaml(options, new DumperOptions()).compose(new java.io.StringReader(text));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      return refused(file, null, List.of(file + ":" + line + ": not YAML: " + e.getProblem()));
    } catch (RuntimeException e) {
      return refused(file, null, List.of(file + ":1: not YAML: " + e.getMessage()));
    }
    if (!(root instanceof MappingNode top)) {
      return refused(file, null, List.of(file + ":1: a scorecard is a YAML mapping"));
    }
    Map<String, Node> doc = fields(top);
    if (!"paved.dev/v1".equals(text(doc.get("apiVersion")))
        || !"Scorecard".equals(text(doc.get("kind")))) {
      problems.add(at(file, top) + "apiVersion must be paved.dev/v1 and kind Scorecard");
    }
    Map<String, Node> metadata = fields(doc.get("metadata"));
    String id = text(metadata.get("name"));
    if (id == null || !ID.matcher(id).matches()) {
      problems.add(
          at(file, metadata.getOrDefault("name", top))
              + "metadata.name must be 1-63 lower-case letters, digits, '-', '_' or '.'");
    }
    Map<String, Node> spec = fields(doc.get("spec"));
    List<String> filter = strings(spec.get("filter"));
    try {
      CatalogEntities.check(filter);
    } catch (IllegalArgumentException e) {
      problems.add(at(file, spec.get("filter")) + "bad filter: " + e.getMessage());
    }
    List<String> levels =
        spec.containsKey("levels") ? strings(spec.get("levels")) : Scorecard.DEFAULT_LEVELS;
    if (levels.isEmpty()
        || new HashSet<>(levels).size() != levels.size()
        || levels.stream().anyMatch(l -> l.isBlank() || l.equals("none"))) {
      problems.add(
          at(file, spec.get("levels"))
              + "levels must be a list of distinct names, lowest first (not 'none')");
    }
    List<Scorecard.Rule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Node rulesNode = spec.get("rules");
    if (!(rulesNode instanceof SequenceNode list) || list.getValue().isEmpty()) {
      problems.add(at(file, rulesNode == null ? top : rulesNode) + "spec.rules must list rules");
    } else {
      for (Node node : list.getValue()) {
        Scorecard.Rule rule = rule(file, node, levels, ids, problems);
        if (rule != null) {
          rules.add(rule);
        }
      }
    }
    if (!problems.isEmpty()) {
      return refused(file, id, problems);
    }
    String title = text(metadata.get("title"));
    return new Result(
        new Scorecard(
            id,
            title == null ? id : title,
            text(metadata.get("description")),
            filter,
            List.copyOf(levels),
            List.copyOf(rules),
            file),
        null);
  }

  private Scorecard.Rule rule(
      String file, Node node, List<String> levels, Set<String> ids, List<String> problems) {
    Map<String, Node> rule = fields(node);
    int before = problems.size();
    String id = text(rule.get("id"));
    if (id == null || !ID.matcher(id).matches()) {
      problems.add(at(file, rule.getOrDefault("id", node)) + "a rule needs an id (lower-case)");
    } else if (!ids.add(id)) {
      problems.add(at(file, rule.get("id")) + "duplicate rule id '" + id + "'");
    }
    String level = text(rule.get("level"));
    if (level == null || !levels.contains(level)) {
      problems.add(
          at(file, rule.getOrDefault("level", node))
              + "unknown level '"
              + level
              + "' (levels: "
              + String.join(", ", levels)
              + ")");
    }
    int weight = 1;
    if (rule.containsKey("weight")) {
      try {
        weight = Integer.parseInt(text(rule.get("weight")));
      } catch (NumberFormatException e) {
        weight = -1;
      }
      if (weight < 0) {
        problems.add(at(file, rule.get("weight")) + "weight must be a whole number >= 0");
      }
    }
    String fix = text(rule.get("fix"));
    if (fix == null || fix.isBlank()) {
      problems.add(at(file, node) + "rule '" + id + "' needs a fix: how to make it pass");
    }
    Node expressionNode = rule.get("expression");
    String expression = text(expressionNode);
    RuleCompiler.Compiled compiled = null;
    if (expression == null || expression.isBlank()) {
      problems.add(at(file, node) + "rule '" + id + "' needs an expression");
    } else {
      try {
        compiled = compiler.compile(expression);
      } catch (RuleCompiler.Refusal e) {
        int line = line(expressionNode) + e.line() - (inline(expressionNode) ? 1 : 0);
        problems.add(file + ":" + line + ": rule '" + id + "': " + explain(e.getMessage()));
      } catch (IllegalArgumentException e) {
        problems.add(at(file, expressionNode) + "rule '" + id + "': " + e.getMessage());
      }
    }
    if (problems.size() > before) {
      return null;
    }
    String title = text(rule.get("title"));
    return new Scorecard.Rule(
        id, title == null ? id : title, level, weight, expression, fix, compiled.facts(), compiled);
  }

  /** CEL's "undeclared reference" read as what it means here: an unknown fact. */
  private String explain(String message) {
    Matcher undeclared = UNDECLARED.matcher(message);
    if (undeclared.find()) {
      return "unknown fact '"
          + undeclared.group(1)
          + "' (facts: "
          + String.join(", ", new java.util.TreeSet<>(factNames))
          + ")";
    }
    if (message.contains("expected type 'bool'")) {
      return "the expression must be a bool: " + message;
    }
    return message;
  }

  private static Result refused(String file, String id, List<String> problems) {
    return new Result(null, new RefusedScorecard(file, id, List.copyOf(problems)));
  }

  private static String at(String file, Node node) {
    return file + ":" + line(node) + ": ";
  }

  private static int line(Node node) {
    return node == null ? 1 : node.getStartMark().getLine() + 1;
  }

  /** A plain or quoted scalar starts on its key's line; a block scalar's text on the next. */
  private static boolean inline(Node node) {
    return !(node instanceof ScalarNode scalar)
        || (scalar.getScalarStyle() != DumperOptions.ScalarStyle.LITERAL
            && scalar.getScalarStyle() != DumperOptions.ScalarStyle.FOLDED);
  }

  private static Map<String, Node> fields(Node node) {
    Map<String, Node> fields = new LinkedHashMap<>();
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
          fields.put(key.getValue(), tuple.getValueNode());
        }
      }
    }
    return fields;
  }

  private static String text(Node node) {
    return node instanceof ScalarNode scalar ? scalar.getValue() : null;
  }

  private static List<String> strings(Node node) {
    if (node instanceof ScalarNode scalar) {
      return List.of(scalar.getValue());
    }
    List<String> values = new ArrayList<>();
    if (node instanceof SequenceNode list) {
      list.getValue().forEach(n -> values.add(text(n) == null ? "" : text(n)));
    }
    return values;
  }
}
