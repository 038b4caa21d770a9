package dev.bulwark.trust.server.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link MetaStore} over JDBC; the SQL is portable between H2 and PostgreSQL. */
public final class JdbcMetaStore implements MetaStore {
  private static final String FILE_COLUMNS = "gun, role, version, data, sha256, created_at";
  private final DataSource dataSource;
  private final AutoCloseable closer;

  /**
   * @param closer closes the pool behind {@code dataSource}
   */
  public JdbcMetaStore(DataSource dataSource, AutoCloseable closer) {
    this.dataSource = dataSource;
    this.closer = closer;
  }

  @Override
  public Optional<StoredFile> current(String gun, String role) throws StoreException {
    return queryOne(
        "SELECT "
            + FILE_COLUMNS
            + " FROM tuf_files WHERE gun = ? AND role = ?"
            + " ORDER BY version DESC LIMIT 1",
        gun,
        role);
  }

  @Override
  public Map<String, StoredFile> currentAll(String gun) throws StoreException {
    String sql =
        "SELECT "
            + FILE_COLUMNS
            + " FROM tuf_files f WHERE gun = ? AND version ="
            + " (SELECT MAX(version) FROM tuf_files g WHERE g.gun = f.gun AND g.role = f.role)";
    Map<String, StoredFile> out = new HashMap<>();
    for (StoredFile f : queryMany(sql, gun)) {
      out.put(f.role(), f);
    }
    return out;
  }

  @Override
  public Optional<StoredFile> byVersion(String gun, String role, int version)
      throws StoreException {
    return queryOne(
        "SELECT " + FILE_COLUMNS + " FROM tuf_files WHERE gun = ? AND role = ? AND version = ?",
        gun,
        role,
        version);
  }

  @Override
  public Optional<StoredFile> byChecksum(String gun, String role, String sha256)
      throws StoreException {
    return queryOne(
        "SELECT "
            + FILE_COLUMNS
            + " FROM tuf_files WHERE gun = ? AND sha256 = ? AND role = ?"
            + " ORDER BY version DESC LIMIT 1",
        gun,
        sha256,
        role);
  }

  @Override
  public void update(String gun, List<MetaUpdate> files) throws StoreException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Instant now = Instant.now();
        for (MetaUpdate f : files) {
          requireNewer(c, gun, f);
          insertFile(c, gun, f, now);
        }
        for (MetaUpdate f : files) {
          if (f.role().equals("timestamp")) {
            insertChange(c, gun, f.version(), sha256Hex(f.data()), Change.UPDATE, now);
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException | StoreException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw translate("storing update of " + gun, e);
    }
  }

