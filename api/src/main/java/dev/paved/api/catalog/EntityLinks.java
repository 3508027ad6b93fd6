package dev.paved.api.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links an entity page shows, derived from the annotations Backstage's plugins read: the
 * repository, its CI, the Grafana dashboards, the GitOps pull request, the docs; and the entity's
 * own {@code metadata.links}.
 */
final class EntityLinks {

  static final String SOURCE = "backstage.io/source-location";
  static final String SLUG = "github.com/project-slug";
  static final String DASHBOARDS = "grafana/dashboard-selector";
  static final String GITOPS_PR = "paved.dev/gitops-pull-request";
  static final String TECHDOCS = "backstage.io/techdocs-ref";

  private EntityLinks() {}

  /**
   * @param grafana Grafana's base URL, or blank: the dashboard link then has no url, only its
   *     selector
   */
  static List<Map<String, Object>> of(Map<String, Object> body, String grafana) {
    Map<String, Object> annotations = map(map(body.get("metadata")).get("annotations"));
    List<Map<String, Object>> links = new ArrayList<>();
    String repository = repository(annotations);
    if (repository != null) {
      links.add(link("repository", "Repository", repository));
    }
    if (annotations.get(SLUG) instanceof String slug && !slug.isBlank()) {
      links.add(link("ci", "CI runs", "https://github.com/" + slug + "/actions"));
    }
    if (annotations.get(DASHBOARDS) instanceof String selector && !selector.isBlank()) {
      Map<String, Object> dashboards =
          link(
              "dashboard",
              "Grafana dashboards",
              grafana == null || grafana.isBlank()
                  ? null
                  : strip(grafana)
                      + "/dashboards?query="
                      + URLEncoder.encode(selector, StandardCharsets.UTF_8));
      dashboards.put("selector", selector);
      links.add(dashboards);
    }
    if (annotations.get(GITOPS_PR) instanceof String pr && !pr.isBlank()) {
      links.add(link("gitops", "GitOps pull request", pr));
    }
    if (annotations.get(TECHDOCS) instanceof String docs && !docs.isBlank()) {
      String dir = docs.startsWith("dir:") ? docs.substring(4) : null;
      String url =
          docs.startsWith("url:")
              ? docs.substring(4)
              : repository != null && dir != null ? resolve(repository, dir) : null;
      Map<String, Object> link = link("docs", "Docs", url);
      link.put("ref", docs);
      links.add(link);
    }
    for (Object item : list(map(body.get("metadata")).get("links"))) {
      Map<String, Object> own = map(item);
      if (own.get("url") instanceof String url) {
        Map<String, Object> link =
            link("link", own.get("title") == null ? url : String.valueOf(own.get("title")), url);
        if (own.get("icon") != null) {
          link.put("icon", own.get("icon"));
        }
        links.add(link);
      }
    }
    return links;
  }

  private static String repository(Map<String, Object> annotations) {
    if (annotations.get(SOURCE) instanceof String source && !source.isBlank()) {
      return source.startsWith("url:") ? source.substring(4) : source;
    }
    if (annotations.get(SLUG) instanceof String slug && !slug.isBlank()) {
      return "https://github.com/" + slug;
    }
    return null;
  }

  private static String resolve(String base, String dir) {
    String folder = base.endsWith("/") ? base : base + "/";
    String relative = dir.equals(".") || dir.equals("./") ? "" : dir.replaceFirst("^\\./", "");
    return folder + relative;
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static Map<String, Object> link(String type, String title, String url) {
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("type", type);
    link.put("title", title);
    link.put("url", url);
    return link;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  static List<?> list(Object node) {
    return node instanceof List<?> l ? l : List.of();
  }
}
