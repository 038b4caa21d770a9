package dev.bulwark.cli.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.cli.Main;
import dev.bulwark.trust.client.fetch.HttpStatusException;
import dev.bulwark.trust.client.keystore.EnvPassphrases;
import dev.bulwark.trust.client.keystore.KeystoreException;
import dev.bulwark.trust.client.notary.Changefeed;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryHttpFetcher;
import dev.bulwark.trust.client.notary.NotaryLayout;
import dev.bulwark.trust.client.notary.NotaryRemote;
import dev.bulwark.trust.client.notary.NotaryTls;
import dev.bulwark.trust.client.notary.TrustPinning;
import dev.bulwark.trust.client.repo.Changelist;
import dev.bulwark.trust.client.repo.ExpiryPolicy;
import dev.bulwark.trust.client.repo.Publisher;
import dev.bulwark.trust.client.repo.RepoContext;
import dev.bulwark.trust.client.repo.Staging;
import dev.bulwark.trust.core.crypto.Digests;
import dev.bulwark.trust.core.json.JsonArray;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonNull;
import dev.bulwark.trust.core.json.JsonNumber;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonReader;
import dev.bulwark.trust.core.json.JsonString;
import dev.bulwark.trust.core.json.JsonValue;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code bulwark trust log} and {@code prune} against a real server (the subclass says which): a
 * collection is published three times; cut-offs are instants taken between two publishes, so the
 * expected result does not depend on how long anything takes.
 */
abstract class PruneScenario {
  static final String PASS = "prune-test-passphrase";
  static final Map<String, String> PASSPHRASES =
      Map.of(
          "NOTARY_ROOT_PASSPHRASE", PASS,
          "NOTARY_TARGETS_PASSPHRASE", PASS,
          "NOTARY_SNAPSHOT_PASSPHRASE", PASS,
          "NOTARY_DELEGATION_PASSPHRASE", PASS);

  abstract URI serverUrl();

  abstract Path caCert();

  abstract Path tmp();

  /** Extra checks on the final state, e.g. with the real notary client. */
  void afterPrune(Gun gun, Path trustDir) {}

  record Run(int exit, String out, String err) {}

  @Test
  void logShowsPublishTimes_andPruneRemovesExactlyTheTargetsFirstPublishedBeforeTheCutoff()
      throws Exception {
    Gun gun = new Gun("localhost:5000/bulwark/prune");
    Path alice = tmp().resolve("alice");
    RepoContext ctx = context(alice);
    ctx.initializer(gun, ExpiryPolicy.defaults()).init(Optional.empty(), false);
    publish(ctx, gun, Map.of("keep", "k", "old", "o1", "changed", "c1"));
    Instant cut1 = cutoffAfterThisMillisecond();
    publish(ctx, gun, Map.of("changed", "c2", "new", "n"));
    Instant cut2 = cutoffAfterThisMillisecond();
    publish(ctx, gun, Map.of("newest", "x"));

    // log: every targets version has a time, on the right side of the cut-offs
    Run log = bulwark(alice, "log", gun.name());
    assertThat(log.exit()).as(log.err()).isZero();
    assertThat(log.err()).isEmpty();
    assertThat(log.out()).contains("(" + LogCommand.TIMES_NOTE + ")").doesNotContain("published -");
    Run json = bulwark(alice, "log", "--json", gun.name());
    assertThat(json.exit()).as(json.err()).isZero();
    List<JsonObject> targets = targetsEntries(json.out());
    // Bulwark's init uploads targets version 1, notary's version 2: find versions by content
    assertThat(publishedAt(adding(targets, "keep"))).isBefore(cut1);
    assertThat(publishedAt(adding(targets, "new"))).isAfterOrEqualTo(cut1).isBefore(cut2);
    assertThat(publishedAt(adding(targets, "newest"))).isAfterOrEqualTo(cut2);
    assertThat(strings(adding(targets, "new"), "changed")).containsExactly("changed");

    // the server pages its changefeed the way Changefeed reads it (after the last ID seen)
    NotaryRemote remote =
        new NotaryRemote(
            new NotaryLayout(serverUrl()),
            new NotaryHttpFetcher(NotaryTls.withCa(caCert()), Duration.ofSeconds(30)));
    Changefeed.Feed onePerPage = new Changefeed(remote, 1).read(gun, 100);
    Changefeed.Feed all = new Changefeed(remote).read(gun, 100);
    assertThat(onePerPage).isEqualTo(all);
    assertThat(((Changefeed.Feed.Available) all).records()).hasSizeGreaterThanOrEqualTo(4);
    changefeedHasNotarysShape(remote, gun);

    // dry run: lists, stages nothing
    Run dry = bulwark(alice, "prune", gun.name(), "--older-than", cut1.toString(), "--dry-run");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out())
        .contains("would remove keep from targets")
        .contains("would remove old from targets")
        .doesNotContain("changed from")
        .doesNotContain("new from")
        .contains("Dry run: nothing staged");
    assertThat(changelist(alice, gun).list()).isEmpty();

