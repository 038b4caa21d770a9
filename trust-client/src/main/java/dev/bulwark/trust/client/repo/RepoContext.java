package dev.bulwark.trust.client.repo;

import dev.bulwark.trust.client.keystore.PassphraseSource;
import dev.bulwark.trust.client.keystore.TrustDirKeyStore;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryHttpFetcher;
import dev.bulwark.trust.client.notary.NotaryLayout;
import dev.bulwark.trust.client.notary.NotaryReader;
import dev.bulwark.trust.client.notary.NotaryRemote;
import dev.bulwark.trust.client.notary.NotaryTls;
import dev.bulwark.trust.client.notary.NotaryTrustDir;
import dev.bulwark.trust.client.notary.TrustPinning;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * Everything a signing workflow needs, wired once: trust dir (keys, metadata cache, changelists),
 * server URL and TLS, trust pinning, passphrases, clock.
 */
public final class RepoContext {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final Path trustDir;
  private final URI server;
  private final NotaryTls tls;
  private final TrustPinning pinning;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final TrustDirKeyStore store;
  private final SigningKeys signingKeys;
  private NotaryReader reader;
  private NotaryWriter writer;
  private SSLContext sslContext;

  public RepoContext(
      Path trustDir,
      URI server,
      NotaryTls tls,
      TrustPinning pinning,
      PassphraseSource passphrases,
      Clock clock) {
    this.trustDir = trustDir;
    this.server = server;
    this.tls = tls;
    this.pinning = pinning;
    this.clock = clock;
    this.store = new TrustDirKeyStore(trustDir, passphrases, random);
    this.signingKeys = new SigningKeys(store);
  }

  public Path trustDir() {
    return trustDir;
  }

  public Clock clock() {
    return clock;
  }

  public TrustDirKeyStore keyStore() {
    return store;
  }

  public SigningKeys signingKeys() {
    return signingKeys;
  }

  /** The verifying reader (HTTPS, trust pinning, metadata cache in the trust dir). */
  public synchronized NotaryReader reader() {
    if (reader == null) {
      NotaryRemote remote =
          new NotaryRemote(new NotaryLayout(server), new NotaryHttpFetcher(sslContext(), TIMEOUT));
      reader = new NotaryReader(remote, pinning, clock, gun -> new NotaryTrustDir(trustDir, gun));
    }
    return reader;
  }

  public synchronized NotaryWriter writer() {
    if (writer == null) {
      writer = new NotaryWriter(server, sslContext(), TIMEOUT, random);
    }
    return writer;
  }

  /**
   * One TLS context for reading and writing: the CA file and client key are read once, and the
   * writer's connection can resume the reader's TLS session instead of a full handshake.
   */
  private synchronized SSLContext sslContext() {
    if (sslContext == null) {
      sslContext = tls.sslContext();
    }
    return sslContext;
  }

  public Changelist changelist(Gun gun) {
    return new Changelist(trustDir, gun, clock);
  }

  public Publisher publisher(Gun gun, ExpiryPolicy expiry) {
    return new Publisher(trustDir, gun, reader(), writer(), signingKeys, clock, expiry);
  }

  public Rotator rotator(Gun gun, ExpiryPolicy expiry) {
    return new Rotator(
        gun, reader(), writer(), store, publisher(gun, expiry), signingKeys, clock, random, expiry);
  }

  public Initializer initializer(Gun gun, ExpiryPolicy expiry) {
    return new Initializer(gun, reader(), writer(), store, clock, random, expiry);
  }
}
