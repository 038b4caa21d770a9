package dev.bulwark.trust.client.repo;

import dev.bulwark.trust.client.fetch.DownloadException;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NoTrustDataException;
import dev.bulwark.trust.client.notary.NotaryCollection;
import dev.bulwark.trust.client.notary.NotaryReader;
import dev.bulwark.trust.client.notary.SkippedRole;
import dev.bulwark.trust.client.notary.VerifiedTargets;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.Targets;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the current, verified state of a collection through the Notary reader. */
final class RemoteState {
  private RemoteState() {}

  /** The verified collection, or empty if the server has no trust data for it. */
  static Optional<NotaryCollection> read(NotaryReader reader, Gun gun) throws RepoException {
    try {
      return Optional.of(reader.read(gun));
    } catch (NoTrustDataException e) {
      return Optional.empty();
    } catch (DownloadException e) {
      throw new RepoException("cannot read " + gun + " from the server: " + e.getMessage(), e);
    } catch (TrustException e) {
      throw new RepoException(
          "current metadata of " + gun + " does not verify: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new RepoException("cannot read the local cache of " + gun + ": " + e.getMessage(), e);
    }
  }

  static NotaryCollection require(NotaryReader reader, Gun gun) throws RepoException {
    return read(reader, gun)
        .orElseThrow(
            () ->
                new RepoException(
                    gun
                        + " does not have trust data on the server yet: run `bulwark trust init "
                        + gun
                        + "` first"));
  }

  /** An editor over the current state, aware of delegations the reader had to skip. */
  static Editor editor(Metadata<Root> root, NotaryCollection c) {
    Editor e = new Editor(root, targetsByRole(c));
    for (SkippedRole s : c.skipped()) {
      if (s.kind() == SkippedRole.Kind.THRESHOLD) {
        e.untrustedRole(s.role(), s.version());
      }
    }
    return e;
  }

  static Map<String, Metadata<Targets>> targetsByRole(NotaryCollection c) {
    Map<String, Metadata<Targets>> out = new LinkedHashMap<>();
    for (VerifiedTargets vt : c.targets()) {
      out.put(vt.role(), vt.metadata());
    }
    // An expired delegation (signatures valid) is the base its owner re-signs with a new expiry:
    // without it, one lapsed delegation would block every publish (notary#1662).
    for (SkippedRole s : c.skipped()) {
      s.expired().ifPresent(md -> out.putIfAbsent(s.role(), md));
    }
    return out;
  }
}
