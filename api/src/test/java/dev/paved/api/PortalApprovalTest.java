package dev.paved.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paved.api.browser.AccessPage;
import dev.paved.api.browser.ApprovalsPage;
import dev.paved.api.browser.Browser;
import dev.paved.api.browser.FormPage;
import dev.paved.api.browser.RunPage;
import dev.paved.api.browser.SignInPage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A second person decides in the portal: a production service, and production access. */
class PortalApprovalTest extends EndToEndTest {

  private String base() {
    return "http://localhost:" + port;
  }

  @Test
  void bobApprovesAlicesProductionServiceInHisInboxAndHerPageMovesOnWithoutAReload() {
    try (Browser alice = Browser.open(base());
        Browser bob = Browser.open(base());
        Browser carol = Browser.open(base())) {
      FormPage form = SignInPage.open(alice).signInAs("alice").choose("java-service");
      form.fill("Name", "portal-ledger").select("Owner", "team-payments").next();
      form.select("Lifecycle", "Production").review();
      assertThat(form.reviewed()).contains("Production");
      RunPage run = form.create().awaitStatus("WAITING_APPROVAL");
      assertThat(run.mayApprove()).as("alice may not approve her own run").isFalse();
      alice.screenshot("run-waiting-approval");

      SignInPage.open(carol).signInAs("carol");
      RunPage carolsView = RunPage.open(carol, run.id());
      carolsView.awaitStatus("WAITING_APPROVAL");
      assertThat(carolsView.mayApprove()).as("carol is of another team").isFalse();
      Answer refused =
          as("carol")
              .post(
                  "/api/v1/runs/" + run.id() + "/approval",
                  Map.of("decision", "approve", "comment", "not mine"));
      assertThat(refused.status()).isEqualTo(403);

      SignInPage.open(bob).signInAs("bob");
      ApprovalsPage inbox = ApprovalsPage.open(bob);
      inbox.item("portal-ledger");
      assertThat(inbox.count()).isNotEmpty();
      bob.screenshot("approvals-inbox");
      inbox.approve("portal-ledger", "sized right");

      run.awaitStatus("COMPLETED");
      alice.awaitText("bob approved");
      alice.awaitText("sized right");
      alice.screenshot("run-approved-completed");
    }
  }

  @Test
  void anAccessRequestApprovedByBobIsShownActiveWithTimeLeft() throws Exception {
    JsonNode made =
        as("alice")
            .startRun(
                "java-service",
                Map.of(
                    "name",
                    "portal-access",
                    "owner",
                    "team-payments",
                    "lifecycle",
                    "experimental"));
    assertThat(awaitEnd(made.path("id").asText()).path("status").asText()).isEqualTo("COMPLETED");

    try (Browser alice = Browser.open(base());
        Browser bob = Browser.open(base())) {
      SignInPage.open(alice).signInAs("alice");
      AccessPage access = AccessPage.open(alice);
      alice.screenshot("access-request-form");
      String id = access.request("component:default/portal-access", "read", "INC-4711 portal");
      access.awaitStatus("PENDING");

      SignInPage.open(bob).signInAs("bob");
      ApprovalsPage.open(bob).approve("portal-access", "ok for an hour");

      access.awaitStatus("ACTIVE");
      alice.awaitText("left");
      assertThat(access.details()).contains("Time left");
      alice.screenshot("access-active");
      assertThat(id).isNotBlank();
    }
  }
}
