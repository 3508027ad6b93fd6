package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code access_request_groups} for the requests made before V6, from the approver groups
 * frozen in each stored snapshot ({@code request.approvers.groups}). A Java migration because the
 * two databases read JSON text differently.
 */
public class V6_1__Access_request_groups_of_earlier_requests extends BaseJavaMigration {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement select = context.getConnection().createStatement();
        ResultSet rows = select.executeQuery("select id, snapshot from access_requests");
        PreparedStatement insert =
            context
                .getConnection()
                .prepareStatement(
                    "insert into access_request_groups (request_id, group_name) values (?, ?)")) {
      while (rows.next()) {
        for (String group : approverGroups(rows.getString("snapshot"))) {
          insert.setString(1, rows.getString("id"));
          insert.setString(2, group);
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  private static Set<String> approverGroups(String snapshot) throws Exception {
    Set<String> groups = new LinkedHashSet<>();
    for (JsonNode group :
        JSON.readTree(snapshot).path("request").path("approvers").path("groups")) {
      if (group.isTextual() && !group.asText().isBlank()) {
        groups.add(group.asText());
      }
    }
    return groups;
  }
}