    // errors stage nothing: an unknown role, a cut-off in the future
    Run badRole =
        bulwark(alice, "prune", gun.name(), "--older-than", cut1.toString(), "-r", "targets/nope");
    assertThat(badRole.exit()).isEqualTo(1);
    assertThat(badRole.err()).contains("targets/nope is not a targets role");
    Run future = bulwark(alice, "prune", gun.name(), "--older-than", "2999-01-01");
    assertThat(future.exit()).isEqualTo(2);
    assertThat(future.err()).contains("is in the future");
    assertThat(changelist(alice, gun).list()).isEmpty();

    // stage (default): exactly what `bulwark trust remove` stages, for the two old targets
    Run staged = bulwark(alice, "prune", gun.name(), "--older-than", cut1.toString());
    assertThat(staged.exit()).as(staged.err()).isZero();
    assertThat(staged.out()).contains("Staged 2 removal(s)");
    assertThat(changelist(alice, gun).list())
        .containsExactly(
            Staging.removeTarget("targets", "keep"), Staging.removeTarget("targets", "old"));
    Run again = bulwark(alice, "prune", gun.name(), "--older-than", cut1.toString());
    assertThat(again.out()).as(again.err()).contains("Staged 0 removal(s)");
    assertThat(changelist(alice, gun).list()).hasSize(2);
    assertThat(
            ctx.publisher(gun, ExpiryPolicy.defaults())
                .publish(Set.of(), tmp().resolve("unused.bundle")))
        .isInstanceOf(Publisher.Outcome.Published.class);
    assertThat(names(alice, gun)).containsExactly("changed", "new", "newest");

    // --publish, in a separate process that has the key passphrases: "changed" (re-signed with
    // new content in the second publish) and "new" are older than cut2, "newest" is not
    Run published =
        bulwarkProcess(alice, "prune", gun.name(), "--older-than", cut2.toString(), "--publish");
    assertThat(published.exit()).as(published.err()).isZero();
    assertThat(published.out())
        .contains("remove changed from targets")
        .contains("remove new from targets")
        .contains("Published");
    assertThat(changelist(alice, gun).list()).isEmpty();
    assertThat(names(alice, gun)).containsExactly("newest");

