package dev.bulwark.testkit.notary;

/**
 * Notary 0.7's PostgreSQL schema (server: {@code tuf_files}, {@code change_category}, {@code
 * changefeed}; signer: {@code private_keys}), as created by upstream's {@code
 * migrations/{server,signer}/postgresql/*.up.sql}. The Debian package does not ship the migration
 * files, so the resulting schema is restated here.
 */
final class NotarySchema {
  static final String POSTGRES =
      """
      CREATE TABLE tuf_files (
        id serial PRIMARY KEY,
        created_at timestamp NULL DEFAULT NULL,
        updated_at timestamp NULL DEFAULT NULL,
        deleted_at timestamp NULL DEFAULT NULL,
        gun varchar(255) NOT NULL,
        role varchar(255) NOT NULL,
        version integer NOT NULL,
        data bytea NOT NULL,
        sha256 char(64) DEFAULT NULL,
        UNIQUE (gun, role, version)
      );
      CREATE INDEX tuf_files_sha256_idx ON tuf_files (sha256);
      CREATE TABLE change_category (category VARCHAR(20) PRIMARY KEY);
      INSERT INTO change_category VALUES ('update'), ('deletion');
      CREATE TABLE changefeed (
        id serial PRIMARY KEY,
        created_at timestamp DEFAULT CURRENT_TIMESTAMP,
        gun varchar(255) NOT NULL,
        version integer NOT NULL,
        sha256 CHAR(64) DEFAULT NULL,
        category VARCHAR(20) NOT NULL DEFAULT 'update' REFERENCES change_category (category)
      );
      CREATE INDEX idx_changefeed_gun ON changefeed (gun);
      CREATE TABLE private_keys (
        id serial PRIMARY KEY,
        created_at timestamp NULL DEFAULT NULL,
        updated_at timestamp NULL DEFAULT NULL,
        deleted_at timestamp NULL DEFAULT NULL,
        key_id varchar(255) NOT NULL,
        encryption_alg varchar(255) NOT NULL,
        keywrap_alg varchar(255) NOT NULL,
        algorithm varchar(50) NOT NULL,
        passphrase_alias varchar(50) NOT NULL,
        public bytea NOT NULL,
        private bytea NOT NULL,
        gun varchar(255) NOT NULL,
        role varchar(255) NOT NULL,
        last_used timestamp NULL DEFAULT NULL,
        CONSTRAINT key_id UNIQUE (key_id),
        CONSTRAINT key_id_2 UNIQUE (key_id, algorithm)
      );
      """;

  private NotarySchema() {}
}
