package dev.paved.api.scorecards;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compiles rule expressions (CEL) against the facts the collectors declare, each a variable of its
 * type, plus {@code now} (timestamp) and {@code entity} (a map): an expression must type-check to
 * {@code bool}. Tells which facts an expression reads, from the checked tree.
 */
final class RuleCompiler {

  private final Cel cel;
  private final Map<String, FactType> facts;

  RuleCompiler(Map<String, FactType> facts) {
    this.facts = Map.copyOf(facts);
    CelBuilder builder =
        CelFactory.standardCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setResultType(SimpleType.BOOL)
            .addVar("now", SimpleType.TIMESTAMP)
            .addVar("entity", MapType.create(SimpleType.STRING, SimpleType.DYN));
    facts.forEach((name, type) -> builder.addVar(name, celType(type)));
    this.cel = builder.build();
  }

  /** A compiled expression and the facts it reads. */
  record Compiled(CelRuntime.Program program, List<String> facts) {}

  /**
   * The expression compiled; IllegalArgumentException with each problem as {@code line:column:
   * message} (line within the expression, from 1) otherwise.
   */
  Compiled compile(String expression) {
    CelValidationResult result = cel.compile(expression);
    if (result.hasError()) {
      throw new Refusal(result.getErrors());
    }
    try {
      CelAbstractSyntaxTree ast = result.getAst();
      TreeSet<String> used = new TreeSet<>();
      for (CelReference reference : ast.getReferenceMap().values()) {
        if (facts.containsKey(reference.name())) {
          used.add(reference.name());
        }
      }
      return new Compiled(cel.createProgram(ast), List.copyOf(used));
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** An expression that does not compile: its first problem's line (from 1) and all messages. */
  static final class Refusal extends IllegalArgumentException {
    private final int line;

    Refusal(List<CelIssue> issues) {
      super(
          String.join(
              "; ",
              issues.stream()
                  .map(i -> i.getMessage().replaceFirst("^(ERROR: )?<input>:\\d+:\\d+: ", ""))
                  .toList()));
      this.line = issues.isEmpty() ? 1 : Math.max(1, issues.get(0).getSourceLocation().getLine());
    }

    int line() {
      return line;
    }
  }

  static CelType celType(FactType type) {
    return switch (type) {
      case BOOL -> SimpleType.BOOL;
      case INT -> SimpleType.INT;
      case DOUBLE -> SimpleType.DOUBLE;
      case STRING -> SimpleType.STRING;
      case TIMESTAMP -> SimpleType.TIMESTAMP;
    };
  }
}
