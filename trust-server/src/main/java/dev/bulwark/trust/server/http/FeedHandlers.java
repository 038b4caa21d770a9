package dev.bulwark.trust.server.http;

import dev.bulwark.trust.server.metrics.Metrics;
import dev.bulwark.trust.server.store.Change;
import dev.bulwark.trust.server.store.MetaStore;
import dev.bulwark.trust.server.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Changefeed, ping, health and metrics. */
public final class FeedHandlers {
  private static final int DEFAULT_PAGE = 100;
  private final MetaStore store;
  private final Metrics metrics;

  public FeedHandlers(MetaStore store, Metrics metrics) {
    this.store = store;
    this.metrics = metrics;
  }

  /**
   * {@code ?change_id=&records=} as Notary parses them: {@code records} required (0 = 100, negative
   * = backwards), {@code change_id} empty/0 = start, -1 = from the end.
   */
  public Response changefeed(Call call) throws ApiException {
    long changeId = parse("change_id", call.query("change_id"));
    long records = parse("records", call.query("records"));
    int page = records == 0 ? DEFAULT_PAGE : (int) Math.max(-1000, Math.min(1000, records));
    try {
      List<Change> changes = store.changes(call.gun(), changeId, page);
      List<Map<String, Object>> out = new ArrayList<>();
      for (Change c : changes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ID", Long.toString(c.id()));
        m.put("CreatedAt", GoTime.format(c.createdAt()));
        m.put("GUN", c.gun());
        m.put("Version", c.version());
        m.put("SHA256", c.sha256());
        m.put("Category", c.category());
        out.add(m);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("count", out.size());
      body.put("records", out);
      return Response.ok(Response.TEXT, Json.write(body));
    } catch (StoreException e) {
      throw ApiException.of(ErrorCode.UNKNOWN, "storage unavailable");
    }
  }

  private static long parse(String name, String value) throws ApiException {
    if (name.equals("change_id") && (value == null || value.isEmpty())) {
      return 0;
    }
    try {
      return Integer.parseInt(value == null ? "" : value);
    } catch (NumberFormatException e) {
      throw ApiException.of(
          ErrorCode.INVALID_PARAMETERS,
          "invalid " + name + " parameter: expected a 32-bit integer, got \"" + value + "\"");
    }
  }

  public Response ping(Call call) {
    return Response.text("{}");
  }

  public Response health(Call call) {
    if (store.healthy()) {
      return Response.ok(Response.JSON, "{}".getBytes(StandardCharsets.UTF_8));
    }
    byte[] body = "{\"storage\":\"unreachable\"}".getBytes(StandardCharsets.UTF_8);
    return new Response(503, Map.of("Content-Type", Response.JSON), body);
  }

  public Response metrics(Call call) {
    return Response.ok(
        "text/plain; version=0.0.4; charset=utf-8",
        metrics.render().getBytes(StandardCharsets.UTF_8));
  }
}
