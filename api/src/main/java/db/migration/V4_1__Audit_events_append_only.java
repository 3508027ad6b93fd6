package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes {@code audit_events} append-only in the database itself: UPDATE and DELETE (and TRUNCATE on
 * PostgreSQL) fail. A Java migration because the two databases write triggers differently:
 * PostgreSQL in PL/pgSQL, H2 as a Java class ({@code dev.paved.api.audit.AppendOnlyTrigger}).
 */
public class V4_1__Audit_events_append_only extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    String database = context.getConnection().getMetaData().getDatabaseProductName();
    try (Statement sql = context.getConnection().createStatement()) {
      if (database.startsWith("PostgreSQL")) {
        sql.execute(
            """
            create or replace function audit_events_append_only() returns trigger
            language plpgsql as $$
            begin
              raise exception 'audit_events is append-only: % refused', tg_op;
            end
            $$""");
        sql.execute(
            "create trigger audit_events_no_change before update or delete on audit_events"
                + " for each row execute procedure audit_events_append_only()");
        sql.execute(
            "create trigger audit_events_no_truncate before truncate on audit_events"
                + " for each statement execute procedure audit_events_append_only()");
      } else if (database.startsWith("H2")) {
        sql.execute(
            "create trigger audit_events_no_change before update, delete on audit_events"
                + " for each row call 'dev.paved.api.audit.AppendOnlyTrigger'");
      } else {
        throw new IllegalStateException(
            "Paved's migrations support H2 and PostgreSQL, not " + database);
      }
    }
  }
}
