package dev.paved.activities.render;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context.Library;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateError.ErrorItem;
import com.hubspot.jinjava.interpret.TemplateError.ErrorReason;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import com.hubspot.jinjava.tree.parse.StringTokenScanner;
import com.hubspot.jinjava.tree.parse.StringTokenScannerSymbols;
import com.hubspot.jinjava.tree.parse.Token;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jinjava set up to read Backstage templates ({@code ${{ }}} expressions, so a plain {@code {{ }}}
 * stays text) and to run them sandboxed: no nested interpretation, no file or classpath lookups,
 * data-only expressions, and every syntax error or unknown filter reported rather than rendered
 * empty. Every render spends a {@link RenderBudget}, which the caller sets up on the render's
 * thread.
 */
final class SandboxedJinjava {

  private static final StringTokenScannerSymbols SYMBOLS =
      new StringTokenScannerSymbols.Builder()
          .withVariableStartString("${{")
          .withVariableEndString("}}")
          .withBlockStartString("{%")
          .withBlockEndString("%}")
          .withCommentStartString("{#")
          .withCommentEndString("#}")
          .build();

  private static final Set<String> FILE_TAGS = Set.of("include", "import", "from", "extends");

  /** Filters that would interpret a value as a template again (form values could then run code). */
  private static final Set<String> INTERPRETING_FILTERS = Set.of("render");

  private final RenderLimits limits;
  private final Jinjava jinjava;
  private final JinjavaConfig renderConfig;
  private final JinjavaConfig checkConfig;

  /** Nunjucks' trimBlocks and lstripBlocks, as fetch:template may ask for them. */
  private final Map<Whitespace, JinjavaConfig> whitespaceConfigs;

  /** How block tags treat the whitespace around them; both off by default, as in Nunjucks. */
  record Whitespace(boolean trimBlocks, boolean lstripBlocks) {
    static final Whitespace KEEP = new Whitespace(false, false);
  }

  SandboxedJinjava(RenderLimits limits) {
    this.limits = limits;
    renderConfig = config(false, false, false);
    checkConfig = config(true, false, false);
    whitespaceConfigs =
        Map.of(
            new Whitespace(true, false), config(false, true, false),
            new Whitespace(false, true), config(false, false, true),
            new Whitespace(true, true), config(false, true, true));
    jinjava = new Jinjava(renderConfig);
    jinjava.setResourceLocator(new NoResourceLocator());
    jinjava.getGlobalContext().registerTag(new BoundedForTag());
    List.of(
            new DumpFilter(),
            new PickFilter(),
            new ParseRepoUrlFilter(),
            new ProjectSlugFilter(),
            new ParseEntityRefFilter())
        .forEach(jinjava::registerFilter);
    jinjava
        .getGlobalContext()
        .registerFunction(
            new ELFunctionDefinition(
                "", "range", BoundedRange.class, "range", Object.class, Object[].class));
    // every filter, Jinjava's and Paved's, spends the render's budget
    List.copyOf(jinjava.getGlobalContext().getAllFilters())
        .forEach(filter -> jinjava.registerFilter(new GuardedFilter(filter)));
  }

  private JinjavaConfig config(boolean validation, boolean trim, boolean lstrip) {
    return JinjavaConfig.newBuilder()
        .withTokenScannerSymbols(SYMBOLS)
        .withNestedInterpretationEnabled(false)
        .withElResolver(new DataOnlyResolver())
        .withDisabled(Map.of(Library.TAG, FILE_TAGS, Library.FILTER, INTERPRETING_FILTERS))
        .withRangeLimit(limits.rangeSize())
        .withKeepTrailingNewline(true)
        .withMaxOutputSize(limits.outputChars())
        .withMaxStringLength(limits.stringLength())
        .withMaxListSize(limits.collectionSize())
        .withMaxMapSize(limits.collectionSize())
        .withEnableRecursiveMacroCalls(true)
        .withMaxMacroRecursionDepth(limits.macroDepth())
        .withValidationMode(validation)
        .withTrimBlocks(trim)
        .withLstripBlocks(lstrip)
        .build();
  }

  /** The output, or the problems that make it wrong. */
  record Outcome(String output, List<String> problems) {}

  Outcome render(String template, Map<String, ?> context) {
    return render(template, context, Whitespace.KEEP);
  }

  Outcome render(String template, Map<String, ?> context, Whitespace whitespace) {
    JinjavaConfig config = whitespaceConfigs.getOrDefault(whitespace, renderConfig);
    return outcome(jinjava.renderForResult(template, context, config));
  }

  /** Walks every branch without real values; only problems of the template itself are reported. */
  List<String> check(String template, Map<String, ?> context) {
    return outcome(jinjava.renderForResult(template, context, checkConfig)).problems();
  }

  /** The expression when {@code value} is exactly one {@code ${{ }}} and nothing else, or null. */
  String wholeExpression(String value) {
    Iterator<Token> tokens = new StringTokenScanner(value, renderConfig);
    if (!tokens.hasNext()) {
      return null;
    }
    Token first = tokens.next();
    return first instanceof ExpressionToken expression && !tokens.hasNext()
        ? expression.getExpr()
        : null;
  }

  private Outcome outcome(RenderResult result) {
    RenderBudget budget = RenderBudget.current();
    if (budget.refusal() != null) {
      // the first limit passed is the problem; what Jinjava made of it afterwards is not
      return new Outcome("", List.of(budget.refusal()));
    }
    budget.output(result.getOutput() == null ? 0 : result.getOutput().length());
    List<String> problems = new ArrayList<>();
    for (TemplateError error : result.getErrors()) {
      // an unknown key reads as undefined, as in Backstage; everything else is a real problem
      if (!(error.getReason() == ErrorReason.UNKNOWN && error.getItem() == ErrorItem.PROPERTY)) {
        problems.add(describe(error));
      }
    }
    for (String value : result.getContext().getResolvedValues()) {
      if (value.startsWith("filter:") && !knownFilter(value.substring(7))) {
        problems.add("unknown filter '" + value.substring(7) + "'");
      } else if (value.startsWith("exptest:")
          && jinjava.getGlobalContext().getExpTest(value.substring(8)) == null) {
        problems.add("unknown test '" + value.substring(8) + "'");
      }
    }
    return new Outcome(result.getOutput(), problems);
  }

  private boolean knownFilter(String name) {
    return jinjava.getGlobalContext().getFilter(name) != null;
  }

  private static String describe(TemplateError error) {
    String message = error.getMessage() == null ? error.getReason().name() : error.getMessage();
    // a filter's refusal reads as its own words, not as a Java exception
    message = message.replace(IllegalArgumentException.class.getName() + ": ", "");
    return error.getLineno() > 0 ? message + " (line " + error.getLineno() + ")" : message;
  }
}
