package dev.paved.api.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal is one page: each of its addresses serves index.html, which routes in the browser. */
@Controller
class PortalPages {

  @GetMapping({
    "/",
    "/create",
    "/create/**",
    "/runs",
    "/runs/**",
    "/approvals",
    "/access",
    "/access/**",
    "/catalog",
    "/catalog/**",
    "/scorecards",
    "/scorecards/**",
    "/teams/**"
  })
  String page() {
    return "forward:/index.html";
  }
}
