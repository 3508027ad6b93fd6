package ${{ values.javaPackage }};

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A first endpoint that uses the database; replace it with the real API. */
@RestController
class HelloController {

  private final String service;
  private final JdbcClient db;

  HelloController(@Value("${spring.application.name}") String service, JdbcClient db) {
    this.service = service;
    this.db = db;
  }

  /** Greets {@code name} and counts how often it was greeted, in the service's own database. */
  @GetMapping("/hello")
  @Transactional
  Map<String, Object> hello(@RequestParam(defaultValue = "world") String name) {
    String visitor = name.length() > 100 ? name.substring(0, 100) : name;
    db.sql("insert into visits (name) values (?)").param(visitor).update();
    long visits =
        db.sql("select count(*) from visits where name = ?").param(visitor).query(Long.class).single();
    return Map.of("service", service, "message", "Hello, " + visitor + "!", "visits", visits);
  }
}
