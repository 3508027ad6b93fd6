package dev.paved.activities.dashboard;

/**
 * PromQL over OpenTelemetry's {@code http.server.request.duration} histogram as Prometheus stores
 * it, with the resource attribute {@code service.name} promoted to the label {@code service_name}.
 */
final class HttpServerQueries {

  static final String COUNT = "http_server_request_duration_seconds_count";
  static final String BUCKET = "http_server_request_duration_seconds_bucket";

  private final String selector;

  /** {@code serviceName} is a checked service name: no quote or backslash can reach PromQL. */
  HttpServerQueries(String serviceName) {
    this.selector = "service_name=\"" + serviceName + "\"";
  }

  /** Requests per second. */
  String requestRate() {
    return "sum(rate(" + COUNT + "{" + selector + "}[$__rate_interval]))";
  }

  /** The share of requests answered with a 5xx status. */
  String errorRate() {
    return "sum(rate("
        + COUNT
        + "{"
        + selector
        + ", http_response_status_code=~\"5..\"}[$__rate_interval])) / "
        + requestRate();
  }

  /** A quantile of the request duration in seconds, for example 0.95. */
  String durationQuantile(double quantile) {
    return "histogram_quantile("
        + quantile
        + ", sum by (le) (rate("
        + BUCKET
        + "{"
        + selector
        + "}[$__rate_interval])))";
  }
}
