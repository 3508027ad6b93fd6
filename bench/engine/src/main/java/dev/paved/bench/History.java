package dev.paved.bench;

import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where one run's time went, from its workflow history (the server's event times): workflow tasks
 * and activities counted as issue 16 counts them, and their time split into waiting in a task queue
 * (scheduled to started) and being worked on (started to completed).
 */
final class History {

  private History() {}

  static Map<String, Object> of(WorkflowClient client, String workflowId) {
    List<HistoryEvent> events = client.fetchHistory(workflowId).getEvents();
    Map<String, Integer> byType = new TreeMap<>();
    Map<String, Integer> activities = new TreeMap<>();
    Map<Long, Long> at = new HashMap<>();
    Map<String, Long> activityMs = new TreeMap<>();
    Map<Long, String> typeOf = new HashMap<>();
    long actQueue = 0;
    long actAll = 0;
    for (HistoryEvent e : events) {
      long t = millis(e);
      at.put(e.getEventId(), t);
      byType.merge(e.getEventType().name().replace("EVENT_TYPE_", ""), 1, Integer::sum);
      if (e.hasActivityTaskScheduledEventAttributes()) {
        String type = e.getActivityTaskScheduledEventAttributes().getActivityType().getName();
        activities.merge(type, 1, Integer::sum);
        typeOf.put(e.getEventId(), type);
      } else if (e.hasActivityTaskStartedEventAttributes()) {
        actQueue +=
            t - at.getOrDefault(e.getActivityTaskStartedEventAttributes().getScheduledEventId(), t);
      } else if (e.hasActivityTaskCompletedEventAttributes()) {
        long scheduled = e.getActivityTaskCompletedEventAttributes().getScheduledEventId();
        long ms = t - at.getOrDefault(scheduled, t);
        activityMs.merge(typeOf.getOrDefault(scheduled, "?"), ms, Long::sum);
        actAll += ms;
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("workflowId", workflowId);
    m.put("events", events.size());
    m.put("workflowTasks", byType.getOrDefault("WORKFLOW_TASK_COMPLETED", 0));
    m.put("activities", byType.getOrDefault("ACTIVITY_TASK_SCHEDULED", 0));
    m.put("activitiesByType", activities);
    m.put("localActivitiesAndSideEffects (markers)", byType.getOrDefault("MARKER_RECORDED", 0));
    long total =
        events.size() < 2 ? 0 : millis(events.get(events.size() - 1)) - millis(events.get(0));
    m.put("firstToLastEventMs", total);
    m.put("activitiesScheduledToCompletedMs", activityMs);
    m.put("activitiesWaitingInQueueMs", actQueue);
    m.put("outsideActivitiesMs", total - actAll);
    m.put("byType", byType);
    return m;
  }

  private static long millis(HistoryEvent e) {
    return e.getEventTime().getSeconds() * 1000 + e.getEventTime().getNanos() / 1_000_000;
  }
}
