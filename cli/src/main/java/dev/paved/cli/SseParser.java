package dev.paved.cli;

/**
 * Server-sent events (the HTML standard's text/event-stream) read line by line: {@code event:} and
 * {@code data:} fields, an empty line ends an event; comments ({@code :}) and ids are skipped.
 */
final class SseParser {

  /** One event: its name ({@code message} when unnamed) and its data lines joined. */
  record Event(String name, String data) {}

  private String name = "";
  private StringBuilder data;

  /** The event this line completes, else null. */
  Event line(String line) {
    if (line.isEmpty()) {
      Event event =
          data == null ? null : new Event(name.isEmpty() ? "message" : name, data.toString());
      name = "";
      data = null;
      return event;
    }
    if (line.startsWith(":")) {
      return null;
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "event" -> name = value;
      case "data" -> {
        if (data == null) {
          data = new StringBuilder(value);
        } else {
          data.append('\n').append(value);
        }
      }
      default -> {}
    }
    return null;
  }
}