    // nothing older than cut1 is left
    Run nothing = bulwark(alice, "prune", gun.name(), "--older-than", cut1.toString());
    assertThat(nothing.exit()).as(nothing.err()).isZero();
    assertThat(nothing.out()).contains("Nothing in [targets]");
    afterPrune(gun, alice);
  }

  /** Both servers must answer the same shape (research/notary.md §2.5), records required. */
  void changefeedHasNotarysShape(NotaryRemote remote, Gun gun) throws Exception {
    String feed = serverUrl() + "/v2/" + gun.name() + "/_trust/changefeed";
    JsonObject page =
        JsonReader.parseObject(
            remote.fetcher().fetch(URI.create(feed + "?change_id=0&records=2"), 1 << 20));
    assertThat(page.members().keySet()).containsExactlyInAnyOrder("count", "records");
    JsonObject first = (JsonObject) ((JsonArray) page.get("records").orElseThrow()).get(0);
    assertThat(first.members().keySet())
        .containsExactlyInAnyOrder("ID", "CreatedAt", "GUN", "Version", "SHA256", "Category");
    assertThat(first.get("ID").orElseThrow()).isInstanceOf(JsonString.class);
    assertThat(first.get("Version").orElseThrow()).isInstanceOf(JsonNumber.class);
    assertThatThrownBy(() -> remote.fetcher().fetch(URI.create(feed + "?change_id=0"), 1 << 20))
        .isInstanceOfSatisfying(
            HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  /**
   * An instant after everything the server has stored so far and before anything it stores next, at
   * any clock resolution down to a millisecond: the next millisecond, waited for by spinning (at
   * most 1 ms).
   */
  static Instant cutoffAfterThisMillisecond() {
    Instant cut = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
    while (Instant.now().isBefore(cut)) {
      Thread.onSpinWait();
    }
    return cut;
  }

  void publish(RepoContext ctx, Gun gun, Map<String, String> targets) throws Exception {
    Changelist cl = ctx.changelist(gun);
    for (Map.Entry<String, String> t : targets.entrySet()) {
      byte[] b = t.getValue().getBytes(StandardCharsets.UTF_8);
      cl.add(
          Staging.addTarget(
              "targets",
              t.getKey(),
              b.length,
              Map.of("sha256", Digests.sha256Hex(b)),
              Optional.empty()));
    }
    assertThat(
            ctx.publisher(gun, ExpiryPolicy.defaults())
                .publish(Set.of(), tmp().resolve("unused.bundle")))
        .isInstanceOf(Publisher.Outcome.Published.class);
  }

  RepoContext context(Path trustDir) {
    return new RepoContext(
        trustDir,
        serverUrl(),
        NotaryTls.withCa(caCert()),
        TrustPinning.tofu(),
        new EnvPassphrases(
            PASSPHRASES,
            r -> {
              throw new KeystoreException("no prompt in tests");
            }),
        Clock.systemUTC());
  }

  static Changelist changelist(Path trustDir, Gun gun) {
    return new Changelist(trustDir, gun, Clock.systemUTC());
  }

  List<String> names(Path trustDir, Gun gun) throws Exception {
    Run list = bulwark(trustDir, "list", "--json", gun.name());
    assertThat(list.exit()).as(list.err()).isZero();
    List<String> out = new ArrayList<>();
    for (JsonValue v :
        ((JsonArray) JsonReader.parse(list.out().strip().getBytes(StandardCharsets.UTF_8)))
            .elements()) {
      out.add(JsonFields.of((JsonObject) v, "list").string("name"));
    }
    return out;
  }

  static List<JsonObject> targetsEntries(String logJson) throws Exception {
    JsonFields top =
        JsonFields.of(
            JsonReader.parseObject(logJson.strip().getBytes(StandardCharsets.UTF_8)), "log");
    assertThat(top.value("timesUnavailable")).isEqualTo(JsonNull.INSTANCE);
    List<JsonObject> out = new ArrayList<>();
    for (JsonValue e : top.array("entries").elements()) {
      JsonObject o = (JsonObject) e;
      if (JsonFields.of(o, "entry").string("role").equals("targets")) {
        out.add(o);
      }
    }
    return out;
  }

  /** The one entry whose {@code added} list has {@code name}. */
  static JsonObject adding(List<JsonObject> entries, String name) throws Exception {
    List<JsonObject> found = new ArrayList<>();
    for (JsonObject e : entries) {
      if (strings(e, "added").contains(name)) {
        found.add(e);
      }
    }
    assertThat(found).as("log entries adding " + name).hasSize(1);
    return found.getFirst();
  }

  static Instant publishedAt(JsonObject entry) throws Exception {
    return Instant.parse(JsonFields.of(entry, "entry").string("publishedAt"));
  }

  static List<String> strings(JsonObject entry, String field) throws Exception {
    return JsonFields.of(entry, "entry").strings(field, false);
  }

  private List<String> globals(Path trustDir) throws Exception {
    Path config = tmp().resolve("empty-config.json");
    if (!Files.exists(config)) {
      Files.writeString(config, "{}");
    }
    return List.of(
        "trust",
        "-s",
        serverUrl().toString(),
        "--tlscacert",
        caCert().toString(),
        "-d",
        trustDir.toString(),
        "-c",
        config.toString());
  }

  /** The CLI in this JVM (no key passphrases: commands that sign cannot run here). */
  Run bulwark(Path trustDir, String... args) throws Exception {
    List<String> all = new ArrayList<>(globals(trustDir));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  /** The CLI in a child JVM on this classpath, with the key passphrases in its environment. */
  Run bulwarkProcess(Path trustDir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of(
            "-XX:TieredStopAtLevel=1", // a short run: start fast
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName()));
    cmd.addAll(globals(trustDir));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(PASSPHRASES);
    Path outFile = tmp().resolve("child.out");
    Path errFile = tmp().resolve("child.err");
    pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("bulwark child process did not finish in 120 s");
    }
    return new Run(p.exitValue(), Files.readString(outFile), Files.readString(errFile));
  }
}
