package dev.bulwark.trust.server.http;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The route table: every Notary v1 route (notary.md §2), in match order. Anything else, HEAD
 * included, is {@code 404 METADATA_NOT_FOUND}.
 */
public final class Routes {
  private static final String GUN = "(?<gun>[^*]+)";
  private static final String ROLE = "(?<role>root|targets(?:/[^/\\s]+)*|snapshot|timestamp)";
  private static final String TUF = "/v2/" + GUN + "/_trust/tuf/";
  private static final String CHECKSUM =
      "(?<checksum>[a-fA-F0-9]{64}|[a-fA-F0-9]{96}|[a-fA-F0-9]{128})";

  private Routes() {}

  public static List<Route> table(
      MetadataHandlers meta, UpdateHandlers updates, KeyHandlers keys, FeedHandlers feed) {
    return List.of(
        route("GET", "/v2/", "ping", Access.CATALOG, feed::ping),
        route("GET", "/_notary_server/health", "health", Access.NONE, feed::health),
        route("GET", "/metrics", "metrics", Access.NONE, feed::metrics),
        route("GET", "/v2/_trust/changefeed", "changefeed_all", Access.CATALOG, feed::changefeed),
        route(
            "GET",
            "/v2/" + GUN + "/_trust/changefeed",
            "changefeed",
            Access.PULL,
            feed::changefeed),
        route("POST", TUF, "update", Access.PUSH, updates::update),
        route("DELETE", TUF, "delete", Access.ADMIN, updates::delete),
        route(
            "GET",
            TUF + ROLE + "\\." + CHECKSUM + "\\.json",
            "get_by_checksum",
            Access.PULL,
            meta::byChecksum),
        route(
            "GET",
            TUF + "(?<version>[1-9]*[0-9]+)\\." + ROLE + "\\.json",
            "get_by_version",
            Access.PULL,
            meta::byVersion),
        route("GET", TUF + ROLE + "\\.json", "get_current", Access.PULL, meta::current),
        route("GET", TUF + "(?<role>timestamp|snapshot)\\.key", "get_key", Access.PUSH, keys::get),
        route(
            "POST",
            TUF + "(?<role>timestamp|snapshot)\\.key",
            "rotate_key",
            Access.ADMIN,
            keys::rotate));
  }

  private static Route route(
      String method, String regex, String name, Access access, Handler handler) {
    return new Route(method, Pattern.compile(regex), name, access, handler);
  }
}
