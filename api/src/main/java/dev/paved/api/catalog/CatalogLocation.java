package dev.paved.api.catalog;

import dev.paved.activities.support.Inputs;
import dev.paved.activities.support.StepFailures;
import java.util.Map;

/**
 * Where a {@code catalog:register} step's entity file is: a repository's contents URL and the
 * file's path in it, from {@code repoContentsUrl} + {@code catalogInfoPath} or {@code
 * catalogInfoUrl}.
 *
 * @param file the path inside the repository, without a leading slash
 */
public record CatalogLocation(String repoContentsUrl, String file) {

  static final String ACTION = "catalog:register";

  /** The location the step's input names; InvalidInput when it names none. */
  public static CatalogLocation of(Map<String, Object> input) {
    Inputs in = Inputs.of(ACTION, input);
    String repoContentsUrl = in.string("repoContentsUrl", null);
    String path = in.string("catalogInfoPath", "/catalog-info.yaml");
    String catalogInfoUrl = in.string("catalogInfoUrl", null);
    if (repoContentsUrl == null && catalogInfoUrl != null) {
      int blob = catalogInfoUrl.indexOf("/blob/");
      int fileStart = blob < 0 ? -1 : catalogInfoUrl.indexOf('/', blob + "/blob/".length());
      if (fileStart < 0) {
        throw StepFailures.invalidInput(
            ACTION + ": catalogInfoUrl must point into a repository (<repo>/blob/<branch>/<file>)");
      }
      repoContentsUrl = catalogInfoUrl.substring(0, fileStart);
      path = catalogInfoUrl.substring(fileStart);
    }
    if (repoContentsUrl == null) {
      throw StepFailures.invalidInput(
          ACTION + ": input 'repoContentsUrl' or 'catalogInfoUrl' is required");
    }
    return new CatalogLocation(repoContentsUrl, path.startsWith("/") ? path.substring(1) : path);
  }

  public String catalogInfoUrl() {
    return repoContentsUrl + "/" + file;
  }
}
