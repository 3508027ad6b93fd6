package ${{ values.javaPackage }};

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A first endpoint to prove the service answers; replace it with the real API. */
@RestController
class HelloController {

  private final String service;

  HelloController(@Value("${spring.application.name}") String service) {
    this.service = service;
  }

  @GetMapping("/hello")
  Map<String, String> hello(@RequestParam(defaultValue = "world") String name) {
    return Map.of("service", service, "message", "Hello, " + name + "!");
  }
}
