package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.paved.activities.github.GithubConnection;
import dev.paved.worker.github.GithubConfiguration;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GithubHealthIndicatorTest {

  final GithubConnection github = mock(GithubConnection.class);

  GithubHealthIndicatorTest() {
    when(github.apiUrl()).thenReturn("https://api.github.com");
    when(github.authentication()).thenReturn("app 12345, installation 42");
  }

  @Test
  void upWhenGithubAnswersWithTheRequestsLeft() throws Exception {
    when(github.check())
        .thenReturn(
            new GithubConnection.Check(
                "https://api.github.com", "app 12345, installation 42", 4321));

    Health health = new GithubHealthIndicator(github).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("apiUrl", "https://api.github.com")
        .containsEntry("authentication", "app 12345, installation 42")
        .containsEntry("remainingRequests", 4321);
  }

  @Test
  void downWithGithubsAnswerWhenItRefuses() throws Exception {
    when(github.check()).thenThrow(new IOException("{\"message\":\"Bad credentials\"}"));

    Health health = new GithubHealthIndicator(github).health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("error", "{\"message\":\"Bad credentials\"}");
  }

  @Test
  void onlyThereWhenPavedPublishesToGithub() {
    ApplicationContextRunner runner =
        new ApplicationContextRunner()
            .withUserConfiguration(GithubConfiguration.class, GithubHealthIndicator.class);

    runner.run(context -> assertThat(context).doesNotHaveBean("github"));
    runner
        .withPropertyValues("paved.github.token=ghp_example")
        .run(context -> assertThat(context).hasSingleBean(GithubHealthIndicator.class));
  }
}
