package dev.bulwark.trust.client.repo;

import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryCollection;
import dev.bulwark.trust.client.notary.NotaryReader;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.core.model.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Publishes a collection's staged changes: read and verify the current state, apply the changelist,
 * sign every changed role, verify the result as a client would, add a snapshot if the snapshot key
 * is held here, and upload everything in one atomic update. Roles below their threshold go into a
 * {@link SigningBundle} for co-signers instead.
 */
public final class Publisher {
  private final Path trustDir;
  private final Gun gun;
  private final NotaryReader reader;
  private final NotaryWriter writer;
  private final SigningKeys keys;
  private final Clock clock;
  private final ExpiryPolicy expiry;

  public Publisher(
      Path trustDir,
      Gun gun,
      NotaryReader reader,
      NotaryWriter writer,
      SigningKeys keys,
      Clock clock,
      ExpiryPolicy expiry) {
    this.trustDir = trustDir;
    this.gun = gun;
    this.reader = reader;
    this.writer = writer;
    this.keys = keys;
    this.clock = clock;
    this.expiry = expiry;
  }

  /** What a publish did. */
  public sealed interface Outcome {
    /** Uploaded: these role files were sent. */
    record Published(List<String> roles) implements Outcome {}

    /** Some role is below its threshold: the bundle was written, nothing uploaded. */
    record NeedsSignatures(Path bundle, List<String> missing) implements Outcome {}
  }

  /** The staged changes of this collection. */
  public Changelist changelist() {
    return new Changelist(trustDir, gun, clock);
  }

  /**
   * Publishes the changelist plus roles to re-sign ({@code witness}). If a role stays below its
   * threshold, writes {@code bundleFile} and moves the changes into it.
   */
  public Outcome publish(Set<String> witness, Path bundleFile) throws RepoException {
    Changelist cl = changelist();
    List<Change> changes = cl.list();
    NotaryCollection current = RemoteState.require(reader, gun);
    Editor editor = RemoteState.editor(current.root(), current);
    for (Change c : changes) {
      editor.apply(c);
    }
    for (String w : witness) {
      editor.witness(w);
    }
    if (editor.dirty().isEmpty()) {
      throw new RepoException("nothing to publish for " + gun + ": no staged changes");
    }
    List<SignedRole> signed = editor.sign(clock.instant(), expiry, keys);
    List<String> missing = new ArrayList<>();
    for (SignedRole r : signed) {
      if (!r.complete()) {
        missing.add(r.name() + " (" + r.signatureCount() + " of " + r.threshold() + " signatures)");
      }
    }
    if (!missing.isEmpty()) {
      toBundle(signed, editor).write(bundleFile);
      cl.clear();
      return new Outcome.NeedsSignatures(bundleFile, missing);
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    signed.forEach(r -> files.put(r.name(), r.metadata().rawBytes()));
    verifyAsClient(current, signed);
    upload(current, files, editor.deleted(), Optional.empty());
    cl.clear();
    return new Outcome.Published(List.copyOf(files.keySet()));
  }

  /** Publishes a co-signed bundle once every role meets its threshold. */
  public Outcome.Published publish(SigningBundle bundle) throws RepoException {
    if (!bundle.gun().equals(gun)) {
      throw new RepoException("bundle is for " + bundle.gun() + ", not " + gun);
    }
    NotaryCollection current = RemoteState.require(reader, gun);
    List<SignedRole> roles = new ArrayList<>();
    for (SigningBundle.Entry e : bundle.roles()) {
      roles.add(new SignedRole(e.name(), e.metadata(), e.threshold()));
    }
    verifyAsClient(current, roles);
    Map<String, byte[]> files = new LinkedHashMap<>();
    roles.forEach(r -> files.put(r.name(), r.metadata().rawBytes()));
    upload(current, files, Set.of(), Optional.empty());
    return new Outcome.Published(List.copyOf(files.keySet()));
  }

  /**
   * Uploads {@code files} (+ a new root), with a new snapshot when the snapshot key is held here.
   */
  void upload(
      NotaryCollection current,
      Map<String, byte[]> files,
      Set<String> removed,
      Optional<Metadata<Root>> newRoot)
      throws RepoException {
    Metadata<Root> root = newRoot.orElse(current.root());
    Map<String, byte[]> all = new LinkedHashMap<>();
    newRoot.ifPresent(r -> all.put("root", r.rawBytes()));
    all.putAll(files);
    List<SigningKey> snapKeys = SnapshotSigner.keys(root, keys);
    if (!snapKeys.isEmpty()) {
      Instant exp = clock.instant().plus(expiry.forRole("snapshot"));
      Metadata<Snapshot> snap =
          SnapshotSigner.next(Optional.of(current.snapshot()), all, removed, exp, snapKeys);
      all.put("snapshot", snap.rawBytes());
    }
    try {
      writer.update(gun, all);
    } catch (ServerRefusedException e) {
      if (snapKeys.isEmpty() && e.getMessage().contains("not found")) {
        throw new ServerRefusedException(
            e.status(),
            e.code(),
            e.getMessage()
                + " (this trust dir has no snapshot key for "
                + gun
                + " and the server does not hold it either: publish from the trust dir that has it,"
                + " or hand the snapshot to the server with 'key rotate "
                + gun
                + " snapshot -r')");
      }
      throw e;
    }
  }

  /**
   * Verifies each role as every client will (threshold of distinct authorised keys, TUF 5.6.3),
   * parents before children, so a below-threshold role is refused here before any upload.
   */
  private void verifyAsClient(NotaryCollection current, List<SignedRole> roles)
      throws RepoException {
    Map<String, Metadata<Targets>> view = new LinkedHashMap<>(RemoteState.targetsByRole(current));
    List<SignedRole> sorted = new ArrayList<>(roles);
    sorted.sort(Comparator.comparingLong(r -> r.name().chars().filter(ch -> ch == '/').count()));
    for (SignedRole r : sorted) {
      try {
        if (r.name().equals("targets")) {
          current.root().signed().verify(RoleType.TARGETS, r.metadata());
        } else {
          Metadata<Targets> parent = view.get(Editor.parentOf(r.name()));
          if (parent == null) {
            throw new RepoException(
                "cannot publish " + r.name() + ": its parent role does not exist");
          }
          parent.signed().verifyDelegate(r.name(), r.metadata());
        }
      } catch (TrustException e) {
        throw new ThresholdNotReachedException(
            "refusing to publish " + r.name() + ": " + e.getMessage());
      }
      view.put(r.name(), r.metadata());
    }
  }

  private SigningBundle toBundle(List<SignedRole> signed, Editor editor) throws RepoException {
    List<SigningBundle.Entry> entries = new ArrayList<>();
    for (SignedRole r : signed) {
      Map<String, dev.bulwark.trust.core.model.Key> authorised = new LinkedHashMap<>();
      Map<String, dev.bulwark.trust.core.model.Key> pool = editor.keyPool(r.name());
      for (String id : editor.authority(r.name()).keyIds()) {
        if (pool.containsKey(id)) {
          authorised.put(id, pool.get(id));
        }
      }
      entries.add(new SigningBundle.Entry(r.metadata(), r.name(), r.threshold(), authorised));
    }
    return new SigningBundle(gun, entries);
  }

  /** Deletes the local metadata cache and changelist of the collection (and the remote data). */
  public void delete(boolean remote) throws RepoException {
    if (remote) {
      writer.delete(gun);
    }
    Path dir = trustDir.resolve("tuf").resolve(gun.name());
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new RepoException("cannot delete " + dir + ": " + e.getMessage(), e);
    }
  }
}
