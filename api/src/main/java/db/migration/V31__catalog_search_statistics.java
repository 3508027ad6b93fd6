package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL only: statistics on how a search row's key and value go together. Without them the
 * planner multiplies the two columns' selectivities, estimates a filter such as {@code
 * kind=component} at 200 rows instead of 7,700, and sorts every matching entity instead of walking
 * the order field's index to the page's end (355 ms against 43 ms, bench/README.md). H2 has no such
 * statistics.
 */
public class V31__catalog_search_statistics extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    String database = context.getConnection().getMetaData().getDatabaseProductName();
    if (!database.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
      return;
    }
    try (Statement statement = context.getConnection().createStatement()) {
      statement.execute(
          "create statistics catalog_search_key_value_stats (dependencies, mcv)"
              + " on search_key, search_value from catalog_search");
    }
  }
}
