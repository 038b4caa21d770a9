package dev.bulwark.trust.server;

import dev.bulwark.testkit.notary.Certs;
import dev.bulwark.testkit.notary.NotaryCli;
import dev.bulwark.testkit.notary.NotaryServerProcess;
import dev.bulwark.testkit.notary.Storage;
import dev.bulwark.testkit.notary.TlsMaterial;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark driver behind {@code scripts/bench-server.sh}: runs wrk (2 threads, 32 connections)
 * against {@code GET timestamp.json} and {@code GET root.json} of bulwark server (H2, PostgreSQL)
 * and the real notary-server (memory, PostgreSQL) in one run, and prints a table.
 *
 * <p>Usage: {@code ServerBench <workdir> <seconds> <runs> [targets...]}; targets default to {@code
 * bulwark-h2 bulwark-pg notary-memory notary-pg}.
 */
public final class ServerBench {
  private static final String GUN = "localhost:5000/bench/busybox";
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
  private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

  private ServerBench() {}

  /** One wrk result. */
  record Result(String target, String file, double rps, double p99ms, long non2xx) {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int seconds = Integer.parseInt(args[1]);
    int runs = Integer.parseInt(args[2]);
    List<String> targets =
        args.length > 3
            ? List.of(args).subList(3, args.length)
            : List.of("bulwark-h2", "bulwark-pg", "notary-memory", "notary-pg");
    List<Result> results = new ArrayList<>();
    for (String t : targets) {
      results.addAll(benchOne(work.resolve(t), t, seconds, runs));
    }
    print(results);
  }

  private static List<Result> benchOne(Path dir, String target, int seconds, int runs)
      throws Exception {
    Files.createDirectories(dir);
    if (target.startsWith("notary")) {
      Storage storage = target.equals("notary-pg") ? Storage.postgres() : Storage.memory();
      try (NotaryServerProcess s = NotaryServerProcess.start(dir, storage)) {
        return drive(dir, target, s.url(), s.tls(), seconds, runs);
      }
    }
    TlsMaterial tls = Certs.generate(dir.resolve("tls"));
    Files.writeString(dir.resolve("secret"), "benchmark-key-encryption-secret\n");
    String storage =
        target.equals("bulwark-pg")
            ? "storage:\n  backend: postgresql\n  db_url: \""
                + TestServers.freshPostgresDatabase()
                + "\"\n  data_dir: "
                + dir.resolve("data")
                + "\n"
            : "storage:\n  data_dir: " + dir.resolve("data") + "\n";
    String yaml =
        "server:\n  port: 0\n  tls_cert_file: "
            + tls.leafCert()
            + "\n  tls_key_file: "
            + tls.leafKey()
            + "\n"
            + storage
            + "keys:\n  secret_file: "
            + dir.resolve("secret")
            + "\nlogging:\n  level: warn\n";
    Path cfg = Files.writeString(dir.resolve("server.yml"), yaml);
    try (ServerProcess s = ServerProcess.start(cfg, dir.resolve("server.log"))) {
      return drive(dir, target, s.url(), tls, seconds, runs);
    }
  }

  private static List<Result> drive(
      Path dir, String target, URI url, TlsMaterial tls, int seconds, int runs) throws Exception {
    NotaryCli cli = NotaryCli.forServer(dir.resolve("client"), url, tls.caCert());
    Path payload = Files.writeString(dir.resolve("payload"), "benchmark payload\n");
    cli.runOk("init", GUN, "-p");
    cli.runOk("add", GUN, "latest", payload.toString(), "-p");
    cli.runOk("list", GUN);
    for (String file : List.of("timestamp.json", "root.json")) {
      wrk(
          url.resolve("/v2/" + GUN + "/_trust/tuf/" + file),
          Math.max(15, seconds),
          dir); // JIT warm-up
    }
    List<Result> out = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      for (String file : List.of("timestamp.json", "root.json")) {
        URI u = url.resolve("/v2/" + GUN + "/_trust/tuf/" + file);
        out.add(parse(target, file, wrk(u, seconds, dir)));
      }
    }
    return out;
  }

  private static String wrk(URI url, int seconds, Path dir)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("wrk", "-t2", "-c32", "-d" + seconds + "s", "--latency", url.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("wrk failed: " + out);
    }
    return out;
  }

  static Result parse(String target, String file, String wrk) {
    Matcher rps = RPS.matcher(wrk);
    Matcher p99 = P99.matcher(wrk);
    if (!rps.find() || !p99.find()) {
      throw new IllegalStateException("cannot parse wrk output:\n" + wrk);
    }
    double v = Double.parseDouble(p99.group(1));
    double ms =
        switch (p99.group(2)) {
          case "us" -> v / 1000;
          case "s" -> v * 1000;
          default -> v;
        };
    Matcher bad = NON2XX.matcher(wrk);
    long non2xx = bad.find() ? Long.parseLong(bad.group(1)) : 0;
    return new Result(target, file, Double.parseDouble(rps.group(1)), ms, non2xx);
  }

  private static void print(List<Result> results) {
    System.out.println();
    System.out.printf(
        Locale.ROOT, "%-15s %-15s %12s %10s %8s%n", "server", "file", "req/s", "p99 ms", "non2xx");
    for (Result r : results) {
      System.out.printf(
          Locale.ROOT,
          "%-15s %-15s %12.0f %10.1f %8d%n",
          r.target(),
          r.file(),
          r.rps(),
          r.p99ms(),
          r.non2xx());
    }
  }
}
