package dev.bulwark.trust.server.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters and histograms, rendered in the Prometheus text exposition format. */
public final class Metrics {
  private static final double[] BUCKETS = {0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5};
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> events = new ConcurrentHashMap<>();

  /** Counts one answered request of a route with its status and duration. */
  public void request(String route, int status, long nanos) {
    requests
        .computeIfAbsent("route=\"" + route + "\",status=\"" + status + "\"", k -> new LongAdder())
        .increment();
    latency.computeIfAbsent(route, k -> new Histogram()).observe(nanos / 1e9);
  }

  /** Counts a named event, e.g. {@code update_conflict} or {@code timestamp_resigned}. */
  public void event(String name) {
    events.computeIfAbsent(name, k -> new LongAdder()).increment();
  }

  public long eventCount(String name) {
    LongAdder a = events.get(name);
    return a == null ? 0 : a.sum();
  }

  /** The exposition text for {@code GET /metrics}. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("# HELP bulwark_http_requests_total Answered HTTP requests.\n");
    sb.append("# TYPE bulwark_http_requests_total counter\n");
    new TreeMap<>(requests)
        .forEach(
            (labels, n) ->
                sb.append("bulwark_http_requests_total{")
                    .append(labels)
                    .append("} ")
                    .append(n.sum())
                    .append('\n'));
    sb.append("# HELP bulwark_http_request_seconds Request latency.\n");
    sb.append("# TYPE bulwark_http_request_seconds histogram\n");
    new TreeMap<>(latency).forEach((route, h) -> h.render(sb, route));
    sb.append("# HELP bulwark_events_total Server events (updates, conflicts, re-signs).\n");
    sb.append("# TYPE bulwark_events_total counter\n");
    new TreeMap<>(events)
        .forEach(
            (name, n) ->
                sb.append("bulwark_events_total{event=\"")
                    .append(name)
                    .append("\"} ")
                    .append(n.sum())
                    .append('\n'));
    return sb.toString();
  }

  private static final class Histogram {
    private final LongAdder[] counts = new LongAdder[BUCKETS.length];
    private final LongAdder total = new LongAdder();
    private final java.util.concurrent.atomic.DoubleAdder sum =
        new java.util.concurrent.atomic.DoubleAdder();

    Histogram() {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new LongAdder();
      }
    }

    void observe(double seconds) {
      for (int i = 0; i < BUCKETS.length; i++) {
        if (seconds <= BUCKETS[i]) {
          counts[i].increment();
        }
      }
      total.increment();
      sum.add(seconds);
    }

    void render(StringBuilder sb, String route) {
      String p = "bulwark_http_request_seconds";
      for (int i = 0; i < BUCKETS.length; i++) {
        sb.append(p).append("_bucket{route=\"").append(route).append("\",le=\"");
        sb.append(BUCKETS[i]).append("\"} ").append(counts[i].sum()).append('\n');
      }
      sb.append(p).append("_bucket{route=\"").append(route).append("\",le=\"+Inf\"} ");
      sb.append(total.sum()).append('\n');
      sb.append(p).append("_sum{route=\"").append(route).append("\"} ").append(sum.sum());
      sb.append('\n');
      sb.append(p).append("_count{route=\"").append(route).append("\"} ").append(total.sum());
      sb.append('\n');
    }
  }
}