  private static void requireNewer(Connection c, String gun, MetaUpdate f)
      throws SQLException, VersionConflictException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT MAX(version) FROM tuf_files WHERE gun = ? AND role = ?")) {
      ps.setString(1, gun);
      ps.setString(2, f.role());
      try (ResultSet rs = ps.executeQuery()) {
        int stored = rs.next() ? rs.getInt(1) : 0;
        if (f.version() <= stored) {
          throw new VersionConflictException(
              "expected " + f.role() + " version > " + stored + ", got " + f.version(), null);
        }
      }
    }
  }

  private static void insertFile(Connection c, String gun, MetaUpdate f, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tuf_files (created_at, gun, role, version, sha256, data)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      ps.setString(2, gun);
      ps.setString(3, f.role());
      ps.setInt(4, f.version());
      ps.setString(5, sha256Hex(f.data()));
      ps.setBytes(6, f.data());
      ps.executeUpdate();
    }
  }

  private static void insertChange(
      Connection c, String gun, int version, String sha, String category, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO changefeed (created_at, gun, version, sha256, category)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      ps.setString(2, gun);
      ps.setInt(3, version);
      ps.setString(4, sha);
      ps.setString(5, category);
      ps.executeUpdate();
    }
  }

  @Override
  public void delete(String gun) throws StoreException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        execute(c, "DELETE FROM tuf_files WHERE gun = ?", gun);
        execute(c, "DELETE FROM server_keys WHERE gun = ?", gun);
        insertChange(c, gun, 0, "", Change.DELETION, Instant.now());
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw translate("deleting " + gun, e);
    }
  }

  private static void execute(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      ps.executeUpdate();
    }
  }

  @Override
  public List<Change> changes(String gun, long changeId, int records) throws StoreException {
    boolean reversed = changeId < 0 || records < 0;
    int limit = Math.abs(records);
    StringBuilder sql =
        new StringBuilder("SELECT id, created_at, gun, version, sha256, category FROM changefeed");
    List<Object> args = new ArrayList<>();
    List<String> where = new ArrayList<>();
    if (reversed && changeId > 0) {
      where.add("id < ?");
      args.add(changeId);
    } else if (!reversed) {
      where.add("id > ?");
      args.add(changeId);
    }
    if (gun != null) {
      where.add("gun = ?");
      args.add(gun);
    }
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    sql.append(reversed ? " ORDER BY id DESC" : " ORDER BY id ASC").append(" LIMIT ").append(limit);
    List<Change> out = queryChanges(sql.toString(), args);
    if (reversed) {
      Collections.reverse(out);
    }
    return out;
  }

  private List<Change> queryChanges(String sql, List<Object> args) throws StoreException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      List<Change> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Change(
                  rs.getLong(1),
                  rs.getObject(2, OffsetDateTime.class).toInstant(),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getString(5).trim(),
                  rs.getString(6)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw translate("reading changefeed", e);
    }
  }

  @Override
  public long latestChangeId() throws StoreException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM changefeed");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw translate("reading changefeed", e);
    }
  }

  @Override
  public Map<String, Long> changedSince(long changeId) throws StoreException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT gun, MAX(id) FROM changefeed WHERE id > ? GROUP BY gun")) {
      ps.setLong(1, changeId);
      Map<String, Long> out = new HashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
      return out;
    } catch (SQLException e) {
      throw translate("reading changefeed", e);
    }
  }

  @Override
  public void putKey(StoredKey key) throws StoreException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO server_keys (created_at, gun, role, key_id, algorithm, public_key,"
                    + " private_key_enc) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, OffsetDateTime.ofInstant(key.createdAt(), ZoneOffset.UTC));
      ps.setString(2, key.gun());
      ps.setString(3, key.role());
      ps.setString(4, key.keyId());
      ps.setString(5, key.algorithm());
      ps.setBytes(6, key.publicKey());
      ps.setBytes(7, key.privateKeyEnc());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw translate("storing a " + key.role() + " key of " + key.gun(), e);
    }
  }

  @Override
  public List<StoredKey> keys(String gun, String role) throws StoreException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT gun, role, key_id, algorithm, public_key, private_key_enc, created_at"
                    + " FROM server_keys WHERE gun = ? AND role = ? ORDER BY id DESC")) {
      ps.setString(1, gun);
      ps.setString(2, role);
      List<StoredKey> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new StoredKey(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3).trim(),
                  rs.getString(4),
                  rs.getBytes(5),
                  rs.getBytes(6),
                  rs.getObject(7, OffsetDateTime.class).toInstant()));
        }
      }
      return out;
    } catch (SQLException e) {
      throw translate("reading " + role + " keys of " + gun, e);
    }
  }

  @Override
  public boolean healthy() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      closer.close();
    } catch (Exception e) {
      System.getLogger(JdbcMetaStore.class.getName())
          .log(System.Logger.Level.WARNING, "closing the database pool failed", e);
    }
  }

  private Optional<StoredFile> queryOne(String sql, Object... args) throws StoreException {
    List<StoredFile> all = queryMany(sql, args);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
  }

  private List<StoredFile> queryMany(String sql, Object... args) throws StoreException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<StoredFile> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new StoredFile(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getInt(3),
                  rs.getBytes(4),
                  rs.getString(5).trim(),
                  rs.getObject(6, OffsetDateTime.class).toInstant()));
        }
      }
      return out;
    } catch (SQLException e) {
      throw translate("reading metadata", e);
    }
  }

  /** Unique-key violations and lock conflicts mean a concurrent update won the race. */
  private static StoreException translate(String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    int code = e.getErrorCode();
    boolean conflict =
        state.equals("23505") || state.equals("40001") || code == 50200 || code == 90131;
    if (conflict) {
      return new VersionConflictException(what + ": a newer version is already stored", e);
    }
    return new StoreException(what + " failed: " + e.getMessage(), e);
  }

  /** Lower-case hex SHA-256, the checksum column and URL form. */
  public static String sha256Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
