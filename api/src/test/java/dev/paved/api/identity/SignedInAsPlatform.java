package dev.paved.api.identity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Every MockMvc request of a slice test is signed in as the platform team's {@code pat} unless the
 * test says otherwise, so controller tests written before sign-in existed keep working. Imported
 * with MockMvc (see {@code META-INF/spring/...AutoConfigureMockMvc.imports} in the test resources).
 */
@AutoConfiguration
public class SignedInAsPlatform {

  @Bean
  MockMvcBuilderCustomizer signedInAsPlatform() {
    return builder -> builder.defaultRequest(get("/").with(TestUsers.platform()));
  }
}
