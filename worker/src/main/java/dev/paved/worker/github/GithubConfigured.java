package dev.paved.worker.github;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when a GitHub credential is set ({@link GithubProperties#configured()}). */
public class GithubConfigured implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return Binder.get(context.getEnvironment())
        .bind("paved.github", Bindable.of(GithubProperties.class))
        .map(GithubProperties::configured)
        .orElse(false);
  }
}
