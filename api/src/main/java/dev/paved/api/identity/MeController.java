package dev.paved.api.identity;

import java.util.Map;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is: their name, their groups and whether they are of the platform team. */
@RestController
class MeController {

  private final CurrentUsers users;

  MeController(CurrentUsers users) {
    this.users = users;
  }

  @GetMapping("/api/v1/me")
  Map<String, Object> me() {
    CurrentUser me = users.current();
    return Map.of(
        "name", me.name(), "groups", new TreeSet<>(me.groups()), "platform", me.platform());
  }
}
