package dev.paved.api.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's trigger on {@code audit_events}: every UPDATE and DELETE fails. */
public class AppendOnlyTrigger implements Trigger {

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException(
        "audit_events is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
        "45000");
  }
}
