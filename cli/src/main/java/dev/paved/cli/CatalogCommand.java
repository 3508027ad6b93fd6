package dev.paved.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The software catalog: read an entity, search them. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "Read and search the software catalog.",
    subcommands = {CatalogCommand.Get.class, CatalogCommand.Search.class})
final class CatalogCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description =
          "Read an entity: paved catalog get component:default/checkout (or just checkout)")
  static final class Get implements Callable<Integer> {

    private final Session session;

    @Parameters(
        index = "0",
        paramLabel = "REF",
        description = "[kind:][namespace/]name; kind defaults to component")
    String ref;

    @Mixin OutputOption output;

    Get(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      String kind = "component";
      String rest = ref;
      int colon = rest.indexOf(':');
      if (colon > 0) {
        kind = rest.substring(0, colon);
        rest = rest.substring(colon + 1);
      }
      String namespace = "default";
      int slash = rest.indexOf('/');
      if (slash > 0) {
        namespace = rest.substring(0, slash);
        rest = rest.substring(slash + 1);
      }
      JsonNode entity =
          session
              .api()
              .get(
                  "/catalog/entities/"
                      + ApiClient.encode(kind.toLowerCase())
                      + "/"
                      + ApiClient.encode(namespace)
                      + "/"
                      + ApiClient.encode(rest));
      if (output.json()) {
        OutputOption.printJson(session.out(), entity);
        return ExitCodes.OK;
      }
      OutputOption.printJson(session.out(), entity);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description = "Search entities by text, kind and owner.")
  static final class Search implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TEXT", description = "words to find")
    String text;

    @Option(names = "--kind", description = "e.g. Component, API, Group")
    String kind;

    @Option(names = "--owner", description = "e.g. team-payments")
    String owner;

    @Mixin OutputOption output;

    Search(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      Map<String, Object> query = new LinkedHashMap<>();
      query.put("text", text);
      query.put("kind", kind);
      query.put("owner", owner);
      JsonNode found = session.api().get("/catalog/entities" + ApiClient.query(query));
      if (output.json()) {
        OutputOption.printJson(session.out(), found);
        return ExitCodes.OK;
      }
      Table table = new Table("kind", "namespace", "name", "owner", "description");
      for (JsonNode e : found.path("items")) {
        JsonNode metadata = e.path("metadata");
        table.row(
            e.path("kind").asText(),
            metadata.path("namespace").asText("default"),
            metadata.path("name").asText(),
            e.path("spec").path("owner").asText(""),
            metadata.path("description").asText(""));
      }
      table.print(session.out());
      return ExitCodes.OK;
    }
  }
}
