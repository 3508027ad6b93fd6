package dev.paved.api.edge;

import dev.paved.api.ApiLimits;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * What the API answers before its controllers do, and the limits it sets there: every refusal is
 * {@code application/problem+json}, whoever makes it (Tomcat, Spring Security's firewall, a filter,
 * the {@code /error} page), and JSON bodies are read within {@link ApiLimits}, with no number or
 * boolean turned into a string (nor the other way round).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiLimits.class)
class EdgeConfiguration {

  @Bean
  FilterRegistrationBean<RequestLimitsFilter> requestLimits(ApiLimits limits) {
    FilterRegistrationBean<RequestLimitsFilter> registration =
        new FilterRegistrationBean<>(new RequestLimitsFilter(limits));
    // after the character encoding, before sign-in: an anonymous caller meets the limits too
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** What the firewall refuses ({@code ..}, {@code ;}, an encoded {@code /} or {@code %}): 400. */
  @Bean
  RequestRejectedHandler requestRejected() {
    return (request, response, e) ->
        ProblemJson.write(
            response,
            400,
            "the request's path or a header holds what Paved does not accept ('..', ';', an"
                + " encoded '/', '\\' or '%', a control character); nothing was done",
            null);
  }

  /**
   * Tomcat's own refusals (a malformed path, headers too large) through {@link ProblemErrorValve}.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorValve() {
    return new ErrorValveCustomizer();
  }

  /**
   * Boot's JSON mapper builder, as Boot makes it (its customizers, in their order), on a factory
   * that reads within the limits, and without coercing scalars into each other.
   */
  @Bean
  @Scope("prototype")
  JsonMapper.Builder jsonMapperBuilder(
      ApiLimits limits, ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.jsonDepth())
            .maxStringLength(limits.jsonStringLength())
            .maxNameLength(limits.jsonStringLength())
            .maxDocumentLength(limits.bodySize().toBytes())
            .build();
    JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
    JsonMapper.Builder builder =
        JsonMapper.builder(factory)
            .withCoercionConfig(
                LogicalType.Textual,
                c ->
                    c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(
                LogicalType.Boolean,
                c ->
                    c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .withCoercionConfig(
                LogicalType.Integer,
                c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(
                LogicalType.Float,
                c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder;
  }

  /** Puts {@link ProblemErrorValve} in place of every other error report valve of the host. */
  static final class ErrorValveCustomizer
      implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(
          context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
              if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorValve)) {
                host.getPipeline().removeValve(valve);
              }
            }
            host.getPipeline().addValve(new ProblemErrorValve());
            if (host instanceof StandardHost standard) {
              standard.setErrorReportValveClass(ProblemErrorValve.class.getName());
            }
          });
    }

    /** After Boot's own, which adds a plain error report valve. */
    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
