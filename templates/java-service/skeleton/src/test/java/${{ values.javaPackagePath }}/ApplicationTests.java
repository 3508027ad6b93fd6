package ${{ values.javaPackage }};

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole application starts through {@code Application.main}, as its container starts it, and
 * answers on its endpoint and its health probes.
 */
@SpringBootTest(useMainMethod = UseMainMethod.ALWAYS)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApplicationTests {

  @Autowired MockMvc mvc;

  @Test
  void helloAnswersWithJson() throws Exception {
    mvc.perform(get("/hello").param("name", "Paved"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.service").value("${{ values.name }}"))
        .andExpect(jsonPath("$.message").value("Hello, Paved!"));
  }

  @Test
  void healthAndProbesAreUp() throws Exception {
    mvc.perform(get("/actuator/health")).andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"));
    mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
  }

  @Test
  void metricsAreExposedForPrometheus() throws Exception {
    mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk());
  }
}
