package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.notary.Changefeed;
import dev.bulwark.trust.client.notary.CollectionHistory;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryCollection;
import dev.bulwark.trust.client.notary.NotaryHttpFetcher;
import dev.bulwark.trust.client.notary.NotaryLayout;
import dev.bulwark.trust.client.notary.NotaryRemote;
import dev.bulwark.trust.client.notary.RoleVersion;
import dev.bulwark.trust.core.json.CanonicalJson;
import dev.bulwark.trust.core.json.JsonArray;
import dev.bulwark.trust.core.json.JsonNull;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonString;
import dev.bulwark.trust.core.json.JsonValue;
import dev.bulwark.trust.core.model.Root;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bulwark trust log GUN}: the history of a collection's targets roles. */
@Command(
    name = "log",
    mixinStandardHelpOptions = true,
    description = {
      "Audit a collection: verify its current state, then walk every stored version of targets"
          + " and each delegation (N.<role>.json on the server) and print version, the time it was"
          + " first published, expiry, the key IDs that signed it and the targets added (+),"
          + " changed (~) and removed (-). Older versions are history, not trusted state: they are"
          + " shown as stored.",
      "Publish times come from the server's changefeed (the time the server stored the first"
          + " timestamp whose snapshot lists that version). They are reported by the server, not"
          + " signed. A server without a changefeed (404, 401) gives a log without times and one"
          + " warning on stderr."
    },
    footer = {
      "",
      "Examples:",
      "  bulwark trust log example.com/app",
      "  bulwark trust log --json example.com/app | jq '.entries[] | select(.role == \"targets\")'",
      "",
      "JSON: {\"gun\",\"root\":{\"version\",\"expires\"},\"timesSource\",\"timesUnavailable\"(null or"
          + " reason),\"entries\":[{\"role\",\"version\",\"publishedAt\"(null if unknown),\"expires\","
          + "\"signedBy\",\"added\",\"changed\",\"removed\"}]}"
    })
public final class LogCommand implements Callable<Integer> {
  static final String TIMES_NOTE =
      "publish times are reported by the server's changefeed, not signed";

  @ParentCommand TrustCommand trust;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GUN")
  String gun;

  @Option(names = "--json", description = "One JSON object on one line (see below).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    TrustSettings s = trust.settings();
    NotaryCollection current = s.reader().read(new Gun(gun));
    CollectionHistory h =
        CollectionHistory.read(remote(s), current, Changefeed.DEFAULT_MAX_RECORDS);
    warnings(h, spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(CanonicalJson.encodeToString(json(current.root().signed(), h)));
    } else {
      text(current.root().signed(), h, out);
    }
    out.flush();
    return 0;
  }

  static NotaryRemote remote(TrustSettings s) {
    return new NotaryRemote(
        new NotaryLayout(s.server()), new NotaryHttpFetcher(s.tls(), Duration.ofSeconds(60)));
  }

  static void warnings(CollectionHistory h, PrintWriter err) {
    h.timesUnavailable()
        .ifPresent(r -> err.println("bulwark: warning: no publish times (" + r + ")"));
    if (h.unresolvedRecords() > 0) {
      err.println(
          "bulwark: warning: "
              + h.unresolvedRecords()
              + " changefeed records name a timestamp or snapshot the server no longer has;"
              + " some publish times may be later than the real ones");
    }
    err.flush();
  }

  static void text(Root root, CollectionHistory h, PrintWriter out) {
    out.println("root: version " + root.version() + ", expires " + root.expires());
    if (h.timesUnavailable().isEmpty()) {
      out.println("(" + TIMES_NOTE + ")");
    }
    for (RoleVersion v : h.versions()) {
      List<String> changes = new ArrayList<>();
      v.added().forEach(n -> changes.add("+" + n));
      v.changed().forEach(n -> changes.add("~" + n));
      v.removed().forEach(n -> changes.add("-" + n));
      out.printf(
          "%-20s v%-4d published %-20s expires %s  signed by %s  %s%n",
          v.role(),
          v.version(),
          v.publishedAt().map(t -> t.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("-"),
          v.expires(),
          v.signedBy().stream().map(id -> id.substring(0, Math.min(12, id.length()))).toList(),
          changes.isEmpty() ? "(no target changes)" : String.join(" ", changes));
    }
  }

  static JsonObject json(Root root, CollectionHistory h) {
    List<JsonValue> entries = new ArrayList<>();
    for (RoleVersion v : h.versions()) {
      entries.add(
          JsonObject.builder()
              .put("role", v.role())
              .put("version", v.version())
              .put(
                  "publishedAt",
                  v.publishedAt()
                      .<JsonValue>map(t -> new JsonString(t.toString()))
                      .orElse(JsonNull.INSTANCE))
              .put("expires", v.expires().toString())
              .put("signedBy", JsonArray.ofStrings(v.signedBy()))
              .put("added", JsonArray.ofStrings(v.added()))
              .put("changed", JsonArray.ofStrings(v.changed()))
              .put("removed", JsonArray.ofStrings(v.removed()))
              .build());
    }
    return JsonObject.builder()
        .put("gun", h.gun().name())
        .put(
            "root",
            JsonObject.builder()
                .put("version", root.version())
                .put("expires", root.expires().toString())
                .build())
        .put("timesSource", TIMES_NOTE)
        .put(
            "timesUnavailable",
            h.timesUnavailable().<JsonValue>map(JsonString::new).orElse(JsonNull.INSTANCE))
        .put("entries", new JsonArray(entries))
        .build();
  }
}
