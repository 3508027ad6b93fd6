package dev.paved.api.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is: their name, their groups and whether they are of the platform team. */
@RestController
@Tag(name = "Identity", description = "Who is signed in")
class MeController {

  private final CurrentUsers users;

  MeController(CurrentUsers users) {
    this.users = users;
  }

  /** The signed-in user, as the portal shows them. */
  record Me(String name, Set<String> groups, boolean platform) {}

  @Operation(summary = "Who is signed in: name, groups, and whether of the platform team")
  @ApiResponse(responseCode = "200", description = "the signed-in user")
  @GetMapping("/api/v1/me")
  Me me() {
    CurrentUser me = users.current();
    return new Me(me.name(), new TreeSet<>(me.groups()), me.platform());
  }
}
